// 部门办理进度: each stage of the process with its departments' tasks side by side (并联审批):
// status, deadline and, once decided, the department's opinion.
import { Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseTaskSummary } from '../../../../contract/applications';
import { formatDateTime } from '../../../lib/format';
import { DaysLeft, DueDate, TaskStatusTag } from '../labels';

interface Stage { stage: number; name: string; kind: CaseTaskSummary['kind']; tasks: CaseTaskSummary[] }

function stagesOf(tasks: CaseTaskSummary[]): Stage[] {
  const stages = new Map<string, Stage>();
  for (const task of tasks) {
    const key = `${task.kind}:${task.stage}`;
    const stage = stages.get(key) ?? { stage: task.stage, name: task.stageName, kind: task.kind, tasks: [] };
    stage.tasks.push(task);
    stages.set(key, stage);
  }
  return [...stages.values()].sort((a, b) => (a.kind === b.kind ? a.stage - b.stage : a.kind === 'review' ? -1 : 1));
}

function TaskCard({ task }: { task: CaseTaskSummary }) {
  const { t } = useTranslation();
  const live = task.status === 'open' || task.status === 'returned';
  return (
    <li className="tb-task-card">
      <div className="tb-task-head">
        <span className="tb-task-dept">{task.department.name}</span>
        <TaskStatusTag status={task.status} />
      </div>
      <p className="tb-task-name">{task.name}</p>
      {live && task.dueOn && (
        <p className="tb-small">
          {t('applications.progress.taskDue')}<DueDate dueOn={task.dueOn} /> <DaysLeft days={task.workingDaysLeft} deadline={task.deadline} />
        </p>
      )}
      {task.decidedAt && (
        <p className="tb-small tb-muted">
          {/* a department that asked for a supplement has not concluded its part */}
          {t(task.status === 'returned' ? 'applications.progress.returnedAt' : 'applications.progress.decidedAt', { time: formatDateTime(task.decidedAt) })}
        </p>
      )}
      {task.comment && (
        <blockquote className="tb-task-opinion">
          <span className="tb-visually-hidden">{t('applications.progress.opinion')}</span>
          {task.comment}
        </blockquote>
      )}
    </li>
  );
}

export function TaskProgress({ tasks }: { tasks: CaseTaskSummary[] }) {
  const { t } = useTranslation();
  if (!tasks.length) return <Empty description={t('applications.progress.none')} />;
  return (
    <ol className="tb-plain-list tb-stage-list">
      {stagesOf(tasks).map((s) => (
        <li key={`${s.kind}-${s.stage}`} className="tb-stage">
          <h3 className="tb-stage-title">
            {s.kind === 'post_check' ? <Tag className="tb-tag-orange">{t('applications.progress.postCheck')}</Tag> : t('applications.progress.stageN', { n: s.stage })}
            {' '}{s.name}
            {s.tasks.length > 1 && <span className="tb-muted tb-small">{t('applications.progress.parallel', { count: s.tasks.length })}</span>}
          </h3>
          <ul className="tb-plain-list tb-task-grid">
            {s.tasks.map((task) => <TaskCard key={task.id} task={task} />)}
          </ul>
        </li>
      ))}
    </ol>
  );
}
