// 通知公告: latest notices; each opens in a dialog.
import { useState } from 'react';
import { Alert, Card, Empty, Modal, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../../contract/catalog';
import { formatDate } from '../../../lib/format';
import { useNotices } from '../api';

export function NoticeList() {
  const { t } = useTranslation();
  const { data, isPending, isError } = useNotices(6);
  const [open, setOpen] = useState<Notice | null>(null);
  return (
    <Card className="tb-card tb-fill" title={<h2 className="tb-card-title">{t('home.noticesHeading')}</h2>}>
      {isPending && <Skeleton active paragraph={{ rows: 5 }} />}
      {isError && <Alert type="warning" showIcon title={t('common.loadFailed')} />}
      {data && data.length === 0 && <Empty description={t('common.empty')} />}
      {data && data.length > 0 && (
        <ul className="tb-notice-list">
          {data.map((notice) => (
            <li key={notice.id}>
              <button type="button" className="tb-link-like" onClick={() => setOpen(notice)}>{notice.title}</button>
              <span className="tb-muted tb-notice-meta">
                <time dateTime={notice.publishedAt}>{formatDate(notice.publishedAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
      <Modal open={!!open} title={open?.title} footer={null} onCancel={() => setOpen(null)} width={640}>
        {open && (
          <>
            <Typography.Paragraph className="tb-muted">
              {open.departmentName} · <time dateTime={open.publishedAt}>{formatDate(open.publishedAt)}</time>
            </Typography.Paragraph>
            <Typography.Paragraph className="tb-pre-line">{open.body}</Typography.Paragraph>
          </>
        )}
      </Modal>
    </Card>
  );
}
