// Applications contract (一网受理 · 并联审批): what an applicant submits, the case (办件) they follow,
// the tasks departments work, and the public progress lookup. Server, OpenAPI and web app share it.
import { Type, type Static } from 'typebox';
import { MaterialSchema } from './catalog.js';
import { CommitmentSchema, ItemFormSchema } from './forms.js';

const Text = (maxLength: number, minLength = 1) => Type.String({ minLength, maxLength });
export const CaseNoSchema = Type.String({ pattern: '^[0-9]{6}[0-9]{8}[0-9]{6}$', description: '办件编号: region code (6) + date YYYYMMDD (8) + sequence (6)' });
export const CaseNoParams = Type.Object({ caseNo: CaseNoSchema });
export const TaskIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

// ---- status vocabularies ----

/** 待受理 → 审查中 ⇄ 补正中 → 已办结; or 不予受理, 已撤回 */
export const CaseStatusSchema = Type.Union([
  Type.Literal('submitted'), Type.Literal('in_review'), Type.Literal('supplement'),
  Type.Literal('concluded'), Type.Literal('not_accepted'), Type.Literal('withdrawn'),
]);
export type CaseStatus = Static<typeof CaseStatusSchema>;

/** the outcome of a concluded case; `revoked` when a post-check (事后核查) finds a false commitment */
export const CaseResultSchema = Type.Union([Type.Literal('approved'), Type.Literal('denied'), Type.Literal('revoked')]);
export type CaseResult = Static<typeof CaseResultSchema>;

/**
 * pending: its stage has not started; open: in the department's inbox; returned: asked for a
 * supplement and waiting for the applicant; approved / denied: decided; cancelled: closed without a
 * decision (case withdrawn or denied elsewhere, or an "any" stage already satisfied).
 */
export const TaskStatusSchema = Type.Union([
  Type.Literal('pending'), Type.Literal('open'), Type.Literal('returned'),
  Type.Literal('approved'), Type.Literal('denied'), Type.Literal('cancelled'),
]);
export type TaskStatus = Static<typeof TaskStatusSchema>;

/** review: a stage task of the process definition; post_check: 事后核查 after a commitment (告知承诺) */
export const TaskKindSchema = Type.Union([Type.Literal('review'), Type.Literal('post_check')]);

export const DeadlineStateSchema = Type.Union([Type.Literal('normal'), Type.Literal('amber'), Type.Literal('red'), Type.Literal('paused')]);

export const DeliveryModeSchema = Type.Union([Type.Literal('elicence'), Type.Literal('window'), Type.Literal('post')]);
export type DeliveryMode = Static<typeof DeliveryModeSchema>;

export const DeliverySchema = Type.Object({
  mode: DeliveryModeSchema,
  /** for post: recipient, mobile and address */
  recipient: Type.Optional(Text(50)),
  mobile: Type.Optional(Type.String({ pattern: '^1[3-9][0-9]{9}$' })),
  address: Type.Optional(Text(200)),
}, { additionalProperties: false });
export type Delivery = Static<typeof DeliverySchema>;

// ---- submission ----

/** One entry of the item's material checklist: uploaded files, or the government's copy (免提交). */
export const MaterialSubmissionSchema = Type.Object({
  /** index of the material in the pinned item version's `materials` list */
  index: Type.Integer({ minimum: 0, maximum: 59 }),
  fileIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 10, uniqueItems: true }),
  /** the applicant chose "already held by the government" (only where the item allows it) */
  governmentHeld: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type MaterialSubmission = Static<typeof MaterialSubmissionSchema>;

