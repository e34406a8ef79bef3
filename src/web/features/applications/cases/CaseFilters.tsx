// The filters of 我的办件: status, and — for someone who acts for enterprises — whose cases: all,
// their own, or one enterprise's (every agent of an enterprise sees its cases).
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../../contract/applications';

export const CASE_STATUSES: CaseStatus[] = ['submitted', 'in_review', 'supplement', 'concluded', 'not_accepted', 'withdrawn'];

export function CaseFilters({ status, scope, enterprises, onChange }: {
  status?: CaseStatus;
  scope: string;
  enterprises: { id: string; name: string }[];
  onChange: (next: { status?: CaseStatus | null; scope?: string }) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="tb-case-filters">
      {/* shown while a chosen enterprise is unknown too (the link outlived the agent's authorisation), so "all" is one click away */}
      {(enterprises.length > 0 || scope !== 'all') && (
        <div className="tb-case-filter">
          <label htmlFor="cases-scope" className="tb-filter-label">{t('applications.cases.scope')}</label>
          <Select
            id="cases-scope"
            className="tb-case-filter-select"
            virtual={false}
            value={scope}
            onChange={(value: string) => onChange({ scope: value })}
            options={[
              { value: 'all', label: t('applications.cases.scopeAll') },
              { value: 'person', label: t('applications.cases.scopePerson') },
              ...enterprises.map((e) => ({ value: e.id, label: t('applications.cases.scopeEnterprise', { name: e.name }) })),
              ...(scope !== 'all' && scope !== 'person' && !enterprises.some((e) => e.id === scope) ? [{ value: scope, label: t('applications.cases.scopeOther') }] : []),
            ]}
          />
        </div>
      )}
      <div className="tb-case-filter">
        <label htmlFor="cases-status" className="tb-filter-label">{t('applications.cases.filter')}</label>
        <Select
          id="cases-status"
          className="tb-case-filter-select"
          virtual={false}
          value={status ?? 'all'}
          onChange={(value: string) => onChange({ status: value === 'all' ? null : (value as CaseStatus) })}
          options={[{ value: 'all', label: t('applications.cases.all') }, ...CASE_STATUSES.map((s) => ({ value: s, label: t(`applications.status.${s}`) }))]}
        />
      </div>
    </div>
  );
}
