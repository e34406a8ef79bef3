// Shared set-up of the message-centre tests: an app whose outbox worker is off, so each test
// delivers on demand (deliver()) through the real handlers with recording SMS and email adapters.
import { drainOnce, type DrainOptions } from '../../platform/outbox.js';
import { startTestApp, type TestContext } from '../../test/harness.js';
import { contactOf } from '../identity/index.js';
import { notificationHandlers, RecordingAdapter } from './index.js';

export interface NotificationsContext extends TestContext {
  sms: RecordingAdapter;
  email: RecordingAdapter;
  handlers: ReturnType<typeof notificationHandlers>;
  /** Run the outbox until nothing is due; returns how many rows were claimed. */
  deliver(opts?: DrainOptions): Promise<number>;
}

export async function startNotificationsApp(): Promise<NotificationsContext> {
  const t = await startTestApp({ outboxWorker: false });
  const sms = new RecordingAdapter();
  const email = new RecordingAdapter();
  const handlers = notificationHandlers({ contactOf: (id) => contactOf(t.db.orm, t.config.secretKey, id), sms, email });
  const deliver = async (opts?: DrainOptions) => {
    let claimed = 0;
    for (;;) {
      const round = await drainOnce(t.db.orm, handlers, opts);
      if (!round.claimed) return claimed;
      claimed += round.claimed;
    }
  };
  return { ...t, sms, email, handlers, deliver };
}

export { problemOf } from '../../test/accounts.js';
