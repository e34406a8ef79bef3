// A licence's status in the register, in words and colour: 有效, 已过期, 已注销, 已被替换.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LicenceSummary } from '../../../contract/licences';

const CLASS = { valid: 'tb-tag-green', expired: 'tb-tag-orange', revoked: 'tb-tag-red', replaced: undefined } as const;

export function LicenceStatusTag({ status, expired }: Pick<LicenceSummary, 'status' | 'expired'>) {
  const { t } = useTranslation();
  const shown = status === 'valid' && expired ? 'expired' : status;
  return <Tag className={CLASS[shown]}>{t(`licences.register.statusLabel.${shown}`)}</Tag>;
}
