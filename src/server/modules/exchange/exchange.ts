// The one way to a registry's data: exchangeQuery checks each asked field against the catalogue and
// the approved grants, asks the registry for the granted ones only, and logs every call — granted,
// partly or fully denied, not found or failed — with a digest of the answer it returned.
import { randomUUID } from 'node:crypto';
import type { ExchangeOutcome } from '../../../contract/exchange.js';
import type { Executor } from '../../db/client.js';
import { canonicalJson } from '../../platform/audit.js';
import { now } from '../../platform/clock.js';
import { sha256Hex } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { validateCreditCode, validateIdNumber } from '../../platform/ids.js';
import { findPersonByIdNumber } from '../identity/index.js';
import { exchangeSecretKey, subjectHash } from './keys.js';
import { findRegistry, subjectKindOf, type ExchangePurpose, type ExchangeSubject, type RegistryProvider } from './provider.js';
import * as repo from './repo.js';

export interface ExchangeRequest {
  /** the department that uses the data (catalog department code) */
  consumerDepartment: string;
  purpose: ExchangePurpose;
  /** registry code from the catalogue (population, marriage, enterprise, …) */
  registry: string;
  subject: ExchangeSubject;
  /** field codes of the registry */
  fields: string[];
  /** who asks: a staff member, or the applicant themself for prefill; accountId null for a system job */
  actor: { accountId: string | null; name: string };
  /** recorded in the log; defaults to the legal bases of the grants that allowed the fields */
  legalBasis?: string;
}

export interface ExchangeResult {
  /** asked fields that were returned (or would have been, had the registry held a record) */
  granted: string[];
  /** asked fields refused: not catalogued, 不予共享, or not granted to this consumer for this item */
  denied: string[];
  /** the granted fields of the subject's record; null when nothing was granted or there is no record */
  data: Record<string, unknown> | null;
  source: { registry: string; department: string; fetchedAt: string };
}

const ITEM_CODE = /^[0-9]{12}$/;
const DEPARTMENT = /^[a-z][a-z0-9]{1,7}$/;

function assertWellFormed(req: ExchangeRequest): void {
  const problems: string[] = [];
  if (!DEPARTMENT.test(req.consumerDepartment ?? '')) problems.push('consumerDepartment');
  if (!req.purpose || !ITEM_CODE.test(req.purpose.itemCode ?? '')) problems.push('purpose.itemCode');
  if (req.purpose?.kind === 'case' && !/^[A-Za-z0-9-]{4,40}$/.test(req.purpose.caseNo ?? '')) problems.push('purpose.caseNo');
  if (!['case', 'prefill', 'verification'].includes(req.purpose?.kind)) problems.push('purpose.kind');
  if (!Array.isArray(req.fields) || req.fields.length === 0 || req.fields.length > 100) problems.push('fields');
  if (!req.actor?.name) problems.push('actor');
  const s = req.subject as Partial<{ idNumber: string; creditCode: string }> | undefined;
  if (s?.idNumber !== undefined ? !validateIdNumber(s.idNumber).ok : s?.creditCode !== undefined ? !validateCreditCode(s.creditCode).ok : true) problems.push('subject');
  if (problems.length) throw new AppError('EXCHANGE_REQUEST_INVALID', `invalid: ${problems.join(', ')}`);
}

/** Which asked fields this consumer may have for this item, by catalogue and approved grants. */
function decide(provider: RegistryProvider | undefined, kindAllowed: boolean, asked: string[], approved: Set<string>) {
  const granted: string[] = [];
  const denied: string[] = [];
  for (const code of asked) {
    const def = provider?.fields.find((f) => f.code === code);
    if (kindAllowed && def && def.shareType !== 'none' && approved.has(code)) granted.push(code); else denied.push(code);
  }
  return { granted, denied };
}

/**
 * Ask a registry for a subject's fields on behalf of a consumer department. Only fields that are
 * catalogued, shareable and granted to that department for the purpose's item come back. Every call
 * is logged in exchange_log before the answer is returned, denials included. Pass the root database
 * rather than a transaction that may roll back, or the log entry rolls back with it.
 *
 * Throws EXCHANGE_REQUEST_INVALID (400) for a malformed request (nothing logged),
 * EXCHANGE_REGISTRY_UNKNOWN (404) for an unknown registry and EXCHANGE_REGISTRY_UNAVAILABLE (503)
 * when the registry fails (both logged).
 */
export async function exchangeQuery(db: Executor, req: ExchangeRequest): Promise<ExchangeResult> {
  assertWellFormed(req);
  const provider = findRegistry(req.registry);
  const subjectKind = subjectKindOf(req.subject);
  const hash = subjectHash(req.subject);
  const asked = [...new Set(req.fields)];
  const [grants, person] = await Promise.all([
    provider ? repo.approvedFields(db, req.consumerDepartment, req.purpose.itemCode, req.registry) : { fields: [], legalBasis: [] },
    'idNumber' in req.subject ? findPersonByIdNumber(db, exchangeSecretKey(), req.subject.idNumber) : null,
  ]);
  const kindAllowed = !!provider && (provider.subjectKinds ?? ['person', 'enterprise']).includes(subjectKind);
  const { granted, denied } = decide(provider, kindAllowed, asked, new Set(grants.fields));
  const source = { registry: req.registry, department: provider?.departmentCode ?? '', fetchedAt: now().toISOString() };

  let data: Record<string, unknown> | null = null;
  let failure: unknown = null;
  if (provider && granted.length) {
    try {
      const context = { consumerDepartment: req.consumerDepartment, purpose: req.purpose, actor: req.actor, messageId: randomUUID() };
      const record = await provider.lookup(db, req.subject, granted, context);
      if (record) {
        data = {};
        for (const code of granted) if (Object.hasOwn(record, code)) data[code] = record[code];
      }
    } catch (error) {
      failure = error;
    }
  }
  const result: ExchangeResult = { granted, denied, data, source };
  const outcome: ExchangeOutcome = failure ? 'error'
    : !granted.length ? 'denied'
    : !data ? 'not_found'
    : denied.length ? 'partial' : 'granted';
  await repo.insertLog(db, {
    at: new Date(source.fetchedAt), actorId: req.actor.accountId, actorName: req.actor.name, consumer: req.consumerDepartment,
    purpose: req.purpose.kind, itemCode: req.purpose.itemCode, caseNo: req.purpose.kind === 'case' ? req.purpose.caseNo : null,
    legalBasis: req.legalBasis ?? (grants.legalBasis.length ? [...new Set(grants.legalBasis)].join('；') : null),
    registry: req.registry, subjectKind, subjectHash: hash, subjectAccountId: person?.accountId ?? null,
    fieldsAsked: asked, fieldsGranted: failure ? [] : granted, outcome,
    digest: sha256Hex(canonicalJson(failure ? { error: 'EXCHANGE_REGISTRY_UNAVAILABLE', source } : result)),
  });
  if (!provider) throw new AppError('EXCHANGE_REGISTRY_UNKNOWN');
  if (failure) throw new AppError('EXCHANGE_REGISTRY_UNAVAILABLE');
  return result;
}

/** The same lookup without grant check or log: for benchmarks only, never for serving data. */
export async function directRegistryRead(db: Executor, registry: string, subject: ExchangeSubject, fields: string[]) {
  const provider = findRegistry(registry);
  if (!provider) throw new AppError('EXCHANGE_REGISTRY_UNKNOWN');
  return provider.lookup(db, subject, fields);
}
