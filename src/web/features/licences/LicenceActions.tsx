// 注销 and 换发 of one licence: each a dialog with a required reason; 换发 also corrects the type's
// fields (those taken from the holder's identity stay locked). Field errors show next to the field.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RegisterEntry } from '../../../contract/licence-register';
import { ProblemAlert } from '../../components/ProblemAlert';
import { busy } from '../../lib/format';
import { applyApiError, showFieldErrors } from '../../lib/formErrors';
import { isApiError, type FieldError } from '../../lib/api';
import { newIdempotencyKey, useReplace, useRevoke } from './register-api';

/** An error no field shows: field errors go next to their fields (or into `unmatched`). */
const generalError = (error: unknown) => (isApiError(error) && error.fieldErrors.length ? null : error);

const reasonRules = (required: string, length: string) => [
  { required: true, whitespace: true, message: required },
  { min: 2, max: 200, message: length },
];

function RevokeDialog({ entry, open, onClose }: { entry: RegisterEntry; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const revoke = useRevoke(entry.licence.id);
  const [key] = useState(newIdempotencyKey);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const submit = ({ reason }: { reason: string }) => revoke.mutate({ reason: reason.trim(), idempotencyKey: key }, {
    onSuccess: () => { void message.success(t('licences.register.revoke.done', { no: entry.licence.licenceNo })); onClose(); },
    onError: (e) => setUnmatched(applyApiError(form, e, ['reason'])),
  });
  return (
    <Modal open={open} title={t('licences.register.revoke.title')} okText={t('licences.register.revoke.confirm')} cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: busy(revoke.isPending) }} closable={{ 'aria-label': t('common.close') }}
      onOk={() => form.submit()} onCancel={onClose} forceRender>
      <Alert type="warning" showIcon className="tb-gap-bottom" title={t('licences.register.revoke.warning')} />
      <ProblemAlert error={generalError(revoke.error)} className="tb-gap-bottom" />
      {unmatched.length > 0 && <ProblemAlert error={revoke.error} unmatched={unmatched} className="tb-gap-bottom" />}
      <Form form={form} name="revoke-licence" layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="reason" label={t('licences.register.revoke.reason')}
          rules={reasonRules(t('licences.register.revoke.reasonRequired'), t('licences.register.revoke.reasonLength'))}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('licences.register.revoke.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type ReplaceValues = { reason: string; fields: Record<string, string> };

function ReplaceDialog({ entry, open, onClose }: { entry: RegisterEntry; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ReplaceValues>();
  const replace = useReplace(entry.licence.id);
  const [key] = useState(newIdempotencyKey);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const initial: ReplaceValues = { reason: '', fields: Object.fromEntries(entry.editableFields.map((f) => [f.name, f.value ?? ''])) };
  const submit = (v: ReplaceValues) => {
    // send only what changed; locked fields never
    const fields = Object.fromEntries(entry.editableFields
      .filter((f) => !f.locked && (v.fields[f.name] ?? '').trim() !== (f.value ?? ''))
      .map((f) => [f.name, v.fields[f.name].trim()]));
    replace.mutate({ reason: v.reason.trim(), fields, idempotencyKey: key }, {
      onSuccess: (next) => {
        void message.success(t('licences.register.replace.done', { version: next.version }));
        onClose();
        navigate(`/workbench/licences/${next.id}`);
      },
      onError: (e) => setUnmatched(showFieldErrors(form, isApiError(e) ? e.fieldErrors : [],
        (name) => (name[0] === 'reason' ? ['reason'] : name[0] === 'fields' && typeof name[1] === 'string' ? ['fields', name[1]] : null))),
    });
  };
  return (
    <Modal open={open} title={t('licences.register.replace.title')} okText={t('licences.register.replace.confirm')} cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy(replace.isPending) }} closable={{ 'aria-label': t('common.close') }}
      onOk={() => form.submit()} onCancel={onClose} forceRender>
      <p>{t('licences.register.replace.intro')}</p>
      <ProblemAlert error={generalError(replace.error)} className="tb-gap-bottom" />
      {unmatched.length > 0 && <ProblemAlert error={replace.error} unmatched={unmatched} className="tb-gap-bottom" />}
      <Form form={form} name="replace-licence" layout="vertical" onFinish={submit} requiredMark={false} initialValues={initial}>
        <fieldset className="tb-licence-fieldset tb-gap-bottom">
          <legend>{t('licences.register.replace.fields')}</legend>
          {entry.editableFields.map((f) => (
            <Form.Item key={f.name} name={['fields', f.name]} label={f.label} extra={f.locked ? t('licences.register.replace.locked') : undefined}
              rules={f.locked || !f.value ? [{ max: 500 }] : [{ required: true, whitespace: true, message: t('licences.register.replace.fieldRequired', { label: f.label }) }, { max: 500 }]}>
              <Input disabled={f.locked} maxLength={500} />
            </Form.Item>
          ))}
        </fieldset>
        <Form.Item name="reason" label={t('licences.register.replace.reason')}
          rules={reasonRules(t('licences.register.replace.reasonRequired'), t('licences.register.replace.reasonLength'))}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('licences.register.replace.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The buttons the server offers for this version, and their dialogs. */
export function LicenceActions({ entry }: { entry: RegisterEntry }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'revoke' | 'replace' | null>(null);
  const no = entry.licence.licenceNo;
  if (!entry.actions.length) return null;
  return (
    <>
      <Space wrap>
        {entry.actions.includes('replace') && (
          <Button onClick={() => setOpen('replace')} aria-label={t('licences.register.replace.named', { no })}>{t('licences.register.replace.action')}</Button>
        )}
        {entry.actions.includes('revoke') && (
          <Button danger onClick={() => setOpen('revoke')} aria-label={t('licences.register.revoke.named', { no })}>{t('licences.register.revoke.action')}</Button>
        )}
      </Space>
      {open === 'revoke' && <RevokeDialog entry={entry} open onClose={() => setOpen(null)} />}
      {open === 'replace' && <ReplaceDialog entry={entry} open onClose={() => setOpen(null)} />}
    </>
  );
}
