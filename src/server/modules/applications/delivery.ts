// Delivery of results by post (邮寄送达): an adapter ships the result and returns the tracking number,
// run from the outbox so a courier outage only delays it. The logging adapter stands in for a real
// courier API; its tracking numbers are derived from the case number, so a retried job ships once.
import { createHash } from 'node:crypto';
import { tx, type Executor } from '../../db/client.js';
import { now } from '../../platform/clock.js';
import type { OutboxHandlers, OutboxLog } from '../../platform/outbox.js';
import { maskName } from '../../../contract/mask.js';
import { record } from './context.js';
import { DELIVER_TOPIC } from './engine.js';
import * as repo from './repo.js';
import { RECOMPUTE_TOPIC, recomputeDueDates } from './service-deadlines.js';

export interface Shipment { caseNo: string; itemName: string; recipient: string; mobile: string; address: string }

export interface DeliveryAdapter {
  /** Hand the result to the courier; returns the tracking number. Must be idempotent per case number. */
  ship(shipment: Shipment): Promise<{ trackingNo: string }>;
}

export class LoggingDeliveryAdapter implements DeliveryAdapter {
  constructor(private readonly log: OutboxLog) {}
  async ship(s: Shipment) {
    const digits = BigInt('0x' + createHash('sha256').update(s.caseNo).digest('hex').slice(0, 14)) % 10n ** 12n;
    const trackingNo = `TB${digits.toString().padStart(12, '0')}`;
    this.log.info({ caseNo: s.caseNo, recipient: maskName(s.recipient), trackingNo }, 'result shipped (logging courier)');
    return { trackingNo };
  }
}

/** Ship a concluded case's result and record the tracking number (once). */
export async function shipResult(db: Executor, adapter: DeliveryAdapter, caseNo: string): Promise<void> {
  const c = await repo.findCaseByNo(db, caseNo);
  if (!c || c.tracking_no || c.delivery.mode !== 'post') return;
  const { trackingNo } = await adapter.ship({
    caseNo, itemName: c.item_name, recipient: c.delivery.recipient ?? c.applicant_name, mobile: c.delivery.mobile ?? '', address: c.delivery.address ?? '',
  });
  await tx(db, async (t) => {
    const locked = await repo.lockCaseById(t, c.id);
    if (locked.tracking_no) return;
    const at = now();
    await repo.updateCase(t, c.id, { trackingNo });
    await record(t, locked, null, at, 'delivered', [{ action: 'delivered', data: { trackingNo } }], { trackingNo });
  });
}

/** The outbox handlers of applications: postal delivery and due-date recomputation. */
export function applicationHandlers(deps: { delivery: DeliveryAdapter }): OutboxHandlers {
  return {
    [DELIVER_TOPIC]: async (payload: { caseNo: string }, ctx) => shipResult(ctx.db, deps.delivery, payload.caseNo),
    [RECOMPUTE_TOPIC]: async (_payload: unknown, ctx) => {
      const moved = await recomputeDueDates(ctx.db);
      ctx.log.info({ moved }, 'due dates recomputed after a calendar change');
    },
  };
}
