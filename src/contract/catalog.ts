// Catalogue contract: service items (事项) with the standard elements of GB/T 39554 / GB/T 39046,
// themes, departments and regions. Server validation, OpenAPI and the web app all use these schemas.
import { Type, type Static } from 'typebox';
import { HighlightSchema } from './common.js';
import { CommitmentSchema, ItemFormSchema, ProcessDefinitionSchema } from './forms.js';

/** 事项类型代码 per GB/T 39046 Appendix A.1 (行政备案 has no published numeric code; we use 11). */
export const ITEM_TYPES = {
  '01': { zh: '行政许可', en: 'Administrative licensing' },
  '04': { zh: '行政征收', en: 'Administrative levy' },
  '05': { zh: '行政给付', en: 'Administrative payment' },
  '07': { zh: '行政确认', en: 'Administrative confirmation' },
  '08': { zh: '行政奖励', en: 'Administrative reward' },
  '09': { zh: '行政裁决', en: 'Administrative adjudication' },
  '10': { zh: '其他行政权力', en: 'Other administrative power' },
  '11': { zh: '行政备案', en: 'Administrative filing' },
  '20': { zh: '公共服务', en: 'Public service' },
} as const;
export type ItemTypeCode = keyof typeof ITEM_TYPES;
// Literals listed one by one: a mapped array would make the static type `never`.
export const ItemTypeCodeSchema = Type.Union([
  Type.Literal('01'), Type.Literal('04'), Type.Literal('05'), Type.Literal('07'), Type.Literal('08'),
  Type.Literal('09'), Type.Literal('10'), Type.Literal('11'), Type.Literal('20'),
]);

export const AudienceSchema = Type.Union([Type.Literal('person'), Type.Literal('enterprise')]);
export type Audience = Static<typeof AudienceSchema>;

/** 网上办理深度: 1 网上咨询/办事指南, 2 网上预约/表格下载, 3 网上预审/受理, 4 全程网办. */
export const ONLINE_DEPTHS = {
  1: { zh: '一级（网上咨询）', en: 'Level 1 (online guide)' },
  2: { zh: '二级（表格下载）', en: 'Level 2 (forms online)' },
  3: { zh: '三级（网上预审）', en: 'Level 3 (online pre-review)' },
  4: { zh: '四级（全程网办）', en: 'Level 4 (fully online)' },
} as const;

const Text = (maxLength: number, minLength = 1) => Type.String({ minLength, maxLength });

export const MaterialSchema = Type.Object({
  name: Text(200),
  required: Type.Boolean(),
  /** paper original, copy, or electronic */
  form: Type.Union([Type.Literal('original'), Type.Literal('copy'), Type.Literal('electronic'), Type.Literal('original_and_copy')]),
  originals: Type.Integer({ minimum: 0, maximum: 20 }),
  copies: Type.Integer({ minimum: 0, maximum: 20 }),
  /** 来源渠道: the applicant, a government body, an intermediary, or other */
  sourceType: Type.Union([Type.Literal('applicant'), Type.Literal('government'), Type.Literal('intermediary'), Type.Literal('other')]),
  /** 出具单位 */
  issuer: Type.Optional(Text(200, 0)),
  /** 免提交: the government already holds it (licence library or registry), so it need not be submitted */
  governmentHeld: Type.Boolean(),
  /** which registry or licence type holds it, when governmentHeld */
  heldBy: Type.Optional(Text(100, 0)),
  /** requirement text shown in the checklist (填报须知 / 材料要求) */
  requirement: Type.Optional(Text(1000, 0)),
});
export type Material = Static<typeof MaterialSchema>;

export const FaqSchema = Type.Object({ question: Text(300), answer: Text(2000) });

/** the same literals as DeliveryModeSchema of contract/applications.ts (which imports this file) */
export const ItemDeliveryModeSchema = Type.Union([Type.Literal('elicence'), Type.Literal('window'), Type.Literal('post')]);

export const ContactSchema = Type.Object({ phone: Text(40), channels: Text(500, 0) });

