// 数据授权: before anything is fetched, which departments' registries would fill which fields and
// for what; 同意并获取 records the consent and fills (and locks) the fields, 手动填写 fetches nothing.
import { useState } from 'react';
import { Alert, Button, Card, Space } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RegistryPrefillOffer, RegistryPrefillResult } from '../../../../contract/applications';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { busy } from '../../../lib/format';
import { useRegistryPrefill } from '../api';

export function RegistryConsentCard({ code, offers, enterpriseCreditCode, labels, onFilled, disabled }: {
  code: string;
  offers: RegistryPrefillOffer[];
  enterpriseCreditCode?: string;
  /** form field name → its label, to name fields that could not be fetched */
  labels: Record<string, string>;
  onFilled: (result: RegistryPrefillResult) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const fetchPrefill = useRegistryPrefill(code);
  const [choice, setChoice] = useState<'ask' | 'manual' | 'done'>('ask');
  const [result, setResult] = useState<RegistryPrefillResult | null>(null);
  const purpose = offers[0]?.purpose ?? '';
  const titleId = `registry-consent-${code}`;

  const agree = () => fetchPrefill.mutate({ registries: offers.map((o) => o.registry), ...(enterpriseCreditCode ? { enterpriseCreditCode } : {}) }, {
    onSuccess: (fetched) => { setResult(fetched); setChoice('done'); onFilled(fetched); },
  });

  return (
    <Card className="tb-card tb-registry-consent tb-gap-bottom" role="region" aria-labelledby={titleId}
      title={<h3 id={titleId} className="tb-card-title"><SafetyCertificateOutlined aria-hidden /> {t('applications.registry.title')}</h3>}>
      {choice === 'ask' && (
        <>
          <p>{t('applications.registry.intro', { purpose })}</p>
          <ul className="tb-registry-consent-list" aria-label={t('applications.registry.listLabel')}>
            {offers.map((o) => (
              <li key={o.registry}>
                <strong>{t('applications.registry.source', { department: o.department.name, registry: o.registryName })}</strong>
                <br />
                <span className="tb-small">{t('applications.registry.fields', { fields: o.fields.map((f) => f.registryFieldName).join('、') })}</span>
              </li>
            ))}
          </ul>
          <p className="tb-muted tb-small">{t('applications.registry.note')}</p>
          <ProblemAlert error={fetchPrefill.error} className="tb-gap-bottom" />
          <Space wrap>
            <Button type="primary" onClick={agree} loading={busy(fetchPrefill.isPending)} disabled={disabled}>{t('applications.registry.agree')}</Button>
            <Button onClick={() => setChoice('manual')} disabled={disabled || fetchPrefill.isPending}>{t('applications.registry.manual')}</Button>
          </Space>
        </>
      )}
      {choice === 'manual' && (
        <div>
          <p className="tb-muted">{t('applications.registry.declined')}</p>
          <Button size="small" onClick={() => setChoice('ask')} disabled={disabled}>{t('applications.registry.reconsider')}</Button>
        </div>
      )}
      {choice === 'done' && result && (
        <div role="status">
          <Alert type="success" showIcon title={t('applications.registry.fetched', { count: Object.keys(result.values).length })} />
          {result.denied.length > 0 && (
            <Alert className="tb-gap-top" type="warning" showIcon
              title={t('applications.registry.missing', { fields: result.denied.map((d) => labels[d.field] ?? d.field).join('、') })} />
          )}
        </div>
      )}
    </Card>
  );
}
