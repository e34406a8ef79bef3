// 剩余 N 个工作日 in green, amber or red as the deadline nears; paused while the applicant supplements.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InboxTask } from '../../../contract/applications';

const CLASS = { normal: 'tb-tag-green', amber: 'tb-tag-orange', red: 'tb-tag-red', paused: undefined } as const;

export function DeadlineTag({ deadline, workingDaysLeft }: Pick<InboxTask, 'deadline' | 'workingDaysLeft'>) {
  const { t } = useTranslation();
  if (deadline === 'paused') return <Tag>{t('workbench.deadline.paused')}</Tag>;
  if (workingDaysLeft === null) return null;
  const text = workingDaysLeft > 0
    ? t('workbench.deadline.left', { count: workingDaysLeft })
    : workingDaysLeft === 0 ? t('workbench.deadline.today') : t('workbench.deadline.over', { count: -workingDaysLeft });
  return <Tag className={CLASS[deadline]}>{text}</Tag>;
}
