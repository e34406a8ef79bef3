// 窗口领取: the window clerk's queue of results awaiting pick-up, one result's pick-up record, and the
// hand-over a clerk records (who collected it, how their identity was checked, at which window).
import { Type, type Static } from 'typebox';
import { PageQuery } from './common.js';

/** 身份证核验 (card reader / checking the card), 电子证照亮证 (the collector shows an e-ID licence) */
export const VerificationSchema = Type.Union([Type.Literal('id_card'), Type.Literal('e_licence')]);
export type Verification = Static<typeof VerificationSchema>;

/** the applicant in person, or someone they authorised (代领人) */
export const CollectorKindSchema = Type.Union([Type.Literal('applicant'), Type.Literal('agent')]);
export type CollectorKind = Static<typeof CollectorKindSchema>;

/**
 * The hand-over. The ID number is checked by the server (GB 11643; the applicant's own must match
 * the case), so a typing error comes back as 422 with field errors rather than as a schema failure.
 */
export const HandoverBodySchema = Type.Object({
  collector: Type.Object({
    kind: CollectorKindSchema,
    /** required for an agent; the applicant's name is the case's */
    name: Type.Optional(Type.String({ maxLength: 50 })),
    idNumber: Type.String({ maxLength: 18 }),
    /** for an agent: the authorisation shown, e.g. 授权委托书 */
    authorisation: Type.Optional(Type.String({ maxLength: 200 })),
  }, { additionalProperties: false }),
  verification: VerificationSchema,
  /** the window handing over, e.g. 青川市政务服务中心 12 号窗口 */
  window: Type.String({ minLength: 1, maxLength: 60 }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });
export type HandoverBody = Static<typeof HandoverBodySchema>;

/** awaiting: at the windows; collected: handed over; revoked: a post-check revoked the result before anyone collected it */
export const PickupStateSchema = Type.Union([Type.Literal('awaiting'), Type.Literal('collected'), Type.Literal('revoked')]);

/** One result waiting at the windows (全市通办: any window in the city hands it over). */
export const PickupSummarySchema = Type.Object({
  caseNo: Type.String(), itemName: Type.String(), departmentName: Type.String(),
  applicantName: Type.String({ description: 'masked for a person' }),
  applicantKind: Type.Union([Type.Literal('person'), Type.Literal('enterprise')]),
  applicantIdMasked: Type.String(),
  readyAt: Type.String(),
});
export type PickupSummary = Static<typeof PickupSummarySchema>;

export const PickupQuerySchema = Type.Object({
  /** the case number or its beginning */
  caseNo: Type.Optional(Type.String({ pattern: '^[0-9]{1,20}$' })),
  ...PageQuery,
}, { additionalProperties: false });
export type PickupQuery = Static<typeof PickupQuerySchema>;

export const PickupListSchema = Type.Object({
  total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(PickupSummarySchema),
});
export type PickupList = Static<typeof PickupListSchema>;

export const HandoverRecordSchema = Type.Object({
  at: Type.String(), window: Type.String(), clerkName: Type.String(), verification: VerificationSchema,
  collector: Type.Object({ kind: CollectorKindSchema, name: Type.String({ description: 'masked' }), idMasked: Type.String() }),
  authorisation: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
});
export type HandoverRecord = Static<typeof HandoverRecordSchema>;

/** A result's pick-up: the case in brief, whether it waits or was collected, and the hand-over. */
export const PickupViewSchema = Type.Intersect([
  PickupSummarySchema,
  Type.Object({
    state: PickupStateSchema,
    handover: Type.Union([HandoverRecordSchema, Type.Null()]),
    actions: Type.Array(Type.Literal('hand_over')),
  }),
]);
export type PickupView = Static<typeof PickupViewSchema>;
