// Application forms and process definitions of the citizen items the demo walks through (see
// ../README.md for which item shows what). Items not listed here get the catalogue's defaults.
import type { ItemDraft } from '../../../../../contract/catalog.js';
import { applicantFields, choice, date, form, idNumber, integer, mobile, opt, region, text, textarea } from './form-builders.js';

export type ApplicationExtras = Pick<ItemDraft, 'form' | 'workflow' | 'commitment' | 'deliveryModes'>;

/** a field the data exchange fills once the applicant consents (数据授权) */
const fromRegistry = (registry: string, field: string) => ({ registry, field });

const address = (label: [string, string]) => ({
  residenceRegion: region(label, { help: '选择到街道（乡镇）或社区（村）', placeholder: '请选择省 / 市 / 区县 / 街道 / 社区' }),
  residenceAddress: text(['详细地址', 'Street address'], 200, { placeholder: '路名、门牌号、小区、楼栋和房号' }),
});

export const personApplications: Record<string, ApplicationExtras> = {
  // 居民身份证换领: a single department, a rich form (select, date, region cascade, showIf, if/then)
  '000704002000': {
    form: form([
      { title: '申请人信息', titleEn: 'Applicant', fields: applicantFields() },
      {
        title: '换领信息', titleEn: 'Renewal', fields: {
          reason: choice(['换领原因', 'Reason'], [['expired', '有效期满'], ['damaged', '证件损坏'], ['info_change', '登记项目变更'], ['other', '其他']]),
          oldExpiryDate: opt(date(['原证有效期截止日期', 'Expiry date of the old card'], { help: '有效期满换领的必填，可提前 3 个月申请' })),
          changeDetail: textarea(['变更内容', 'What changed'], 500, { showIf: { field: 'reason', in: ['info_change'] }, placeholder: '如：姓名变更、民族更正，请写明变更前后的内容' }),
          otherReason: text(['其他原因说明', 'Other reason'], 200, { showIf: { field: 'reason', in: ['other'] } }),
          urgent: opt(choice(['办理时限', 'Speed'], [['normal', '普通（15 个工作日）'], ['urgent', '加急（7 个工作日）']])),
        },
      },
      { title: '现居住地址', titleEn: 'Current address', fields: address(['现居住地', 'Place of residence']) },
    ], {
      allOf: [{ if: { properties: { reason: { const: 'expired' } }, required: ['reason'] }, then: { required: ['oldExpiryDate'] } }],
    }),
    workflow: { stages: [{ name: '审核制证', rule: 'all', limitDays: 15, tasks: [{ departmentCode: 'gaj', name: '户籍审核与制证' }] }] },
    deliveryModes: ['window', 'post'],
  },

  // 出生“一件事”: one stage, four departments in parallel, all must approve
  '000704001000': {
    form: form([
      {
        title: '新生儿信息', titleEn: 'Newborn', fields: {
          babyName: text(['新生儿姓名', "Baby's name"], 50, { registryPrefill: fromRegistry('birth_medical', 'babyName') }),
          babySex: choice(['性别', 'Sex'], [['M', '男'], ['F', '女']], { registryPrefill: fromRegistry('birth_medical', 'babySex') }),
          babyBirthDate: date(['出生日期', 'Date of birth'], { registryPrefill: fromRegistry('birth_medical', 'birthDate') }),
          birthCertNo: text(['出生医学证明编号', 'Birth certificate number'], 20, {
            help: '出生医学证明右上角的编号，如 R410000001', placeholder: '字母加 9 位数字', registryPrefill: fromRegistry('birth_medical', 'certificateNo'),
          }),
        },
      },
      {
        title: '申报人（监护人）', titleEn: 'Declarant (guardian)', fields: {
          ...applicantFields(),
          relation: choice(['与新生儿关系', 'Relation to the baby'], [['father', '父亲'], ['mother', '母亲']]),
        },
      },
      {
        title: '落户信息', titleEn: 'Household registration', fields: {
          followParent: choice(['随迁方', 'Registered with'], [['father', '随父落户'], ['mother', '随母落户']]),
          otherParentName: text(['另一方姓名', "Other parent's name"], 50, { registryPrefill: fromRegistry('marriage', 'spouseName') }),
          otherParentIdNumber: idNumber(['另一方公民身份号码', "Other parent's ID number"], { registryPrefill: fromRegistry('marriage', 'spouseIdNumber') }),
          ...address(['户籍地址', 'Registered address']),
        },
      },
      {
        title: '联办事项', titleEn: 'Handled together', fields: {
          insuranceType: choice(['医保参保类型', 'Medical insurance'], [['resident', '城乡居民基本医疗保险'], ['none', '暂不参保']]),
          socialCardBank: opt(choice(['社保卡合作银行', 'Bank of the social security card'], [['icbc', '工商银行'], ['ccb', '建设银行'], ['boc', '中国银行'], ['rcb', '农商银行']])),
        },
      },
    ]),
    workflow: {
      stages: [{
        name: '并联办理', rule: 'all', limitDays: 1,
        tasks: [
          { departmentCode: 'wjw', name: '出生医学证明核验' },
          { departmentCode: 'gaj', name: '户口登记' },
          { departmentCode: 'ybj', name: '城乡居民医保参保登记' },
          { departmentCode: 'rsj', name: '社会保障卡申领' },
        ],
      }],
    },
    deliveryModes: ['elicence', 'post', 'window'],
  },

  // 义务教育入学报名: residence proven by property OR rental filing (rule any), then the school place
  '002008001000': {
    form: form([
      {
        title: '儿童信息', titleEn: 'Child', fields: {
          childName: text(['儿童姓名', "Child's name"], 50),
          childIdNumber: idNumber(['儿童公民身份号码', "Child's ID number"]),
          childBirthDate: date(['出生日期', 'Date of birth']),
          grade: choice(['报名学段', 'Entering'], [['primary', '小学一年级'], ['junior', '初中一年级']]),
          preferredSchool: opt(text(['意向学校', 'Preferred school'], 100, { help: '按学区划片安排，意向仅供参考' })),
        },
      },
      {
        title: '监护人信息', titleEn: 'Guardian', fields: {
          ...applicantFields(),
          relation: choice(['与儿童关系', 'Relation to the child'], [['father', '父亲'], ['mother', '母亲'], ['other', '其他监护人']]),
        },
      },
      {
        title: '居住信息', titleEn: 'Residence', fields: {
          residenceType: choice(['住房情况', 'Housing'], [['own', '自有住房'], ['rent', '租赁住房']]),
          propertyCertNo: text(['不动产权证书号', 'Property certificate number'], 50, { showIf: { field: 'residenceType', in: ['own'] } }),
          rentalFilingNo: text(['房屋租赁登记备案号', 'Rental filing number'], 50, { showIf: { field: 'residenceType', in: ['rent'] } }),
          ...address(['居住地址', 'Address']),
        },
      },
    ]),
    workflow: {
      stages: [
        { name: '居住核验', rule: 'any', limitDays: 5, tasks: [{ departmentCode: 'zrzy', name: '不动产登记信息核验' }, { departmentCode: 'zjj', name: '房屋租赁备案核验' }] },
        { name: '学位审核', rule: 'all', limitDays: 15, tasks: [{ departmentCode: 'jyj', name: '入学资格与学位审核' }] },
      ],
    },
    deliveryModes: ['elicence'],
  },

  // 生育登记: an immediate (即办) item, 0 working days
  '002031002000': {
    form: form([
      { title: '登记人信息', titleEn: 'Registrant', fields: applicantFields() },
      {
        title: '配偶信息', titleEn: 'Spouse', fields: {
          spouseName: text(['配偶姓名', "Spouse's name"], 50, { registryPrefill: fromRegistry('marriage', 'spouseName') }),
          spouseIdNumber: idNumber(['配偶公民身份号码', "Spouse's ID number"], { registryPrefill: fromRegistry('marriage', 'spouseIdNumber') }),
          spouseMobile: opt(mobile(['配偶联系电话', "Spouse's mobile"])),
        },
      },
      {
        title: '生育信息', titleEn: 'Birth', fields: {
          childOrder: choice(['本次生育为', 'This child is'], [['1', '第一个子女'], ['2', '第二个子女'], ['3', '第三个及以上子女']]),
          expectedDate: opt(date(['预产期', 'Expected date'])),
          livingChildren: integer(['现有子女数', 'Children already born'], 0, 20),
          ...address(['现居住地', 'Place of residence']),
        },
      },
    ]),
    workflow: { stages: [{ name: '登记', rule: 'all', limitDays: 0, tasks: [{ departmentCode: 'wjw', name: '生育登记核验' }] }] },
    deliveryModes: ['elicence'],
  },
};
