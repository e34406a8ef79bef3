// Tags shared by the exchange pages: share type, outcome and grant status, each named in words.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExchangeOutcome, GrantStatus, ShareType } from '../../../contract/exchange';

// antd's preset tag colours are below 4.5:1; the tb-tag-* classes meet it (styles.css)
const SHARE_CLASSES: Record<ShareType, string | undefined> = { unconditional: 'tb-tag-green', conditional: 'tb-tag-orange', none: undefined };
const OUTCOME_CLASSES: Record<ExchangeOutcome, string | undefined> = { granted: 'tb-tag-green', partial: 'tb-tag-orange', denied: 'tb-tag-red', not_found: undefined, error: 'tb-tag-red' };
const STATUS_CLASSES: Record<GrantStatus, string | undefined> = { pending: 'tb-tag-orange', approved: 'tb-tag-green', revoked: undefined };

export function ShareTypeTag({ type }: { type: ShareType }) {
  const { t } = useTranslation();
  return <Tag className={SHARE_CLASSES[type]}>{t(`exchange.shareType.${type}`)}</Tag>;
}

export function OutcomeTag({ outcome }: { outcome: ExchangeOutcome }) {
  const { t } = useTranslation();
  return <Tag className={OUTCOME_CLASSES[outcome]}>{t(`exchange.outcome.${outcome}`)}</Tag>;
}

export function GrantStatusTag({ status }: { status: GrantStatus }) {
  const { t } = useTranslation();
  return <Tag className={STATUS_CLASSES[status]}>{t(`exchange.status.${status}`)}</Tag>;
}
