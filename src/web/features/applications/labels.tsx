// How a case's state reads: the status tag (待受理 … 已办结（通过）), the working days left in
// the deadline's colour, and task statuses.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseResult, CaseStatus, CaseTaskSummary } from '../../../contract/applications';
import { formatDate } from '../../lib/format';

type Deadline = 'normal' | 'amber' | 'red' | 'paused';

const STATUS_CLASS: Record<CaseStatus, string> = {
  submitted: 'tb-tag-blue', in_review: 'tb-tag-blue', supplement: 'tb-tag-orange',
  concluded: 'tb-tag-green', not_accepted: 'tb-tag-red', withdrawn: '',
};

export function StatusTag({ status, result }: { status: CaseStatus; result: CaseResult | null }) {
  const { t } = useTranslation();
  if (status === 'concluded' && result) {
    return <Tag className={result === 'approved' ? 'tb-tag-green' : 'tb-tag-red'}>{t(`applications.result.${result}`)}</Tag>;
  }
  return <Tag className={STATUS_CLASS[status]}>{t(`applications.status.${status}`)}</Tag>;
}

const TASK_CLASS: Record<CaseTaskSummary['status'], string> = {
  pending: '', open: 'tb-tag-blue', returned: 'tb-tag-orange', approved: 'tb-tag-green', denied: 'tb-tag-red', cancelled: '',
};

export function TaskStatusTag({ status }: { status: CaseTaskSummary['status'] }) {
  const { t } = useTranslation();
  return <Tag className={TASK_CLASS[status]}>{t(`applications.taskStatus.${status}`)}</Tag>;
}

/** 剩余 N 个工作日 / 今日到期 / 已超期 N 个工作日 / 补正中，暂停计时, coloured by the deadline state. */
export function DaysLeft({ days, deadline }: { days: number | null; deadline: Deadline }) {
  const { t } = useTranslation();
  if (deadline === 'paused') return <span className="tb-deadline tb-deadline-paused">{t('applications.deadline.paused')}</span>;
  if (days === null) return null;
  const text = days > 0
    ? t('applications.deadline.left', { count: days })
    : days === 0 ? t('applications.deadline.today') : t('applications.deadline.overdue', { count: -days });
  return <span className={`tb-deadline tb-deadline-${deadline}`}>{text}</span>;
}

/** The due date with 预计/暂定 wording where the calendar year is not yet confirmed. */
export function DueDate({ dueOn, provisional }: { dueOn: string | null; provisional?: boolean }) {
  const { t } = useTranslation();
  if (!dueOn) return <span className="tb-muted">{t('applications.noDueDate')}</span>;
  return (
    <span>
      {formatDate(dueOn)}
      {provisional && <Tag className="tb-tag-orange tb-tag-inline">{t('applications.provisional')}</Tag>}
    </span>
  );
}
