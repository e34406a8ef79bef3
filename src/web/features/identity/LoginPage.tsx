// /login — username or mobile plus password; shows the server's messages (incl. lockout) and
// returns the user to where they were going.
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { isApiError } from '../../lib/api';
import { applyApiError } from '../../lib/formErrors';
import { useLogin, useMe } from './api';
import { safeRedirect } from './redirect';
import { busy } from '../../lib/format';

interface LoginValues { login: string; password: string }
const FIELDS = ['login', 'password'] as const;

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<LoginValues>();
  const { data: me } = useMe();
  const login = useLogin();
  usePageTitle(t('login.title'));

  const redirect = safeRedirect(params.get('redirect'));
  const reason = params.get('reason');
  const registered = params.get('registered');
  const notice = params.get('notice');

  if (me && !login.isPending && !login.isSuccess) return <Navigate replace to={redirect} />;

  const submit = (values: LoginValues) => login.mutate(
    { login: values.login.trim(), password: values.password },
    {
      onSuccess: () => navigate(redirect, { replace: true }),
      onError: (error) => applyApiError(form, error, FIELDS),
    },
  );

  const error = login.error;
  const lockedExtra = isApiError(error, 'ACCOUNT_LOCKED') && !error.problem.detail && error.retryAfterSeconds
    ? t('login.lockedMinutes', { count: Math.ceil(error.retryAfterSeconds / 60) })
    : undefined;

  return (
    <div className="tb-container tb-page tb-auth">
      <Card className="tb-card tb-auth-card">
        <Typography.Title level={1} className="tb-page-title">{t('login.title')}</Typography.Title>
        {registered && <Alert type="success" showIcon role="status" className="tb-gap-bottom" title={t('login.registered', { username: registered })} />}
        {reason === 'expired' && <Alert type="warning" showIcon className="tb-gap-bottom" title={t('auth.expired')} />}
        {reason === 'required' && <Alert type="info" showIcon role="status" className="tb-gap-bottom" title={t('login.required')} />}
        {notice === 'logged-out-all' && <Alert type="success" showIcon role="status" className="tb-gap-bottom" title={t('me.loggedOutAll')} />}
        {notice === 'password-changed' && <Alert type="success" showIcon role="status" className="tb-gap-bottom" title={t('me.passwordChangedRelogin')} />}
        <ProblemAlert error={error} extra={lockedExtra} className="tb-gap-bottom" />
        <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} disabled={login.isPending}>
          <Form.Item name="login" label={t('login.login')} rules={[{ required: true, whitespace: true, message: t('login.loginRequired') }]}>
            <Input size="large" prefix={<UserOutlined aria-hidden />} autoComplete="username" placeholder={t('login.loginPlaceholder')} maxLength={64} />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password size="large" prefix={<LockOutlined aria-hidden />} autoComplete="current-password" maxLength={128} />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy(login.isPending)}>{t('login.submit')}</Button>
        </Form>
        <p className="tb-auth-switch">
          {t('login.noAccount')} <Link to="/register">{t('login.registerLink')}</Link>
        </p>
      </Card>
    </div>
  );
}
