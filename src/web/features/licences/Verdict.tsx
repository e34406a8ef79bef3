// A verification verdict in colour, icon AND words: green 真实有效, amber 已过期/已换发, red 已注销/验证失败.
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Verdict as VerdictValue } from '../../../contract/licences';

const TONE: Record<VerdictValue, 'ok' | 'warn' | 'bad'> = { authentic: 'ok', expired: 'warn', replaced: 'warn', revoked: 'bad', tampered: 'bad' };
const ICON = { ok: CheckCircleFilled, warn: ExclamationCircleFilled, bad: CloseCircleFilled };

export function Verdict({ verdict, reason }: { verdict: VerdictValue; reason?: string | null }) {
  const { t } = useTranslation();
  const tone = TONE[verdict];
  const Icon = ICON[tone];
  return (
    <section className={`tb-verdict tb-verdict-${tone}`} role="status" aria-labelledby="tb-verdict-title" data-verdict={verdict}>
      <Icon className="tb-verdict-icon" aria-hidden />
      <div>
        <h2 id="tb-verdict-title" className="tb-verdict-title">{t(`licences.verify.verdict.${verdict}`)}</h2>
        <p className="tb-verdict-text">{t(`licences.verify.explain.${verdict}`)}</p>
        {reason && <p className="tb-verdict-text">{t('licences.verify.reason')}：{reason}</p>}
      </div>
    </section>
  );
}
