// The bell beside the account menu: a link to 消息中心 with the unread count, for signed-in accounts.
import { Badge } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../components/LinkButton';
import { useMe } from '../identity/api';
import { useUnreadCount } from './api';

export function MessagesLink({ className }: { className?: string }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { data } = useUnreadCount(!!me);
  if (!me) return null;
  const unread = data?.unread ?? 0;
  return (
    <Badge count={unread} size="small" overflowCount={99} offset={[-6, 6]} className={className}>
      <LinkButton
        to="/messages"
        type="text"
        size="large"
        icon={<BellOutlined aria-hidden />}
        aria-label={unread ? t('nav.messagesUnread', { count: unread }) : t('nav.messages')}
      />
    </Badge>
  );
}
