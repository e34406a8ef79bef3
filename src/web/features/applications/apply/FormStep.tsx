// Step 1 — 填写申请表: for enterprise items, whose application it is; then the item's form, with
// the fields prefilled from verified data locked and marked 已核验.
import type { Ref } from 'react';
import { Alert, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplyFormView } from '../../../../contract/applications';
import { LinkButton } from '../../../components/LinkButton';
import { SchemaForm, type SchemaFormHandle } from '../../../components/schema-form';
import type { FieldError } from '../../../lib/api';
import { FieldError as FieldErrorText } from '../FieldError';
import { enterpriseOnly, offersEnterprise, type ApplyState } from './state';

export function FormStep({ view, state, onChange, onEnterprise, locked, formRef, serverErrors, enterpriseError, disabled }: {
  view: ApplyFormView;
  state: ApplyState;
  onChange: (patch: Partial<ApplyState>) => void;
  /** '' to apply as a person; the form is prefilled again for the choice */
  onEnterprise: (creditCode: string) => void;
  locked: string[];
  formRef: Ref<SchemaFormHandle>;
  serverErrors: FieldError[];
  enterpriseError?: string[];
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const onlyEnterprise = enterpriseOnly(view);
  const needsEnterprise = onlyEnterprise && view.enterprises.length === 0;
  const asEnterprise = onlyEnterprise || state.enterpriseCreditCode !== '';

  return (
    <>
      {needsEnterprise && (
        <Alert
          type="warning"
          showIcon
          className="tb-gap-bottom"
          title={t('applications.apply.enterpriseNeeded')}
          action={<LinkButton to="/register/enterprise" size="small">{t('applications.apply.registerEnterprise')}</LinkButton>}
        />
      )}
      {offersEnterprise(view) && (
        <fieldset className="tb-fieldset">
          <legend className="tb-field-label">{t('applications.apply.applicantAs')}</legend>
          {!onlyEnterprise && (
            <Radio.Group
              value={asEnterprise ? 'enterprise' : 'person'}
              disabled={disabled}
              onChange={(e) => onEnterprise(e.target.value === 'enterprise' ? view.enterprises[0].creditCode : '')}
              options={[
                { value: 'person', label: t('applications.apply.asPerson') },
                { value: 'enterprise', label: t('applications.apply.asEnterprise') },
              ]}
            />
          )}
          {asEnterprise && (
            <div className="tb-field tb-gap-top">
              <label htmlFor="apply-enterprise" className="tb-field-label">{t('applications.apply.enterprise')}</label>
              <Select
                id="apply-enterprise"
                className="tb-full-width"
                value={state.enterpriseCreditCode || undefined}
                disabled={disabled}
                placeholder={t('applications.apply.enterprisePlaceholder')}
                status={enterpriseError?.length ? 'error' : undefined}
                aria-describedby={enterpriseError?.length ? 'apply-enterprise-error' : undefined}
                onChange={(code: string) => onEnterprise(code)}
                options={view.enterprises.map((e) => ({ value: e.creditCode, label: `${e.name}（${e.creditCode}）` }))}
              />
              <FieldErrorText id="apply-enterprise-error" messages={enterpriseError} />
            </div>
          )}
        </fieldset>
      )}
      {locked.length > 0 && <p className="tb-muted tb-small">{t('applications.apply.lockedNote')}</p>}
      <SchemaForm
        ref={formRef}
        form={view.form}
        value={state.formData}
        onChange={(formData) => onChange({ formData })}
        locked={locked}
        serverErrors={serverErrors}
        disabled={disabled}
      />
    </>
  );
}
