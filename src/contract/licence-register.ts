// The issuing department's licence register (证照管理) for its staff: search the licences it issued,
// one licence with its versions and status history, and the department's signing keys.
import { Type, type Static } from 'typebox';
import { PageQuery } from './common.js';
import { LicenceFieldSchema, LicenceStatusSchema, LicenceSummarySchema, LicenceViewSchema } from './licences.js';

const DepartmentCode = Type.String({ pattern: '^[a-z][a-z0-9_]{1,31}$', description: 'department code' });

/** What a register search may ask for; `expired` and `valid` split valid licences by their validTo. */
export const RegisterStatusSchema = Type.Union([Type.Literal('valid'), Type.Literal('expired'), Type.Literal('revoked'), Type.Literal('replaced')]);
export type RegisterStatus = Static<typeof RegisterStatusSchema>;

export const RegisterQuerySchema = Type.Object({
  /** one of the caller's departments; all of them when absent */
  department: Type.Optional(DepartmentCode),
  /** 电子证照标识, 证照编号, 办件编号, the holder's ID number or credit code (exact), or part of the holder's name */
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  /** a licence type key, e.g. driving_licence */
  type: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' })),
  status: Type.Optional(RegisterStatusSchema),
  ...PageQuery,
}, { additionalProperties: false });
export type RegisterQuery = Static<typeof RegisterQuerySchema>;

export const RegisterPageSchema = Type.Object({
  total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(),
  items: Type.Array(LicenceSummarySchema),
  /** the licence types the department issues, for the type filter */
  types: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
});
export type RegisterPage = Static<typeof RegisterPageSchema>;

export const RegisterActionSchema = Type.Union([Type.Literal('revoke'), Type.Literal('replace')]);
export type RegisterAction = Static<typeof RegisterActionSchema>;

export const RegisterEventSchema = Type.Object({
  kind: Type.Union([Type.Literal('issued'), Type.Literal('revoked'), Type.Literal('replaced')]),
  at: Type.String({ format: 'date-time' }),
  /** the version the event happened to */
  version: Type.Integer(),
  licenceId: Type.String({ format: 'uuid' }),
  reason: Type.Union([Type.String(), Type.Null()]),
});
export type RegisterEvent = Static<typeof RegisterEventSchema>;

export const RegisterEntrySchema = Type.Object({
  licence: LicenceViewSchema,
  /** every version of the licence's serial, oldest first */
  versions: Type.Array(Type.Object({
    id: Type.String({ format: 'uuid' }), identifier: Type.String(), version: Type.Integer(), status: LicenceStatusSchema,
    issuedAt: Type.String({ format: 'date-time' }),
  })),
  /** issue, replacement and revocation of every version, oldest first */
  history: Type.Array(RegisterEventSchema),
  /** what the caller may do with this version */
  actions: Type.Array(RegisterActionSchema),
  /** the type's fields as a replacement may change them; `locked` ones follow the holder's identity */
  editableFields: Type.Array(Type.Object({ ...LicenceFieldSchema.properties, locked: Type.Boolean() })),
});
export type RegisterEntry = Static<typeof RegisterEntrySchema>;

export const DepartmentKeysSchema = Type.Object({
  departmentCode: Type.String(), issuerName: Type.String(), algorithm: Type.Literal('SM2-SM3'),
  /** newest first: the active key, then the retired ones */
  keys: Type.Array(Type.Object({
    keyId: Type.String(), status: Type.Union([Type.Literal('active'), Type.Literal('retired')]),
    /** uncompressed point, hex 04|x|y */
    publicKey: Type.String(),
    /** the first 16 bytes of the SHA-256 of the public key, hex, for comparing keys by eye */
    fingerprint: Type.String(),
    createdAt: Type.String({ format: 'date-time' }), retiredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    /** licence versions signed with the key; they stay verifiable after it is retired */
    licences: Type.Integer(),
  })),
  /** rotate: the caller is the department's admin */
  actions: Type.Array(Type.Literal('rotate')),
});
export type DepartmentKeys = Static<typeof DepartmentKeysSchema>;
