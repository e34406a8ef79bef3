// Shapes only the server reads: the notice other modules queue (an outbox payload), the SMS and
// email jobs it fans out to, and the route parameters. Responses come from the shared contract.
import { Type, type Static } from 'typebox';
import { ProblemSchema } from '../../../contract/common.js';

const Localised = (maxLength: number, minLength = 0) => Type.Object({
  zh: Type.String({ minLength, maxLength }),
  en: Type.String({ minLength, maxLength: maxLength * 2 }),
}, { additionalProperties: false });

const AccountId = Type.String({ format: 'uuid' });

/** What a module asks for: one message to one account, and optionally the same news by SMS or email. */
export const NoticeSchema = Type.Object({
  accountId: AccountId,
  /** what happened, as `<module>.<event>` (account.password_changed) */
  kind: Type.String({ pattern: '^[a-z][a-z0-9_.]{0,62}$' }),
  title: Localised(100, 1),
  body: Localised(2000),
  /** a page of the web app */
  link: Type.Optional(Type.Union([Type.String({ pattern: '^/[A-Za-z0-9/_.?=&%-]*$', maxLength: 200 }), Type.Null()])),
  /** also send this text by SMS (in Chinese, short: one SMS is 70 characters) */
  sms: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  /** also send title and body by email, when the account has an address */
  email: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type Notice = Static<typeof NoticeSchema>;

export const SmsJobSchema = Type.Object({ accountId: AccountId, text: Type.String({ minLength: 1 }) });
export type SmsJob = Static<typeof SmsJobSchema>;

export const EmailJobSchema = Type.Object({ accountId: AccountId, subject: Type.String({ minLength: 1 }), text: Type.String() });
export type EmailJob = Static<typeof EmailJobSchema>;

export const MessageParams = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,15}$', description: 'message id' }) });

export const NoContent = Type.Null({ description: 'No content' });

/** Error responses as they appear in the OpenAPI document. */
export const Problems = { '4xx': { ...ProblemSchema, description: 'An RFC 9457 problem (application/problem+json) with a stable code' } };
