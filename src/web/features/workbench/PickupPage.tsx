// /workbench/pickup — 待领取: approved results waiting at the windows, longest waiting first. Any window
// clerk in the city hands one over (全市通办): find it by case number, check the collector's identity
// and record the hand-over in the 办理领取 form.
import { useState } from 'react';
import { Button, Card, Input } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PickupSummary } from '../../../contract/pickups';
import { formatDateTime } from '../../lib/format';
import { HandoverModal } from './case/HandoverModal';
import { usePickupList } from './pickup-api';
import { pageOf, WorkbenchPage, WorkbenchTable, WorkbenchToolbar } from './WorkbenchTable';

const CASE_NO_PREFIX = /^\d{1,20}$/;

export function PickupPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const caseNo = params.get('caseNo') ?? '';
  const [searchError, setSearchError] = useState(false);
  const [handing, setHanding] = useState<PickupSummary | null>(null);
  const list = usePickupList(pageOf(params), CASE_NO_PREFIX.test(caseNo) ? caseNo : '');

  const search = (value: string) => {
    const q = value.replace(/\s+/g, '');
    setSearchError(q !== '' && !CASE_NO_PREFIX.test(q));
    if (q === '' || CASE_NO_PREFIX.test(q)) setParams(q ? { caseNo: q } : {});
  };

  return (
    <WorkbenchPage title={t('workbench.pickup.title')} intro={t('workbench.pickup.intro')}>
      <Card className="tb-card">
        <WorkbenchToolbar list={list} showRefreshedAt={false}>
          <div className="wb-toolbar-field">
            <label htmlFor="pickup-search" className="tb-filter-label">{t('workbench.pickup.search')}</label>
            <Input.Search
              id="pickup-search"
              defaultValue={caseNo}
              allowClear
              enterButton={t('search.submit')}
              maxLength={20}
              inputMode="numeric"
              autoComplete="off"
              placeholder={t('workbench.pickup.searchPlaceholder')}
              aria-describedby="pickup-search-help"
              aria-invalid={searchError || undefined}
              onSearch={search}
            />
            <p id="pickup-search-help" className={searchError ? 'wb-search-error tb-small' : 'tb-muted tb-small'} role={searchError ? 'alert' : undefined}>
              {t(searchError ? 'workbench.pickup.searchInvalid' : 'workbench.pickup.searchHelp')}
            </p>
          </div>
        </WorkbenchToolbar>
        <WorkbenchTable<PickupSummary>
          list={list}
          rowKey="caseNo"
          empty={t(caseNo ? 'workbench.pickup.noMatch' : 'workbench.pickup.empty')}
          scrollX={860}
          onPage={(p) => setParams({ ...(caseNo ? { caseNo } : {}), ...(p > 1 ? { page: String(p) } : {}) })}
          columns={[
            { key: 'caseNo', title: t('workbench.pickup.columns.caseNo'), width: 200, render: (_, row) => <span className="wb-case-no">{row.caseNo}</span> },
            { key: 'item', title: t('workbench.pickup.columns.item'), dataIndex: 'itemName' },
            {
              key: 'applicant', title: t('workbench.pickup.columns.applicant'), width: 190,
              render: (_, row) => <span className="wb-cell-stack"><span>{row.applicantName}</span><span className="wb-case-no">{row.applicantIdMasked}</span></span>,
            },
            { key: 'department', title: t('workbench.pickup.columns.department'), dataIndex: 'departmentName' },
            {
              key: 'readyAt', title: t('workbench.pickup.columns.readyAt'), width: 160,
              render: (_, row) => <time dateTime={row.readyAt}>{formatDateTime(row.readyAt)}</time>,
            },
            {
              key: 'actions', title: t('workbench.pickup.columns.actions'), width: 120, fixed: 'right',
              render: (_, row) => (
                <Button size="small" type="primary" onClick={() => setHanding(row)}
                  aria-label={t('workbench.pickup.actionNamed', { caseNo: row.caseNo })}>
                  {t('workbench.pickup.action')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {handing && <HandoverModal key={handing.caseNo} pickup={handing} open onClose={() => setHanding(null)} />}
    </WorkbenchPage>
  );
}
