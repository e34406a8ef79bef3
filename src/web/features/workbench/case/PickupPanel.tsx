// 结果领取 on the staff case page, for window clerks: whether the result still waits at the windows,
// the 办理领取 action, or the hand-over once recorded (when, where, by whom, who collected it).
import { useState } from 'react';
import { Button, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PickupView } from '../../../../contract/pickups';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatDateTime } from '../../../lib/format';
import { usePickup } from '../pickup-api';
import { HandoverModal } from './HandoverModal';

export function HandoverRecord({ pickup }: { pickup: PickupView }) {
  const { t } = useTranslation();
  const h = pickup.handover;
  if (!h) return null;
  return (
    <Descriptions size="small" column={1} items={[
      { key: 'at', label: t('workbench.pickup.collectedAt'), children: <time dateTime={h.at}>{formatDateTime(h.at)}</time> },
      { key: 'window', label: t('workbench.pickup.window'), children: h.window },
      {
        key: 'collector', label: t('workbench.pickup.collector'),
        children: `${t(`workbench.pickup.kind.${h.collector.kind}`)}：${h.collector.name}（${h.collector.idMasked}）`,
      },
      ...(h.authorisation ? [{ key: 'authorisation', label: t('workbench.pickup.authorisation'), children: h.authorisation }] : []),
      { key: 'verification', label: t('workbench.pickup.verification'), children: t(`workbench.pickup.method.${h.verification}`) },
      { key: 'clerk', label: t('workbench.pickup.clerk'), children: h.clerkName },
      ...(h.note ? [{ key: 'note', label: t('workbench.pickup.note'), children: h.note }] : []),
    ]} />
  );
}

export function PickupPanel({ caseNo }: { caseNo: string }) {
  const { t } = useTranslation();
  const { data: pickup, error } = usePickup(caseNo, true);
  const [open, setOpen] = useState(false);
  if (error) return <ProblemAlert error={error} />;
  if (!pickup) return null;
  return (
    <div>
      <p>
        <Tag className={pickup.state === 'collected' ? 'tb-tag-green' : pickup.state === 'awaiting' ? 'tb-tag-orange' : undefined}>
          {t(`workbench.pickup.state.${pickup.state}`)}
        </Tag>
        {pickup.state === 'awaiting' && (
          <span className="tb-muted tb-small">{t('workbench.pickup.readySince', { time: formatDateTime(pickup.readyAt) })}</span>
        )}
      </p>
      {pickup.state === 'revoked' && <p className="tb-muted">{t('workbench.pickup.revokedHint')}</p>}
      <HandoverRecord pickup={pickup} />
      {pickup.actions.includes('hand_over') && (
        <>
          <p className="tb-muted">{t('workbench.pickup.panelIntro')}</p>
          <Button type="primary" block onClick={() => setOpen(true)}>{t('workbench.pickup.action')}</Button>
          <HandoverModal pickup={pickup} open={open} onClose={() => setOpen(false)} />
        </>
      )}
    </div>
  );
}
