// Account security: change password, and sign out of every device.
import { App, Button, Card, Divider, Form, Input, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, problemText } from '../../../components/ProblemAlert';
import { applyApiError } from '../../../lib/formErrors';
import { useChangePassword, useLogoutAll } from '../api';
import { PasswordStrength } from '../PasswordStrength';
import { busy } from '../../../lib/format';

interface PasswordValues { currentPassword: string; newPassword: string; confirm: string }

export function SecurityCard({ username }: { username: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const newPassword = Form.useWatch('newPassword', form);
  const change = useChangePassword();
  const logoutAll = useLogoutAll({ to: '/login?notice=logged-out-all', replace: true });

  const submit = ({ currentPassword, newPassword: next }: PasswordValues) => change.mutate({ currentPassword, newPassword: next }, {
    onSuccess: () => {
      form.resetFields();
      void message.success(t('me.passwordChanged'));
    },
    onError: (error) => applyApiError(form, error, ['currentPassword', 'newPassword']),
  });

  // the Popconfirm shows its spinner until this settles; success goes to login (useLogoutAll above)
  const signOutEverywhere = () => logoutAll.mutateAsync().catch((error: unknown) => void message.error(problemText(error, t('common.unknownError')).title));

  return (
    <section aria-labelledby="me-security">
      <Card className="tb-card" title={<h2 id="me-security" className="tb-card-title">{t('me.security')}</h2>}>
        <h3 className="tb-subheading">{t('me.changePassword')}</h3>
        <ProblemAlert error={change.error} className="tb-gap-bottom" />
        <Form form={form} layout="vertical" onFinish={submit} disabled={change.isPending}>
          {/* lets password managers tie the new password to this account */}
          <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
          <Form.Item name="currentPassword" label={t('me.currentPassword')} rules={[{ required: true, message: t('me.currentPasswordRequired') }]}>
            <Input.Password autoComplete="current-password" maxLength={128} />
          </Form.Item>
          <Form.Item name="newPassword" label={t('me.newPassword')} extra={<PasswordStrength password={newPassword} />}
            rules={[{ required: true, message: t('register.passwordRequired') }, { min: 8, message: t('password.help') }]}>
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
          <Form.Item name="confirm" label={t('me.confirmPassword')} dependencies={['newPassword']}
            rules={[
              { required: true, message: t('register.confirmRequired') },
              ({ getFieldValue }) => ({ validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('register.mismatch')))) }),
            ]}>
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy(change.isPending)}>{t('me.changePassword')}</Button>
        </Form>
        <Divider />
        <h3 className="tb-subheading">{t('me.logoutAll')}</h3>
        <Typography.Paragraph className="tb-muted">{t('me.logoutAllHelp')}</Typography.Paragraph>
        <Popconfirm title={t('me.logoutAllConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={signOutEverywhere}>
          <Button danger loading={busy(logoutAll.isPending)}>{t('me.logoutAll')}</Button>
        </Popconfirm>
      </Card>
    </section>
  );
}
