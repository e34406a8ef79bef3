// Data exchange (共享交换) contract: the resource catalogue (信息资源目录), access grants, the exchange
// log for auditors and the citizen's own data-use log (数据使用记录).
import { Type, type Static } from 'typebox';
import { PageQuery } from './common.js';

/** 无条件共享 / 有条件共享 / 不予共享 (政务信息资源共享管理暂行办法) */
export const ShareTypeSchema = Type.Union([Type.Literal('unconditional'), Type.Literal('conditional'), Type.Literal('none')]);
export type ShareType = Static<typeof ShareTypeSchema>;

export const FieldDataTypeSchema = Type.Union([
  Type.Literal('string'), Type.Literal('number'), Type.Literal('date'), Type.Literal('boolean'), Type.Literal('list'),
]);
export type FieldDataType = Static<typeof FieldDataTypeSchema>;

export const SubjectKindSchema = Type.Union([Type.Literal('person'), Type.Literal('enterprise')]);
export type SubjectKind = Static<typeof SubjectKindSchema>;

export const CatalogueFieldSchema = Type.Object({
  /** the key in a registry answer, e.g. householdAddress */
  code: Type.String(),
  /** 信息项编码: the resource code and a 3-digit item number, e.g. 101001001/000001-004 */
  classCode: Type.String(),
  name: Type.String(),
  dataType: FieldDataTypeSchema,
  shareType: ShareTypeSchema,
  description: Type.String(),
});
export type CatalogueField = Static<typeof CatalogueFieldSchema>;

export const CatalogueEntrySchema = Type.Object({
  /** registry code, e.g. population */
  code: Type.String(),
  /** 信息资源代码 */
  resourceCode: Type.String(),
  name: Type.String(),
  departmentCode: Type.String(),
  departmentName: Type.String(),
  subjectKinds: Type.Array(SubjectKindSchema),
  /** true when the registry is reached over HTTP (a remote system) */
  remote: Type.Boolean(),
  fields: Type.Array(CatalogueFieldSchema),
});
export type CatalogueEntry = Static<typeof CatalogueEntrySchema>;
export const CatalogueSchema = Type.Object({ registries: Type.Array(CatalogueEntrySchema) });
export type Catalogue = Static<typeof CatalogueSchema>;

export const GrantStatusSchema = Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('revoked')]);
export type GrantStatus = Static<typeof GrantStatusSchema>;

const DepartmentCode = Type.String({ pattern: '^[a-z][a-z0-9]{1,7}$', description: 'department code, e.g. gjj' });
const ItemCode = Type.String({ pattern: '^[0-9]{12}$', description: 'service item code (事项编码)' });
const RegistryCode = Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$', description: 'registry code, e.g. population' });
const FieldCode = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' });

export const GrantSchema = Type.Object({
  id: Type.String({ description: 'decimal id' }),
  consumerDepartment: Type.String(),
  consumerDepartmentName: Type.String(),
  itemCode: Type.String(),
  itemName: Type.String(),
  registry: Type.String(),
  registryName: Type.String(),
  fields: Type.Array(Type.String()),
  legalBasis: Type.String(),
  status: GrantStatusSchema,
  requestedBy: Type.String(),
  requestedAt: Type.String({ format: 'date-time' }),
  approvedBy: Type.Union([Type.String(), Type.Null()]),
  approvedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedBy: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokeReason: Type.Union([Type.String(), Type.Null()]),
  /** what the caller may do with it next */
  actions: Type.Array(Type.Union([Type.Literal('approve'), Type.Literal('revoke')])),
});
export type Grant = Static<typeof GrantSchema>;

export const GrantListQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(GrantStatusSchema),
  consumer: Type.Optional(DepartmentCode),
  registry: Type.Optional(RegistryCode),
}, { additionalProperties: false });
export type GrantListQueryValue = Static<typeof GrantListQuery>;
export const GrantPageSchema = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(GrantSchema) });
export type GrantPage = Static<typeof GrantPageSchema>;

export const NewGrantSchema = Type.Object({
  consumerDepartment: DepartmentCode,
  itemCode: ItemCode,
  registry: RegistryCode,
  fields: Type.Array(FieldCode, { minItems: 1, maxItems: 50, uniqueItems: true }),
  /** 共享依据: the law, regulation or document that allows this use */
  legalBasis: Type.String({ minLength: 4, maxLength: 500 }),
}, { additionalProperties: false });
export type NewGrant = Static<typeof NewGrantSchema>;

export const ApproveGrantSchema = Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export const RevokeGrantSchema = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false });
export type RevokeGrant = Static<typeof RevokeGrantSchema>;

export const ExchangeOutcomeSchema = Type.Union([
  Type.Literal('granted'), Type.Literal('partial'), Type.Literal('denied'), Type.Literal('not_found'), Type.Literal('error'),
]);
export type ExchangeOutcome = Static<typeof ExchangeOutcomeSchema>;

/** case: handling a case; prefill: filling a form with the applicant's consent; verification: real-name verification (实名核验) */
export const PurposeKindSchema = Type.Union([Type.Literal('case'), Type.Literal('prefill'), Type.Literal('verification')]);

/** One use of a person's data, as the person sees it. */
export const DataUseSchema = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  consumerDepartment: Type.String(),
  consumerDepartmentName: Type.String(),
  registry: Type.String(),
  registryName: Type.String(),
  providerDepartmentName: Type.String(),
  purpose: PurposeKindSchema,
  itemCode: Type.String(),
  itemName: Type.String(),
  caseNo: Type.Union([Type.String(), Type.Null()]),
  /** field names (in the caller's language) asked for, given and refused */
  fieldsAsked: Type.Array(Type.String()),
  fieldsGranted: Type.Array(Type.String()),
  fieldsDenied: Type.Array(Type.String()),
  outcome: ExchangeOutcomeSchema,
});
export type DataUse = Static<typeof DataUseSchema>;
export const DataUsePageSchema = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(DataUseSchema) });
export type DataUsePage = Static<typeof DataUsePageSchema>;
export const DataUseQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

/** One exchange call, as auditors see it (no personal data: the subject is a keyed hash). */
export const ExchangeLogEntrySchema = Type.Object({
  ...DataUseSchema.properties,
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.String(),
  legalBasis: Type.Union([Type.String(), Type.Null()]),
  subjectHash: Type.String(),
  /** SHA-256 of the canonical JSON of the answer returned */
  digest: Type.String(),
});
export type ExchangeLogEntry = Static<typeof ExchangeLogEntrySchema>;
export const ExchangeLogPageSchema = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(ExchangeLogEntrySchema) });
export type ExchangeLogPage = Static<typeof ExchangeLogPageSchema>;
export const ExchangeLogQuery = Type.Object({
  ...PageQuery,
  registry: Type.Optional(RegistryCode),
  consumer: Type.Optional(DepartmentCode),
  outcome: Type.Optional(ExchangeOutcomeSchema),
  from: Type.Optional(Type.String({ format: 'date', description: 'first day (Asia/Shanghai), YYYY-MM-DD' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'last day (Asia/Shanghai), YYYY-MM-DD' })),
}, { additionalProperties: false });
export type ExchangeLogQueryValue = Static<typeof ExchangeLogQuery>;