/** Everything an operator edits; published as an immutable version. */
export const ItemDraftSchema = Type.Object({
  name: Text(200),
  /** colloquial names that search should match (e.g. 开公司 for 企业设立登记) */
  aliases: Type.Array(Text(50), { maxItems: 30 }),
  type: ItemTypeCodeSchema,
  audience: Type.Array(AudienceSchema, { minItems: 1, maxItems: 2, uniqueItems: true }),
  departmentCode: Text(20),
  /** 行使层级: 1 国家级 … 4 县级, 5 镇(街道)级, 6 村(社区)级 */
  useLevel: Type.Integer({ minimum: 1, maximum: 7 }),
  themeCodes: Type.Array(Text(40), { maxItems: 10, uniqueItems: true }),
  summary: Text(500, 0),
  legalBasis: Text(4000),
  acceptanceConditions: Text(4000),
  materials: Type.Array(MaterialSchema, { maxItems: 60 }),
  /** 法定办结时限 and 承诺办结时限, in working days (0 = 即办) */
  legalLimitDays: Type.Integer({ minimum: 0, maximum: 365 }),
  promisedLimitDays: Type.Integer({ minimum: 0, maximum: 365 }),
  /** 办件类型: immediate 即办件, commitment 承诺件 */
  projectType: Type.Union([Type.Literal('immediate'), Type.Literal('commitment')]),
  fee: Type.Object({ charged: Type.Boolean(), standard: Type.Optional(Text(1000, 0)), basis: Type.Optional(Text(1000, 0)) }),
  /** 办理流程: the steps as a citizen sees them */
  process: Type.Array(Text(300), { minItems: 1, maxItems: 20 }),
  handlingPlace: Text(500),
  handlingHours: Text(300),
  consultation: ContactSchema,
  complaint: ContactSchema,
  /** 到办事现场次数 */
  visits: Type.Integer({ minimum: 0, maximum: 2 }),
  onlineDepth: Type.Integer({ minimum: 1, maximum: 4 }),
  appointment: Type.Boolean(),
  delivery: Type.Boolean(),
  onlinePayment: Type.Boolean(),
  /** 通办范围 */
  handleArea: Type.Union([Type.Literal('district'), Type.Literal('city'), Type.Literal('province'), Type.Literal('national')]),
  resultName: Text(200),
  resultType: Type.Union([Type.Literal('licence'), Type.Literal('document'), Type.Literal('approval'), Type.Literal('other')]),
  faqs: Type.Array(FaqSchema, { maxItems: 30 }),
  // Versions published before forms and process definitions existed lack the next four; readers
  // fill defaults (see the catalogue's getApplicationSpec).
  /** 申请表单: JSON Schema plus UI hints */
  form: Type.Optional(ItemFormSchema),
  /** 办理流程 as data: stages of parallel department tasks */
  workflow: Type.Optional(ProcessDefinitionSchema),
  /** 告知承诺制 terms, for items that offer them */
  commitment: Type.Optional(CommitmentSchema),
  /** how results may be delivered; default e-licence and window, plus post when `delivery` */
  deliveryModes: Type.Optional(Type.Array(ItemDeliveryModeSchema, { minItems: 1, maxItems: 3, uniqueItems: true })),
});
export type ItemDraft = Static<typeof ItemDraftSchema>;

export const ItemCodeSchema = Type.String({ pattern: '^[0-9A-Z]{12}$', description: '基本编码 (12 characters)' });

export const ItemCreateSchema = Type.Intersect([Type.Object({ code: ItemCodeSchema }), ItemDraftSchema]);
export type ItemCreate = Static<typeof ItemCreateSchema>;

// ---- read models (API responses) ----

export const WindowSchema = Type.Object({ name: Type.String(), address: Type.String(), hours: Type.String(), phone: Type.String() });
export const DepartmentSchema = Type.Object({
  code: Type.String(), name: Type.String(), shortName: Type.String(), regionCode: Type.String(),
  phone: Type.String(), description: Type.String(), itemCount: Type.Integer(), windows: Type.Array(WindowSchema),
});
export type Department = Static<typeof DepartmentSchema>;

export const ThemeSchema = Type.Object({
  code: Type.String(), name: Type.String(), audience: AudienceSchema, description: Type.String(),
  icon: Type.String(), itemCount: Type.Integer(),
});
export type Theme = Static<typeof ThemeSchema>;

export const RegionSchema = Type.Object({
  code: Type.String(), name: Type.String(),
  level: Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('district'), Type.Literal('street'), Type.Literal('community')]),
  parentCode: Type.Union([Type.String(), Type.Null()]),
});
export type Region = Static<typeof RegionSchema>;

