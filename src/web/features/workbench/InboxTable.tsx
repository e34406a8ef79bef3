// The inbox table: one row per task, with the actions the server offers for it (认领, 释放, 办理).
import { App, Button, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Inbox, InboxTask } from '../../../contract/applications';
import { LinkButton } from '../../components/LinkButton';
import { problemText } from '../../components/ProblemAlert';
import { isApiError } from '../../lib/api';
import { busy, formatDate, formatDateTime } from '../../lib/format';
import { useClaim, useRelease } from './api';
import { DeadlineTag } from './DeadlineTag';
import { useCaseLabels } from './labels';
import { CaseNoLink, casePagePath, WorkbenchTable, type ListQuery } from './WorkbenchTable';

const DECIDING = new Set(['approve', 'deny', 'return']);

export function InboxTable({ inbox, empty, onPage }: {
  inbox: ListQuery<Inbox>;
  empty: string;
  onPage: (page: number) => void;
}) {
  const columns = useInboxColumns();
  return <WorkbenchTable<InboxTask> list={inbox} rowKey="id" empty={empty} scrollX={1040} onPage={onPage} columns={columns} />;
}

function useInboxColumns(): TableColumnsType<InboxTask> {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const actions = useTaskActions();
  return [
    { key: 'caseNo', title: t('workbench.inbox.columns.caseNo'), width: 190, render: (_, row) => <CaseNoLink caseNo={row.caseNo} /> },
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
    { key: 'actions', title: t('workbench.inbox.columns.actions'), width: 150, fixed: 'right', render: (_, row) => <TaskActions task={row} {...actions} /> },
  ];
}

/** 认领 and 释放 for the whole table: one claim and one release at a time, the spinner on its row. */
function useTaskActions() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const claim = useClaim();
  const release = useRelease();

  const fail = (error: unknown) => {
    const { title } = problemText(error, t('common.unknownError'));
    void message.error(isApiError(error) && error.status === 409 ? `${title} ${t('workbench.decision.conflict')}` : title);
  };
  return {
    onClaim: (task: InboxTask) => claim.mutate(task.id, {
      onSuccess: () => void message.success(t('workbench.inbox.claimed', { caseNo: task.caseNo })),
      onError: fail,
    }),
    onRelease: (task: InboxTask) => release.mutate(task.id, {
      onSuccess: () => void message.success(t('workbench.inbox.released', { caseNo: task.caseNo })),
      onError: fail,
    }),
    claiming: claim.isPending ? claim.variables : undefined,
    releasing: release.isPending ? release.variables : undefined,
  };
}

function TaskActions({ task, onClaim, onRelease, claiming, releasing }: { task: InboxTask } & ReturnType<typeof useTaskActions>) {
  const { t } = useTranslation();
  const canWork = task.actions.some((a) => DECIDING.has(a)) || task.actions.includes('claim');
  return (
    <div className="wb-row-actions">
      {task.actions.includes('claim') && (
        <Button size="small" type="primary" aria-label={t('workbench.inbox.claimNamed', { caseNo: task.caseNo })}
          loading={busy(claiming === task.id)} onClick={() => onClaim(task)}>
          {t('workbench.inbox.claim')}
        </Button>
      )}
      {task.actions.includes('release') && (
        <Button size="small" aria-label={t('workbench.inbox.releaseNamed', { caseNo: task.caseNo })}
          loading={busy(releasing === task.id)} onClick={() => onRelease(task)}>
          {t('workbench.inbox.release')}
        </Button>
      )}
      <LinkButton size="small" to={casePagePath(task.caseNo)}
        aria-label={t(canWork ? 'workbench.inbox.openNamed' : 'workbench.inbox.showNamed', { caseNo: task.caseNo })}>
        {t(canWork ? 'workbench.inbox.open' : 'workbench.inbox.show')}
      </LinkButton>
    </div>
  );
}