export const ApplicationBodySchema = Type.Object({
  itemCode: Type.String({ pattern: '^[0-9A-Z]{12}$' }),
  /** values for the item's form; validated against its JSON Schema */
  formData: Type.Record(Type.String(), Type.Unknown()),
  materials: Type.Array(MaterialSubmissionSchema, { maxItems: 60 }),
  delivery: DeliverySchema,
  /** 告知承诺制 items: the applicant signs the commitment text instead of providing certificates */
  commitmentSigned: Type.Optional(Type.Boolean()),
  /** apply for an enterprise the caller is an agent of (credit code) */
  enterpriseCreditCode: Type.Optional(Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$' })),
  /** 帮办代办: a window clerk applies for the person with this ID number, who has authorised it */
  onBehalfOf: Type.Optional(Type.Object({
    idNumber: Type.String({ pattern: '^[0-9]{17}[0-9X]$' }),
    authorisation: Text(200),
  }, { additionalProperties: false })),
}, { additionalProperties: false });
export type ApplicationBody = Static<typeof ApplicationBodySchema>;

export const DraftBodySchema = Type.Object({
  formData: Type.Record(Type.String(), Type.Unknown()),
  materials: Type.Array(MaterialSubmissionSchema, { maxItems: 60 }),
  delivery: Type.Optional(DeliverySchema),
}, { additionalProperties: false });
export type DraftBody = Static<typeof DraftBodySchema>;

export const DraftViewSchema = Type.Object({
  itemCode: Type.String(), itemName: Type.String(), itemVersion: Type.Integer(),
  formData: Type.Record(Type.String(), Type.Unknown()),
  materials: Type.Array(MaterialSubmissionSchema),
  delivery: Type.Union([DeliverySchema, Type.Null()]),
  updatedAt: Type.String(),
});
export type DraftView = Static<typeof DraftViewSchema>;

export const FileRefSchema = Type.Object({
  id: Type.String(), name: Type.String(), contentType: Type.String(), size: Type.Integer(), sha256: Type.String(),
});
export type FileRef = Static<typeof FileRefSchema>;

/** What the apply page needs: the pinned item version's form, checklist, prefill and any saved draft. */
export const ApplyFormViewSchema = Type.Object({
  item: Type.Object({
    code: Type.String(), name: Type.String(), version: Type.Integer(),
    department: Type.Object({ code: Type.String(), name: Type.String() }),
    projectType: Type.Union([Type.Literal('immediate'), Type.Literal('commitment')]),
    promisedLimitDays: Type.Integer(), audience: Type.Array(Type.Union([Type.Literal('person'), Type.Literal('enterprise')])),
  }),
  form: ItemFormSchema,
  materials: Type.Array(MaterialSchema),
  /** 告知承诺制 terms, when the item offers them */
  commitment: Type.Union([CommitmentSchema, Type.Null()]),
  deliveryModes: Type.Array(DeliveryModeSchema),
  /** values from the applicant's verified profile or enterprise; `locked` fields cannot be changed */
  prefill: Type.Record(Type.String(), Type.Unknown()),
  locked: Type.Array(Type.String()),
  /** enterprises the caller may apply for (enterprise items) */
  enterprises: Type.Array(Type.Object({ name: Type.String(), creditCode: Type.String() })),
  draft: Type.Union([DraftViewSchema, Type.Null()]),
  /** the promised date if submitted today */
  estimatedDueOn: Type.Union([Type.String(), Type.Null()]), estimatedDueProvisional: Type.Boolean(),
  /** registries that can fill fields once the applicant consents (数据授权); nothing is fetched before */
  registryPrefill: Type.Optional(Type.Array(Type.Object({
    registry: Type.String(), registryName: Type.String(),
    department: Type.Object({ code: Type.String(), name: Type.String() }),
    /** the form fields it would fill and the registry's name for each */
    fields: Type.Array(Type.Object({ field: Type.String(), label: Type.String(), registryField: Type.String(), registryFieldName: Type.String() })),
    /** what the data is used for: the item, asked by its department */
    purpose: Type.String(),
  }))),
});
export type ApplyFormView = Static<typeof ApplyFormViewSchema>;
export type RegistryPrefillOffer = NonNullable<ApplyFormView['registryPrefill']>[number];

/** The applicant's consent to fetch these registries' fields for this form. */
export const RegistryPrefillBodySchema = Type.Object({
  registries: Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }), { minItems: 1, maxItems: 20, uniqueItems: true }),
  enterpriseCreditCode: Type.Optional(Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$' })),
}, { additionalProperties: false });
export type RegistryPrefillBody = Static<typeof RegistryPrefillBodySchema>;

