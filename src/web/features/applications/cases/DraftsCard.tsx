// 我的草稿: applications started but not submitted, with 继续填写 and 删除.
import { App, Button, Card, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../../components/LinkButton';
import { problemText } from '../../../components/ProblemAlert';
import { formatDateTime } from '../../../lib/format';
import { hasRole, useMe } from '../../identity/api';
import { useDeleteDraft, useDrafts } from '../api';

export function DraftsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  // drafts are kept for citizens only
  const { data: drafts } = useDrafts(hasRole(me, 'citizen'));
  const remove = useDeleteDraft();
  if (!drafts?.length) return null;

  const discard = (code: string, name: string) => remove.mutateAsync(code).then(
    () => void message.success(t('applications.drafts.deleted', { name })),
    (error: unknown) => void message.error(problemText(error, t('common.unknownError')).title),
  );

  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('applications.drafts.title')}</h2>}>
      <ul className="tb-plain-list tb-draft-list">
        {drafts.map((d) => (
          <li key={d.itemCode} className="tb-draft-row">
            <div className="tb-draft-info">
              <span className="tb-draft-name">{d.itemName}</span>
              <span className="tb-muted tb-small">{t('applications.drafts.updated', { time: formatDateTime(d.updatedAt) })}</span>
            </div>
            <div className="tb-draft-actions">
              <LinkButton to={`/apply/${encodeURIComponent(d.itemCode)}`} type="primary" size="small"
                aria-label={t('applications.drafts.continueNamed', { name: d.itemName })}>
                {t('applications.drafts.continue')}
              </LinkButton>
              <Popconfirm
                title={t('applications.drafts.confirmDelete', { name: d.itemName })}
                okText={t('applications.drafts.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => discard(d.itemCode, d.itemName)}
              >
                <Button size="small" danger aria-label={t('applications.drafts.deleteNamed', { name: d.itemName })}>
                  {t('applications.drafts.delete')}
                </Button>
              </Popconfirm>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
