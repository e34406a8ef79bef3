// 亮证 dialog: choose fields and a lifetime, get a one-time QR code with a countdown.
import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Modal, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LicenceView } from '../../../contract/licences';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePresent } from './api';

const TTLS = [60, 120, 300];

export function PresentDialog({ licence, open, onClose }: { licence: LicenceView; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<string[]>([]);
  const [ttl, setTtl] = useState(120);
  const [left, setLeft] = useState(0);
  const present = usePresent(licence.id);
  const created = present.data;

  useEffect(() => {
    if (!created) return;
    const tick = () => setLeft(Math.max(0, Math.round((new Date(created.expiresAt).getTime() - Date.now()) / 1000)));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [created]);

  const close = () => { present.reset(); setFields([]); onClose(); };
  const qr = created ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(created.qrSvg)}` : null;
  return (
    <Modal open={open} title={`${t('licences.present.title')} · ${licence.typeName}`} onCancel={close} footer={<Button onClick={close}>{t('licences.present.close')}</Button>}>
      {!created ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <p>{t('licences.present.intro')}</p>
          <fieldset>
            <legend>{t('licences.present.fields')}</legend>
            <Checkbox.Group value={fields} onChange={(v) => setFields(v as string[])}
              options={licence.fields.filter((f) => f.value !== null).map((f) => ({ value: f.name, label: f.label }))} />
          </fieldset>
          <fieldset>
            <legend>{t('licences.present.ttl')}</legend>
            <Radio.Group value={ttl} onChange={(e) => setTtl(e.target.value)}
              options={TTLS.map((s) => ({ value: s, label: t('licences.present.seconds', { count: s }) }))} />
          </fieldset>
          {present.error && <ProblemAlert error={present.error} />}
          {fields.length === 0 && <span className="tb-muted tb-small">{t('licences.present.chooseOne')}</span>}
          <Button type="primary" disabled={fields.length === 0} loading={present.isPending} onClick={() => present.mutate({ fields, ttlSeconds: ttl })}>
            {t('licences.present.create')}
          </Button>
        </Space>
      ) : left > 0 ? (
        <div style={{ textAlign: 'center' }}>
          <img src={qr!} alt={t('licences.present.qrAlt')} width={240} height={240} />
          <p role="timer" aria-live="off">{t('licences.present.expiresIn', { seconds: left })}</p>
          <a href={created.url} className="tb-small">{created.url}</a>
        </div>
      ) : (
        <Alert type="warning" showIcon message={t('licences.present.expired')} />
      )}
    </Modal>
  );
}
