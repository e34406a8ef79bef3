// The application form of an item that has none of its own. The server applies it to such items and
// the operators' form editor starts from it, so both come from here.
import type { Audience } from './catalog.js';
import type { ItemForm } from './forms.js';

const descriptionField = {
  schema: { type: 'string', maxLength: 1000 },
  ui: { label: '申请事项说明', labelEn: 'About the application', widget: 'textarea' as const, placeholder: '简要说明申请的具体内容和原因（选填）' },
};

/** The form of an item that has none: who applies, how to reach them, and a free description. */
export function defaultForm(audience: Audience[]): ItemForm {
  if (audience.length === 1 && audience[0] === 'enterprise') {
    return {
      schema: {
        type: 'object',
        properties: {
          enterpriseName: { type: 'string', minLength: 1, maxLength: 200 },
          creditCode: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$' },
          agentName: { type: 'string', minLength: 1, maxLength: 50 },
          mobile: { type: 'string', pattern: '^1[3-9][0-9]{9}$' },
          description: descriptionField.schema,
        },
        required: ['enterpriseName', 'creditCode', 'agentName', 'mobile'],
      },
      ui: {
        sections: [
          { title: '申请单位', titleEn: 'Applicant enterprise', fields: ['enterpriseName', 'creditCode'] },
          { title: '经办人', titleEn: 'Agent', fields: ['agentName', 'mobile'] },
          { title: '申请内容', titleEn: 'Application', fields: ['description'] },
        ],
        fields: {
          enterpriseName: { label: '单位名称', labelEn: 'Enterprise name', prefill: 'enterprise.name' },
          creditCode: { label: '统一社会信用代码', labelEn: 'Unified social credit code', prefill: 'enterprise.creditCode' },
          agentName: { label: '经办人姓名', labelEn: 'Agent name', prefill: 'person.name' },
          mobile: { label: '联系电话', labelEn: 'Mobile', widget: 'mobile', prefill: 'person.mobile' },
          description: descriptionField.ui,
        },
      },
    };
  }
  return {
    schema: {
      type: 'object',
      properties: {
        applicantName: { type: 'string', minLength: 1, maxLength: 50 },
        mobile: { type: 'string', pattern: '^1[3-9][0-9]{9}$' },
        description: descriptionField.schema,
      },
      required: ['applicantName', 'mobile'],
    },
    ui: {
      sections: [
        { title: '申请人信息', titleEn: 'Applicant', fields: ['applicantName', 'mobile'] },
        { title: '申请内容', titleEn: 'Application', fields: ['description'] },
      ],
      fields: {
        applicantName: { label: '申请人姓名', labelEn: 'Applicant name', prefill: 'person.name' },
        mobile: { label: '联系电话', labelEn: 'Mobile', widget: 'mobile', prefill: 'person.mobile' },
        description: descriptionField.ui,
      },
    },
  };
}
