// /admin/accounts — operators find accounts (shown masked) and lift login lockouts.
import { App, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { UnlockOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AdminAccount } from '../../../contract/identity';
import { ProblemAlert, problemText } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { busy, formatDateTime } from '../../lib/format';
import { useAdminAccounts, useUnlockAccount } from '../identity/api';

/** The lockout still in force, if any. */
const lockEnd = (account: AdminAccount) =>
  account.lockedUntil && new Date(account.lockedUntil).getTime() > Date.now() ? account.lockedUntil : null;

export function AdminAccountsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { data, isFetching, error } = useAdminAccounts(q, page);
  const unlock = useUnlockAccount();
  usePageTitle(t('accounts.title'));

  const unlockAccount = (account: AdminAccount) => unlock.mutateAsync(account.username).then(
    () => void message.success(t('accounts.unlocked', { username: account.username })),
    (e) => void message.error(problemText(e, t('common.unknownError')).title),
  );

  return (
    <div className="tb-container tb-page">
      <div className="tb-page-head">
        <Typography.Title level={1} className="tb-page-title">{t('accounts.title')}</Typography.Title>
      </div>
      <Card className="tb-card">
        <label htmlFor="accounts-search" className="tb-filter-label">{t('accounts.search')}</label>
        <Input.Search
          id="accounts-search"
          defaultValue={q}
          allowClear
          enterButton={t('search.submit')}
          maxLength={64}
          placeholder={t('accounts.searchPlaceholder')}
          aria-describedby="accounts-search-help"
          className="tb-admin-search"
          onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
        />
        <p id="accounts-search-help" className="tb-muted tb-gap-top">{t('accounts.searchHelp')}</p>
        <ProblemAlert error={error} className="tb-gap-top" />
        <Table<AdminAccount>
          className="tb-gap-top"
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 1100 }}
          pagination={{
            current: page, pageSize: data?.pageSize ?? 20, total: data?.total ?? 0, showSizeChanger: false,
            onChange: (p) => setParams(q ? { q, page: String(p) } : { page: String(p) }),
          }}
          columns={[
            { key: 'username', title: t('accounts.columns.username'), dataIndex: 'username' },
            { key: 'name', title: t('accounts.columns.name'), dataIndex: 'nameMasked' },
            { key: 'mobile', title: t('accounts.columns.mobile'), dataIndex: 'mobileMasked' },
            { key: 'idNumber', title: t('accounts.columns.idNumber'), render: (_, row) => row.idNumberMasked ?? t('accounts.none') },
            { key: 'kind', title: t('accounts.columns.kind'), render: (_, row) => t(`accounts.kind.${row.kind}`) },
            {
              key: 'roles', title: t('accounts.columns.roles'),
              render: (_, row) => (row.roles.length
                ? <Space size={[0, 4]} wrap>{row.roles.map((role) => <Tag key={role}>{t(`roles.${role}`)}</Tag>)}</Space>
                : t('accounts.none')),
            },
            {
              key: 'status', title: t('accounts.columns.status'),
              render: (_, row) => {
                const until = lockEnd(row);
                return (
                  <Space size={4} wrap>
                    {row.status === 'active'
                      ? <Tag className="tb-tag-green">{t('accounts.status.active')}</Tag>
                      : <Tag className="tb-tag-orange">{t('accounts.status.disabled')}</Tag>}
                    {until && <Tag className="tb-tag-red">{t('accounts.locked')}</Tag>}
                    {until && <span className="tb-muted">{t('accounts.lockedUntil', { time: formatDateTime(until) })}</span>}
                  </Space>
                );
              },
            },
            {
              key: 'actions', title: t('common.actions'),
              render: (_, row) => (lockEnd(row) ? (
                <Popconfirm
                  title={t('accounts.unlockConfirm', { username: row.username })}
                  okText={t('accounts.unlock')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => unlockAccount(row)}
                >
                  <Button
                    size="small"
                    icon={<UnlockOutlined aria-hidden />}
                    aria-label={t('accounts.unlockNamed', { username: row.username })}
                    loading={busy(unlock.isPending && unlock.variables === row.username)}
                  >
                    {t('accounts.unlock')}
                  </Button>
                </Popconfirm>
              ) : null),
            },
          ]}
        />
      </Card>
    </div>
  );
}
