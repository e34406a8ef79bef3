// Outbox handlers of the message centre: a notice becomes one 站内信 and, per the account's
// channels, one SMS job and one email job. Each is idempotent by its outbox row: never twice.
import { Value } from 'typebox/value';
import type { TSchema } from 'typebox';
import { tx } from '../../db/client.js';
import { now } from '../../platform/clock.js';
import { enqueue, PermanentFailure, type JobContext, type OutboxHandlers } from '../../platform/outbox.js';
import type { EmailAdapter, SmsAdapter } from './adapters.js';
import * as repo from './repo.js';
import { EmailJobSchema, NoticeSchema, SmsJobSchema, type EmailJob, type Notice, type SmsJob } from './schemas.js';
import { NOTIFY_TOPIC } from './service.js';

export const SMS_TOPIC = 'notify.sms';
export const EMAIL_TOPIC = 'notify.email';

/** Where an account can be reached outside the platform (decrypted by its owner, identity). */
export interface Contact { mobile: string | null; email: string | null }

export interface DeliveryDeps {
  /** null when the account no longer exists */
  contactOf(accountId: string): Promise<Contact | null>;
  sms: SmsAdapter;
  email: EmailAdapter;
}

function parse<T>(schema: TSchema, payload: unknown, topic: string): T {
  if (Value.Check(schema, payload)) return payload as T;
  const first = [...Value.Errors(schema, payload)][0];
  throw new PermanentFailure(`malformed ${topic} payload: ${first ? `${first.instancePath || '/'} ${first.message}` : 'invalid'}`);
}

export function notificationHandlers(deps: DeliveryDeps): OutboxHandlers {
  async function deliverNotice(payload: unknown, ctx: JobContext): Promise<void> {
    const notice = parse<Notice>(NoticeSchema, payload, NOTIFY_TOPIC);
    const contact = notice.sms || notice.email ? await deps.contactOf(notice.accountId) : null;
    try {
      await tx(ctx.db, async (t) => {
        await repo.insertMessage(t, {
          accountId: notice.accountId, outboxId: ctx.id, kind: notice.kind, link: notice.link ?? null, at: now(),
          titleZh: notice.title.zh, titleEn: notice.title.en, bodyZh: notice.body.zh, bodyEn: notice.body.en,
        });
        // keyed by this row, so a second run of this handler queues nothing new
        if (notice.sms && contact?.mobile) {
          await enqueue<SmsJob>(t, { topic: SMS_TOPIC, key: `notify:${ctx.id}:sms`, payload: { accountId: notice.accountId, text: notice.sms } });
        }
        if (notice.email && contact?.email) {
          const text = [notice.body.zh, '', '——', notice.title.en, notice.body.en].join('\n');
          await enqueue<EmailJob>(t, { topic: EMAIL_TOPIC, key: `notify:${ctx.id}:email`, payload: { accountId: notice.accountId, subject: notice.title.zh, text } });
        }
      });
    } catch (error) {
      if (repo.foreignKeyViolation(error)) throw new PermanentFailure(`account ${notice.accountId} no longer exists`);
      throw error;
    }
  }

  async function deliverSms(payload: unknown, ctx: JobContext): Promise<void> {
    const job = parse<SmsJob>(SmsJobSchema, payload, SMS_TOPIC);
    const mobile = (await deps.contactOf(job.accountId))?.mobile;
    if (!mobile) return; // the account or its number is gone: nothing to send to
    await deps.sms.send({ to: mobile, text: job.text, ref: `outbox-${ctx.id}` });
  }

  async function deliverEmail(payload: unknown, ctx: JobContext): Promise<void> {
    const job = parse<EmailJob>(EmailJobSchema, payload, EMAIL_TOPIC);
    const email = (await deps.contactOf(job.accountId))?.email;
    if (!email) return;
    await deps.email.send({ to: email, subject: job.subject, text: job.text, ref: `outbox-${ctx.id}` });
  }

  return { [NOTIFY_TOPIC]: deliverNotice, [SMS_TOPIC]: deliverSms, [EMAIL_TOPIC]: deliverEmail };
}
