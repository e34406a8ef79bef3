// Builders that turn a compact item description into a full ItemCreate (办事指南), filling the
// elements that follow from the department (place, hours, contacts) and the platform's rules.
import type { ItemCreate, Material } from '../../../../../contract/catalog.js';
import { seedDepartments } from '../departments.js';

/**
 * Two-digit department codes used in MMMMM of the 基本编码 (AA TT MMMMM SSS). They stand for the
 * guiding department of each business line; the values are illustrative and fixed per department.
 */
export const GUIDANCE_CODES: Record<string, string> = {
  fgw: '02', gaj: '04', jyj: '08', rsj: '12', mzj: '14', sfj: '15', czj: '16', zrzy: '19', sthj: '21',
  jtj: '23', zjj: '25', gjj: '26', cgj: '27', nyj: '29', swuj: '30', wjw: '31', wlj: '32', scjg: '33',
  swj: '41', yjj: '48', ybj: '49', tyjr: '52', clh: '63', sjj: '70',
};

export const HOTLINE = '12345';

type Audience = 'person' | 'enterprise' | 'both';

export interface ItemSpec {
  code: string;
  name: string;
  type: ItemCreate['type'];
  dept: string;
  audience: Audience;
  themes: string[];
  aliases: string[];
  summary: string;
  legalBasis: string;
  conditions: string;
  materials: Material[];
  /** [法定办结时限, 承诺办结时限] in working days; a promise of 0 makes it a 即办件 */
  limits: [number, number];
  /** omitted when the item is free of charge */
  fee?: { standard: string; basis: string };
  process: string[];
  visits: 0 | 1 | 2;
  depth: 1 | 2 | 3 | 4;
  result: [name: string, type: ItemCreate['resultType']];
  faqs: [question: string, answer: string][];
  /** index into the department's windows (default 0) */
  window?: number;
  /** replaces the window as the place, e.g. for items handled by every district */
  place?: string;
  useLevel?: number;
  area?: ItemCreate['handleArea'];
  appointment?: boolean;
  delivery?: boolean;
}

export function item(spec: ItemSpec): ItemCreate {
  const dept = seedDepartments.find((d) => d.code === spec.dept);
  if (!dept) throw new Error(`unknown department ${spec.dept} in item ${spec.code}`);
  const window = dept.windows[spec.window ?? 0];
  if (!window) throw new Error(`department ${spec.dept} has no window ${spec.window} (item ${spec.code})`);
  const place = spec.place ?? (window.address.includes(window.name) ? window.address : `${window.name}（${window.address}）`);
  const [legalLimitDays, promisedLimitDays] = spec.limits;
  const charged = spec.fee !== undefined;
  return {
    code: spec.code,
    name: spec.name,
    aliases: spec.aliases,
    type: spec.type,
    audience: spec.audience === 'both' ? ['person', 'enterprise'] : [spec.audience],
    departmentCode: spec.dept,
    useLevel: spec.useLevel ?? 3,
    themeCodes: spec.themes,
    summary: spec.summary,
    legalBasis: spec.legalBasis,
    acceptanceConditions: spec.conditions,
    materials: spec.materials,
    legalLimitDays,
    promisedLimitDays,
    projectType: promisedLimitDays === 0 ? 'immediate' : 'commitment',
    fee: charged ? { charged: true, ...spec.fee } : { charged: false, standard: '不收费' },
    process: spec.process,
    handlingPlace: place,
    handlingHours: window.hours,
    consultation: {
      phone: window.phone,
      channels: `${HOTLINE}政务服务便民热线；${dept.shortName}咨询电话${window.phone}；青川政务服务网和“青川通办”App“我要咨询”；${window.name}现场咨询`,
    },
    complaint: {
      phone: HOTLINE,
      channels: `${HOTLINE}政务服务便民热线；青川政务服务网“好差评”“我要投诉”；${dept.shortName}监督电话${dept.phone}`,
    },
    visits: spec.visits,
    onlineDepth: spec.depth,
    appointment: spec.appointment ?? spec.visits > 0,
    // 0 visits without full online handling only works if the result can be posted.
    delivery: spec.delivery ?? (spec.visits === 0 || spec.result[1] === 'licence'),
    onlinePayment: charged && spec.depth >= 3,
    handleArea: spec.area ?? 'city',
    resultName: spec.result[0],
    resultType: spec.result[1],
    faqs: spec.faqs.map(([question, answer]) => ({ question, answer })),
  };
}

