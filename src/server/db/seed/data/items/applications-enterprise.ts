// Application forms and process definitions of the enterprise items the demo walks through (see
// ../README.md). Enterprise blocks are prefilled from the enterprise the agent acts for.
import type { ApplicationExtras } from './applications-person.js';
import { choice, choices, enterpriseFields, form, integer, mobile, opt, region, text, textarea } from './form-builders.js';

const agentFields = () => ({
  agentName: text(['经办人姓名', 'Agent name'], 50, { prefill: 'person.name' }),
  agentMobile: mobile(['经办人联系电话', 'Agent mobile'], { prefill: 'person.mobile' }),
});

const premises = (label: [string, string]) => ({
  premisesRegion: region(label, { help: '选择到街道（乡镇）或社区（村）' }),
  premisesAddress: text(['详细地址', 'Street address'], 200),
});

export const enterpriseApplications: Record<string, ApplicationExtras> = {
  // 食品经营许可证核发: enterprise prefill, two stages (受理审查 → 审批)
  '000133010000': {
    form: form([
      { title: '经营者信息', titleEn: 'Operator', fields: enterpriseFields() },
      {
        title: '经营场所', titleEn: 'Premises', fields: {
          ...premises(['经营场所所在地', 'Premises location']),
          premisesArea: integer(['经营场所面积（平方米）', 'Floor area (m²)'], 1, 100000),
        },
      },
      {
        title: '经营项目', titleEn: 'Business', fields: {
          operatorType: choice(['主体业态', 'Type of operator'], [['retail', '食品销售经营者'], ['catering', '餐饮服务经营者'], ['canteen', '单位食堂']]),
          businessItems: choices(['经营项目', 'Business items'], [
            ['prepackaged', '预包装食品销售'], ['bulk', '散装食品销售'], ['hot', '热食类食品制售'], ['cold', '冷食类食品制售'], ['raw', '生食类食品制售'],
          ]),
          diningSeats: integer(['就餐座位数', 'Dining seats'], 0, 5000, { showIf: { field: 'operatorType', in: ['catering', 'canteen'] } }),
          online: opt(choice(['是否网络经营', 'Online sales'], [['yes', '是'], ['no', '否']])),
        },
      },
      {
        title: '食品安全管理', titleEn: 'Food safety', fields: {
          safetyManager: text(['食品安全管理人员', 'Food safety manager'], 50),
          safetyManagerMobile: mobile(['管理人员联系电话', "Manager's mobile"]),
        },
      },
      { title: '经办人', titleEn: 'Agent', fields: agentFields() },
    ]),
    workflow: {
      stages: [
        { name: '受理审查', rule: 'all', limitDays: 2, tasks: [{ departmentCode: 'scjg', name: '材料审查与现场核查' }] },
        { name: '审批', rule: 'all', limitDays: 3, tasks: [{ departmentCode: 'scjg', name: '许可决定' }] },
      ],
    },
  },

  // 公共场所卫生许可: 告知承诺制 (commitment replaces the layout plan and the test report)
  '000131004000': {
    form: form([
      { title: '经营者信息', titleEn: 'Operator', fields: enterpriseFields() },
      {
        title: '场所信息', titleEn: 'Venue', fields: {
          venueName: text(['场所名称', 'Venue name'], 100),
          venueType: choice(['场所类别', 'Kind of venue'], [['hotel', '住宿场所'], ['bath', '沐浴场所'], ['beauty', '美容美发场所'], ['swim', '游泳场所']]),
          ...premises(['场所所在地', 'Venue location']),
          venueArea: integer(['营业面积（平方米）', 'Floor area (m²)'], 1, 100000),
          staffCount: integer(['从业人员数', 'Staff'], 1, 10000),
        },
      },
      { title: '经办人', titleEn: 'Agent', fields: agentFields() },
    ]),
    workflow: { stages: [{ name: '审查', rule: 'all', limitDays: 3, tasks: [{ departmentCode: 'wjw', name: '卫生许可审查' }] }] },
    commitment: {
      text: '本单位承诺：所提交的申请材料真实、有效；经营场所符合《公共场所卫生管理条例》及其实施细则规定的卫生条件；'
        + '已建立卫生管理制度并配备专（兼）职卫生管理人员，从业人员均持有效健康合格证明；在领取许可证后 3 个月内补交卫生检测报告。'
        + '如有虚假承诺或不符合承诺条件，愿意承担撤销许可等法律责任，并接受信用惩戒。',
      replacesMaterials: [2, 3],
      postCheckDays: 20,
    },
  },

  // 企业设立登记 (开办企业一件事): registration, seal filing and tax set-up in parallel
  '000133001000': {
    form: form([
      {
        title: '拟设立企业', titleEn: 'Enterprise to register', fields: {
          companyName: text(['企业名称', 'Enterprise name'], 100, { help: '已通过名称自主申报的名称' }),
          companyType: choice(['企业类型', 'Kind of enterprise'], [['llc', '有限责任公司'], ['sole_llc', '一人有限责任公司'], ['partnership', '合伙企业'], ['sole', '个人独资企业']]),
          registeredCapital: integer(['注册资本（万元）', 'Registered capital (10k CNY)'], 1, 10000000),
          ...premises(['住所所在地', 'Registered address']),
          businessScope: textarea(['经营范围', 'Business scope'], 2000, { placeholder: '从经营范围规范表述目录中选择' }),
        },
      },
      {
        title: '法定代表人', titleEn: 'Legal representative', fields: {
          representativeName: text(['法定代表人姓名', 'Name'], 50, { prefill: 'person.name' }),
          representativeMobile: mobile(['联系电话', 'Mobile'], { prefill: 'person.mobile' }),
        },
      },
      {
        title: '同步办理', titleEn: 'Handled together', fields: {
          sealCount: integer(['刻制印章数量（枚）', 'Seals to engrave'], 1, 10, { help: '首套印章免费刻制' }),
          invoiceNeeded: opt(choice(['是否申领发票', 'Invoices'], [['yes', '申领'], ['no', '暂不申领']])),
        },
      },
    ]),
    workflow: {
      stages: [{
        name: '开办企业', rule: 'all', limitDays: 1,
        tasks: [
          { departmentCode: 'scjg', name: '设立登记' }, { departmentCode: 'gaj', name: '印章刻制备案' }, { departmentCode: 'swj', name: '涉税事项办理' },
        ],
      }],
    },
    deliveryModes: ['elicence', 'window', 'post'],
  },
};
