// Coded errors of the catalogue. Field-level codes (the element rules) live here too, so the
// admin page and docs/api/errors.md read one registry.
import { defineErrors } from '../../platform/errors.js';

export const CatalogErrors = defineErrors({
  ITEM_NOT_FOUND: { status: 404, zh: '未找到该办事事项', en: 'No such service item' },
  ITEM_VERSION_NOT_FOUND: { status: 404, zh: '该事项没有这个版本', en: 'The service item has no such version' },
  DEPARTMENT_NOT_FOUND: { status: 404, zh: '未找到该部门', en: 'No such department' },
  ITEM_CODE_TAKEN: { status: 409, zh: '该事项编码已被使用', en: 'The item code is already in use' },
  ITEM_RULES_VIOLATED: { status: 400, zh: '事项要素不符合规则，请检查标出的字段', en: 'The item elements break the catalogue rules' },
  UNKNOWN_DEPARTMENT: { status: 400, zh: '实施主体不存在', en: 'Unknown department' },
  UNKNOWN_THEME: { status: 400, zh: '主题不存在', en: 'Unknown theme' },
  DRAFT_CONFLICT: { status: 409, zh: '事项已发布了新版本，请刷新后在新版本基础上修改', en: 'A newer version was published; reload and edit that version' },
  ITEM_FORM_INVALID: { status: 422, zh: '申请表单定义有误，请检查标出的位置', en: 'The application form definition is invalid' },
  ITEM_WORKFLOW_INVALID: { status: 422, zh: '办理流程定义有误，请检查标出的位置', en: 'The process definition is invalid' },
  NOTHING_TO_PUBLISH: { status: 409, zh: '没有待发布的修改', en: 'There are no unpublished changes' },
});

/** Codes of single element-rule violations, reported as `errors[].code` of ITEM_RULES_VIOLATED. */
export const RuleMessages = {
  FULLY_ONLINE_NEEDS_ZERO_VISITS: { zh: '全程网办（四级）的事项到现场次数必须为 0', en: 'A fully online (level 4) item must need 0 visits' },
  IMMEDIATE_NEEDS_ZERO_DAYS: { zh: '即办件的承诺办结时限必须为 0 个工作日', en: 'An immediate item must promise 0 working days' },
  COMMITMENT_NEEDS_DAYS: { zh: '承诺件的承诺办结时限应大于 0；时限为 0 的请选择即办件', en: 'A commitment item must promise at least 1 working day; choose immediate for 0' },
  PROMISE_EXCEEDS_LEGAL_LIMIT: { zh: '承诺办结时限不能超过法定办结时限', en: 'The promised time limit must not exceed the legal limit' },
  FREE_ITEM_NO_ONLINE_PAYMENT: { zh: '不收费的事项不能开通网上支付', en: 'A free item cannot offer online payment' },
  FEE_STANDARD_REQUIRED: { zh: '收费事项必须填写收费标准', en: 'A charged item needs a fee standard' },
  ZERO_VISITS_NEEDS_DELIVERY: { zh: '零跑动但非全程网办的事项必须支持邮寄（物流快递）', en: 'An item with 0 visits that is not fully online must offer postal delivery' },
  REQUIRED_MATERIAL_MISSING: { zh: '至少应有一项必要材料', en: 'At least one material must be required' },
  HELD_BY_REQUIRED: { zh: '免提交材料必须注明由哪个部门或证照库提供', en: 'A material the government holds must name who holds it' },
  CONTROL_CHARACTERS: { zh: '不能包含控制字符', en: 'Must not contain control characters' },
  BLANK_TEXT: { zh: '不能只包含空白字符', en: 'Must not be blank' },
  DUPLICATE_ALIAS: { zh: '别名重复或与事项名称相同', en: 'Duplicate alias, or an alias equal to the name' },
  UNKNOWN_DEPARTMENT: { zh: '实施主体不存在', en: 'Unknown department' },
  UNKNOWN_THEME: { zh: '主题不存在', en: 'Unknown theme' },
  COMMITMENT_UNKNOWN_MATERIAL: { zh: '承诺替代的材料不在材料清单中', en: 'The commitment replaces a material the list does not have' },
} as const;
export type RuleCode = keyof typeof RuleMessages;
