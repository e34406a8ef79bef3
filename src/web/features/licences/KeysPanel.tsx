// The department's signing keys (签名密钥): the active one and the retired ones with the licences each
// signed, and 轮换密钥 behind a confirmation for the department's admin. Retired keys stay listed
// because licences they signed still verify.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Modal, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { busy, formatDateTime } from '../../lib/format';
import { newIdempotencyKey, useDepartmentKeys, useRotate } from './register-api';

export function KeysPanel({ department }: { department: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const keys = useDepartmentKeys(department);
  const rotate = useRotate(department);
  // one key per confirmation, so a retry after a lost answer cannot rotate twice
  const [attempt, setAttempt] = useState<string | null>(null);
  const data = keys.data;
  const active = data?.keys.find((k) => k.status === 'active');

  const confirm = () => rotate.mutate({ idempotencyKey: attempt ?? newIdempotencyKey() }, {
    onSuccess: ({ keyId }) => {
      setAttempt(null);
      void message.success(t('licences.register.keys.rotated', { keyId }));
    },
  });

  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('licences.register.keys.title')}</h2>}
      extra={data?.actions.includes('rotate') ? (
        <Button onClick={() => { rotate.reset(); setAttempt(newIdempotencyKey()); }}>{t('licences.register.keys.rotate')}</Button>
      ) : null}>
      <Typography.Paragraph className="tb-muted">{t('licences.register.keys.intro')}</Typography.Paragraph>
      <ProblemAlert error={keys.error} onRetry={keys.refetch} retrying={keys.isFetching} />
      {keys.isPending ? <Skeleton active /> : data && (data.keys.length === 0 ? <Empty description={t('licences.register.keys.empty')} /> : (
        <>
          <p className="tb-small tb-muted">{t('licences.register.keys.algorithm', { algorithm: data.algorithm })}</p>
          <ul className="tb-plain-list lr-keys" aria-label={t('licences.register.keys.listLabel')}>
            {data.keys.map((k) => (
              <li key={k.keyId} className={`lr-key lr-key-${k.status}`}>
                <div className="lr-key-head">
                  <span className="tb-licence-id lr-key-id">{k.keyId}</span>
                  <Tag className={k.status === 'active' ? 'tb-tag-green' : undefined}>{t(`licences.register.keys.${k.status}`)}</Tag>
                </div>
                <Descriptions column={{ xs: 1, sm: 2 }} size="small" items={[
                  { key: 'created', label: t('licences.register.keys.createdAt'), children: formatDateTime(k.createdAt) },
                  ...(k.retiredAt ? [{ key: 'retired', label: t('licences.register.keys.retiredAt'), children: formatDateTime(k.retiredAt) }] : []),
                  { key: 'count', label: t('licences.register.keys.licences'), children: t('licences.register.keys.licenceCount', { count: k.licences }) },
                  { key: 'fp', label: t('licences.register.keys.fingerprint'), children: <span className="tb-licence-id">{k.fingerprint.match(/.{4}/g)!.join(' ')}</span> },
                ]} />
              </li>
            ))}
          </ul>
        </>
      ))}
      <Modal
        open={attempt !== null}
        title={t('licences.register.keys.rotateTitle')}
        okText={t('licences.register.keys.rotateConfirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, loading: busy(rotate.isPending) }}
        closable={{ 'aria-label': t('common.close') }}
        onOk={confirm}
        onCancel={() => setAttempt(null)}
      >
        <p>{active ? t('licences.register.keys.rotateBody', { keyId: active.keyId }) : t('licences.register.keys.rotateBodyFirst')}</p>
        <ProblemAlert error={rotate.error} />
      </Modal>
    </Card>
  );
}
