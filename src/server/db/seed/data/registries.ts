// Registry records of the demo city (户籍, 婚姻, 企业登记, 社保, 公积金, 不动产, 学历学位, 机动车/驾驶证)
// for the demo people and enterprises, and the standing data-sharing grants. Everything is invented;
// spouses' ID numbers are made up and get their check digit computed, nothing more.
import { REAL_NAME_DEPARTMENT, REAL_NAME_ITEM_CODE } from '../../../../contract/real-name.js';
import { idCheckChar } from '../../../platform/ids.js';
import { seedEnterprises, seedPersons } from './people.js';

type Subject = { idNumber: string } | { creditCode: string };
export interface SeedRegistryRecord { registry: string; subject: Subject; data: Record<string, unknown> }
export interface SeedGrant { consumerDepartment: string; itemCode: string; registry: string; fields: string[]; legalBasis: string }

const withCheck = (first17: string) => first17 + idCheckChar(first17);
const person = (username: string) => {
  const p = seedPersons.find((x) => x.username === username);
  if (!p) throw new Error(`no demo person ${username}`);
  return p;
};
const id = (username: string) => ({ idNumber: person(username).idNumber });
const enterprise = (name: string) => ({ creditCode: seedEnterprises.find((e) => e.name === name)!.creditCode });
const YUNQI = '青川市云栖数字科技有限公司';
const NOODLES = '青川市清源区禾香面馆';

function population(username: string, head: string, relation: string): SeedRegistryRecord {
  const p = person(username);
  return {
    registry: 'population', subject: id(username),
    data: { name: p.name, sex: p.sex === 'M' ? '1' : '2', ethnicity: '汉族', birthDate: p.birthDate, householdAddress: p.address, householdHead: head, relationToHead: relation },
  };
}

