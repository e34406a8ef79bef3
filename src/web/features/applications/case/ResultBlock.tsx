// The outcome once there is one: approved (and how the result reaches the applicant), denied with
// the departments' reasons, revoked after a post-check, not accepted, or withdrawn.
import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../contract/applications';
import { formatDateTime } from '../../../lib/format';

/** 窗口领取: 待领取 until a window clerk records the hand-over, then 已领取 with when and where (the timeline line). */
function WindowPickup({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const collected = view.timeline.findLast((e) => e.action === 'picked_up');
  if (!collected) {
    return (
      <>
        <p><Tag className="tb-tag-orange">{t('applications.result.pickup.awaiting')}</Tag>{t('applications.result.how.window')}</p>
        <p className="tb-small">{t('applications.result.pickup.agentHint')}</p>
      </>
    );
  }
  return (
    <>
      <p><Tag className="tb-tag-green">{t('applications.result.pickup.collected')}</Tag>{t('applications.result.pickup.collectedAt', { time: formatDateTime(collected.at) })}</p>
      <p className="tb-small">{collected.text}</p>
    </>
  );
}

export function ResultBlock({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  if (view.status === 'not_accepted') {
    return <Alert type="error" showIcon title={t('applications.result.notAcceptedTitle')} description={view.notAcceptedReason ?? undefined} />;
  }
  if (view.status === 'withdrawn') {
    return <Alert type="info" showIcon title={t('applications.result.withdrawnTitle')} />;
  }
  if (view.status !== 'concluded' || !view.result) return null;

  if (view.result === 'approved') {
    const { delivery } = view;
    const how = delivery.mode === 'post'
      ? (view.trackingNo ? t('applications.result.postTracking', { trackingNo: view.trackingNo }) : t('applications.result.postPending'))
      : t(`applications.result.how.${delivery.mode}`);
    return (
      <Alert type="success" showIcon title={t('applications.result.approvedTitle')} description={
        <>
          {delivery.mode === 'window' ? <WindowPickup view={view} /> : <p>{how}</p>}
          {delivery.mode === 'post' && delivery.address && (
            <p className="tb-small">{t('applications.result.postTo', { recipient: delivery.recipient ?? '', address: delivery.address })}</p>
          )}
        </>
      } />
    );
  }
  const reasons = view.tasks.filter((task) => task.status === 'denied' && task.comment);
  return (
    <Alert type="error" showIcon title={t(view.result === 'revoked' ? 'applications.result.revokedTitle' : 'applications.result.deniedTitle')} description={
      reasons.length ? (
        <ul className="tb-plain-list">
          {reasons.map((task) => <li key={task.id}><strong>{task.department.name}</strong>：{task.comment}</li>)}
        </ul>
      ) : undefined
    } />
  );
}