/** Values fetched with consent: each filled field names its source; refused or missing fields are listed, not filled. */
export const RegistryPrefillResultSchema = Type.Object({
  values: Type.Record(Type.String(), Type.Unknown()),
  sources: Type.Record(Type.String(), Type.Object({ registry: Type.String(), registryName: Type.String(), departmentName: Type.String() })),
  denied: Type.Array(Type.Object({ field: Type.String(), registry: Type.String(), reason: Type.Union([Type.Literal('denied'), Type.Literal('not_found')]) })),
  consentedAt: Type.String(),
});
export type RegistryPrefillResult = Static<typeof RegistryPrefillResultSchema>;

/** 免提交 by reference: what the exchange returned for a government-held material at submission. */
export const VerifiedMaterialSchema = Type.Object({
  /** registry: a registry extract; licence: an e-licence from the library */
  kind: Type.Union([Type.Literal('registry'), Type.Literal('licence')]),
  registry: Type.String(), registryName: Type.String(), departmentName: Type.String(),
  /** SHA-256 of the canonical JSON of the returned fields */
  digest: Type.String(),
  fields: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), value: Type.Unknown() })),
  licence: Type.Optional(Type.Object({ identifier: Type.String(), typeName: Type.String(), verdict: Type.Literal('valid') })),
  verifiedAt: Type.String(),
});
export type VerifiedMaterial = Static<typeof VerifiedMaterialSchema>;

export const UPLOAD_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'] as const;

// ---- the case as its applicant sees it ----

export const TimelineEntrySchema = Type.Object({
  at: Type.String(),
  /** submitted, accepted, not_accepted, task_opened, task_claimed, task_approved, task_denied,
   * supplement_requested, supplement_submitted, withdrawn, concluded, commitment_revoked, delivered, … */
  action: Type.String(),
  /** localised one-line description, e.g. 市公安局 审批通过 */
  text: Type.String(),
  actorName: Type.Union([Type.String(), Type.Null()]),
  departmentName: Type.Union([Type.String(), Type.Null()]),
  comment: Type.Union([Type.String(), Type.Null()]),
});
export type TimelineEntry = Static<typeof TimelineEntrySchema>;

export const SupplementRequestSchema = Type.Object({
  taskId: Type.String(), departmentName: Type.String(), comment: Type.String(), requestedAt: Type.String(),
  /** material indexes and form fields the department asked for */
  materials: Type.Array(Type.Integer()), fields: Type.Array(Type.String()),
});
export type SupplementRequest = Static<typeof SupplementRequestSchema>;

export const CaseTaskSummarySchema = Type.Object({
  id: Type.String(), kind: TaskKindSchema, stage: Type.Integer(), stageName: Type.String(), name: Type.String(),
  department: Type.Object({ code: Type.String(), name: Type.String() }),
  status: TaskStatusSchema, dueOn: Type.Union([Type.String(), Type.Null()]),
  workingDaysLeft: Type.Union([Type.Integer(), Type.Null()]), deadline: DeadlineStateSchema,
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  /** the department's opinion; null until decided */
  comment: Type.Union([Type.String(), Type.Null()]),
});
export type CaseTaskSummary = Static<typeof CaseTaskSummarySchema>;

export const CaseActionSchema = Type.Union([Type.Literal('withdraw'), Type.Literal('supplement')]);

