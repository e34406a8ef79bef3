// Tags shared by the exchange pages: share type, outcome and grant status, each named in words.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExchangeOutcome, GrantStatus, ShareType } from '../../../contract/exchange';

const SHARE_COLOURS: Record<ShareType, string> = { unconditional: 'green', conditional: 'blue', none: 'default' };
const OUTCOME_COLOURS: Record<ExchangeOutcome, string> = { granted: 'green', partial: 'gold', denied: 'red', not_found: 'default', error: 'volcano' };
const STATUS_COLOURS: Record<GrantStatus, string> = { pending: 'gold', approved: 'green', revoked: 'default' };

export function ShareTypeTag({ type }: { type: ShareType }) {
  const { t } = useTranslation();
  return <Tag color={SHARE_COLOURS[type]}>{t(`exchange.shareType.${type}`)}</Tag>;
}

export function OutcomeTag({ outcome }: { outcome: ExchangeOutcome }) {
  const { t } = useTranslation();
  return <Tag color={OUTCOME_COLOURS[outcome]}>{t(`exchange.outcome.${outcome}`)}</Tag>;
}

export function GrantStatusTag({ status }: { status: GrantStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOURS[status]}>{t(`exchange.status.${status}`)}</Tag>;
}