// ---------------------------------------------------------------------------------------------
// Materials

type MaterialOptions = Partial<Omit<Material, 'name'>>;

/** An original the applicant brings or uploads. */
export const own = (name: string, requirement: string, o: MaterialOptions = {}): Material => ({
  name, required: true, form: 'original', originals: 1, copies: 0, sourceType: 'applicant', governmentHeld: false, requirement, ...o,
});

/** A copy (复印件) the applicant provides. */
export const copy = (name: string, requirement: string, o: MaterialOptions = {}): Material =>
  own(name, requirement, { form: 'copy', originals: 0, copies: 1, ...o });

/** An application form filled in online or at the window. */
export const form = (name: string, requirement = '在线填报时系统自动生成；窗口办理的，现场填写并签字确认', o: MaterialOptions = {}): Material =>
  own(name, requirement, { form: 'original', ...o });

/** A document issued by an intermediary (测绘、评估、检测报告 and the like). */
export const report = (name: string, issuer: string, requirement: string, o: MaterialOptions = {}): Material =>
  own(name, requirement, { sourceType: 'intermediary', issuer, ...o });

/** Something the government already holds: fetched through data sharing, not submitted. */
export const held = (name: string, heldBy: string, issuer: string, requirement = '通过数据共享或电子证照库调取，免于提交'): Material => ({
  name, required: true, form: 'electronic', originals: 0, copies: 0, sourceType: 'government', issuer, governmentHeld: true, heldBy, requirement,
});

export const optional = (m: Material): Material => ({ ...m, required: false });

export const idCard = (who = '申请人'): Material =>
  held(`${who}居民身份证`, '居民身份证（电子证照）', '公安机关', '通过电子证照库核验，免于提交；到现场办理的请出示原件');
export const household = (who = '申请人'): Material => held(`${who}户口簿（户籍信息）`, '户籍信息（人口库）', '公安机关');
export const businessLicence = (): Material => held('营业执照', '营业执照（电子证照）', '市场监督管理部门');
export const enterpriseInfo = (): Material => held('企业登记信息', '市场主体登记信息（法人库）', '市场监督管理部门');
export const marriageInfo = (): Material => held('婚姻状况证明', '婚姻登记信息', '民政部门', '通过婚姻登记信息系统核验，免于提交结婚证或离婚证');
export const propertyCert = (): Material => held('不动产权证书或不动产登记证明', '不动产权证书（电子证照）', '不动产登记机构');
export const socialInsurance = (): Material => held('社会保险参保缴费记录', '社会保险参保信息', '人力资源社会保障部门');
export const birthCert = (): Material => held('出生医学证明', '出生医学证明（电子证照）', '助产医疗机构');
export const disabilityCert = (): Material => held('残疾人证', '残疾人证（电子证照）', '残疾人联合会');
export const residencePermit = (): Material => held('居住证', '居住证（电子证照）', '公安机关');
export const fundAccount = (): Material => held('住房公积金缴存信息', '住房公积金缴存信息', '住房公积金管理中心');
export const delegation = (): Material =>
  optional(own('授权委托书及受托人身份证件', '委托他人办理的提供；受托人身份证件现场核验', { form: 'original_and_copy', originals: 1, copies: 1 }));

// ---------------------------------------------------------------------------------------------
// Process templates, for items whose flow is the standard one for their kind

export const permitSteps = (result: string, check = '承办科室对申请材料进行审查，需要现场核查的组织核查'): string[] => [
  '申请：通过青川政务服务网在线提交，或到窗口提交申请材料',
  '受理：材料齐全、符合法定形式的予以受理；不齐全的一次性告知需补正的内容',
  `审查：${check}`,
  '决定：作出准予许可或不予许可的书面决定，不予许可的说明理由并告知救济途径',
  `送达：制发${result}，同步签发电子证照；可窗口领取或免费邮寄`,
];

export const onlineSteps = (result: string, review = '系统自动核验共享数据，工作人员在线审核'): string[] => [
  '登录：使用青川政务服务网或“青川通办”App 实名登录',
  '申请：选择事项，确认自动带出的个人信息，补充填写申请内容并上传所需材料',
  `审核：${review}`,
  `办结：在线反馈${result}，可在“我的办件”中查看进度和结果`,
];

export const filingSteps = (result: string): string[] => [
  '提交：在线或到窗口提交备案材料',
  '核对：窗口对材料的完整性进行核对，材料齐全的当场予以备案',
  `办结：出具${result}；发现违法违规情形的，依法责令改正`,
];
