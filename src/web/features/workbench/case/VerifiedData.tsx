// 已核验（来自…）: what the data exchange returned for a 免提交 material at submission — the source
// registry and department, each field with its value, the licence identifier, and the digest.
import { Descriptions } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { VerifiedMaterial } from '../../../../contract/applications';
import { formatDateTime } from '../../../lib/format';

const shown = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map(shown).join('；');
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).map(shown).join('，');
  return String(value);
};

export function VerifiedData({ name, verified }: { name: string; verified: VerifiedMaterial }) {
  const { t } = useTranslation();
  const headingId = `verified-${verified.digest.slice(0, 12)}`;
  return (
    <section className="wb-verified" aria-labelledby={headingId}>
      <p id={headingId} className="wb-verified-title">
        <SafetyCertificateOutlined aria-hidden /> {t('workbench.case.verifiedFrom', { department: verified.departmentName, registry: verified.registryName })}
        <span className="tb-muted tb-small"> · {formatDateTime(verified.verifiedAt)}</span>
      </p>
      {verified.licence && <p className="tb-small">{t('workbench.case.verifiedLicence', { identifier: verified.licence.identifier })}</p>}
      {/* antd puts an aria-label on its outer div, where screen readers ignore it: a named group instead */}
      <div role="group" aria-label={t('workbench.case.verifiedLabel', { name })}>
        <Descriptions size="small" column={1} bordered
          items={verified.fields.map((f) => ({ key: f.code, label: f.name, children: shown(f.value) }))} />
      </div>
      <p className="tb-muted tb-small wb-verified-digest">{t('workbench.case.verifiedDigest', { digest: verified.digest.slice(0, 16) })}</p>
    </section>
  );
}
