// Applications (一网受理 · 并联审批): owns cases, case_tasks, case_events and application_drafts, the
// case number sequence and the outbox topics applications.deliver and applications.recompute_due.
// Other modules use these exports; they never read its tables. It never writes another module's.
import type { FastifyInstance } from 'fastify';
import './errors.js';
import { applicantRoutes } from './routes-applicant.js';
import { workbenchRoutes } from './routes-workbench.js';
import { registryPrefillRoutes } from './routes-exchange.js';
import { watchCalendar } from './service-deadlines.js';
import { compactInboxCountsEvery } from './service-inbox.js';
import { configureFormSealing } from './sealing.js';

export async function applicationRoutes(app: FastifyInstance) {
  configureFormSealing(app.config.secretKey);
  const unwatch = watchCalendar(app.db.orm);
  const stopCompacting = compactInboxCountsEvery(app.db.orm);
  app.addHook('onClose', async () => { unwatch(); stopCompacting(); });
  await app.register(applicantRoutes);
  await app.register(workbenchRoutes);
  await app.register(registryPrefillRoutes);
}

export { configureFormSealing } from './sealing.js';
export { applicationHandlers, LoggingDeliveryAdapter, shipResult } from './delivery.js';
export type { DeliveryAdapter, Shipment } from './delivery.js';
export { escalateOverdueTasks, recomputeDueDates, RECOMPUTE_TOPIC } from './service-deadlines.js';
export { onCaseApproved, DELIVER_TOPIC } from './engine.js';
export { PREFILL_RETENTION_DAYS, purgeApplicationPrefills } from './purge-prefills.js';
export type { ApprovalHook } from './engine.js';
