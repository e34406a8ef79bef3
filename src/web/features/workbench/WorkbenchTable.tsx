// The parts every workbench list shares (受理, 待领取, 待办): the page frame, the toolbar with 刷新, and a
// server-paged table that shows a failed load above it. Queries stay in api.ts, so their keys do too.
import type { Key, ReactNode } from 'react';
import { Button, Empty, Table, Typography, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CaseList } from '../../../contract/applications';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { busy, formatDateTime } from '../../lib/format';
import { WorkbenchNav } from './WorkbenchNav';

/** One page of a workbench list as the server answers it (CaseList, PickupList, Inbox). */
export type PagedList<Row> = Pick<CaseList, 'total' | 'page' | 'pageSize'> & { items: Row[] };

/** The part of a TanStack query result the toolbar and the table read. */
export interface ListQuery<List> {
  data: List | undefined;
  error: unknown;
  isFetching: boolean;
  dataUpdatedAt: number;
  refetch: () => Promise<unknown>;
}

export const casePagePath = (caseNo: string) => `/workbench/cases/${encodeURIComponent(caseNo)}`;
export const CaseNoLink = ({ caseNo }: { caseNo: string }) => <Link to={casePagePath(caseNo)} className="wb-case-no">{caseNo}</Link>;

/** The page number in the URL (`?page=`), 1 when missing or not a number. */
export const pageOf = (params: URLSearchParams) => Math.max(1, Number(params.get('page')) || 1);

/** Navigation, the page heading with its actions, and an introduction; names the browser tab too. */
export function WorkbenchPage({ title, intro, actions, children }: {
  title: string;
  intro: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  usePageTitle(title);
  return (
    <div className="tb-container tb-page wb-page">
      <WorkbenchNav />
      <div className="tb-page-head">
        <Typography.Title level={1} className="tb-page-title">{title}</Typography.Title>
        {actions}
      </div>
      <Typography.Paragraph className="tb-muted">{intro}</Typography.Paragraph>
      {children}
    </div>
  );
}

/** The filters (`children`) and, at the end, when the list was last loaded and 刷新. */
export function WorkbenchToolbar({ list, showRefreshedAt = true, children }: {
  list: Pick<ListQuery<unknown>, 'isFetching' | 'dataUpdatedAt' | 'refetch'>;
  showRefreshedAt?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="wb-toolbar">
      {children}
      <div className="wb-toolbar-end">
        {showRefreshedAt && (
          <span className="tb-muted tb-small">
            {list.dataUpdatedAt ? t('workbench.inbox.refreshed', { time: formatDateTime(new Date(list.dataUpdatedAt).toISOString()) }) : ''}
          </span>
        )}
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void list.refetch()} loading={busy(list.isFetching)}>
          {t('workbench.inbox.refresh')}
        </Button>
      </div>
    </div>
  );
}

/** A failed load, then the rows of the current page; pages are turned on the server through `onPage`. */
export function WorkbenchTable<Row extends object>({ list, rowKey, columns, empty, scrollX, onPage }: {
  list: Pick<ListQuery<PagedList<Row>>, 'data' | 'error' | 'isFetching'>;
  rowKey: keyof Row & Key;
  columns: TableColumnsType<Row>;
  empty: string;
  scrollX: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const { data } = list;
  return (
    <>
      <ProblemAlert error={list.error} className="tb-gap-bottom" />
      <Table<Row>
        rowKey={rowKey}
        size="middle"
        loading={list.isFetching && !data}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={empty} /> }}
        scroll={{ x: scrollX }}
        pagination={data && data.total > 0 ? {
          current: data.page, pageSize: data.pageSize, total: data.total, showSizeChanger: false,
          showTotal: (total) => t('workbench.inbox.total', { count: total }), onChange: onPage,
        } : false}
        columns={columns}
      />
    </>
  );
}
