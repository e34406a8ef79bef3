// /workbench/licences — 证照管理: the department's issued licences by keyword, type and status, paged
// (a table on wide screens, a list on phones), and the department's signing keys. The search lives
// in the URL, so the browser's back button returns to the same results.
import { Button, Card, Empty, Form, Grid, Input, List, Select, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RegisterStatus } from '../../../contract/licence-register';
import type { LicenceSummary } from '../../../contract/licences';
import { LinkButton } from '../../components/LinkButton';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate } from '../../lib/format';
import { useMe } from '../identity/api';
import { WorkbenchNav } from '../workbench/WorkbenchNav';
import { licenceDepartments } from './access';
import { KeysPanel } from './KeysPanel';
import { REGISTER_STATUSES, useRegister } from './register-api';
import { LicenceStatusTag } from './LicenceStatusTag';
import './licences.css';

export const registerEntryPath = (id: string) => `/workbench/licences/${id}`;

interface SearchValues { q?: string; type?: string; status?: RegisterStatus | '' }

export function RegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('licences.register.title'));
  const { data: me } = useMe();
  const departments = licenceDepartments(me);
  const [params, setParams] = useSearchParams();
  const department = departments.find((d) => d.code === params.get('department'))?.code ?? departments[0]?.code;
  const rawStatus = params.get('status') as RegisterStatus | null;
  const status = rawStatus && REGISTER_STATUSES.includes(rawStatus) ? rawStatus : undefined;
  const q = params.get('q') ?? undefined;
  const type = params.get('type') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const register = useRegister({ department, q, type, status, page }, !!department);
  const [form] = Form.useForm<SearchValues>();
  const wide = Grid.useBreakpoint().md !== false;

  const show = (next: { department?: string; q?: string; type?: string; status?: string; page?: number }) => {
    const search = new URLSearchParams();
    const d = next.department ?? department;
    if (d && departments.length > 1) search.set('department', d);
    for (const key of ['q', 'type', 'status'] as const) {
      const value = (key in next ? next[key] : { q, type, status }[key])?.trim();
      if (value) search.set(key, value);
    }
    if ((next.page ?? 1) > 1) search.set('page', String(next.page));
    setParams(search);
  };

  if (!department) {
    return (
      <div className="tb-container tb-page wb-page tb-licence">
        <WorkbenchNav />
        <Typography.Title level={1} className="tb-page-title">{t('licences.register.title')}</Typography.Title>
        <Card className="tb-card"><Empty description={t('licences.register.noDepartment')} /></Card>
      </div>
    );
  }

  const data = register.data;
  const statusTag = (l: LicenceSummary) => <LicenceStatusTag status={l.status} expired={l.expired} />;
  const openButton = (l: LicenceSummary) => (
    <LinkButton size="small" to={registerEntryPath(l.id)} aria-label={t('licences.register.openNamed', { no: l.licenceNo })}>
      {t('licences.register.open')}
    </LinkButton>
  );
  const pagination = data && data.total > data.pageSize ? {
    current: data.page, pageSize: data.pageSize, total: data.total, showSizeChanger: false,
    onChange: (p: number) => show({ page: p }), 'aria-label': t('licences.register.pagination'),
  } : false as const;
  const empty = <Empty description={t('licences.register.empty')} />;

  return (
    <div className="tb-container tb-page wb-page tb-licence">
      <WorkbenchNav />
      <Typography.Title level={1} className="tb-page-title">{t('licences.register.title')}</Typography.Title>
      <Typography.Paragraph className="tb-muted">{t('licences.register.intro')}</Typography.Paragraph>
      <Card className="tb-card" title={<h2 className="tb-card-title">{t('licences.register.search')}</h2>}>
        <div className="wb-toolbar">
          <div className="wb-toolbar-field">
            {departments.length > 1 ? (
              <>
                <label htmlFor="lr-department" className="tb-filter-label">{t('licences.register.department')}</label>
                <Select id="lr-department" value={department} onChange={(d: string) => show({ department: d, type: '', page: 1 })}
                  options={departments.map((d) => ({ value: d.code, label: d.name }))} />
              </>
            ) : (
              <>
                <span className="tb-filter-label">{t('licences.register.department')}</span>
                <span className="wb-dept-name">{departments[0].name}</span>
              </>
            )}
          </div>
        </div>
        <Form<SearchValues> form={form} layout="vertical" className="lr-search" requiredMark={false}
          initialValues={{ q, type: type ?? '', status: status ?? '' }}
          onFinish={(v) => show({ q: v.q ?? '', type: v.type ?? '', status: v.status ?? '', page: 1 })}>
          <Form.Item name="q" label={t('licences.register.q')} className="lr-search-q">
            <Input allowClear maxLength={100} placeholder={t('licences.register.qPlaceholder')} />
          </Form.Item>
          <Form.Item name="type" label={t('licences.register.type')}>
            <Select options={[{ value: '', label: t('licences.register.allTypes') }, ...(data?.types ?? []).map((x) => ({ value: x.key, label: x.name }))]} />
          </Form.Item>
          <Form.Item name="status" label={t('licences.register.status')}>
            <Select options={[{ value: '', label: t('licences.register.allStatuses') },
              ...REGISTER_STATUSES.map((s) => ({ value: s, label: t(`licences.register.statusLabel.${s}`) }))]} />
          </Form.Item>
          <div className="lr-search-buttons">
            <Button type="primary" htmlType="submit">{t('licences.register.submit')}</Button>
            <Button onClick={() => { form.setFieldsValue({ q: '', type: '', status: '' }); show({ q: '', type: '', status: '', page: 1 }); }}>
              {t('licences.register.reset')}
            </Button>
          </div>
        </Form>
      </Card>

      <Card className="tb-card" title={<h2 className="tb-card-title">{t('licences.register.results')}</h2>}
        extra={data ? <span className="tb-muted" role="status">{t('licences.register.total', { count: data.total })}</span> : null}>
        <ProblemAlert error={register.error} onRetry={register.refetch} retrying={register.isFetching} className="tb-gap-bottom" />
        {wide ? (
          <Table<LicenceSummary>
            rowKey="id" size="middle" loading={register.isPending && !data} dataSource={data?.items ?? []}
            locale={{ emptyText: empty }} pagination={pagination}
            columns={[
              {
                key: 'licence', title: t('licences.register.columns.licence'),
                render: (_, l) => (
                  <div className="wb-cell-stack">
                    <span>{l.typeName} · {t('licences.register.versionShort', { version: l.version })}</span>
                    <span className="tb-licence-id">{l.licenceNo}</span>
                  </div>
                ),
              },
              { key: 'holder', title: t('licences.register.columns.holder'), render: (_, l) => <div className="wb-cell-stack"><span>{l.holderName}</span><span className="tb-muted tb-small">{l.holderCode}</span></div> },
              { key: 'issued', title: t('licences.register.columns.issuedOn'), width: 120, render: (_, l) => formatDate(l.issuedOn) },
              { key: 'validTo', title: t('licences.register.columns.validTo'), width: 120, render: (_, l) => (l.validTo ? formatDate(l.validTo) : t('licences.wallet.longTerm')) },
              { key: 'status', title: t('licences.register.columns.status'), width: 110, render: (_, l) => statusTag(l) },
              { key: 'actions', title: t('licences.register.columns.actions'), width: 90, render: (_, l) => openButton(l) },
            ]}
          />
        ) : (
          <List<LicenceSummary>
            loading={register.isPending && !data} dataSource={data?.items ?? []} locale={{ emptyText: empty }} pagination={pagination}
            renderItem={(l) => (
              <List.Item className="lr-item" actions={[openButton(l)]}>
                <div className="wb-cell-stack">
                  <span className="lr-item-title">{l.typeName} {statusTag(l)}</span>
                  <span>{l.holderName}（{l.holderCode}）</span>
                  <span className="tb-licence-id">{l.licenceNo}</span>
                  <span className="tb-muted tb-small">{t('licences.wallet.issuedOn')} {formatDate(l.issuedOn)} · {t('licences.register.versionShort', { version: l.version })}</span>
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>

      <KeysPanel department={department} />
    </div>
  );
}
