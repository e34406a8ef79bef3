// /admin/items — operators find items (published or not) and open the editor.
import { Card, Input, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AdminItemRow } from '../../../contract/catalog';
import { LinkButton } from '../../components/LinkButton';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../lib/format';
import { useAdminItems } from './api';

export function AdminItemsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { data, isFetching, error } = useAdminItems(q, page);
  usePageTitle(t('admin.title'));

  return (
    <div className="tb-container tb-page">
      <div className="tb-page-head">
        <Typography.Title level={1} className="tb-page-title">{t('admin.title')}</Typography.Title>
        <LinkButton to="/admin/items/new" type="primary" icon={<PlusOutlined aria-hidden />}>{t('admin.create')}</LinkButton>
      </div>
      <Card className="tb-card">
        <label htmlFor="admin-search" className="tb-filter-label">{t('admin.search')}</label>
        <Input.Search
          id="admin-search"
          defaultValue={q}
          allowClear
          enterButton={t('search.submit')}
          maxLength={100}
          className="tb-admin-search"
          onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
        />
        <ProblemAlert error={error} className="tb-gap-top" />
        <Table<AdminItemRow>
          className="tb-gap-top"
          rowKey="code"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 960 }}
          pagination={{
            current: page, pageSize: data?.pageSize ?? 20, total: data?.total ?? 0, showSizeChanger: false,
            onChange: (p) => setParams(q ? { q, page: String(p) } : { page: String(p) }),
          }}
          columns={[
            { key: 'code', title: t('admin.columns.code'), dataIndex: 'code' },
            { key: 'name', title: t('admin.columns.name'), render: (_, row) => (row.currentVersion ? <Link to={`/items/${row.code}`}>{row.name}</Link> : row.name) },
            { key: 'department', title: t('admin.columns.department'), render: (_, row) => row.department.name },
            { key: 'version', title: t('admin.columns.version'), render: (_, row) => (row.currentVersion ? t('admin.versionN', { version: row.currentVersion }) : <Tag className="tb-tag-orange">{t('admin.neverPublished')}</Tag>) },
            { key: 'status', title: t('admin.columns.status'), render: (_, row) => (row.hasUnpublishedChanges ? <Tag className="tb-tag-orange">{t('admin.unpublished')}</Tag> : <Tag className="tb-tag-green">{t('admin.upToDate')}</Tag>) },
            { key: 'updatedAt', title: t('admin.columns.updatedAt'), render: (_, row) => formatDateTime(row.updatedAt) },
            {
              key: 'actions', title: t('common.actions'),
              render: (_, row) => <LinkButton to={`/admin/items/${row.code}`} size="small" aria-label={t('admin.editNamed', { name: row.name })}>{t('admin.edit')}</LinkButton>,
            },
          ]}
        />
      </Card>
    </div>
  );
}
