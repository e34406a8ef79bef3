// Step 3 — 结果领取方式: e-licence, pick-up at a window, or post (recipient, mobile, address).
import { Input, Radio } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Delivery, DeliveryMode } from '../../../../contract/applications';
import { FieldError } from '../FieldError';

const MOBILE = /^1[3-9]\d{9}$/;

/** The step's own check, messages by field. */
export function deliveryErrors(delivery: Partial<Delivery>, t: TFunction): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (!delivery.mode) errors.mode = [t('applications.delivery.modeRequired')];
  if (delivery.mode !== 'post') return errors;
  if (!delivery.recipient?.trim()) errors.recipient = [t('applications.delivery.recipientRequired')];
  if (!delivery.mobile?.trim()) errors.mobile = [t('applications.delivery.mobileRequired')];
  else if (!MOBILE.test(delivery.mobile.trim())) errors.mobile = [t('applications.delivery.mobileFormat')];
  if (!delivery.address?.trim()) errors.address = [t('applications.delivery.addressRequired')];
  return errors;
}

function TextField({ name, label, value, onChange, error, maxLength, autoComplete, inputMode, disabled, multiline }: {
  name: 'recipient' | 'mobile' | 'address';
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
  error?: string[];
  maxLength: number;
  autoComplete: string;
  inputMode?: 'tel';
  disabled?: boolean;
  multiline?: boolean;
}) {
  const id = `delivery-${name}`;
  const common = {
    id, value: value ?? '', maxLength, autoComplete, disabled,
    status: error?.length ? ('error' as const) : undefined,
    'aria-invalid': !!error?.length, 'aria-required': true,
    'aria-describedby': error?.length ? `${id}-error` : undefined,
  };
  return (
    <div className="tb-field">
      <label htmlFor={id} className="tb-field-label tb-required">{label}</label>
      {multiline
        ? <Input.TextArea {...common} autoSize={{ minRows: 2, maxRows: 4 }} onChange={(e) => onChange(e.target.value)} />
        : <Input {...common} inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />}
      <FieldError id={`${id}-error`} messages={error} />
    </div>
  );
}

export function DeliveryStep({ modes, value, onChange, errors, disabled }: {
  modes: DeliveryMode[];
  value: Partial<Delivery>;
  onChange: (next: Partial<Delivery>) => void;
  errors: Record<string, string[]>;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<Delivery>) => onChange({ ...value, ...patch });
  return (
    <>
      <fieldset className="tb-fieldset">
        <legend className="tb-field-label tb-required">{t('applications.delivery.mode')}</legend>
        <Radio.Group
          className="tb-delivery-modes"
          value={value.mode}
          disabled={disabled}
          onChange={(e) => set({ mode: e.target.value as DeliveryMode })}
          aria-describedby={errors.mode ? 'delivery-mode-error' : undefined}
        >
          {modes.map((mode) => (
            <Radio key={mode} value={mode} className="tb-delivery-mode">
              <span className="tb-delivery-mode-name">{t(`applications.delivery.modes.${mode}`)}</span>
              <span className="tb-muted tb-small tb-delivery-mode-help">{t(`applications.delivery.help.${mode}`)}</span>
            </Radio>
          ))}
        </Radio.Group>
        <FieldError id="delivery-mode-error" messages={errors.mode} />
      </fieldset>
      {value.mode === 'post' && (
        <fieldset className="tb-fieldset tb-gap-top">
          <legend className="tb-field-label">{t('applications.delivery.postTitle')}</legend>
          <TextField name="recipient" label={t('applications.delivery.recipient')} value={value.recipient} maxLength={50}
            autoComplete="name" disabled={disabled} error={errors.recipient} onChange={(recipient) => set({ recipient })} />
          <TextField name="mobile" label={t('applications.delivery.mobile')} value={value.mobile} maxLength={11} inputMode="tel"
            autoComplete="tel-national" disabled={disabled} error={errors.mobile} onChange={(mobile) => set({ mobile: mobile.trim() })} />
          <TextField name="address" label={t('applications.delivery.address')} value={value.address} maxLength={200} multiline
            autoComplete="street-address" disabled={disabled} error={errors.address} onChange={(address) => set({ address })} />
        </fieldset>
      )}
    </>
  );
}
