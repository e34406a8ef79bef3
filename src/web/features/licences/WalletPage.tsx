// /me/licences — 我的证照 (卡包): a card per licence with its status, holder (ID number masked), PDF
// download, 亮证, the usage log and the public verification page.
import { useState } from 'react';
import { Button, Card, Descriptions, Drawer, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LicenceSummary } from '../../../contract/licences';
import { LinkButton } from '../../components/LinkButton';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatDateTime } from '../../lib/format';
import { useLicence, useLicenceUses, useWallet } from './api';
import { PresentDialog } from './PresentDialog';
import './licences.css';

function statusOf(l: LicenceSummary): 'valid' | 'revoked' | 'replaced' | 'expired' {
  return l.status === 'valid' && l.expired ? 'expired' : l.status;
}
const TAG_CLASS = { valid: 'tb-tag-green', revoked: 'tb-tag-red', replaced: undefined, expired: 'tb-tag-orange' } as const;

function UsesDrawer({ licence, onClose }: { licence: LicenceSummary | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { data, error, isPending } = useLicenceUses(licence?.id ?? null);
  return (
    <Drawer open={!!licence} onClose={onClose} title={licence ? `${t('licences.uses.title')} · ${licence.typeName}` : ''} destroyOnHidden>
      {error && <ProblemAlert error={error} />}
      {isPending ? <Skeleton active /> : (
        <List dataSource={data?.items ?? []} locale={{ emptyText: t('licences.uses.empty') }}
          renderItem={(u) => (
            <List.Item>
              <span>{t(`licences.uses.kind.${u.kind}`)}</span>
              <time className="tb-muted tb-small" dateTime={u.at}>{formatDateTime(u.at)}</time>
            </List.Item>
          )} />
      )}
    </Drawer>
  );
}

function Presenter({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { data, error } = useLicence(id);
  if (error) return <ProblemAlert error={error} className="tb-gap-top" />;
  return data ? <PresentDialog licence={data} open onClose={onClose} /> : null;
}

function LicenceCard({ l, onPresent, onUses }: { l: LicenceSummary; onPresent: () => void; onUses: () => void }) {
  const { t } = useTranslation();
  const status = statusOf(l);
  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{l.typeName}</h2>}
      extra={<Tag className={TAG_CLASS[status]}>{t(`licences.wallet.status.${status}`)}</Tag>}>
      <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" items={[
        { key: 'holder', label: t('licences.wallet.holder'), children: `${l.holderName}（${l.holderCode}）` },
        ...l.fields.filter((f) => f.value).map((f) => ({ key: `f-${f.name}`, label: f.label, children: f.value })),
        { key: 'no', label: t('licences.wallet.number'), children: l.licenceNo },
        { key: 'issuer', label: t('licences.wallet.issuer'), children: l.issuer.name },
        { key: 'issued', label: t('licences.wallet.issuedOn'), children: formatDate(l.issuedOn) },
        { key: 'to', label: t('licences.wallet.validTo'), children: l.validTo ? formatDate(l.validTo) : t('licences.wallet.longTerm') },
        { key: 'v', label: t('licences.wallet.versionLabel'), children: t('licences.wallet.version', { version: l.version }) },
        { key: 'id', label: t('licences.verify.identifier'), children: <span className="tb-licence-id">{l.identifier}</span> },
      ]} />
      <Space wrap className="tb-gap-top">
        {status === 'valid' && <Button type="primary" onClick={onPresent} aria-label={`${t('licences.wallet.present')} ${l.typeName}`}>{t('licences.wallet.present')}</Button>}
        <Button href={`/api/licences/${l.id}/pdf`} download aria-label={`${t('licences.wallet.download')} ${l.typeName}`}>{t('licences.wallet.download')}</Button>
        <Button onClick={onUses} aria-label={`${t('licences.wallet.uses')} ${l.typeName}`}>{t('licences.wallet.uses')}</Button>
        <LinkButton type="link" to={`/verify/${l.id}`} aria-label={`${t('licences.wallet.verify')} ${l.typeName}`}>{t('licences.wallet.verify')}</LinkButton>
      </Space>
    </Card>
  );
}

export function WalletPage() {
  const { t } = useTranslation();
  usePageTitle(t('licences.wallet.title'));
  const { data, error, isPending, refetch, isFetching } = useWallet();
  const [usesOf, setUsesOf] = useState<LicenceSummary | null>(null);
  const [presenting, setPresenting] = useState<string | null>(null);
  return (
    <div className="tb-container tb-page tb-narrow tb-licence">
      <Typography.Title level={1} className="tb-page-title">{t('licences.wallet.title')}</Typography.Title>
      <Typography.Paragraph className="tb-muted">{t('licences.wallet.intro')}</Typography.Paragraph>
      {error && (
        <Card className="tb-card">
          <ProblemAlert error={error} onRetry={refetch} retrying={isFetching} />
        </Card>
      )}
      {isPending ? <Card className="tb-card" aria-busy="true"><Skeleton active /></Card> : data && (!data.items.length
        ? <Card className="tb-card"><Empty description={t('licences.wallet.empty')} /></Card>
        : (
          <ul className="tb-plain-list" aria-label={t('licences.wallet.listLabel')}>
            {data.items.map((l) => (
              <li key={l.id}><LicenceCard l={l} onPresent={() => setPresenting(l.id)} onUses={() => setUsesOf(l)} /></li>
            ))}
          </ul>
        ))}
      <UsesDrawer licence={usesOf} onClose={() => setUsesOf(null)} />
      <Presenter id={presenting} onClose={() => setPresenting(null)} />
    </div>
  );
}
