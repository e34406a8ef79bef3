// /me/licences — 我的卡包: a card per licence with its status, PDF download, 亮证 and the usage log.
import { useState } from 'react';
import { Button, Card, Descriptions, Drawer, Empty, List, Skeleton, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LicenceSummary } from '../../../contract/licences';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatDateTime } from '../../lib/format';
import { useLicence, useLicenceUses, useWallet } from './api';
import { PresentDialog } from './PresentDialog';

function statusOf(l: LicenceSummary): 'valid' | 'revoked' | 'replaced' | 'expired' {
  return l.status === 'valid' && l.expired ? 'expired' : l.status;
}
const COLOURS = { valid: 'green', revoked: 'red', replaced: 'default', expired: 'orange' } as const;

function UsesDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { data, error } = useLicenceUses(id);
  return (
    <Drawer open={!!id} onClose={onClose} title={t('licences.uses.title')}>
      {error && <ProblemAlert error={error} />}
      <List dataSource={data?.items ?? []} locale={{ emptyText: t('licences.uses.empty') }}
        renderItem={(u) => <List.Item><span>{t(`licences.uses.kind.${u.kind}`)}</span><time className="tb-muted tb-small" dateTime={u.at}>{formatDateTime(u.at)}</time></List.Item>} />
    </Drawer>
  );
}

function Presenter({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { data } = useLicence(id);
  return data ? <PresentDialog licence={data} open onClose={onClose} /> : null;
}

export function WalletPage() {
  const { t } = useTranslation();
  usePageTitle(t('licences.wallet.title'));
  const { data, error, isPending } = useWallet();
  const [usesOf, setUsesOf] = useState<string | null>(null);
  const [presenting, setPresenting] = useState<string | null>(null);
  return (
    <div className="tb-page">
      <h1>{t('licences.wallet.title')}</h1>
      <p className="tb-muted">{t('licences.wallet.intro')}</p>
      {error && <ProblemAlert error={error} />}
      {isPending ? <Skeleton active /> : !data?.items.length ? <Empty description={t('licences.wallet.empty')} /> : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {data.items.map((l) => {
            const status = statusOf(l);
            return (
              <Card key={l.id} title={<h2 style={{ margin: 0, fontSize: 18 }}>{l.typeName}</h2>}
                extra={<Tag color={COLOURS[status]}>{t(`licences.wallet.status.${status}`)}</Tag>}>
                <Descriptions column={{ xs: 1, sm: 2 }} size="small" items={[
                  { key: 'no', label: t('licences.wallet.number'), children: l.licenceNo },
                  { key: 'issuer', label: t('licences.wallet.issuer'), children: l.issuer.name },
                  { key: 'issued', label: t('licences.wallet.issuedOn'), children: formatDate(l.issuedOn) },
                  { key: 'to', label: t('licences.wallet.validTo'), children: l.validTo ? formatDate(l.validTo) : t('licences.wallet.longTerm') },
                  { key: 'v', label: t('licences.verify.identifier'), children: <span className="tb-small">{l.identifier} · {t('licences.wallet.version', { version: l.version })}</span> },
                ]} />
                <Space wrap style={{ marginTop: 12 }}>
                  <Button href={`/api/licences/${l.id}/pdf`} aria-label={`${t('licences.wallet.download')} ${l.typeName}`}>{t('licences.wallet.download')}</Button>
                  {status === 'valid' && <Button type="primary" onClick={() => setPresenting(l.id)} aria-label={`${t('licences.wallet.present')} ${l.typeName}`}>{t('licences.wallet.present')}</Button>}
                  <Button onClick={() => setUsesOf(l.id)} aria-label={`${t('licences.wallet.uses')} ${l.typeName}`}>{t('licences.wallet.uses')}</Button>
                  <Button type="link" href={`/verify/${l.id}`}>{t('licences.wallet.verify')}</Button>
                </Space>
              </Card>
            );
          })}
        </Space>
      )}
      <UsesDrawer id={usesOf} onClose={() => setUsesOf(null)} />
      <Presenter id={presenting} onClose={() => setPresenting(null)} />
    </div>
  );
}
