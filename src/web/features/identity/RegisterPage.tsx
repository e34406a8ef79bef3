// /register — citizen registration. Client checks are hints; the server's answer is final and its
// field errors are shown next to the fields.
import { useState } from 'react';
import { Button, Card, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CitizenRegistration } from '../../../contract/identity';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import type { FieldError } from '../../lib/api';
import { applyApiError } from '../../lib/formErrors';
import { isValidIdNumber } from '../../lib/idcheck';
import { useRegisterCitizen } from './api';
import { PasswordStrength } from './PasswordStrength';
import { busy } from '../../lib/format';

type Values = CitizenRegistration & { confirm: string; agree: boolean };
const FIELDS = ['username', 'name', 'idNumber', 'mobile', 'email', 'password'] as const;

export function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const password = Form.useWatch('password', form);
  const register = useRegisterCitizen();
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const [termsOpen, setTermsOpen] = useState(false);
  usePageTitle(t('register.title'));

  const submit = ({ username, name, idNumber, mobile, email, password: pw }: Values) => {
    setUnmatched([]);
    register.mutate(
      { username: username.trim(), name: name.trim(), idNumber: idNumber.trim().toUpperCase(), mobile: mobile.trim(), password: pw, ...(email?.trim() ? { email: email.trim() } : {}) },
      {
        onSuccess: (account) => navigate(`/login?registered=${encodeURIComponent(account.username)}`),
        onError: (error) => setUnmatched(applyApiError(form, error, FIELDS)),
      },
    );
  };

  return (
    <div className="tb-container tb-page tb-auth">
      <Card className="tb-card tb-auth-card tb-auth-wide">
        <Typography.Title level={1} className="tb-page-title">{t('register.title')}</Typography.Title>
        <Typography.Paragraph className="tb-muted">{t('register.intro')}</Typography.Paragraph>
        <ProblemAlert error={register.error} unmatched={unmatched} className="tb-gap-bottom" />
        <Form form={form} layout="vertical" onFinish={submit} disabled={register.isPending} scrollToFirstError>
          <Form.Item name="username" label={t('register.username')} extra={t('register.usernameHelp')}
            rules={[{ required: true, message: t('register.usernameRequired') }, { pattern: /^[A-Za-z][A-Za-z0-9_.]{3,31}$/, message: t('register.usernameHelp') }]}>
            <Input autoComplete="username" maxLength={32} />
          </Form.Item>
          <Form.Item name="name" label={t('register.name')} rules={[{ required: true, whitespace: true, message: t('register.nameRequired') }, { min: 2, max: 50, message: t('register.nameLength') }]}>
            <Input autoComplete="name" maxLength={50} />
          </Form.Item>
          <Form.Item name="idNumber" label={t('register.idNumber')} extra={t('register.idNumberHelp')}
            rules={[
              { required: true, whitespace: true, message: t('register.idNumberRequired') },
              { pattern: /^\d{17}[\dXx]$/, message: t('register.idNumberFormat') },
              { warningOnly: true, validator: (_, v: string | undefined) => (!v || !/^\d{17}[\dXx]$/.test(v.trim()) || isValidIdNumber(v) ? Promise.resolve() : Promise.reject(new Error(t('register.idNumberCheck')))) },
            ]}>
            <Input maxLength={18} autoComplete="off" inputMode="text" />
          </Form.Item>
          <Form.Item name="mobile" label={t('register.mobile')} rules={[{ required: true, message: t('register.mobileRequired') }, { pattern: /^1[3-9]\d{9}$/, message: t('register.mobileFormat') }]}>
            <Input type="tel" autoComplete="tel-national" inputMode="numeric" maxLength={11} />
          </Form.Item>
          <Form.Item name="email" label={t('register.email')} rules={[{ type: 'email', message: t('register.emailFormat') }]}>
            <Input type="email" autoComplete="email" maxLength={120} />
          </Form.Item>
          <Form.Item name="password" label={t('register.password')} extra={<PasswordStrength password={password} />}
            rules={[{ required: true, message: t('register.passwordRequired') }, { min: 8, message: t('password.help') }]}>
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
          <Form.Item name="confirm" label={t('register.confirm')} dependencies={['password']}
            rules={[
              { required: true, message: t('register.confirmRequired') },
              ({ getFieldValue }) => ({ validator: (_, v) => (!v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('register.mismatch')))) }),
            ]}>
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
          <Form.Item>
            <Form.Item name="agree" valuePropName="checked" noStyle
              rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('register.agreeRequired')))) }]}>
              <Checkbox>{t('register.agree')}</Checkbox>
            </Form.Item>
            <Button type="link" size="small" className="tb-inline-link" onClick={() => setTermsOpen(true)}>{t('register.terms')}</Button>
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy(register.isPending)}>{t('register.submit')}</Button>
        </Form>
        <p className="tb-auth-switch">{t('register.haveAccount')} <Link to="/login">{t('register.loginLink')}</Link></p>
      </Card>
      <Modal open={termsOpen} title={t('register.termsTitle')} onCancel={() => setTermsOpen(false)} footer={<Button type="primary" onClick={() => setTermsOpen(false)}>{t('common.close')}</Button>}>
        {[t('register.terms1'), t('register.terms2'), t('register.terms3')].map((p) => <Typography.Paragraph key={p}>{p}</Typography.Paragraph>)}
      </Modal>
    </div>
  );
}
