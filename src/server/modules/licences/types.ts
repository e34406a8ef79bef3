// Licence types (证照类型) with their GB/T 36902 type codes, holders, validity and own fields, and
// which service items issue them (keyed by item code, so the catalogue knows nothing of licences).
// Type codes are the fictional defining department's credit code plus a three-digit sequence.

export type HolderRule =
  /** the applying person (公民身份号码) */
  | 'person'
  /** the enterprise named in the form (enterpriseName + creditCode), else the applicant's enterprise */
  | 'enterprise';

export interface LicenceField {
  name: string; label: string; labelEn: string;
  /** a key of the case's form data; `applicant.name` for the applicant's name */
  from: string;
  /** shown masked in a presentation unless the holder chooses it (personal data) */
  personal?: boolean;
}

export interface LicenceType {
  key: string; name: string; nameEn: string; typeCode: string;
  /** the department that issues it when the item's own department is not set */
  issuer: string;
  holder: HolderRule;
  /** years of validity from the issue date; null = long-term (长期) */
  validYears: number | null;
  fields: LicenceField[];
}

const f = (name: string, label: string, labelEn: string, from = name, personal = false): LicenceField => ({ name, label, labelEn, from, personal });
const SCJG = '11419900MB1A730248';
const WJW = '11419900MB1A94538Q';
const GAJ = '11419900006930217E';

export const LICENCE_TYPES: readonly LicenceType[] = [
  { key: 'business_licence', name: '营业执照', nameEn: 'Business licence', typeCode: `${SCJG}001`, issuer: 'scjg', holder: 'person', validYears: null,
    fields: [f('companyName', '名称', 'Name'), f('companyType', '类型', 'Type'), f('registeredCapital', '注册资本（万元）', 'Registered capital (10k CNY)'),
      f('representativeName', '法定代表人', 'Legal representative', 'representativeName', true), f('businessScope', '经营范围', 'Business scope'), f('premisesAddress', '住所', 'Domicile')] },
  { key: 'food_business', name: '食品经营许可证', nameEn: 'Food business licence', typeCode: `${SCJG}002`, issuer: 'scjg', holder: 'enterprise', validYears: 5,
    fields: [f('enterpriseName', '经营者名称', 'Operator'), f('legalRepresentative', '法定代表人（负责人）', 'Legal representative', 'legalRepresentative', true),
      f('premisesAddress', '经营场所', 'Premises'), f('operatorType', '主体业态', 'Operator type'), f('businessItems', '经营项目', 'Business items')] },
  { key: 'public_venue_hygiene', name: '公共场所卫生许可证', nameEn: 'Public venue hygiene licence', typeCode: `${WJW}001`, issuer: 'wjw', holder: 'enterprise', validYears: 4,
    fields: [f('venueName', '单位名称', 'Venue'), f('legalRepresentative', '法定代表人', 'Legal representative', 'legalRepresentative', true),
      f('premisesAddress', '地址', 'Address'), f('venueType', '许可项目', 'Licensed activity')] },
  { key: 'birth_certificate', name: '出生医学证明', nameEn: 'Medical birth certificate', typeCode: `${WJW}002`, issuer: 'wjw', holder: 'person', validYears: null,
    fields: [f('babyName', '新生儿姓名', 'Newborn', 'babyName', true), f('babySex', '性别', 'Sex'), f('babyBirthDate', '出生日期', 'Date of birth', 'babyBirthDate', true),
      f('applicantName', '申请人', 'Applicant', 'applicant.name', true)] },
  { key: 'household_register', name: '居民户口簿（户籍登记页）', nameEn: 'Household register entry', typeCode: `${GAJ}001`, issuer: 'gaj', holder: 'person', validYears: null,
    fields: [f('babyName', '姓名', 'Name', 'babyName', true), f('babySex', '性别', 'Sex'), f('babyBirthDate', '出生日期', 'Date of birth', 'babyBirthDate', true),
      f('residenceAddress', '住址', 'Address', 'residenceAddress', true)] },
  { key: 'birth_service', name: '生育服务登记凭证', nameEn: 'Birth service registration', typeCode: `${WJW}003`, issuer: 'wjw', holder: 'person', validYears: 2,
    fields: [f('applicantName', '登记人', 'Registrant', 'applicant.name', true), f('purpose', '登记事由', 'Purpose')] },
  { key: 'marriage', name: '结婚证', nameEn: 'Marriage certificate', typeCode: '11419900006930727U001', issuer: 'mzj', holder: 'person', validYears: null,
    fields: [f('applicantName', '持证人', 'Holder', 'applicant.name', true), f('spouseName', '配偶', 'Spouse', 'spouseName', true), f('registeredOn', '登记日期', 'Registered on')] },
  { key: 'real_estate', name: '不动产权证书', nameEn: 'Real estate title certificate', typeCode: '11419900MB1B296493001', issuer: 'zrzy', holder: 'person', validYears: null,
    fields: [f('applicantName', '权利人', 'Owner', 'applicant.name', true), f('propertyAddress', '坐落', 'Location'), f('area', '面积（㎡）', 'Area (m²)'), f('usage', '用途', 'Use')] },
  { key: 'driving_licence', name: '机动车驾驶证', nameEn: 'Driving licence', typeCode: `${GAJ}002`, issuer: 'gaj', holder: 'person', validYears: 10,
    fields: [f('applicantName', '姓名', 'Name', 'applicant.name', true), f('vehicleClass', '准驾车型', 'Vehicle class'), f('purpose', '换证原因', 'Reason')] },
  { key: 'social_security_card', name: '社会保障卡', nameEn: 'Social security card', typeCode: '114199000069304871001', issuer: 'rsj', holder: 'person', validYears: 10,
    fields: [f('applicantName', '姓名', 'Name', 'applicant.name', true), f('socialCardBank', '服务银行', 'Bank')] },
  { key: 'degree', name: '学位证书', nameEn: 'Degree certificate', typeCode: '11419900006930137T001', issuer: 'jyj', holder: 'person', validYears: null,
    fields: [f('applicantName', '姓名', 'Name', 'applicant.name', true), f('degree', '学位', 'Degree'), f('major', '专业', 'Major')] },
];

