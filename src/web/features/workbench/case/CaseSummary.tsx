// The case at a glance: number, item, applicant (masked), status, dates, who holds it.
import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffCaseView } from '../../../../contract/applications';
import type { Me } from '../../../../contract/identity';
import { formatDate, formatDateTime } from '../../../lib/format';
import { DeadlineTag } from '../DeadlineTag';
import { caseStatusClass, useCaseLabels } from '../labels';

type Role = Me['roles'][number];

export function CaseStatusTags({ view }: { view: StaffCaseView }) {
  const labels = useCaseLabels();
  return (
    <span className="wb-case-tags">
      <Tag className={caseStatusClass(view.status, view.result)}>{labels.caseStatus(view.status)}</Tag>
      {view.result && <Tag className={view.result === 'approved' ? 'tb-tag-green' : 'tb-tag-red'}>{labels.result(view.result)}</Tag>}
    </span>
  );
}

export function CaseSummary({ view }: { view: StaffCaseView }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const none = t('workbench.case.none');
  const items = [
    { key: 'caseNo', label: t('workbench.case.caseNo'), children: <span className="wb-case-no">{view.caseNo}</span> },
    { key: 'item', label: t('workbench.case.item'), children: <>{view.item.name}<span className="tb-muted">{t('workbench.case.itemVersion', { version: view.item.version })}</span></> },
    { key: 'applicant', label: t('workbench.case.applicant'), children: view.applicant.name },
    { key: 'applicantId', label: t('workbench.case.applicantId'), children: view.applicantIdMasked },
    { key: 'status', label: t('workbench.case.status'), children: <CaseStatusTags view={view} /> },
    {
      key: 'due', label: t('workbench.case.due'),
      children: view.dueOn ? (
        <span className="wb-case-tags">
          <time dateTime={view.dueOn}>{formatDate(view.dueOn)}</time>
          {view.dueProvisional && <Tag>{t('workbench.deadline.provisional')}</Tag>}
          {(view.status === 'in_review' || view.status === 'supplement') && <DeadlineTag deadline={view.deadline} workingDaysLeft={view.workingDaysLeft} />}
        </span>
      ) : none,
    },
    { key: 'submittedAt', label: t('workbench.case.submittedAt'), children: formatDateTime(view.submittedAt) },
    { key: 'acceptedAt', label: t('workbench.case.acceptedAt'), children: view.acceptedAt ? formatDateTime(view.acceptedAt) : none },
    ...(view.concludedAt ? [{ key: 'concludedAt', label: t('workbench.case.concludedAt'), children: formatDateTime(view.concludedAt) }] : []),
    { key: 'holders', label: t('workbench.case.holders'), children: view.holders.length ? view.holders.map((h) => h.name).join('、') : none },
    ...(view.actingAgent ? [{ key: 'agent', label: t('workbench.case.agent'), children: t('workbench.case.agentLine', { name: view.actingAgent.name, role: t(`roles.${view.actingAgent.role as Role}`, { defaultValue: view.actingAgent.role }) }) }] : []),
    { key: 'delivery', label: t('workbench.case.deliveryMode'), children: labels.delivery(view.delivery.mode) },
    ...(view.trackingNo ? [{ key: 'trackingNo', label: t('workbench.case.trackingNo'), children: view.trackingNo }] : []),
    ...(view.commitment ? [{ key: 'commitment', label: t('workbench.case.commitment'), children: t('workbench.case.commitmentYes') }] : []),
    ...(view.notAcceptedReason ? [{ key: 'reason', label: t('workbench.case.notAcceptedReason'), children: view.notAcceptedReason, span: 'filled' as const }] : []),
  ];
  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('workbench.case.summary')}</h2>}>
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} items={items} />
    </Card>
  );
}
