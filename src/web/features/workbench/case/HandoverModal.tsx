// 办理领取: the window clerk records who collected a result (the applicant in person, whose ID number
// must be the case's, or an authorised agent), how their identity was checked and at which window.
// The window is remembered in this browser for the clerk's next hand-over.
import { useRef } from 'react';
import { App, Descriptions, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandoverBody, PickupSummary, PickupView } from '../../../../contract/pickups';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { isApiError } from '../../../lib/api';
import { showFieldErrors, type FieldPath } from '../../../lib/formErrors';
import { busy } from '../../../lib/format';
import { isValidIdNumber } from '../../../lib/idcheck';
import { useHandover } from '../pickup-api';

interface Values {
  collector: { kind: 'applicant' | 'agent'; name?: string; idNumber: string; authorisation?: string };
  verification: HandoverBody['verification'];
  window: string;
  note?: string;
}

const WINDOW_KEY = 'tongban.pickupWindow';
const FIELDS = ['collector.name', 'collector.idNumber', 'collector.authorisation', 'window', 'note'];
const resolveField = (name: FieldPath): FieldPath | null => (FIELDS.includes(name.join('.')) ? name : null);
const newKey = () => `handover-${crypto.randomUUID()}`;

function rememberedWindow(): string {
  try {
    return localStorage.getItem(WINDOW_KEY) ?? '';
  } catch {
    return '';
  }
}

export function HandoverModal({ pickup, open, onClose, onDone }: {
  pickup: PickupSummary; open: boolean; onClose: () => void; onDone?: (view: PickupView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const handover = useHandover();
  const kind = Form.useWatch(['collector', 'kind'], form);
  // one key per attempt: kept for a retry after a network failure, renewed once the server has answered
  const key = useRef(newKey());

  const send = (values: Values) => {
    const agent = values.collector.kind === 'agent';
    const body: HandoverBody = {
      collector: {
        kind: values.collector.kind, idNumber: values.collector.idNumber.trim().toUpperCase(),
        ...(agent ? { name: values.collector.name?.trim() ?? '', authorisation: values.collector.authorisation?.trim() || undefined } : {}),
      },
      verification: values.verification, window: values.window.trim(), note: values.note?.trim() || undefined,
    };
    handover.mutate({ caseNo: pickup.caseNo, body, key: key.current }, {
      onSuccess: (view) => {
        key.current = newKey();
        try {
          localStorage.setItem(WINDOW_KEY, body.window);
        } catch {
          // private mode: the clerk types the window again next time
        }
        form.resetFields();
        void message.success(t('workbench.pickup.done', { caseNo: pickup.caseNo }));
        onDone?.(view);
        onClose();
      },
      onError: (e) => {
        if (isApiError(e) && e.status !== 0) key.current = newKey();
        if (isApiError(e)) showFieldErrors(form, e.fieldErrors, resolveField);
      },
    });
  };

  const fieldErrorsShown = isApiError(handover.error) && handover.error.fieldErrors.length > 0;
  return (
    <Modal
      open={open}
      className="wb-modal"
      title={t('workbench.pickup.formTitle')}
      okText={t('workbench.pickup.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy(handover.isPending) }}
      closable={{ 'aria-label': t('common.close') }}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Descriptions size="small" column={1} className="tb-gap-bottom" items={[
        { key: 'caseNo', label: t('workbench.pickup.columns.caseNo'), children: <span className="wb-case-no">{pickup.caseNo}</span> },
        { key: 'item', label: t('workbench.pickup.columns.item'), children: pickup.itemName },
        { key: 'applicant', label: t('workbench.pickup.columns.applicant'), children: `${pickup.applicantName}（${pickup.applicantIdMasked}）` },
      ]} />
      <Form form={form} name={`handover-${pickup.caseNo}`} layout="vertical" onFinish={send} requiredMark={false}
        disabled={handover.isPending}
        initialValues={{ collector: { kind: 'applicant' }, verification: 'id_card', window: rememberedWindow() }}>
        <ProblemAlert error={fieldErrorsShown ? null : handover.error} className="tb-gap-bottom" />
        <Form.Item name={['collector', 'kind']} label={t('workbench.pickup.collector')}>
          <Radio.Group options={[
            { value: 'applicant', label: t('workbench.pickup.kind.applicant') },
            { value: 'agent', label: t('workbench.pickup.kind.agent') },
          ]} />
        </Form.Item>
        {kind === 'agent' && (
          <Form.Item name={['collector', 'name']} label={t('workbench.pickup.agentName')}
            rules={[{ required: true, whitespace: true, message: t('workbench.pickup.agentNameRequired') }, { max: 50 }]}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name={['collector', 'idNumber']}
          label={t(kind === 'agent' ? 'workbench.pickup.agentId' : 'workbench.pickup.applicantId')}
          extra={kind === 'agent' ? undefined : t('workbench.pickup.applicantIdHint', { masked: pickup.applicantIdMasked })}
          rules={[
            { required: true, whitespace: true, message: t('workbench.pickup.idRequired') },
            { validator: (_, value?: string) => (!value?.trim() || isValidIdNumber(value) ? Promise.resolve() : Promise.reject(new Error(t('workbench.pickup.idInvalid')))) },
          ]}>
          <Input maxLength={18} autoComplete="off" inputMode="text" className="wb-case-no" />
        </Form.Item>
        {kind === 'agent' && (
          <Form.Item name={['collector', 'authorisation']} label={t('workbench.pickup.authorisation')} rules={[{ max: 200 }]}>
            <Input maxLength={200} placeholder={t('workbench.pickup.authorisationPlaceholder')} />
          </Form.Item>
        )}
        <Form.Item name="verification" label={t('workbench.pickup.verification')}>
          <Radio.Group options={[
            { value: 'id_card', label: t('workbench.pickup.method.id_card') },
            { value: 'e_licence', label: t('workbench.pickup.method.e_licence') },
          ]} />
        </Form.Item>
        <Form.Item name="window" label={t('workbench.pickup.window')}
          rules={[{ required: true, whitespace: true, message: t('workbench.pickup.windowRequired') }, { max: 60 }]}>
          <Input maxLength={60} placeholder={t('workbench.pickup.windowPlaceholder')} />
        </Form.Item>
        <Form.Item name="note" label={t('workbench.pickup.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
