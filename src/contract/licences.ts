// E-licence (电子证照) contract: the holder's wallet, verification, 亮证 presentations, staff
// revocation and replacement, and the published signing keys.
import { Type, type Static } from 'typebox';

export const LicenceStatusSchema = Type.Union([Type.Literal('valid'), Type.Literal('revoked'), Type.Literal('replaced')]);
export const VerdictSchema = Type.Union([
  Type.Literal('authentic'), Type.Literal('revoked'), Type.Literal('replaced'), Type.Literal('expired'), Type.Literal('tampered'),
]);
export type Verdict = Static<typeof VerdictSchema>;

export const LicenceFieldSchema = Type.Object({
  name: Type.String(), label: Type.String(),
  value: Type.Union([Type.String(), Type.Null()]),
});
export type LicenceField = Static<typeof LicenceFieldSchema>;

export const LicenceSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  /** 电子证照标识 (GB/T 36904) */
  identifier: Type.String(),
  /** 证照编号, printed on the face */
  licenceNo: Type.String(),
  typeKey: Type.String(), typeName: Type.String(),
  /** 证照类型代码 */
  typeCode: Type.String(),
  version: Type.Integer(),
  holderName: Type.String(),
  /** 持证主体代码, masked */
  holderCode: Type.String(),
  /** 111 公民身份号码, 001 统一社会信用代码 */
  holderCodeType: Type.String(),
  issuer: Type.Object({ name: Type.String(), code: Type.String(), departmentCode: Type.String() }),
  issuedOn: Type.String({ format: 'date' }),
  validFrom: Type.String({ format: 'date' }),
  /** null: long-term (长期) */
  validTo: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  status: LicenceStatusSchema,
  /** valid but past validTo */
  expired: Type.Boolean(),
  /** the type's own fields (姓名, 性别, 经营项目 …), shown on the card in the holder's wallet */
  fields: Type.Array(LicenceFieldSchema),
});
export type LicenceSummary = Static<typeof LicenceSummarySchema>;

export const LicenceViewSchema = Type.Object({
  ...LicenceSummarySchema.properties,
  item: Type.Object({ code: Type.String(), name: Type.String() }),
  caseNo: Type.String(),
  regionCode: Type.String(),
  fields: Type.Array(LicenceFieldSchema),
  statusReason: Type.Union([Type.String(), Type.Null()]),
  replacedBy: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  signature: Type.Object({ algorithm: Type.Literal('SM2-SM3'), keyId: Type.String(), value: Type.String() }),
  /** the public verification page */
  verifyUrl: Type.String(),
});
export type LicenceView = Static<typeof LicenceViewSchema>;

export const LicenceListSchema = Type.Object({ items: Type.Array(LicenceSummarySchema) });
export type LicenceList = Static<typeof LicenceListSchema>;

export const VerificationSchema = Type.Object({
  verdict: VerdictSchema,
  identifier: Type.String(),
  typeName: Type.String(),
  licenceNo: Type.String(),
  holderName: Type.String({ description: 'masked' }),
  issuerName: Type.String(),
  issuedOn: Type.String(), validFrom: Type.String(),
  validTo: Type.Union([Type.String(), Type.Null()]),
  keyId: Type.String(),
  statusReason: Type.Union([Type.String(), Type.Null()]),
  checkedAt: Type.String({ format: 'date-time' }),
});
export type Verification = Static<typeof VerificationSchema>;

export const PresentationBody = Type.Object({
  fields: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { minItems: 1, maxItems: 20, uniqueItems: true }),
  ttlSeconds: Type.Optional(Type.Integer({ minimum: 30, maximum: 300, default: 120 })),
}, { additionalProperties: false });
export type PresentationRequest = Static<typeof PresentationBody>;

export const PresentationCreatedSchema = Type.Object({
  token: Type.String(),
  url: Type.String(),
  /** the QR code of url, as an SVG document */
  qrSvg: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  fields: Type.Array(Type.String()),
});
export type PresentationCreated = Static<typeof PresentationCreatedSchema>;

export const PresentationViewSchema = Type.Object({
  verdict: VerdictSchema,
  typeName: Type.String(),
  issuerName: Type.String(),
  validTo: Type.Union([Type.String(), Type.Null()]),
  fields: Type.Array(LicenceFieldSchema),
  presentedAt: Type.String({ format: 'date-time' }),
});
export type PresentationView = Static<typeof PresentationViewSchema>;

export const LicenceUseKindSchema = Type.Union([
  Type.Literal('issued'), Type.Literal('presentation_created'), Type.Literal('presentation_used'), Type.Literal('verified'),
  Type.Literal('exchange_read'), Type.Literal('revoked'), Type.Literal('replaced'),
]);
export const LicenceUsesSchema = Type.Object({
  items: Type.Array(Type.Object({ kind: LicenceUseKindSchema, at: Type.String({ format: 'date-time' }), detail: Type.Record(Type.String(), Type.Unknown()) })),
});
export type LicenceUses = Static<typeof LicenceUsesSchema>;

export const RevokeBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false });
export const ReplaceBody = Type.Object({
  reason: Type.String({ minLength: 2, maxLength: 200 }),
  /** fields to change in the new version (by field name) */
  fields: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 500 }))),
}, { additionalProperties: false });

export const LicenceKeysSchema = Type.Object({
  algorithm: Type.Literal('SM2-SM3'),
  userId: Type.String(),
  keys: Type.Array(Type.Object({
    keyId: Type.String(), departmentCode: Type.String(), issuerName: Type.String(), issuerCode: Type.String(),
    /** uncompressed point, hex 04|x|y */
    publicKey: Type.String(),
    status: Type.Union([Type.Literal('active'), Type.Literal('retired')]),
    createdAt: Type.String(), retiredAt: Type.Union([Type.String(), Type.Null()]),
  })),
});
export type LicenceKeys = Static<typeof LicenceKeysSchema>;