/** Service items whose approval issues a licence (item code → licence type key). */
export const ITEM_LICENCES: Readonly<Record<string, string>> = {
  '000133001000': 'business_licence', // 企业设立登记
  '000133002000': 'business_licence', // 个体工商户设立登记
  '000133010000': 'food_business', // 食品经营许可证核发
  '000131004000': 'public_venue_hygiene', // 公共场所卫生许可
  '002031001000': 'birth_certificate', // 出生医学证明签发
  '000704001000': 'household_register', // 出生登记（新生儿入户）
  '002031002000': 'birth_service', // 生育登记
  '000714001000': 'marriage', // 结婚登记
  '000719001000': 'real_estate', // 不动产首次登记
  '000719002000': 'real_estate', // 不动产转移登记
  '000104004000': 'driving_licence', // 机动车驾驶证换证
  '002012001000': 'social_security_card', // 社会保障卡申领
  '002012002000': 'social_security_card', // 社会保障卡挂失和补换
};

const byKey = new Map(LICENCE_TYPES.map((t) => [t.key, t]));
const extraItems = new Map<string, string>();

export const licenceType = (key: string): LicenceType | undefined => byKey.get(key);

/** The licence type an item issues, if any. */
export function licenceTypeOfItem(itemCode: string): LicenceType | undefined {
  const key = extraItems.get(itemCode) ?? ITEM_LICENCES[itemCode];
  return key ? byKey.get(key) : undefined;
}

/** Map one more item to a type (tests publish their own items; deployments add local items). */
export function mapItemToLicenceType(itemCode: string, typeKey: string): () => void {
  if (!byKey.has(typeKey)) throw new Error(`unknown licence type ${typeKey}`);
  extraItems.set(itemCode, typeKey);
  return () => extraItems.delete(itemCode);
}
