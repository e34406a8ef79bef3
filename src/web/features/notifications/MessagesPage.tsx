// /messages — 消息中心: the account's messages, newest first, unread ones marked; opening one marks
// it read, and 全部已读 marks them all.
import { useState } from 'react';
import { App, Button, Card, Empty, Pagination, Radio, Skeleton, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../contract/notifications';
import { LinkButton } from '../../components/LinkButton';
import { ProblemAlert, problemText } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { busy, formatDateTime } from '../../lib/format';
import { useMarkAllRead, useMarkRead, useMessages } from './api';
import './messages.css';

function MessageItem({ message, open, onToggle }: { message: Message; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const unread = !message.readAt;
  const bodyId = `message-${message.id}`;
  return (
    <article className={unread ? 'tb-message tb-message-unread' : 'tb-message'}>
      <h2 className="tb-message-heading">
        <button type="button" className="tb-message-toggle" aria-expanded={open} aria-controls={bodyId} onClick={onToggle}>
          {unread && <span className="tb-message-dot" aria-hidden />}
          <span className="tb-message-title">{message.title}</span>
          {unread && <Tag color="blue" className="tb-message-tag">{t('messages.unread')}</Tag>}
        </button>
      </h2>
      <time className="tb-message-time tb-muted tb-small" dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
      <div id={bodyId} className="tb-message-body" hidden={!open}>
        <p className="tb-pre-line">{message.body}</p>
        {message.link && <LinkButton to={message.link} size="small">{t('messages.goTo')}</LinkButton>}
      </div>
    </article>
  );
}

export function MessagesPage() {
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  usePageTitle(t('messages.title'));
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === '1';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { data, error, isPending, refetch } = useMessages(page, unreadOnly);
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const [openId, setOpenId] = useState<string | null>(null);

  const show = (next: { unread?: boolean; page?: number }) => {
    const search = new URLSearchParams();
    if (next.unread ?? unreadOnly) search.set('unread', '1');
    if ((next.page ?? 1) > 1) search.set('page', String(next.page));
    setParams(search);
    setOpenId(null);
  };

  const toggle = (m: Message) => {
    const opening = openId !== m.id;
    setOpenId(opening ? m.id : null);
    if (opening && !m.readAt) markRead.mutate(m.id);
  };

  const readAll = () => markAllRead.mutate(undefined, {
    onSuccess: () => void toast.success(t('messages.readAllDone')),
    onError: (e) => void toast.error(problemText(e, t('common.unknownError')).title),
  });

  return (
    <div className="tb-container tb-page tb-narrow">
      <div className="tb-page-head">
        <Typography.Title level={1} className="tb-page-title">{t('messages.title')}</Typography.Title>
        <Button onClick={readAll} disabled={!data?.unread} loading={busy(markAllRead.isPending)}>{t('messages.readAll')}</Button>
      </div>
      <Typography.Paragraph className="tb-muted">{t('messages.intro')}</Typography.Paragraph>
      <div className="tb-message-filter">
        <span id="messages-filter-label" className="tb-filter-label">{t('messages.filter')}</span>
        <Radio.Group
          aria-labelledby="messages-filter-label"
          optionType="button"
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(e) => show({ unread: e.target.value === 'unread', page: 1 })}
          options={[{ value: 'all', label: t('messages.all') }, { value: 'unread', label: t('messages.unreadOnly') }]}
        />
      </div>
      <Card className="tb-card">
        {isPending && <Skeleton active paragraph={{ rows: 4 }} />}
        {error && <ProblemAlert error={error} onRetry={refetch} />}
        {data && (
          <>
            <p className="tb-muted tb-small" role="status">{t('messages.summary', { total: data.total, unread: data.unread })}</p>
            {data.items.length === 0 ? (
              <Empty description={unreadOnly ? t('messages.emptyUnread') : t('messages.empty')} />
            ) : (
              <ul className="tb-plain-list tb-message-list">
                {data.items.map((m) => (
                  <li key={m.id}><MessageItem message={m} open={openId === m.id} onToggle={() => toggle(m)} /></li>
                ))}
              </ul>
            )}
            {data.total > data.pageSize && (
              <nav aria-label={t('messages.pagination')} className="tb-pagination">
                <Pagination current={data.page} pageSize={data.pageSize} total={data.total} showSizeChanger={false} responsive
                  onChange={(next) => { show({ page: next }); window.scrollTo({ top: 0 }); }} />
              </nav>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
