// 共享授权 list: status filter, each grant with its fields and legal basis, approve (confirmed) and
// revoke (with a reason, written to the audit log).
import { useRef, useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Radio, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Grant, GrantStatus } from '../../../contract/exchange';
import { ProblemAlert, problemText } from '../../components/ProblemAlert';
import { busy, formatDateTime } from '../../lib/format';
import { useApproveGrant, useCatalogue, useGrants, useRevokeGrant } from './api';
import { GrantStatusTag } from './labels';
import { useScrollRegions } from './scrollRegion';

function RevokeDialog({ grant, onClose }: { grant: Grant | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const revoke = useRevokeGrant();
  const submit = ({ reason }: { reason: string }) => grant && revoke.mutate({ id: grant.id, reason: reason.trim() }, {
    onSuccess: () => { void message.success(t('exchange.admin.revoked')); form.resetFields(); onClose(); },
    onError: (e) => void message.error(problemText(e, t('common.unknownError')).title),
  });
  return (
    <Modal open={!!grant} title={t('exchange.admin.revokeTitle')} onCancel={onClose} destroyOnHidden
      okText={t('exchange.admin.revoke')} okButtonProps={{ danger: true, loading: busy(revoke.isPending) }} onOk={() => form.submit()}>
      {grant && <p>{grant.consumerDepartmentName} · {grant.itemName} · {grant.registryName}</p>}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('exchange.admin.revokeReason')} extra={t('exchange.admin.revokeReasonHelp')}
          rules={[{ required: true, min: 2, max: 500, whitespace: true, message: t('exchange.admin.revokeReasonHelp') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function GrantsTable() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<GrantStatus | 'all'>('all');
  const [page, setPage] = useState(1);
  const { data, error, isFetching } = useGrants({ page, pageSize: 20, ...(status === 'all' ? {} : { status }) });
  const catalogue = useCatalogue();
  const approve = useApproveGrant();
  const [revoking, setRevoking] = useState<Grant | null>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  useScrollRegions(tableRef, t('exchange.admin.tabs.grants'));
  const fieldName = (registry: string, code: string) =>
    catalogue.data?.registries.find((r) => r.code === registry)?.fields.find((f) => f.code === code)?.name ?? code;

  const doApprove = (g: Grant) => approve.mutateAsync(g.id).then(
    () => void message.success(t('exchange.admin.approved')),
    (e) => void message.error(problemText(e, t('common.unknownError')).title),
  );

  return (
    <>
      <Space wrap className="tb-gap-bottom">
        <span id="grant-status-label" className="tb-filter-label">{t('exchange.admin.filterStatus')}</span>
        <Radio.Group aria-labelledby="grant-status-label" optionType="button" value={status}
          onChange={(e) => { setStatus(e.target.value); setPage(1); }}
          options={(['all', 'pending', 'approved', 'revoked'] as const).map((s) => ({ value: s, label: s === 'all' ? t('exchange.admin.all') : t(`exchange.status.${s}`) }))} />
      </Space>
      <ProblemAlert error={error} className="tb-gap-bottom" />
      <div ref={tableRef}>
      <Table<Grant>
        rowKey="id" loading={isFetching} dataSource={data?.items ?? []} scroll={{ x: 1100 }}
        locale={{ emptyText: <span className="tb-muted">{t('exchange.admin.empty')}</span> }}
        pagination={{ current: page, pageSize: data?.pageSize ?? 20, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        columns={[
          { key: 'consumer', title: t('exchange.admin.columns.consumer'), render: (_, g) => g.consumerDepartmentName },
          { key: 'item', title: t('exchange.admin.columns.item'), render: (_, g) => <>{g.itemName}<br /><code className="tb-small">{g.itemCode}</code></> },
          { key: 'registry', title: t('exchange.admin.columns.registry'), dataIndex: 'registryName' },
          {
            key: 'fields', title: t('exchange.admin.columns.fields'),
            render: (_, g) => <Space size={[0, 4]} wrap>{g.fields.map((f) => <Tag key={f}>{fieldName(g.registry, f)}</Tag>)}</Space>,
          },
          { key: 'legalBasis', title: t('exchange.admin.columns.legalBasis'), dataIndex: 'legalBasis' },
          {
            key: 'status', title: t('exchange.admin.columns.status'),
            render: (_, g) => (
              <>
                <GrantStatusTag status={g.status} />
                <div className="tb-small tb-muted">{t('exchange.admin.requestedBy', { name: g.requestedBy, time: formatDateTime(g.requestedAt) })}</div>
                {g.approvedAt && <div className="tb-small tb-muted">{t('exchange.admin.approvedBy', { name: g.approvedBy, time: formatDateTime(g.approvedAt) })}</div>}
                {g.revokedAt && <div className="tb-small tb-muted">{t('exchange.admin.revokedBy', { name: g.revokedBy, time: formatDateTime(g.revokedAt), reason: g.revokeReason })}</div>}
              </>
            ),
          },
          {
            key: 'actions', title: t('exchange.admin.columns.actions'),
            render: (_, g) => (
              <Space wrap>
                {g.actions.includes('approve') && (
                  <Popconfirm title={t('exchange.admin.approveConfirm')} onConfirm={() => doApprove(g)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                    <Button size="small" type="primary" aria-label={t('exchange.admin.approveNamed', { id: g.id })}>{t('exchange.admin.approve')}</Button>
                  </Popconfirm>
                )}
                {g.actions.includes('revoke') && (
                  <Button size="small" danger aria-label={t('exchange.admin.revokeNamed', { id: g.id })} onClick={() => setRevoking(g)}>{t('exchange.admin.revoke')}</Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      </div>
      <RevokeDialog grant={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}
