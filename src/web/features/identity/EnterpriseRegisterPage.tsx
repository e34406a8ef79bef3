// /register/enterprise — a signed-in person registers an enterprise they represent.
import { useState } from 'react';
import { App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EnterpriseRegistration } from '../../../contract/identity';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import type { FieldError } from '../../lib/api';
import { applyApiError } from '../../lib/formErrors';
import { isValidCreditCode } from '../../lib/idcheck';
import { useRegions } from '../catalog/api';
import { useRegisterEnterprise } from './api';
import { busy } from '../../lib/format';

const FIELDS = ['name', 'creditCode', 'legalRepresentative', 'regionCode', 'address'] as const;
const CREDIT_FORMAT = /^[0-9A-HJ-NPQRTUWXY]{18}$/i;

export function EnterpriseRegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnterpriseRegistration>();
  const register = useRegisterEnterprise();
  const regions = useRegions({ level: 'district' });
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  usePageTitle(t('enterprise.title'));

  const submit = (values: EnterpriseRegistration) => {
    setUnmatched([]);
    const body: EnterpriseRegistration = {
      name: values.name.trim(),
      creditCode: values.creditCode.trim().toUpperCase(),
      legalRepresentative: values.legalRepresentative.trim(),
      ...(values.regionCode ? { regionCode: values.regionCode } : {}),
      ...(values.address?.trim() ? { address: values.address.trim() } : {}),
    };
    register.mutate(body, {
      onSuccess: (enterprise) => {
        void message.success(t('enterprise.success', { name: enterprise.name }));
        navigate('/me');
      },
      onError: (error) => setUnmatched(applyApiError(form, error, FIELDS)),
    });
  };

  return (
    <div className="tb-container tb-page tb-auth">
      <Card className="tb-card tb-auth-card tb-auth-wide">
        <Typography.Title level={1} className="tb-page-title">{t('enterprise.title')}</Typography.Title>
        <Typography.Paragraph className="tb-muted">{t('enterprise.intro')}</Typography.Paragraph>
        <ProblemAlert error={register.error} unmatched={unmatched} className="tb-gap-bottom" />
        <Form form={form} layout="vertical" onFinish={submit} disabled={register.isPending}>
          <Form.Item name="name" label={t('enterprise.name')} rules={[{ required: true, whitespace: true, message: t('enterprise.nameRequired') }, { min: 2, max: 120, message: t('enterprise.nameLength') }]}>
            <Input maxLength={120} autoComplete="organization" />
          </Form.Item>
          <Form.Item name="creditCode" label={t('enterprise.creditCode')} extra={t('enterprise.creditCodeHelp')}
            rules={[
              { required: true, whitespace: true, message: t('enterprise.creditCodeRequired') },
              { pattern: CREDIT_FORMAT, message: t('enterprise.creditCodeFormat') },
              { warningOnly: true, validator: (_, v: string | undefined) => (!v || !CREDIT_FORMAT.test(v.trim()) || isValidCreditCode(v) ? Promise.resolve() : Promise.reject(new Error(t('enterprise.creditCodeCheck')))) },
            ]}>
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item name="legalRepresentative" label={t('enterprise.legalRepresentative')} extra={t('enterprise.legalRepresentativeHelp')}
            rules={[{ required: true, whitespace: true, message: t('enterprise.legalRepresentativeRequired') }, { min: 2, max: 50, message: t('register.nameLength') }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('enterprise.region')}>
            <Select allowClear loading={regions.isPending} options={(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))} placeholder={t('enterprise.regionPlaceholder')} />
          </Form.Item>
          <Form.Item name="address" label={t('enterprise.address')}>
            <Input maxLength={200} autoComplete="street-address" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy(register.isPending)}>{t('enterprise.submit')}</Button>
        </Form>
      </Card>
    </div>
  );
}
