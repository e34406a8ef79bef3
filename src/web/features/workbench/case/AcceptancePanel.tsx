// 受理 / 不予受理 for a submitted case: accept after a confirmation, or refuse with a written reason.
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffCaseView } from '../../../../contract/applications';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { isApiError } from '../../../lib/api';
import { applyApiError } from '../../../lib/formErrors';
import { busy } from '../../../lib/format';
import { useAccept, useNotAccept } from '../api';
import { isConflict } from './DecisionPanel';

export function AcceptancePanel({ view, onConflict }: { view: StaffCaseView; onConflict: (error: unknown) => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const accept = useAccept();
  const notAccept = useNotAccept();
  const [refusing, setRefusing] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const confirmAccept = () => modal.confirm({
    title: t('workbench.acceptance.acceptConfirm'),
    content: t('workbench.acceptance.acceptBody'),
    okText: t('workbench.acceptance.accept'), cancelText: t('common.cancel'),
    onOk: () => accept.mutateAsync(view.caseNo).then(
      () => void message.success(t('workbench.acceptance.accepted', { caseNo: view.caseNo })),
      (e) => (isConflict(e) ? onConflict(e) : undefined), // other errors show below the buttons
    ),
  });

  const refuse = ({ reason }: { reason: string }) => notAccept.mutate({ caseNo: view.caseNo, reason: reason.trim() }, {
    onSuccess: () => {
      setRefusing(false);
      form.resetFields();
      void message.success(t('workbench.acceptance.notAccepted', { caseNo: view.caseNo }));
    },
    onError: (e) => {
      if (!isConflict(e)) return applyApiError(form, e, ['reason']);
      setRefusing(false);
      onConflict(e);
    },
  });

  return (
    <div className="wb-decision">
      <p className="tb-muted">{t('workbench.acceptance.panelIntro')}</p>
      <ProblemAlert error={isConflict(accept.error) ? null : accept.error} className="tb-gap-bottom" />
      <Space vertical className="tb-full-width">
        {view.staffActions.includes('accept') && (
          <Button type="primary" block onClick={confirmAccept} loading={busy(accept.isPending)}>{t('workbench.acceptance.accept')}</Button>
        )}
        {view.staffActions.includes('not_accept') && (
          <Button danger block onClick={() => setRefusing(true)}>{t('workbench.acceptance.notAccept')}</Button>
        )}
      </Space>
      <Modal
        open={refusing}
        title={t('workbench.acceptance.notAcceptTitle')}
        okText={t('workbench.acceptance.notAccept')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, loading: busy(notAccept.isPending) }}
        closable={{ 'aria-label': t('common.close') }}
        onOk={() => form.submit()}
        onCancel={() => setRefusing(false)}
        forceRender
      >
        <Form form={form} name="not-accept" layout="vertical" onFinish={refuse} requiredMark={false}>
          <ProblemAlert error={isApiError(notAccept.error) && notAccept.error.fieldErrors.length ? null : notAccept.error} className="tb-gap-bottom" />
          <Form.Item name="reason" label={t('workbench.acceptance.reason')}
            rules={[{ required: true, whitespace: true, message: t('workbench.acceptance.reasonRequired') }, { max: 500 }]}>
            <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('workbench.acceptance.reasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
