// /workbench — 待办任务: the department's task inbox by view (待办, 我的, 即将到期, 已超期, 已办), with
// counts, an item filter, claim/release and a link into each case. Refreshes every 30 s and on focus.
import { useMemo } from 'react';
import { Card, Empty, Grid, Select, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Inbox } from '../../../contract/applications';
import { LinkButton } from '../../components/LinkButton';
import { usePageTitle } from '../../components/usePageTitle';
import { useMe } from '../identity/api';
import { canAccept, inboxDepartments } from './access';
import { INBOX_VIEWS, useDepartmentItems, useInbox, type InboxView } from './api';
import { InboxTable } from './InboxTable';
import { WorkbenchNav } from './WorkbenchNav';
import { pageOf, WorkbenchPage, WorkbenchToolbar } from './WorkbenchTable';

const COUNT_OF: Record<InboxView, keyof Inbox['counts'] | null> = {
  open: 'open', mine: 'mine', due_soon: 'dueSoon', overdue: 'overdue', done: null,
};

export function InboxPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const departments = inboxDepartments(me);
  const [params, setParams] = useSearchParams();
  const department = departments.find((d) => d.code === params.get('department'))?.code ?? departments[0]?.code;
  const rawView = params.get('view') as InboxView | null;
  const view: InboxView = rawView && INBOX_VIEWS.includes(rawView) ? rawView : 'open';
  const item = params.get('item') ?? undefined;
  const inbox = useInbox({ department, view, item, page: pageOf(params) }, !!department);
  const catalogItems = useDepartmentItems(department);
  const { data } = inbox;
  // five tabs overflow a phone and antd's overflow menu breaks the tablist's semantics: a select there
  const wide = Grid.useBreakpoint().md !== false;

  const show = (next: { department?: string; view?: InboxView; item?: string | null; page?: number }) => {
    const search = new URLSearchParams();
    const d = next.department ?? department;
    const v = next.view ?? view;
    const i = next.item === undefined ? item : next.item;
    if (d && departments.length > 1) search.set('department', d);
    if (v !== 'open') search.set('view', v);
    if (i) search.set('item', i);
    if ((next.page ?? 1) > 1) search.set('page', String(next.page));
    setParams(search);
  };

  // the department's own items, plus items of other departments whose tasks reach this inbox
  const itemOptions = useMemo(() => {
    const byCode = new Map<string, string>();
    for (const i of catalogItems.data?.items ?? []) byCode.set(i.code, i.name);
    for (const task of data?.items ?? []) byCode.set(task.itemCode, task.itemName);
    if (item && !byCode.has(item)) byCode.set(item, item);
    return [...byCode].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  }, [catalogItems.data, data, item]);

  if (!department) return <NoDepartment />;

  const countOf = (v: InboxView) => {
    const key = COUNT_OF[v];
    return key && data ? data.counts[key] : null;
  };
  const tabLabel = (v: InboxView) => {
    const count = countOf(v);
    return (
      <span>
        {t(`workbench.inbox.view.${v}`)}
        {count !== null && (
          <span className={v === 'overdue' && count > 0 ? 'wb-tab-count wb-tab-count-alert' : 'wb-tab-count'}> {count}</span>
        )}
      </span>
    );
  };

  const table = <InboxTable inbox={inbox} empty={t(`workbench.inbox.empty.${view}`)} onPage={(p) => show({ page: p })} />;

  return (
    <WorkbenchPage title={t('workbench.inbox.title')} intro={t('workbench.inbox.intro')}>
      <Card className="tb-card">
        <WorkbenchToolbar list={inbox}>
          <div className="wb-toolbar-field">
            {departments.length > 1 ? (
              <>
                <label htmlFor="wb-department" className="tb-filter-label">{t('workbench.inbox.department')}</label>
                <Select
                  id="wb-department"
                  value={department}
                  onChange={(d: string) => show({ department: d, item: null })}
                  options={departments.map((d) => ({ value: d.code, label: d.name }))}
                />
              </>
            ) : (
              <>
                <span className="tb-filter-label">{t('workbench.inbox.department')}</span>
                <span className="wb-dept-name">{departments[0].name}</span>
              </>
            )}
          </div>
          <div className="wb-toolbar-field">
            <label htmlFor="wb-item" className="tb-filter-label">{t('workbench.inbox.item')}</label>
            <Select
              id="wb-item"
              value={item ?? ''}
              showSearch={{ optionFilterProp: 'label' }}
              popupMatchSelectWidth={false}
              onChange={(i: string) => show({ item: i || null })}
              options={[{ value: '', label: t('workbench.inbox.allItems') }, ...itemOptions]}
            />
          </div>
        </WorkbenchToolbar>
        {wide ? (
          <Tabs
            activeKey={view}
            onChange={(key) => show({ view: key as InboxView })}
            items={INBOX_VIEWS.map((v) => ({ key: v, label: tabLabel(v), children: v === view ? table : null }))}
          />
        ) : (
          <>
            <div className="wb-toolbar-field tb-gap-bottom">
              <label htmlFor="wb-view" className="tb-filter-label">{t('workbench.inbox.views')}</label>
              <Select
                id="wb-view"
                value={view}
                onChange={(v: InboxView) => show({ view: v })}
                options={INBOX_VIEWS.map((v) => {
                  const count = countOf(v);
                  const label = t(`workbench.inbox.view.${v}`);
                  return { value: v, label: count === null ? label : t('workbench.inbox.viewCount', { label, count }) };
                })}
              />
            </div>
            {table}
          </>
        )}
      </Card>
    </WorkbenchPage>
  );
}

/** Staff without a department of their own have no inbox; a window clerk is pointed to 受理. */
function NoDepartment() {
  const { t } = useTranslation();
  usePageTitle(t('workbench.inbox.title'));
  const { data: me } = useMe();
  return (
    <div className="tb-container tb-page wb-page">
      <WorkbenchNav />
      <Typography.Title level={1} className="tb-page-title">{t('workbench.inbox.title')}</Typography.Title>
      <Card className="tb-card">
        <Empty description={t('workbench.inbox.noDepartment')}>
          {canAccept(me) && <LinkButton to="/workbench/acceptance" type="primary">{t('workbench.inbox.toAcceptance')}</LinkButton>}
        </Empty>
      </Card>
    </div>
  );
}
