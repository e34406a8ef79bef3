// A registry that lives in another system, reached over HTTP with signed requests (signing.ts).
// Every call runs through cockatiel: a timeout per attempt, retries with exponential backoff for
// timeouts, network errors and 5xx answers, and a circuit breaker shared by all calls to the system.
import { randomUUID } from 'node:crypto';
import {
  BrokenCircuitError, CircuitState, ConsecutiveBreaker, ExponentialBackoff, TaskCancelledError,
  circuitBreaker, handleAll, handleWhen, retry, timeout, wrap, TimeoutStrategy,
} from 'cockatiel';
import type { Executor } from '../../db/client.js';
import type { ExchangeCallContext, ExchangeSubject, FieldDef, RegistryProvider, SubjectKind } from './provider.js';
import { signRequest } from './signing.js';

export interface RemoteRegistryOptions {
  code: string;
  name: string;
  nameEn?: string;
  departmentCode: string;
  fields: FieldDef[];
  resourceCode?: string;
  subjectKinds?: SubjectKind[];
  /** the remote service's query endpoint (https in production) */
  url: string;
  /** X-Road-Client: this platform's member and subsystem, e.g. CN/GOV/419900/tongban */
  clientId: string;
  /** X-Road-Service: the remote service, e.g. CN/GOV/419900/gjj/housing-fund/v1 */
  serviceId: string;
  keyId: string;
  secret: string;
  /** per attempt (default 2000 ms) */
  timeoutMs?: number;
  /** further attempts after the first (default 2) */
  retries?: number;
  /** first backoff delay (default 100 ms), doubled each time up to 2 s, with jitter */
  backoffMs?: number;
  /** consecutive failed calls that open the circuit (default 5) */
  breakerThreshold?: number;
  /** how long the circuit stays open before one trial call (default 30 000 ms) */
  halfOpenAfterMs?: number;
  /** for tests: the fetch to use */
  fetch?: typeof fetch;
}

/** The remote system answered, but not with a record: refused (4xx) or failed (5xx). */
export class RemoteRegistryError extends Error {
  constructor(readonly status: number, message: string) { super(message); this.name = 'RemoteRegistryError'; }
  get retryable() { return this.status >= 500 || this.status === 429; }
}

const retryable = (e: unknown) =>
  !(e instanceof BrokenCircuitError) && (!(e instanceof RemoteRegistryError) || e.retryable);

export class RemoteRegistry implements RegistryProvider {
  readonly code: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly departmentCode: string;
  readonly fields: FieldDef[];
  readonly resourceCode?: string;
  readonly subjectKinds?: SubjectKind[];
  readonly remote = true;
  private readonly breaker;
  private readonly policy;
  private readonly doFetch: typeof fetch;

  constructor(private readonly options: RemoteRegistryOptions) {
    this.code = options.code;
    this.name = options.name;
    this.nameEn = options.nameEn;
    this.departmentCode = options.departmentCode;
    this.fields = options.fields;
    this.resourceCode = options.resourceCode;
    this.subjectKinds = options.subjectKinds;
    this.doFetch = options.fetch ?? fetch;
    this.breaker = circuitBreaker(handleAll, {
      halfOpenAfter: options.halfOpenAfterMs ?? 30_000,
      breaker: new ConsecutiveBreaker(options.breakerThreshold ?? 5),
    });
    const retries = retry(handleWhen(retryable), {
      maxAttempts: options.retries ?? 2,
      backoff: new ExponentialBackoff({ initialDelay: options.backoffMs ?? 100, maxDelay: 2000 }),
    });
    // retry outside: each attempt passes the breaker (an open circuit fails at once) and its own timeout
    this.policy = wrap(retries, this.breaker, timeout(options.timeoutMs ?? 2000, TimeoutStrategy.Aggressive));
  }

  /** closed, open, half-open or isolated: for health pages and tests */
  get circuitState(): 'closed' | 'open' | 'half-open' | 'isolated' {
    return (['closed', 'open', 'half-open', 'isolated'] as const)[this.breaker.state as CircuitState];
  }

  async lookup(_db: Executor, subject: ExchangeSubject, fields: string[], context?: ExchangeCallContext): Promise<Record<string, unknown> | null> {
    const body = JSON.stringify({ subject, fields });
    const messageId = context?.messageId ?? randomUUID();
    return this.policy.execute(({ signal }) => this.send(body, messageId, context, signal));
  }

  private async send(body: string, messageId: string, context: ExchangeCallContext | undefined, signal: AbortSignal) {
    const url = new URL(this.options.url);
    const purpose = context?.purpose;
    const headers = signRequest({
      method: 'POST', path: url.pathname + url.search, body, date: new Date(), keyId: this.options.keyId, secret: this.options.secret,
      headers: {
        'x-road-client': `${this.options.clientId}/${context?.consumerDepartment ?? '-'}`,
        'x-road-service': this.options.serviceId,
        'x-road-id': messageId,
        'x-road-userid': context?.actor.accountId ?? 'system',
        'x-road-purpose': purpose ? `${purpose.kind}:${purpose.itemCode}` : 'unspecified',
        'x-road-issue': purpose?.kind === 'case' ? purpose.caseNo : '',
      },
    });
    let res: Response;
    try {
      res = await this.doFetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body, signal });
    } catch (error) {
      if (signal.aborted) throw new TaskCancelledError(`registry ${this.code} timed out`);
      throw error;
    }
    if (res.status === 404) { await res.body?.cancel(); return null; }
    if (!res.ok) { await res.body?.cancel(); throw new RemoteRegistryError(res.status, `registry ${this.code} answered ${res.status}`); }
    const answer = (await res.json()) as { data?: unknown };
    if (!answer || typeof answer.data !== 'object' || answer.data === null || Array.isArray(answer.data)) {
      throw new RemoteRegistryError(502, `registry ${this.code} sent a malformed answer`);
    }
    return answer.data as Record<string, unknown>;
  }
}
