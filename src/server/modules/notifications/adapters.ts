// Channels that leave the platform: SMS and email behind one small interface each. A real gateway
// implements the same interface; the logging adapters are the default and never log a full address.
import { maskEmail, maskMobile } from '../../../contract/mask.js';

export interface OutgoingSms {
  /** mainland mobile number */
  to: string;
  text: string;
  /** the caller's reference, stable across retries, for gateways that drop repeats (e.g. OutId) */
  ref?: string;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  ref?: string;
}

export interface SmsAdapter {
  /** resolves once the gateway has accepted the message; throws to have it retried */
  send(sms: OutgoingSms): Promise<void>;
}

export interface EmailAdapter {
  send(email: OutgoingEmail): Promise<void>;
}

export interface AdapterLog {
  info(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

/** Writes each SMS to the log instead of sending it: masked number at info, the text only at debug. */
export class LoggingSmsAdapter implements SmsAdapter {
  constructor(private readonly log: AdapterLog) {}

  async send({ to, text, ref }: OutgoingSms): Promise<void> {
    this.log.info({ channel: 'sms', to: maskMobile(to), chars: text.length, ref }, 'sms not sent: logging adapter');
    this.log.debug({ channel: 'sms', to: maskMobile(to), text, ref }, 'sms text');
  }
}

/** Writes each email to the log instead of sending it, with the address masked. */
export class LoggingEmailAdapter implements EmailAdapter {
  constructor(private readonly log: AdapterLog) {}

  async send({ to, subject, text, ref }: OutgoingEmail): Promise<void> {
    this.log.info({ channel: 'email', to: maskEmail(to), subject, chars: text.length, ref }, 'email not sent: logging adapter');
    this.log.debug({ channel: 'email', to: maskEmail(to), text, ref }, 'email text');
  }
}

export interface Recorded { to: string; text: string; subject?: string; ref?: string }

/** Keeps what it was asked to send (tests); can be told to fail the next few sends like a gateway that is down. */
export class RecordingAdapter implements SmsAdapter, EmailAdapter {
  readonly sent: Recorded[] = [];
  private failures = 0;

  /** The next n sends throw. */
  failNext(n: number): void {
    this.failures = n;
  }

  async send(message: OutgoingSms | OutgoingEmail): Promise<void> {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('gateway unavailable (simulated)');
    }
    this.sent.push({ ...message });
  }
}
