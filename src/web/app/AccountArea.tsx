// Login/register links, or the signed-in user's messages bell and menu (个人中心, 我的办件, 我的证照, 数据使用记录, 消息中心,
// 事项管理, 工作日历, 账号管理, 共享授权, 共享日志, 退出登录).
import { App, Button, Dropdown, Flex } from 'antd';
import { BellOutlined, DownOutlined, FileTextOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../components/LinkButton';
import { problemText } from '../components/ProblemAlert';
import { hasRole, useLogout, useMe } from '../features/identity/api';
import { useUnreadCount } from '../features/notifications/api';
import { MessagesLink } from '../features/notifications/MessagesLink';
import { isStaff, workbenchHome } from '../features/workbench/access';
import { busy } from '../lib/format';

export function AccountArea({ vertical = false }: { vertical?: boolean }) {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  const unread = useUnreadCount(!!me).data?.unread ?? 0;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const logout = useLogout({ to: '/', onSignedOut: () => void message.success(t('auth.loggedOut')) });

  if (isPending) return null;
  if (!me) {
    return (
      <Flex gap={8} vertical={vertical}>
        <LinkButton to="/login" type="primary">{t('auth.login')}</LinkButton>
        <LinkButton to="/register">{t('auth.register')}</LinkButton>
      </Flex>
    );
  }

  const signOut = () => logout.mutate(undefined, {
    onError: (error) => void message.error(problemText(error, t('common.unknownError')).title),
  });

  const items = [
    { key: 'me', label: t('nav.me'), onClick: () => navigate('/me') },
    ...(me.kind === 'person' ? [{ key: 'cases', label: t('applications.nav.myCases'), onClick: () => navigate('/me/cases') }] : []),
    ...(me.kind === 'person' ? [{ key: 'licences', label: t('licences.nav.wallet'), onClick: () => navigate('/me/licences') }, { key: 'data-uses', label: t('exchange.nav.dataUses'), onClick: () => navigate('/me/data-uses') }] : []),
    { key: 'messages', label: unread ? t('nav.messagesMenuItem', { count: unread }) : t('nav.messages'), onClick: () => navigate('/messages') },
    ...(isStaff(me) ? [{ key: 'workbench', label: t('workbench.title'), onClick: () => navigate(workbenchHome(me)) }] : []),
    ...(hasRole(me, 'operator') ? [
      { key: 'admin', label: t('nav.admin'), onClick: () => navigate('/admin/items') },
      { key: 'calendar', label: t('nav.calendar'), onClick: () => navigate('/admin/calendar') },
      { key: 'accounts', label: t('nav.accounts'), onClick: () => navigate('/admin/accounts') },
    ] : []),
    ...(hasRole(me, 'operator') ? [{ key: 'exchange', label: t('exchange.nav.grants'), onClick: () => navigate('/admin/exchange') }] : []),
    ...(hasRole(me, 'auditor') ? [{ key: 'exchange-log', label: t('exchange.nav.log'), onClick: () => navigate('/admin/exchange/log') }] : []),
    { type: 'divider' as const },
    { key: 'logout', label: t('auth.logout'), onClick: signOut },
  ];

  if (vertical) {
    return (
      <Flex gap={8} vertical>
        <LinkButton to="/me" icon={<UserOutlined aria-hidden />}>{t('nav.me')}（{me.name}）</LinkButton>
        {me.kind === 'person' && <LinkButton to="/me/cases" icon={<FileTextOutlined aria-hidden />}>{t('applications.nav.myCases')}</LinkButton>}
        {me.kind === 'person' && <LinkButton to="/me/licences">{t('licences.nav.wallet')}</LinkButton>}
        {me.kind === 'person' && <LinkButton to="/me/data-uses">{t('exchange.nav.dataUses')}</LinkButton>}
        <LinkButton to="/messages" icon={<BellOutlined aria-hidden />}>{unread ? t('nav.messagesMenuItem', { count: unread }) : t('nav.messages')}</LinkButton>
        {isStaff(me) && <LinkButton to={workbenchHome(me)}>{t('workbench.title')}</LinkButton>}
        {hasRole(me, 'operator') && <LinkButton to="/admin/items">{t('nav.admin')}</LinkButton>}
        {hasRole(me, 'operator') && <LinkButton to="/admin/calendar">{t('nav.calendar')}</LinkButton>}
        {hasRole(me, 'operator') && <LinkButton to="/admin/accounts">{t('nav.accounts')}</LinkButton>}
        {hasRole(me, 'operator') && <LinkButton to="/admin/exchange">{t('exchange.nav.grants')}</LinkButton>}
        {hasRole(me, 'auditor') && <LinkButton to="/admin/exchange/log">{t('exchange.nav.log')}</LinkButton>}
        <Button onClick={signOut} loading={busy(logout.isPending)}>{t('auth.logout')}</Button>
      </Flex>
    );
  }

  return (
    <Flex gap={4} align="center">
      <MessagesLink />
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button type="text" aria-label={t('auth.userMenu', { name: me.name })} icon={<UserOutlined aria-hidden />}>
          <span className="tb-user-name">{me.name}</span>
          <DownOutlined aria-hidden />
        </Button>
      </Dropdown>
    </Flex>
  );
}