export const CaseViewSchema = Type.Object({
  caseNo: Type.String(),
  item: Type.Object({ code: Type.String(), name: Type.String(), version: Type.Integer() }),
  applicant: Type.Object({ name: Type.String(), kind: Type.Union([Type.Literal('person'), Type.Literal('enterprise')]) }),
  /** 帮办代办 or enterprise agent: who filed it */
  actingAgent: Type.Union([Type.Object({ name: Type.String(), role: Type.String() }), Type.Null()]),
  status: CaseStatusSchema, result: Type.Union([CaseResultSchema, Type.Null()]),
  submittedAt: Type.String(), acceptedAt: Type.Union([Type.String(), Type.Null()]), concludedAt: Type.Union([Type.String(), Type.Null()]),
  dueOn: Type.Union([Type.String(), Type.Null()]), dueProvisional: Type.Boolean(),
  workingDaysLeft: Type.Union([Type.Integer(), Type.Null()]), deadline: DeadlineStateSchema,
  /** departments currently holding the case */
  holders: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  tasks: Type.Array(CaseTaskSummarySchema),
  timeline: Type.Array(TimelineEntrySchema),
  formData: Type.Record(Type.String(), Type.Unknown()),
  materials: Type.Array(Type.Object({
    index: Type.Integer(), name: Type.String(), governmentHeld: Type.Boolean(), files: Type.Array(FileRefSchema),
    /** 免提交: the data the exchange returned for it at submission */
    verified: Type.Optional(VerifiedMaterialSchema),
  })),
  supplementRequests: Type.Array(SupplementRequestSchema),
  delivery: DeliverySchema,
  trackingNo: Type.Union([Type.String(), Type.Null()]),
  commitment: Type.Boolean(),
  notAcceptedReason: Type.Union([Type.String(), Type.Null()]),
  actions: Type.Array(CaseActionSchema),
});
export type CaseView = Static<typeof CaseViewSchema>;

export const CaseSummarySchema = Type.Object({
  caseNo: Type.String(), itemName: Type.String(), itemCode: Type.String(),
  status: CaseStatusSchema, result: Type.Union([CaseResultSchema, Type.Null()]),
  submittedAt: Type.String(), dueOn: Type.Union([Type.String(), Type.Null()]),
  workingDaysLeft: Type.Union([Type.Integer(), Type.Null()]), deadline: DeadlineStateSchema,
  holders: Type.Array(Type.String()),
  /** 我的办件, an enterprise's case: the enterprise and the agent who filed it */
  enterprise: Type.Optional(Type.Object({ name: Type.String(), filedBy: Type.Union([Type.String(), Type.Null()]) })),
});
export type CaseSummary = Static<typeof CaseSummarySchema>;