export const ItemSummarySchema = Type.Object({
  code: Type.String(), name: Type.String(), type: ItemTypeCodeSchema, typeName: Type.String(),
  department: Type.Object({ code: Type.String(), name: Type.String() }),
  audience: Type.Array(AudienceSchema), summary: Type.String(),
  onlineDepth: Type.Integer(), visits: Type.Integer(), promisedLimitDays: Type.Integer(), legalLimitDays: Type.Integer(),
  version: Type.Integer(),
  /** matched ranges in `name`, present when the list came from a search */
  highlights: Type.Optional(HighlightSchema),
  /** when the name itself does not show the query: the alias (常用说法) that matched, with its ranges */
  matchedAlias: Type.Optional(Type.Object({ text: Type.String(), highlights: HighlightSchema })),
  /** matched ranges in `summary` */
  summaryHighlights: Type.Optional(HighlightSchema),
});
export type ItemSummary = Static<typeof ItemSummarySchema>;

export const ItemListSchema = Type.Object({
  total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(),
  items: Type.Array(ItemSummarySchema),
  /** how the query was understood: segmented words plus synonyms used */
  terms: Type.Array(Type.String()),
  /** true when no exact match was found and the typo-tolerant fallback produced the list */
  fuzzy: Type.Boolean(),
  /** present when a search found nothing: themes to browse instead, and the hotline to call */
  suggestions: Type.Optional(Type.Object({
    themes: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), audience: AudienceSchema })),
    hotline: Type.String(),
  })),
});
export type ItemList = Static<typeof ItemListSchema>;

export const ItemSortSchema = Type.Union([Type.Literal('relevance'), Type.Literal('popular'), Type.Literal('name'), Type.Literal('updated')]);

export const ItemQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  audience: Type.Optional(AudienceSchema),
  department: Type.Optional(Type.String({ maxLength: 20 })),
  region: Type.Optional(Type.String({ pattern: '^[0-9]{6,12}$' })),
  theme: Type.Optional(Type.String({ maxLength: 40 })),
  type: Type.Optional(ItemTypeCodeSchema),
  onlineDepth: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
  zeroVisits: Type.Optional(Type.Boolean()),
  sort: Type.Optional(ItemSortSchema),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
}, { additionalProperties: false });
export type ItemQuery = Static<typeof ItemQuerySchema>;

export const ItemViewSchema = Type.Intersect([
  Type.Object({
    code: Type.String(), version: Type.Integer(), latestVersion: Type.Integer(),
    publishedAt: Type.String(), typeName: Type.String(),
    department: DepartmentSchema,
    themes: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
    versions: Type.Array(Type.Object({ version: Type.Integer(), publishedAt: Type.String(), note: Type.String() })),
  }),
  ItemDraftSchema,
]);
export type ItemView = Static<typeof ItemViewSchema>;

/** operator's working copy: the draft plus the published version it was based on */
export const ItemDraftViewSchema = Type.Object({
  code: Type.String(), baseVersion: Type.Integer(), hasUnpublishedChanges: Type.Boolean(),
  updatedAt: Type.String(), draft: ItemDraftSchema,
});
export type ItemDraftView = Static<typeof ItemDraftViewSchema>;
export const ItemDraftSaveSchema = Type.Object({ baseVersion: Type.Integer({ minimum: 0 }), draft: ItemDraftSchema }, { additionalProperties: false });
export const ItemPublishSchema = Type.Object({ note: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });

export const NoticeSchema = Type.Object({ id: Type.String(), title: Type.String(), body: Type.String(), publishedAt: Type.String(), departmentName: Type.String() });
export type Notice = Static<typeof NoticeSchema>;

// ---- operator views ----

export const AdminItemRowSchema = Type.Object({
  code: Type.String(),
  /** the draft's name when there is a draft, else the current version's */
  name: Type.String(),
  department: Type.Object({ code: Type.String(), name: Type.String() }),
  /** null until the first publication */
  currentVersion: Type.Union([Type.Integer(), Type.Null()]),
  hasUnpublishedChanges: Type.Boolean(),
  updatedAt: Type.String(),
});
export type AdminItemRow = Static<typeof AdminItemRowSchema>;

export const AdminItemListSchema = Type.Object({
  total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(AdminItemRowSchema),
});
export type AdminItemList = Static<typeof AdminItemListSchema>;

/** answer of the element check when every rule holds; otherwise an ITEM_RULES_VIOLATED problem */
export const ItemValidationSchema = Type.Object({ ok: Type.Literal(true) });
