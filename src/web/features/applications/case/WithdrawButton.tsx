// 撤回申请: only while the case may still be withdrawn (before a decision); asks for a reason.
import { useState } from 'react';
import { App, Button, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { busy } from '../../../lib/format';
import { FieldError } from '../FieldError';
import { useWithdraw } from '../api';

export function WithdrawButton({ caseNo }: { caseNo: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const withdraw = useWithdraw(caseNo);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string[]>();

  const confirm = () => {
    if (!reason.trim()) {
      setError([t('applications.withdraw.reasonRequired')]);
      return;
    }
    withdraw.mutate({ reason: reason.trim() }, {
      onSuccess: () => {
        setOpen(false);
        void message.success(t('applications.withdraw.done'));
      },
    });
  };

  return (
    <>
      <Button danger onClick={() => { withdraw.reset(); setError(undefined); setOpen(true); }}>{t('applications.withdraw.button')}</Button>
      <Modal
        open={open}
        title={t('applications.withdraw.title')}
        okText={t('applications.withdraw.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, loading: busy(withdraw.isPending) }}
        onOk={confirm}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <p>{t('applications.withdraw.warning')}</p>
        <ProblemAlert error={withdraw.error} className="tb-gap-bottom" />
        <label htmlFor="withdraw-reason" className="tb-field-label tb-required">{t('applications.withdraw.reason')}</label>
        {/* the character count hangs below the box: the wrapper keeps it clear of the buttons */}
        <div className="tb-counted-field">
          <Input.TextArea
            id="withdraw-reason"
            value={reason}
            maxLength={500}
            showCount
            autoSize={{ minRows: 3, maxRows: 6 }}
            status={error ? 'error' : undefined}
            aria-invalid={!!error}
            aria-required
            aria-describedby={error ? 'withdraw-reason-error' : undefined}
            onChange={(e) => { setReason(e.target.value); setError(undefined); }}
          />
          <FieldError id="withdraw-reason-error" messages={error} />
        </div>
      </Modal>
    </>
  );
}
