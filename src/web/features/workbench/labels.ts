// Labels for the case and task vocabularies of contract/applications.ts.
import { useTranslation } from 'react-i18next';
import type { CaseResult, CaseStatus, DeliveryMode, TaskStatus } from '../../../contract/applications';

export function useCaseLabels() {
  const { t } = useTranslation();
  return {
    caseStatus: (s: CaseStatus) => t(`workbench.caseStatus.${s}`),
    result: (r: CaseResult) => t(`workbench.result.${r}`),
    taskStatus: (s: TaskStatus, kind: 'review' | 'post_check' = 'review') =>
      (kind === 'post_check' && (s === 'approved' || s === 'denied') ? t(`workbench.postCheckStatus.${s}`) : t(`workbench.taskStatus.${s}`)),
    taskKind: (k: 'review' | 'post_check') => t(`workbench.taskKind.${k}`),
    delivery: (m: DeliveryMode) => t(`workbench.delivery.${m}`),
  };
}

/** Tag colour classes (AA contrast, see styles.css) for a case status and result. */
export const caseStatusClass = (status: CaseStatus, result: CaseResult | null) => {
  if (status === 'concluded') return result === 'approved' ? 'tb-tag-green' : 'tb-tag-red';
  if (status === 'not_accepted') return 'tb-tag-red';
  if (status === 'supplement') return 'tb-tag-orange';
  return undefined;
};

export const taskStatusClass = (status: TaskStatus) =>
  status === 'approved' ? 'tb-tag-green' : status === 'denied' ? 'tb-tag-red' : status === 'returned' ? 'tb-tag-orange' : undefined;
