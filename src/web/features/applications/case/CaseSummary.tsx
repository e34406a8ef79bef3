// The case at a glance: number (copyable), applicant, dates, the promised date with the working
// days left, and the departments holding it now.
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../contract/applications';
import { formatDateTime } from '../../../lib/format';
import { DaysLeft, DueDate } from '../labels';

const OPEN = new Set(['submitted', 'in_review', 'supplement']);

export function CaseSummary({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const open = OPEN.has(view.status);
  const items = [
    {
      key: 'caseNo', label: t('applications.case.caseNo'),
      children: (
        <Typography.Text className="tb-case-no" copyable={{
          text: view.caseNo,
          tooltips: [t('applications.case.copy'), t('applications.case.copied')],
        }}>{view.caseNo}</Typography.Text>
      ),
    },
    { key: 'applicant', label: t('applications.case.applicant'), children: view.applicant.name },
    ...(view.actingAgent ? [{
      key: 'agent', label: t(view.actingAgent.role === 'enterprise_agent' ? 'applications.case.enterpriseAgent' : 'applications.case.actingAgent'),
      children: view.actingAgent.name,
    }] : []),
    { key: 'submittedAt', label: t('applications.case.submittedAt'), children: formatDateTime(view.submittedAt) },
    ...(view.acceptedAt ? [{ key: 'acceptedAt', label: t('applications.case.acceptedAt'), children: formatDateTime(view.acceptedAt) }] : []),
    ...(view.concludedAt ? [{ key: 'concludedAt', label: t('applications.case.concludedAt'), children: formatDateTime(view.concludedAt) }] : []),
    {
      key: 'dueOn', label: t('applications.case.dueOn'),
      children: (
        <span className="tb-due-cell">
          <DueDate dueOn={view.dueOn} provisional={view.dueProvisional} />
          {open && <DaysLeft days={view.workingDaysLeft} deadline={view.deadline} />}
        </span>
      ),
    },
    ...(open ? [{
      key: 'holders', label: t('applications.case.holders'),
      children: view.holders.length ? view.holders.map((h) => h.name).join('、') : t('applications.case.noHolder'),
    }] : []),
    ...(view.commitment ? [{ key: 'commitment', label: t('applications.case.commitment'), children: t('applications.case.commitmentYes') }] : []),
  ];
  return (
    <>
      <Descriptions className="tb-keep-labels" size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} items={items} />
      {view.dueProvisional && <p className="tb-muted tb-small tb-gap-top">{t('applications.case.provisionalNote')}</p>}
    </>
  );
}