export const seedRegistryRecords: SeedRegistryRecord[] = [
  population('citizen1', '李明华', '户主'),
  population('citizen2', '王秀英', '户主'),
  population('citizen3', '赵志强', '户主'),
  population('citizen4', '陈思雨', '户主'),
  population('citizen5', '刘建国', '户主'),
  population('citizen6', '张晓燕', '户主'),
  population('citizen7', '周浩然', '集体户成员'),
  population('citizen8', '欧阳文博', '户主'),
  population('company1', '周婷', '户主'),

  { registry: 'marriage', subject: id('citizen1'), data: { maritalStatus: '已婚', spouseName: '陈静', spouseIdNumber: withCheck('41990219900512004'), registeredOn: '2016-10-08', registrationOffice: '青川市清源区民政局婚姻登记处' } },
  { registry: 'marriage', subject: id('citizen2'), data: { maritalStatus: '丧偶', registeredOn: '1976-05-01', registrationOffice: '青山县民政局婚姻登记处' } },
  { registry: 'marriage', subject: id('citizen3'), data: { maritalStatus: '已婚', spouseName: '林慧', spouseIdNumber: withCheck('41990319810917002'), registeredOn: '2007-01-18', registrationOffice: '青川市云栖区民政局婚姻登记处' } },
  { registry: 'marriage', subject: id('citizen4'), data: { maritalStatus: '未婚' } },
  { registry: 'marriage', subject: id('citizen5'), data: { maritalStatus: '已婚', spouseName: '孙桂兰', spouseIdNumber: withCheck('41990219640302002'), registeredOn: '1987-12-20', registrationOffice: '青川市清源区民政局婚姻登记处' } },
  { registry: 'marriage', subject: id('citizen6'), data: { maritalStatus: '离婚', registeredOn: '2022-06-15', registrationOffice: '丰源市民政局婚姻登记处', divorceAgreement: '（演示数据，不予共享）' } },
  { registry: 'marriage', subject: id('citizen7'), data: { maritalStatus: '未婚' } },
  { registry: 'marriage', subject: id('company1'), data: { maritalStatus: '已婚', spouseName: '吴俊', spouseIdNumber: withCheck('41990319910224001'), registeredOn: '2019-05-20', registrationOffice: '青川市云栖区民政局婚姻登记处' } },

  {
    registry: 'enterprise', subject: enterprise(YUNQI),
    data: {
      name: YUNQI, entityType: '有限责任公司（自然人投资或控股）', legalRepresentative: '赵志强', registeredCapital: 500, establishedOn: '2019-07-16',
      address: '青川市云栖区科创大道88号云栖软件园3号楼6层', businessScope: '软件开发；信息技术咨询服务；数据处理和存储支持服务', status: '存续',
      shareholders: [{ name: '赵志强', subscribed: 350 }, { name: '周婷', subscribed: 150 }], liaisonMobile: '13800000101',
    },
  },
  {
    registry: 'enterprise', subject: enterprise(NOODLES),
    data: {
      name: NOODLES, entityType: '个体工商户', legalRepresentative: '刘建国', registeredCapital: 5, establishedOn: '2015-03-09',
      address: '青川市清源区西关街道西关大街120号', businessScope: '餐饮服务（小餐饮）', status: '存续', liaisonMobile: '13800000005',
    },
  },
  { registry: 'real_estate', subject: enterprise(YUNQI), data: { properties: [], mortgaged: false } },
  { registry: 'vehicles', subject: enterprise(YUNQI), data: { vehicles: [{ plate: '青A·7Y26K', model: '比亚迪 汉 EV', registeredOn: '2023-04-11', status: '正常' }] } },

  // 出生医学证明, indexed by a parent: 李明华's daughter (出生登记 prefill and 免提交)
  {
    registry: 'birth_medical', subject: id('citizen1'),
    data: { certificateNo: 'R410000123', babyName: '李小禾', babySex: 'F', birthDate: '2026-03-02', birthPlace: '青川市清源区妇幼保健院', issuer: '青川市清源区妇幼保健院', deliveryRecord: '（演示数据，不予共享）' },
  },

  { registry: 'social_insurance', subject: id('citizen1'), data: { insuredStatus: '正常参保', insuranceTypes: ['养老', '医疗', '失业', '工伤', '生育'], employer: '青川市清源区教育培训中心', monthsPaid: 142, contributionBase: 8600 } },
  { registry: 'social_insurance', subject: id('citizen2'), data: { insuredStatus: '终止', insuranceTypes: ['养老', '医疗'], employer: '（已退休）', monthsPaid: 384, contributionBase: 0 } },
  { registry: 'social_insurance', subject: id('citizen3'), data: { insuredStatus: '正常参保', insuranceTypes: ['养老', '医疗', '失业', '工伤', '生育'], employer: YUNQI, monthsPaid: 226, contributionBase: 15200 } },
  { registry: 'social_insurance', subject: id('citizen5'), data: { insuredStatus: '正常参保', insuranceTypes: ['养老', '医疗'], employer: '灵活就业', monthsPaid: 298, contributionBase: 4200 } },
  { registry: 'social_insurance', subject: id('company1'), data: { insuredStatus: '正常参保', insuranceTypes: ['养老', '医疗', '失业', '工伤', '生育'], employer: YUNQI, monthsPaid: 84, contributionBase: 9800 } },

  { registry: 'housing_fund', subject: id('citizen1'), data: { accountStatus: '正常', employer: '青川市清源区教育培训中心', monthlyContribution: 1032, balance: 68_450.32, loanStatus: '无贷款' } },
  { registry: 'housing_fund', subject: id('citizen3'), data: { accountStatus: '正常', employer: YUNQI, monthlyContribution: 3648, balance: 152_300.0, loanStatus: '贷款中' } },
  { registry: 'housing_fund', subject: id('citizen4'), data: { accountStatus: '正常', employer: '青川市临江区社区卫生服务中心', monthlyContribution: 1150, balance: 21_980.5, loanStatus: '无贷款' } },
  { registry: 'housing_fund', subject: id('company1'), data: { accountStatus: '正常', employer: YUNQI, monthlyContribution: 2352, balance: 45_120.8, loanStatus: '无贷款' } },

  { registry: 'real_estate', subject: id('citizen1'), data: { properties: [{ certificateNo: '青(2018)清源区不动产权第0012345号', location: '青川市清源区人民路街道府前街12号3栋2单元501室', area: 98.6, use: '住宅', registeredOn: '2018-09-03' }], mortgaged: false } },
  { registry: 'real_estate', subject: id('citizen2'), data: { properties: [{ certificateNo: '青(2016)青山县不动产权第0003021号', location: '青川市青山县城关街道健康路45号院1号楼302室', area: 76.2, use: '住宅', registeredOn: '2016-04-21' }], mortgaged: false } },
  { registry: 'real_estate', subject: id('citizen3'), data: { properties: [{ certificateNo: '青(2020)云栖区不动产权第0045678号', location: '青川市云栖区云栖街道梧桐社区梧桐苑8栋1601室', area: 132.4, use: '住宅', registeredOn: '2020-11-12' }], mortgaged: true } },
  { registry: 'real_estate', subject: id('citizen5'), data: { properties: [{ certificateNo: '青(2015)清源区不动产权第0008765号', location: '青川市清源区西关街道西关大街118号2单元101室', area: 88.0, use: '住宅', registeredOn: '2015-06-30' }, { certificateNo: '青(2015)清源区不动产权第0008766号', location: '青川市清源区西关街道西关大街120号', area: 45.5, use: '商业', registeredOn: '2015-06-30' }], mortgaged: false } },

  { registry: 'education', subject: id('citizen1'), data: { highestLevel: '大学本科', degrees: [{ level: '大学本科', degree: '教育学学士', institution: '青川师范学院', major: '教育技术学', graduatedOn: '2010-06-30', certificateNo: '108321201005001234' }] } },
  { registry: 'education', subject: id('citizen4'), data: { highestLevel: '硕士研究生', degrees: [{ level: '大学本科', degree: '医学学士', institution: '青川医科大学', major: '护理学', graduatedOn: '2017-06-30', certificateNo: '108331201705004321' }, { level: '硕士研究生', degree: '护理硕士', institution: '青川医科大学', major: '护理', graduatedOn: '2020-06-30', certificateNo: '108331202002000456' }] } },
  { registry: 'education', subject: id('citizen7'), data: { highestLevel: '大学本科', degrees: [{ level: '大学本科', degree: '工学学士', institution: '青川学院', major: '软件工程', graduatedOn: '2023-06-30', certificateNo: '113451202305007788' }] } },
  { registry: 'education', subject: id('company1'), data: { highestLevel: '大学本科', degrees: [{ level: '大学本科', degree: '管理学学士', institution: '青川学院', major: '行政管理', graduatedOn: '2014-06-30', certificateNo: '113451201405002233' }] } },

  { registry: 'vehicles', subject: id('citizen1'), data: { drivingLicence: [{ class: 'C1', validUntil: '2030-08-19', status: '正常' }], vehicles: [{ plate: '青A·3M5Q8', model: '大众 朗逸', registeredOn: '2019-03-22', status: '正常' }], violationRecords: [] } },
  { registry: 'vehicles', subject: id('citizen3'), data: { drivingLicence: [{ class: 'C1', validUntil: '2027-11-02', status: '正常' }], vehicles: [] } },
  { registry: 'vehicles', subject: id('citizen5'), data: { drivingLicence: [{ class: 'B2', validUntil: '2026-12-31', status: '正常' }], vehicles: [{ plate: '青A·H2730', model: '五菱 宏光', registeredOn: '2014-08-15', status: '正常' }] } },
];

