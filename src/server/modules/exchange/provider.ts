// The plug-in point of the exchange: a registry is anything that implements RegistryProvider.
// Local registries (registries.ts), remote systems (remote.ts) and other modules' data (the
// e-licence library) all register here; the exchange never reads their storage itself.
import type { FieldDataType, ShareType, SubjectKind } from '../../../contract/exchange.js';
import type { Executor } from '../../db/client.js';

export type { FieldDataType, ShareType, SubjectKind };

/** Whose data is asked for: a person by ID number (GB 11643) or an enterprise by credit code (GB 32100). */
export type ExchangeSubject = { idNumber: string } | { creditCode: string };

/**
 * Why the data is wanted: a case being handled, prefilling an application form of an item, or
 * verifying an account's real name (itemCode then names the platform's real-name service).
 */
export type ExchangePurpose = { kind: 'case'; caseNo: string; itemCode: string } | { kind: 'prefill' | 'verification'; itemCode: string };

/** Who asks and why, passed to lookup() for registries that forward it (remote systems). */
export interface ExchangeCallContext {
  consumerDepartment: string;
  purpose: ExchangePurpose;
  actor: { accountId: string | null; name: string };
  /** unique id of this exchange call (X-Road-Id) */
  messageId: string;
}

/** One field (信息项) a registry offers, as the resource catalogue lists it. */
export interface FieldDef {
  /** the key in the registry's answer: letters, digits and _ (e.g. householdAddress) */
  code: string;
  /** 信息项名称 in Chinese */
  name: string;
  nameEn?: string;
  dataType: FieldDataType;
  /** 无条件 'unconditional' / 有条件 'conditional' / 不予共享 'none' (never granted, never returned) */
  shareType: ShareType;
  /** 信息项编码; defaults to `<resourceCode>-<position, 3 digits>` */
  classCode?: string;
  description?: string;
}

/**
 * A registry the exchange can ask. STABLE INTERFACE: other modules implement it and call
 * registerRegistry(provider) once when they register (e.g. in their Fastify plugin or at import of
 * their index.ts); the exchange then applies grants, logging and digests to every call.
 *
 * lookup() receives only fields that are catalogued, granted and shareable, and returns those
 * fields of the subject's record (absent keys are simply left out), or null when the registry has no
 * record of the subject. It must not log or keep the subject's identifiers. Throwing means the
 * registry is unavailable: the call is logged as 'error' and the caller gets
 * EXCHANGE_REGISTRY_UNAVAILABLE (503). The optional context says who asks and why; local
 * registries may ignore it.
 */
export interface RegistryProvider {
  /** lowercase, letters, digits and _ (2–40), unique: population, enterprise, licences … */
  code: string;
  /** 信息资源名称 in Chinese */
  name: string;
  nameEn?: string;
  /** the provider department (catalog department code) that owns the data */
  departmentCode: string;
  fields: FieldDef[];
  lookup(db: Executor, subject: ExchangeSubject, fields: string[], context?: ExchangeCallContext): Promise<Record<string, unknown> | null>;
  /** 信息资源代码; defaults to a code derived from the registry code */
  resourceCode?: string;
  /** whose records it holds; default both */
  subjectKinds?: SubjectKind[];
  /** true for a registry reached over the network (shown in the catalogue) */
  remote?: boolean;
}

export const subjectKindOf = (s: ExchangeSubject): SubjectKind => ('idNumber' in s ? 'person' : 'enterprise');

const providers = new Map<string, RegistryProvider>();

const CODE = /^[a-z][a-z0-9_]{1,39}$/;
const FIELD = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/**
 * Plug a registry into the exchange. Registering the same code again replaces the earlier
 * provider (a configured remote system may stand in for a local registry). Bad definitions throw
 * at once: they are programming errors.
 */
export function registerRegistry(provider: RegistryProvider): void {
  if (!CODE.test(provider.code)) throw new Error(`registry code ${provider.code} must match ${CODE}`);
  if (!/^[a-z][a-z0-9]{1,7}$/.test(provider.departmentCode)) throw new Error(`registry ${provider.code}: bad department code`);
  const seen = new Set<string>();
  for (const f of provider.fields) {
    if (!FIELD.test(f.code) || seen.has(f.code)) throw new Error(`registry ${provider.code}: bad or repeated field ${f.code}`);
    seen.add(f.code);
  }
  providers.set(provider.code, provider);
}

export const findRegistry = (code: string): RegistryProvider | undefined => providers.get(code);
export const allRegistries = (): RegistryProvider[] => [...providers.values()].sort((a, b) => a.code.localeCompare(b.code));

/** 信息资源代码 of a registry: its declared code, or one derived from its code. */
export const resourceCodeOf = (p: RegistryProvider): string => p.resourceCode ?? `999999999/${p.code}`;
export const classCodeOf = (p: RegistryProvider, field: FieldDef, index: number): string =>
  field.classCode ?? `${resourceCodeOf(p)}-${String(index + 1).padStart(3, '0')}`;
