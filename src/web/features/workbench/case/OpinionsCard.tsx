// 各部门办理情况: every department's task by stage, its status, deadline and opinion, plus the
// supplement requests the applicant was sent.
import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseTaskSummary, StaffCaseView } from '../../../../contract/applications';
import { formatDate, formatDateTime } from '../../../lib/format';
import { DeadlineTag } from '../DeadlineTag';
import { taskStatusClass, useCaseLabels } from '../labels';

function TaskEntry({ task, mine }: { task: CaseTaskSummary; mine: boolean }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  return (
    <li className={mine ? 'wb-task wb-task-mine' : 'wb-task'}>
      <div className="wb-task-head">
        <span className="wb-task-dept">{task.department.name}</span>
        <span>{task.name}</span>
        {task.kind === 'post_check' && <Tag color="purple">{labels.taskKind('post_check')}</Tag>}
        <Tag className={taskStatusClass(task.status)}>{labels.taskStatus(task.status, task.kind)}</Tag>
        {mine && <Tag color="blue">{t('workbench.case.myTask')}</Tag>}
        {task.status === 'open' && <DeadlineTag deadline={task.deadline} workingDaysLeft={task.workingDaysLeft} />}
      </div>
      <div className="tb-muted tb-small">
        {task.dueOn && <>{t('workbench.inbox.columns.due')}{t('common.colon')}<time dateTime={task.dueOn}>{formatDate(task.dueOn)}</time></>}
        {task.decidedAt && <>{task.dueOn && ' · '}{t('workbench.case.decidedAt')}{t('common.colon')}<time dateTime={task.decidedAt}>{formatDateTime(task.decidedAt)}</time></>}
      </div>
      {task.comment
        ? <p className="wb-opinion"><span className="tb-muted">{t('workbench.case.opinion')}{t('common.colon')}</span>{task.comment}</p>
        : task.decidedAt && <p className="wb-opinion tb-muted">{t('workbench.case.noOpinion')}</p>}
    </li>
  );
}

export function OpinionsCard({ view, materialName, fieldName }: {
  view: StaffCaseView;
  materialName: (index: number) => string;
  fieldName: (name: string) => string;
}) {
  const { t } = useTranslation();
  const mine = new Set(view.myTasks.map((task) => task.id));
  // review stages in order, then the post-check (事后核查) if any
  const groupOf = (task: CaseTaskSummary) => `${task.kind === 'post_check' ? 1 : 0}-${String(task.stage).padStart(3, '0')}`;
  const groups = [...new Set(view.tasks.map(groupOf))].sort();
  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('workbench.case.opinions')}</h2>}>
      {groups.map((group) => {
        const tasks = view.tasks.filter((task) => groupOf(task) === group);
        const first = tasks[0];
        return (
          <section key={group} className="wb-stage">
            <h3 className="wb-section-title">
              {first.kind === 'post_check' ? first.stageName : t('workbench.case.stage', { n: first.stage, name: first.stageName })}
            </h3>
            <ul className="tb-plain-list">
              {tasks.map((task) => <TaskEntry key={task.id} task={task} mine={mine.has(task.id)} />)}
            </ul>
          </section>
        );
      })}
      {view.supplementRequests.length > 0 && (
        <section className="wb-stage">
          <h3 className="wb-section-title">{t('workbench.case.supplements')}</h3>
          <ul className="tb-plain-list">
            {view.supplementRequests.map((r) => (
              <li key={`${r.taskId}-${r.requestedAt}`} className="wb-task">
                <div className="tb-muted tb-small">{t('workbench.case.supplementBy', { department: r.departmentName, time: formatDateTime(r.requestedAt) })}</div>
                <p className="wb-opinion">{r.comment}</p>
                {r.materials.length > 0 && <p className="wb-opinion">{t('workbench.case.supplementMaterials', { list: r.materials.map(materialName).join('、') })}</p>}
                {r.fields.length > 0 && <p className="wb-opinion">{t('workbench.case.supplementFields', { list: r.fields.map(fieldName).join('、') })}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Card>
  );
}