const BIRTH_BASIS = '《中华人民共和国户口登记条例》第七条；《青川市出生一件事联办规定》（虚构）';
const HOUSING_FUND_BASIS = '《住房公积金管理条例》第二十四条；《青川市住房公积金提取管理办法》（虚构）';

export const seedGrants: SeedGrant[] = [
  { consumerDepartment: 'gjj', itemCode: '002026001000', registry: 'population', fields: ['name', 'birthDate', 'householdAddress'], legalBasis: HOUSING_FUND_BASIS },
  { consumerDepartment: 'gjj', itemCode: '002026001000', registry: 'marriage', fields: ['maritalStatus', 'spouseName', 'spouseIdNumber'], legalBasis: HOUSING_FUND_BASIS },
  { consumerDepartment: 'gjj', itemCode: '002026001000', registry: 'real_estate', fields: ['properties', 'mortgaged'], legalBasis: HOUSING_FUND_BASIS },
  { consumerDepartment: 'gjj', itemCode: '002026001000', registry: 'housing_fund', fields: ['accountStatus', 'employer', 'balance', 'monthlyContribution'], legalBasis: HOUSING_FUND_BASIS },
  { consumerDepartment: 'mzj', itemCode: '000714001000', registry: 'population', fields: ['name', 'sex', 'birthDate', 'householdAddress'], legalBasis: '《婚姻登记条例》第五条、第七条' },
  { consumerDepartment: 'mzj', itemCode: '000714001000', registry: 'marriage', fields: ['maritalStatus'], legalBasis: '《婚姻登记条例》第六条' },
  { consumerDepartment: 'scjg', itemCode: '000133003000', registry: 'enterprise', fields: ['name', 'entityType', 'legalRepresentative', 'registeredCapital', 'address', 'businessScope', 'status', 'shareholders'], legalBasis: '《中华人民共和国市场主体登记管理条例》第二十四条' },
  { consumerDepartment: 'rsj', itemCode: '000712001000', registry: 'population', fields: ['name', 'sex', 'birthDate'], legalBasis: '《中华人民共和国社会保险法》第十六条' },
  { consumerDepartment: 'rsj', itemCode: '000712001000', registry: 'social_insurance', fields: ['insuredStatus', 'insuranceTypes', 'employer', 'monthsPaid'], legalBasis: '《中华人民共和国社会保险法》第十六条' },
  { consumerDepartment: 'jyj', itemCode: '002008001000', registry: 'population', fields: ['name', 'householdAddress', 'householdHead', 'relationToHead'], legalBasis: '《中华人民共和国义务教育法》第十二条' },
  { consumerDepartment: 'jyj', itemCode: '002008001000', registry: 'real_estate', fields: ['properties'], legalBasis: '《中华人民共和国义务教育法》第十二条' },
  // 出生登记: prefill from 出生医学证明 and 婚姻登记, 免提交 of the certificate, the household register and the marriage
  { consumerDepartment: 'gaj', itemCode: '000704001000', registry: 'birth_medical', fields: ['certificateNo', 'babyName', 'babySex', 'birthDate', 'birthPlace', 'issuer'], legalBasis: BIRTH_BASIS },
  { consumerDepartment: 'gaj', itemCode: '000704001000', registry: 'population', fields: ['name', 'householdAddress', 'householdHead', 'relationToHead'], legalBasis: BIRTH_BASIS },
  { consumerDepartment: 'gaj', itemCode: '000704001000', registry: 'marriage', fields: ['maritalStatus', 'spouseName', 'spouseIdNumber', 'registeredOn', 'registrationOffice'], legalBasis: BIRTH_BASIS },
  { consumerDepartment: 'gaj', itemCode: '000704001000', registry: 'licences', fields: ['licenceTypes', 'licences'], legalBasis: BIRTH_BASIS },
  // 生育登记: the spouse from 婚姻登记
  { consumerDepartment: 'wjw', itemCode: '002031002000', registry: 'marriage', fields: ['maritalStatus', 'spouseName', 'spouseIdNumber'], legalBasis: '《中华人民共和国人口与计划生育法》第二十条' },
  // the e-licence library (电子证照库) for items whose materials are licences
  { consumerDepartment: 'scjg', itemCode: '000133010000', registry: 'licences', fields: ['licenceTypes', 'licences'], legalBasis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》第十二条' },
  { consumerDepartment: 'scjg', itemCode: '000133010000', registry: 'enterprise', fields: ['name', 'legalRepresentative', 'address', 'status'], legalBasis: '《食品经营许可和备案管理办法》第十二条' },
  { consumerDepartment: 'mzj', itemCode: '000714001000', registry: 'licences', fields: ['licenceTypes'], legalBasis: '《婚姻登记条例》第五条' },
  // 实名核验: the platform's real-name service matches name and ID number against the population register
  { consumerDepartment: REAL_NAME_DEPARTMENT, itemCode: REAL_NAME_ITEM_CODE, registry: 'population', fields: ['name'], legalBasis: '《中华人民共和国网络安全法》第二十四条；《中华人民共和国居民身份证法》第十四条' },
  { consumerDepartment: 'gaj', itemCode: '000104004000', registry: 'population', fields: ['name', 'sex', 'birthDate'], legalBasis: '《机动车驾驶证申领和使用规定》第五十五条' },
  { consumerDepartment: 'gaj', itemCode: '000104004000', registry: 'vehicles', fields: ['drivingLicence'], legalBasis: '《机动车驾驶证申领和使用规定》第五十五条' },
];
