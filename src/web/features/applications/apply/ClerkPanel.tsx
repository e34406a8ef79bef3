// 帮办代办: a window clerk applies for a person at the counter, with that person's ID number and a
// note of how they authorised it; the case records the clerk as the acting agent.
import { Alert, Card, Input, Switch } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../FieldError';
import { isValidIdNumber } from '../../../lib/idcheck';
import type { ClerkEntry } from './state';

const ID_FORMAT = /^\d{17}[\dXx]$/;

/** The panel's own check: messages by field, empty when it may be submitted. */
export function clerkErrors(entry: ClerkEntry, t: TFunction): Record<string, string[]> {
  if (!entry.enabled) return {};
  const errors: Record<string, string[]> = {};
  const id = entry.idNumber.trim();
  if (!id) errors.idNumber = [t('applications.clerk.idRequired')];
  else if (!ID_FORMAT.test(id)) errors.idNumber = [t('applications.clerk.idFormat')];
  else if (!isValidIdNumber(id)) errors.idNumber = [t('applications.clerk.idCheck')];
  if (!entry.authorisation.trim()) errors.authorisation = [t('applications.clerk.authRequired')];
  return errors;
}

export function ClerkPanel({ value, onChange, errors, disabled, required }: {
  value: ClerkEntry;
  /** staff accounts apply only on someone's behalf: no switch */
  required?: boolean;
  onChange: (next: ClerkEntry) => void;
  errors: Record<string, string[]>;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card className="tb-card tb-clerk-panel" title={<h2 className="tb-card-title">{t('applications.clerk.title')}</h2>}>
      {required ? <p className="tb-muted">{t('applications.clerk.required')}</p> : (
        <label className="tb-switch-row">
          <Switch checked={value.enabled} disabled={disabled} onChange={(enabled) => onChange({ ...value, enabled })} />
          <span>{t('applications.clerk.toggle')}</span>
        </label>
      )}
      {value.enabled && (
        <div className={required ? undefined : 'tb-gap-top'}>
          <Alert type="info" showIcon className="tb-gap-bottom" title={t('applications.clerk.note')} />
          <div className="tb-field">
            <label htmlFor="clerk-id-number" className="tb-field-label">{t('applications.clerk.idNumber')}</label>
            <Input
              id="clerk-id-number"
              value={value.idNumber}
              maxLength={18}
              autoComplete="off"
              disabled={disabled}
              status={errors.idNumber ? 'error' : undefined}
              aria-invalid={!!errors.idNumber}
              aria-describedby={errors.idNumber ? 'clerk-id-number-error' : 'clerk-id-number-help'}
              onChange={(e) => onChange({ ...value, idNumber: e.target.value.toUpperCase() })}
            />
            <div id="clerk-id-number-help" className="tb-muted tb-small">{t('applications.clerk.idHelp')}</div>
            <FieldError id="clerk-id-number-error" messages={errors.idNumber} />
          </div>
          <div className="tb-field">
            <label htmlFor="clerk-authorisation" className="tb-field-label">{t('applications.clerk.authorisation')}</label>
            <Input.TextArea
              id="clerk-authorisation"
              value={value.authorisation}
              maxLength={200}
              showCount
              autoSize={{ minRows: 2, maxRows: 4 }}
              disabled={disabled}
              placeholder={t('applications.clerk.authPlaceholder')}
              status={errors.authorisation ? 'error' : undefined}
              aria-invalid={!!errors.authorisation}
              aria-describedby={errors.authorisation ? 'clerk-authorisation-error' : undefined}
              onChange={(e) => onChange({ ...value, authorisation: e.target.value })}
            />
            <FieldError id="clerk-authorisation-error" messages={errors.authorisation} />
          </div>
        </div>
      )}
    </Card>
  );
}
