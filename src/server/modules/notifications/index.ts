// Message centre (站内信) with SMS and email: owns the table `messages` and the outbox topics
// notify, notify.sms and notify.email. Other modules queue notices here; they never write messages.
//
// A module reports an event with queueNotice(t, notice) inside the transaction that makes the
// change; the outbox worker then writes the message and sends the SMS or email through the
// adapters. The app wires the handlers (with identity's contact lookup) into the worker.
import './errors.js';

export { notificationRoutes } from './routes.js';
export { queueNotice, noticesInsert, NOTIFY_TOPIC } from './service.js';
export type { Notice } from './schemas.js';
export { notificationHandlers, SMS_TOPIC, EMAIL_TOPIC } from './delivery.js';
export type { Contact, DeliveryDeps } from './delivery.js';
export { LoggingEmailAdapter, LoggingSmsAdapter, RecordingAdapter } from './adapters.js';
export type { EmailAdapter, OutgoingEmail, OutgoingSms, SmsAdapter } from './adapters.js';
