// The local registries of the demo city and their catalogue entries (信息资源目录). Resource codes
// follow the 政务信息资源目录 layout: 类 (1 基础 / 2 主题 / 3 部门) + 项 + 目 + 细目, "/", sequence;
// a field's code is the resource code and its position. Records live in registry_records.
import type { FieldDef, RegistryProvider, SubjectKind } from './provider.js';
import { localLookup } from './records.js';

interface LocalRegistry {
  code: string; name: string; nameEn: string; departmentCode: string; resourceCode: string;
  subjectKinds: SubjectKind[]; fields: FieldDef[];
}

const f = (code: string, name: string, nameEn: string, dataType: FieldDef['dataType'], shareType: FieldDef['shareType'], description: string): FieldDef =>
  ({ code, name, nameEn, dataType, shareType, description });

export const LOCAL_REGISTRIES: LocalRegistry[] = [
  {
    code: 'population', name: '人口基础信息（户籍）', nameEn: 'Population register (hukou)', departmentCode: 'gaj',
    resourceCode: '101001001/000001', subjectKinds: ['person'],
    fields: [
      f('name', '姓名', 'Name', 'string', 'unconditional', '常住人口登记表记载的姓名'),
      f('sex', '性别', 'Sex', 'string', 'unconditional', 'GB/T 2261.1 性别代码：1 男，2 女'),
      f('ethnicity', '民族', 'Ethnic group', 'string', 'unconditional', 'GB/T 3304 民族名称'),
      f('birthDate', '出生日期', 'Date of birth', 'date', 'unconditional', 'YYYY-MM-DD'),
      f('householdAddress', '户籍地址', 'Registered address', 'string', 'conditional', '户口所在地详细地址'),
      f('householdHead', '户主姓名', 'Head of household', 'string', 'conditional', '户主的姓名'),
      f('relationToHead', '与户主关系', 'Relation to the head', 'string', 'conditional', 'GB/T 4761 家庭关系'),
      f('photo', '人像照片', 'Portrait photo', 'string', 'none', '居民身份证人像，不予共享'),
    ],
  },
  {
    code: 'marriage', name: '婚姻登记信息', nameEn: 'Marriage register', departmentCode: 'mzj',
    resourceCode: '201001001/000001', subjectKinds: ['person'],
    fields: [
      f('maritalStatus', '婚姻状况', 'Marital status', 'string', 'conditional', '未婚、已婚、离婚、丧偶（以婚姻登记记录为准）'),
      f('spouseName', '配偶姓名', 'Spouse\'s name', 'string', 'conditional', '现任配偶姓名'),
      f('spouseIdNumber', '配偶身份证号码', 'Spouse\'s ID number', 'string', 'conditional', '现任配偶公民身份号码'),
      f('registeredOn', '登记日期', 'Registered on', 'date', 'conditional', '最近一次婚姻登记日期'),
      f('registrationOffice', '登记机关', 'Registration office', 'string', 'conditional', '办理登记的婚姻登记机关'),
      f('divorceAgreement', '离婚协议', 'Divorce agreement', 'string', 'none', '离婚协议内容，不予共享'),
    ],
  },
  {
    code: 'enterprise', name: '企业登记信息', nameEn: 'Enterprise register', departmentCode: 'scjg',
    resourceCode: '102001001/000001', subjectKinds: ['enterprise'],
    fields: [
      f('name', '企业名称', 'Name', 'string', 'unconditional', '登记的企业名称'),
      f('entityType', '市场主体类型', 'Entity type', 'string', 'unconditional', '如有限责任公司、个体工商户'),
      f('legalRepresentative', '法定代表人', 'Legal representative', 'string', 'unconditional', '法定代表人（负责人、经营者）姓名'),
      f('registeredCapital', '注册资本（万元）', 'Registered capital (10k CNY)', 'number', 'unconditional', '认缴注册资本'),
      f('establishedOn', '成立日期', 'Established on', 'date', 'unconditional', 'YYYY-MM-DD'),
      f('address', '住所（经营场所）', 'Registered address', 'string', 'unconditional', '登记的住所'),
      f('businessScope', '经营范围', 'Business scope', 'string', 'unconditional', '登记的经营范围'),
      f('status', '登记状态', 'Status', 'string', 'unconditional', '存续、吊销、注销'),
      f('shareholders', '股东及出资', 'Shareholders', 'list', 'conditional', '股东名称、认缴出资额'),
      f('liaisonMobile', '联络员手机号', 'Liaison\'s mobile', 'string', 'conditional', '企业联络员手机号码'),
    ],
  },
  {
    code: 'social_insurance', name: '社会保险参保信息', nameEn: 'Social insurance register', departmentCode: 'rsj',
    resourceCode: '202001001/000001', subjectKinds: ['person'],
    fields: [
      f('insuredStatus', '参保状态', 'Status', 'string', 'conditional', '正常参保、暂停缴费、终止'),
      f('insuranceTypes', '参保险种', 'Insurance types', 'list', 'conditional', '养老、医疗、失业、工伤、生育'),
      f('employer', '参保单位', 'Employer', 'string', 'conditional', '当前参保单位名称'),
      f('monthsPaid', '累计缴费月数', 'Months paid', 'number', 'conditional', '职工养老保险累计缴费月数'),
      f('contributionBase', '缴费基数', 'Contribution base', 'number', 'none', '月缴费基数（反映工资收入），不予共享'),
    ],
  },
  {
    code: 'housing_fund', name: '住房公积金缴存信息', nameEn: 'Housing provident fund register', departmentCode: 'gjj',
    resourceCode: '202002001/000001', subjectKinds: ['person'],
    fields: [
      f('accountStatus', '账户状态', 'Account status', 'string', 'conditional', '正常、封存、销户'),
      f('employer', '缴存单位', 'Employer', 'string', 'conditional', '当前缴存单位名称'),
      f('monthlyContribution', '月缴存额（元）', 'Monthly contribution (CNY)', 'number', 'conditional', '单位和个人月缴存额合计'),
      f('balance', '账户余额（元）', 'Balance (CNY)', 'number', 'conditional', '个人账户余额'),
      f('loanStatus', '贷款情况', 'Loan status', 'string', 'conditional', '无贷款、贷款中、已结清'),
    ],
  },
  {
    code: 'birth_medical', name: '出生医学证明信息', nameEn: 'Medical birth certificates', departmentCode: 'wjw',
    resourceCode: '201002001/000001', subjectKinds: ['person'],
    fields: [
      // indexed by the father or the mother; the latest certificate naming them
      f('certificateNo', '出生医学证明编号', 'Certificate number', 'string', 'conditional', '出生医学证明编号，如 R410000123'),
      f('babyName', '新生儿姓名', 'Baby\'s name', 'string', 'conditional', '出生医学证明记载的姓名'),
      f('babySex', '新生儿性别', 'Baby\'s sex', 'string', 'conditional', 'M 男，F 女'),
      f('birthDate', '出生日期', 'Date of birth', 'date', 'conditional', 'YYYY-MM-DD'),
      f('birthPlace', '出生地点', 'Place of birth', 'string', 'conditional', '助产机构名称'),
      f('issuer', '签发机构', 'Issued by', 'string', 'conditional', '签发出生医学证明的助产机构'),
      f('deliveryRecord', '分娩记录', 'Delivery record', 'string', 'none', '医疗记录，不予共享'),
    ],
  },
  {
    code: 'real_estate', name: '不动产登记信息', nameEn: 'Real estate register', departmentCode: 'zrzy',
    resourceCode: '103001001/000001', subjectKinds: ['person', 'enterprise'],
    fields: [
      f('properties', '不动产权利', 'Property rights', 'list', 'conditional', '不动产权证书号、坐落、面积、用途、登记日期'),
      f('mortgaged', '抵押状态', 'Mortgaged', 'boolean', 'conditional', '名下不动产是否设有抵押'),
    ],
  },
  {
    code: 'education', name: '学历学位信息', nameEn: 'Degrees and diplomas', departmentCode: 'jyj',
    resourceCode: '203001001/000001', subjectKinds: ['person'],
    fields: [
      f('highestLevel', '最高学历', 'Highest level', 'string', 'conditional', '如大学本科、硕士研究生'),
      f('degrees', '学历学位记录', 'Records', 'list', 'conditional', '层次、学位、院校、专业、毕业日期、证书编号'),
    ],
  },
  {
    code: 'vehicles', name: '机动车和驾驶证信息', nameEn: 'Vehicles and driving licences', departmentCode: 'gaj',
    resourceCode: '301001001/000001', subjectKinds: ['person', 'enterprise'],
    fields: [
      f('drivingLicence', '驾驶证', 'Driving licence', 'list', 'conditional', '准驾车型、有效期至、状态'),
      f('vehicles', '名下机动车', 'Vehicles', 'list', 'conditional', '号牌号码、品牌型号、注册日期、状态'),
      f('violationRecords', '违法记录明细', 'Violation records', 'list', 'none', '交通违法记录明细，不予共享'),
    ],
  },
];

/** The providers of the local registries, reading registry_records. */
export const localProviders = (): RegistryProvider[] => LOCAL_REGISTRIES.map((r) => ({
  ...r,
  lookup: (db, subject, fields) => localLookup(db, r.code, subject, fields),
}));
