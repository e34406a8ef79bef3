// 经办人 of one enterprise: list, add by username or mobile, remove. The server decides who may.
import { App, Button, Form, Input, Modal, Popconfirm, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Agent, EnterpriseSummary } from '../../../../contract/identity';
import { ProblemAlert, problemText } from '../../../components/ProblemAlert';
import { formatDate, busy } from '../../../lib/format';
import { applyApiError } from '../../../lib/formErrors';
import { useAddAgent, useAgents, useRemoveAgent } from '../api';

export function AgentsModal({ enterprise, onClose }: { enterprise: EnterpriseSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const agents = useAgents(enterprise.id);
  const add = useAddAgent(enterprise.id);
  const remove = useRemoveAgent(enterprise.id);
  const [form] = Form.useForm<{ login: string }>();
  // mirrors the server's rule: the legal representative manages agents; agents do only while none is registered
  const canManage = enterprise.relation === 'legal_representative'
    || (!!agents.data && !agents.data.some((a) => a.relation === 'legal_representative'));

  const submit = ({ login }: { login: string }) => add.mutate(login.trim(), {
    onSuccess: () => {
      form.resetFields();
      void message.success(t('me.agents.added'));
    },
    onError: (error) => applyApiError(form, error, ['login']),
  });

  return (
    <Modal open title={t('me.agents.title', { name: enterprise.name })} onCancel={onClose} footer={null} width={720}>
      {canManage && (
        <Form form={form} layout="inline" onFinish={submit} className="tb-agent-form">
          <Form.Item name="login" label={t('me.agents.login')} rules={[{ required: true, whitespace: true, message: t('me.agents.loginRequired') }]}>
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy(add.isPending)}>{t('me.agents.add')}</Button>
        </Form>
      )}
      <p className="tb-muted tb-small">{t('me.agents.help')}</p>
      <ProblemAlert error={add.error ?? agents.error} className="tb-gap-bottom" />
      <Table<Agent>
        size="small"
        rowKey="accountId"
        loading={agents.isPending}
        dataSource={agents.data ?? []}
        pagination={false}
        locale={{ emptyText: t('me.agents.empty') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'username', title: t('me.username'), dataIndex: 'username' },
          { key: 'name', title: t('me.name'), dataIndex: 'nameMasked' },
          { key: 'mobile', title: t('me.mobile'), dataIndex: 'mobileMasked' },
          { key: 'relation', title: t('me.agents.relation'), render: (_, a) => (a.relation === 'legal_representative' ? t('me.relation.legal_representative') : t('me.relation.agent')) },
          { key: 'addedAt', title: t('me.agents.addedAt'), render: (_, a) => formatDate(a.addedAt) },
          ...(canManage ? [{
            key: 'actions', title: t('common.actions'),
            render: (_: unknown, a: Agent) => (
              <Popconfirm
                title={t('me.agents.removeConfirm', { name: a.nameMasked })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => remove.mutateAsync(a.accountId).then(
                  () => void message.success(t('me.agents.removed')),
                  (error) => void message.error(problemText(error, t('common.unknownError')).title),
                )}
              >
                <Button danger size="small" aria-label={t('me.agents.removeNamed', { name: a.username })}>{t('me.agents.remove')}</Button>
              </Popconfirm>
            ),
          }] : []),
        ]}
      />
    </Modal>
  );
}
