// Chinese-first messages of the dynamic-form checks: an operator's form and process definitions
// here; an applicant's values in contract/form-messages.ts (the web app shows the same ones).

export { valueMessage, valueMessages } from '../../contract/form-messages.js';

/** Problems of a form or process definition, reported as `errors[].code` of ITEM_FORM_INVALID / ITEM_WORKFLOW_INVALID. */
export const DefinitionMessages = {
  FORM_SCHEMA_NOT_OBJECT: { zh: '表单 schema 必须是 type 为 object 且带 properties 的对象', en: 'The form schema must be an object schema with properties' },
  FORM_SCHEMA_INVALID: { zh: '表单 schema 无法编译', en: 'The form schema does not compile' },
  FORM_FIELD_NAME_INVALID: { zh: '字段名只能由字母、数字和下划线组成，且以字母开头（最长 64 个字符）', en: 'Field names are letters, digits and underscores, starting with a letter (at most 64)' },
  FORM_FIELD_TYPE_UNSUPPORTED: { zh: '字段类型只能是 string、number、integer、boolean 或由枚举值组成的 array', en: 'A field must be a string, number, integer, boolean, or an array of enum values' },
  FORM_FIELD_UNKNOWN: { zh: '引用了 schema 中不存在的字段', en: 'Refers to a field the schema does not define' },
  FORM_FIELD_NOT_IN_SECTION: { zh: '字段没有放入任何分组', en: 'The field is in no section' },
  FORM_FIELD_IN_TWO_SECTIONS: { zh: '字段出现在多个分组中', en: 'The field appears in more than one section' },
  FORM_FIELD_LABEL_MISSING: { zh: '字段缺少界面配置（标签）', en: 'The field has no UI entry (label)' },
  FORM_SHOW_IF_UNKNOWN: { zh: '显示条件引用了不存在的字段或字段自身', en: 'The show condition refers to an unknown field or to the field itself' },
  FORM_ENUM_LABELS_MISMATCH: { zh: '选项标签的数量必须与枚举值一致', en: 'There must be one option label per enum value' },
  FORM_WIDGET_MISMATCH: { zh: '控件与字段类型不匹配', en: 'The widget does not suit the field type' },
  WORKFLOW_UNKNOWN_DEPARTMENT: { zh: '办理部门不存在', en: 'Unknown department' },
  WORKFLOW_DUPLICATE_DEPARTMENT: { zh: '同一阶段中一个部门只能有一项任务', en: 'A department can have only one task per stage' },
  WORKFLOW_BLANK_NAME: { zh: '名称不能只包含空白字符', en: 'The name must not be blank' },
  WORKFLOW_EXCEEDS_PROMISE: { zh: '各阶段时限之和不能超过承诺办结时限', en: 'The stage limits add up to more than the promised time limit' },
} as const;
export type DefinitionCode = keyof typeof DefinitionMessages;
