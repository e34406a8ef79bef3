// The inbox table: one row per task, with the actions the server offers for it (认领, 释放, 办理).
import type { ReactNode } from 'react';
import { App, Button, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Inbox, InboxTask } from '../../../contract/applications';
import { LinkButton } from '../../components/LinkButton';
import { problemText } from '../../components/ProblemAlert';
import { isApiError } from '../../lib/api';
import { busy, formatDate, formatDateTime } from '../../lib/format';
import { useClaim, useRelease } from './api';
import { DeadlineTag } from './DeadlineTag';
import { useCaseLabels } from './labels';

export const casePagePath = (caseNo: string) => `/workbench/cases/${encodeURIComponent(caseNo)}`;

const DECIDING = new Set(['approve', 'deny', 'return']);

export function InboxTable({ inbox, loading, emptyText, onPage }: {
  inbox: Inbox | undefined;
  loading: boolean;
  emptyText: ReactNode;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useCaseLabels();
  const claim = useClaim();
  const release = useRelease();

  const fail = (error: unknown) => {
    const { title } = problemText(error, t('common.unknownError'));
    void message.error(isApiError(error) && error.status === 409 ? `${title} ${t('workbench.decision.conflict')}` : title);
  };
  const doClaim = (task: InboxTask) => claim.mutate(task.id, {
    onSuccess: () => void message.success(t('workbench.inbox.claimed', { caseNo: task.caseNo })),
    onError: fail,
  });
  const doRelease = (task: InboxTask) => release.mutate(task.id, {
    onSuccess: () => void message.success(t('workbench.inbox.released', { caseNo: task.caseNo })),
    onError: fail,
  });

  return (
    <Table<InboxTask>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={inbox?.items ?? []}
      locale={{ emptyText }}
      scroll={{ x: 1040 }}
      pagination={inbox && inbox.total > 0 ? {
        current: inbox.page, pageSize: inbox.pageSize, total: inbox.total, showSizeChanger: false,
        showTotal: (total) => t('workbench.inbox.total', { count: total }), onChange: onPage,
      } : false}
      columns={[
        {
          key: 'caseNo', title: t('workbench.inbox.columns.caseNo'), width: 190,
          render: (_, row) => <Link to={casePagePath(row.caseNo)} className="wb-case-no">{row.caseNo}</Link>,
        },
        { key: 'item', title: t('workbench.inbox.columns.item'), dataIndex: 'itemName', width: 180 },
        { key: 'applicant', title: t('workbench.inbox.columns.applicant'), dataIndex: 'applicantName', width: 100 },
        {
          key: 'task', title: t('workbench.inbox.columns.task'),
          render: (_, row) => (
            <div className="wb-cell-stack">
              <span>{row.name}</span>
              {row.kind === 'post_check' && <Tag color="purple">{labels.taskKind('post_check')}</Tag>}
            </div>
          ),
        },
        {
          key: 'received', title: t('workbench.inbox.columns.received'), width: 140,
          render: (_, row) => (row.openedAt ? <time dateTime={row.openedAt}>{formatDateTime(row.openedAt)}</time> : t('workbench.deadline.none')),
        },
        {
          key: 'due', title: t('workbench.inbox.columns.due'), width: 160,
          render: (_, row) => (
            <div className="wb-cell-stack">
              {row.dueOn ? <time dateTime={row.dueOn}>{formatDate(row.dueOn)}</time> : <span>{t('workbench.deadline.none')}</span>}
              {row.status === 'open' && <DeadlineTag deadline={row.deadline} workingDaysLeft={row.workingDaysLeft} />}
              {row.status !== 'open' && <Tag>{labels.taskStatus(row.status, row.kind)}</Tag>}
              {row.escalated && <Tag className="tb-tag-red">{t('workbench.inbox.escalated')}</Tag>}
            </div>
          ),
        },
        {
          key: 'assignee', title: t('workbench.inbox.columns.assignee'), width: 100,
          render: (_, row) => row.assignee?.name ?? <span className="tb-muted">{t('workbench.inbox.unassigned')}</span>,
        },
        {
          key: 'actions', title: t('workbench.inbox.columns.actions'), width: 150, fixed: 'right',
          render: (_, row) => {
            const canWork = row.actions.some((a) => DECIDING.has(a)) || row.actions.includes('claim');
            return (
              <div className="wb-row-actions">
                {row.actions.includes('claim') && (
                  <Button size="small" type="primary" aria-label={t('workbench.inbox.claimNamed', { caseNo: row.caseNo })}
                    loading={busy(claim.isPending && claim.variables === row.id)} onClick={() => doClaim(row)}>
                    {t('workbench.inbox.claim')}
                  </Button>
                )}
                {row.actions.includes('release') && (
                  <Button size="small" aria-label={t('workbench.inbox.releaseNamed', { caseNo: row.caseNo })}
                    loading={busy(release.isPending && release.variables === row.id)} onClick={() => doRelease(row)}>
                    {t('workbench.inbox.release')}
                  </Button>
                )}
                <LinkButton size="small" to={casePagePath(row.caseNo)}
                  aria-label={t(canWork ? 'workbench.inbox.openNamed' : 'workbench.inbox.showNamed', { caseNo: row.caseNo })}>
                  {t(canWork ? 'workbench.inbox.open' : 'workbench.inbox.show')}
                </LinkButton>
              </div>
            );
          },
        },
      ]}
    />
  );
}
