// 亮证 dialog: choose fields and a lifetime, get a one-time QR code and link with a countdown.
import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Modal, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LicenceView } from '../../../contract/licences';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePresent } from './api';
import './licences.css';

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
  const chosen = licence.fields.filter((f) => created?.fields.includes(f.name)).map((f) => f.label).join('、');
  const qr = created ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(created.qrSvg)}` : null;
  return (
    <Modal open={open} title={`${t('licences.present.title')} · ${licence.typeName}`} onCancel={close} destroyOnHidden
      footer={<Button onClick={close}>{t('licences.present.close')}</Button>}>
      {!created ? (
        <Space direction="vertical" className="tb-full-width">
          <p>{t('licences.present.intro')}</p>
          <fieldset className="tb-licence-fieldset">
            <legend>{t('licences.present.fields')}</legend>
            <Checkbox.Group value={fields} onChange={(v) => setFields(v as string[])}
              options={licence.fields.filter((f) => f.value !== null).map((f) => ({ value: f.name, label: f.label }))} />
          </fieldset>
          <fieldset className="tb-licence-fieldset">
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
        <div className="tb-licence-center">
          <img className="tb-qr" src={qr!} alt={t('licences.present.qrAlt')} width={260} height={260} />
          <p role="timer" aria-live="off" className="tb-verdict-title">{t('licences.present.expiresIn', { seconds: left })}</p>
          <p className="tb-muted">{t('licences.present.showing', { fields: chosen })}</p>
          <p className="tb-small">{t('licences.present.orLink')}</p>
          <a href={created.url} target="_blank" rel="noreferrer" className="tb-qr-link">{created.url}</a>
        </div>
      ) : (
        <Space direction="vertical" className="tb-full-width">
          <Alert type="warning" showIcon title={t('licences.present.expired')} />
          <Button type="primary" onClick={() => present.reset()}>{t('licences.present.again')}</Button>
        </Space>
      )}
    </Modal>
  );
}