export const CaseListQuerySchema = Type.Object({
  status: Type.Optional(CaseStatusSchema),
  /** all (default): the caller's own cases and those of every enterprise they act for; person: their own; or an enterprise's id */
  scope: Type.Optional(Type.String({ pattern: '^(all|person|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
}, { additionalProperties: false });
export const CaseListSchema = Type.Object({
  total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(CaseSummarySchema),
  /** 我的办件: the enterprises the caller acts for, whose cases the list includes */
  enterprises: Type.Optional(Type.Array(Type.Object({ id: Type.String(), name: Type.String() }))),
});
export type CaseList = Static<typeof CaseListSchema>;

export const WithdrawBodySchema = Type.Object({ reason: Text(500) }, { additionalProperties: false });
export const SupplementBodySchema = Type.Object({
  /** changed form values (merged over the case's form data, then validated again) */
  formData: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  materials: Type.Array(MaterialSubmissionSchema, { maxItems: 60 }),
  note: Type.Optional(Text(500, 0)),
}, { additionalProperties: false });
export type SupplementBody = Static<typeof SupplementBodySchema>;

// ---- public progress lookup (no login) ----

export const ProgressQuerySchema = Type.Object({
  caseNo: CaseNoSchema,
  /** the last 6 characters of the applicant's ID number or credit code */
  idTail: Type.String({ pattern: '^[0-9A-Z]{6}$' }),
}, { additionalProperties: false });
/**
 * 窗口领取 as the public lookup shows it: waiting (待领取) since `readyAt`, or collected (已领取) at a
 * window and time. Never who collected it: the lookup is public.
 */
export const ProgressPickupSchema = Type.Object({
  status: Type.Union([Type.Literal('waiting'), Type.Literal('collected')]),
  readyAt: Type.String(),
  /** the window that handed it over; null while waiting (any window in the city may) */
  window: Type.Union([Type.String(), Type.Null()]),
  collectedAt: Type.Union([Type.String(), Type.Null()]),
}, { additionalProperties: false });
export type ProgressPickup = Static<typeof ProgressPickupSchema>;
export const ProgressViewSchema = Type.Object({
  caseNo: Type.String(), itemName: Type.String(), applicantName: Type.String({ description: 'masked' }),
  status: CaseStatusSchema, result: Type.Union([CaseResultSchema, Type.Null()]),
  submittedAt: Type.String(), dueOn: Type.Union([Type.String(), Type.Null()]),
  holders: Type.Array(Type.String()),
  steps: Type.Array(Type.Object({ at: Type.String(), text: Type.String() })),
  /** only for a result collected at a window (窗口领取) */
  pickup: Type.Optional(ProgressPickupSchema),
});
export type ProgressView = Static<typeof ProgressViewSchema>;

// ---- staff workbench ----

export const InboxQuerySchema = Type.Object({
  department: Type.Optional(Type.String({ maxLength: 20 })),
  /** open: everything waiting in the department; mine: claimed by me; due_soon: amber; overdue: red */
  view: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('mine'), Type.Literal('due_soon'), Type.Literal('overdue'), Type.Literal('done')])),
  item: Type.Optional(Type.String({ pattern: '^[0-9A-Z]{12}$' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  /** keyset paging: the `nextCursor` of the page before, for the same view (without `page`); reaches any depth */
  after: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,300}$', description: 'nextCursor of the previous page (keyset paging, any depth; not with page)' })),
}, { additionalProperties: false });

export const TaskActionSchema = Type.Union([
  Type.Literal('claim'), Type.Literal('release'), Type.Literal('approve'), Type.Literal('deny'), Type.Literal('return'),
]);

export const InboxTaskSchema = Type.Object({
  id: Type.String(), kind: TaskKindSchema, name: Type.String(), caseNo: Type.String(), itemName: Type.String(), itemCode: Type.String(),
  applicantName: Type.String({ description: 'masked' }),
  department: Type.Object({ code: Type.String(), name: Type.String() }),
  status: TaskStatusSchema, assignee: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  openedAt: Type.Union([Type.String(), Type.Null()]), dueOn: Type.Union([Type.String(), Type.Null()]),
  workingDaysLeft: Type.Union([Type.Integer(), Type.Null()]), deadline: DeadlineStateSchema, escalated: Type.Boolean(),
  actions: Type.Array(TaskActionSchema),
});
export type InboxTask = Static<typeof InboxTaskSchema>;
export const InboxSchema = Type.Object({
  total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(InboxTaskSchema),
  counts: Type.Object({ open: Type.Integer(), mine: Type.Integer(), dueSoon: Type.Integer(), overdue: Type.Integer() }),
  /** pass as `after` for the page that follows; null on a page that is not full (the last one) */
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type Inbox = Static<typeof InboxSchema>;

export const DecisionBodySchema = Type.Object({
  decision: Type.Union([Type.Literal('approve'), Type.Literal('deny'), Type.Literal('return')]),
  /** required for deny and return */
  comment: Type.Optional(Text(1000, 0)),
  /** for return (补正): what the applicant must supplement */
  materials: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 59 }), { maxItems: 60, uniqueItems: true })),
  fields: Type.Optional(Type.Array(Text(100), { maxItems: 60, uniqueItems: true })),
}, { additionalProperties: false });
export type DecisionBody = Static<typeof DecisionBodySchema>;

export const PostCheckBodySchema = Type.Object({
  outcome: Type.Union([Type.Literal('confirmed'), Type.Literal('false_commitment')]),
  comment: Text(1000),
}, { additionalProperties: false });

export const AcceptanceQuerySchema = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
}, { additionalProperties: false });
export const NotAcceptBodySchema = Type.Object({ reason: Text(500) }, { additionalProperties: false });

/** the case as staff see it: the applicant's view plus identity (masked) and each task's actions */
export const StaffCaseViewSchema = Type.Intersect([
  CaseViewSchema,
  Type.Object({
    applicantIdMasked: Type.String(),
    staffActions: Type.Array(Type.Union([Type.Literal('accept'), Type.Literal('not_accept')])),
    myTasks: Type.Array(InboxTaskSchema),
  }),
]);
export type StaffCaseView = Static<typeof StaffCaseViewSchema>;
