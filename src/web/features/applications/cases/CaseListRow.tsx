// One row of 我的办件: the item, its status, case number, submission time, the promised date while
// open, and for an enterprise's case the enterprise and the agent who filed it.
import { Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, CaseSummary } from '../../../../contract/applications';
import { formatDateTime } from '../../../lib/format';
import { DaysLeft, DueDate, StatusTag } from '../labels';

const OPEN: CaseStatus[] = ['submitted', 'in_review', 'supplement'];

export function CaseListRow({ item }: { item: CaseSummary }) {
  const { t } = useTranslation();
  const titleId = `case-${item.caseNo}`;
  return (
    <article className="tb-case-row" aria-labelledby={titleId}>
      <div className="tb-case-row-head">
        <h3 id={titleId} className="tb-case-row-title">
          <Link to={`/me/cases/${encodeURIComponent(item.caseNo)}`}>{item.itemName}</Link>
        </h3>
        <span className="tb-case-row-tags">
          {item.enterprise && <Tag className="tb-tag-blue">{t('applications.cases.enterpriseTag')}</Tag>}
          <StatusTag status={item.status} result={item.result} />
        </span>
      </div>
      <dl className="tb-case-facts">
        <div><dt>{t('applications.case.caseNo')}</dt><dd className="tb-case-no">{item.caseNo}</dd></div>
        <div><dt>{t('applications.case.submittedAt')}</dt><dd>{formatDateTime(item.submittedAt)}</dd></div>
        {item.enterprise && (
          <>
            <div><dt>{t('applications.cases.enterprise')}</dt><dd>{item.enterprise.name}</dd></div>
            {item.enterprise.filedBy && <div><dt>{t('applications.cases.filedBy')}</dt><dd>{item.enterprise.filedBy}</dd></div>}
          </>
        )}
        {OPEN.includes(item.status) && (
          <>
            <div><dt>{t('applications.case.dueOn')}</dt><dd><DueDate dueOn={item.dueOn} /> <DaysLeft days={item.workingDaysLeft} deadline={item.deadline} /></dd></div>
            {item.holders.length > 0 && <div><dt>{t('applications.case.holders')}</dt><dd>{item.holders.join('、')}</dd></div>}
          </>
        )}
      </dl>
    </article>
  );
}
