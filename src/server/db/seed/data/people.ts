// Demo accounts of the fictional city: residents, enterprises and staff. Every person and enterprise
// here is invented; ID numbers and credit codes are made up to pass the check-digit rules only.
import type { SeedEnterprise, SeedPerson, SeedStaff } from './types.js';

export const seedPersons: SeedPerson[] = [
  {
    username: 'citizen1', name: '李明华', idNumber: '419902198803150030', mobile: '13800000001',
    email: 'liminghua@example.com', birthDate: '1988-03-15', sex: 'M',
    address: '青川市清源区人民路街道府前社区府前街12号3栋2单元501室',
  },
  {
    username: 'citizen2', name: '王秀英', idNumber: '419921195308210046', mobile: '13800000002',
    birthDate: '1953-08-21', sex: 'F',
    address: '青川市青山县城关街道健康路45号院1号楼302室',
  },
  {
    username: 'citizen3', name: '赵志强', idNumber: '419903197906040012', mobile: '13800000003',
    email: 'zhaozhiqiang@example.com', birthDate: '1979-06-04', sex: 'M',
    address: '青川市云栖区云栖街道梧桐社区梧桐苑8栋1601室',
  },
  {
    username: 'citizen4', name: '陈思雨', idNumber: '419904199511220022', mobile: '13800000004',
    email: 'chensiyu@example.com', birthDate: '1995-11-22', sex: 'F',
    address: '青川市临江区望江街道滨江花园3期15栋702室',
  },
  {
    username: 'citizen5', name: '刘建国', idNumber: '419902196207090052', mobile: '13800000005',
    birthDate: '1962-07-09', sex: 'M',
    address: '青川市清源区西关街道西关大街118号2单元101室',
  },
  {
    username: 'citizen6', name: '张晓燕', idNumber: '419981199002180061', mobile: '13800000006',
    email: 'zhangxiaoyan@example.com', birthDate: '1990-02-18', sex: 'F',
    address: '青川市丰源市丰源街道迎宾路66号锦绣家园6栋903室',
  },
  {
    username: 'citizen7', name: '周浩然', idNumber: '419903200109300074', mobile: '13800000007',
    email: 'zhouhaoran@example.com', birthDate: '2001-09-30', sex: 'M',
    address: '青川市云栖区科创街道青川学院南路9号人才公寓B座1208室',
  },
  {
    username: 'citizen8', name: '欧阳文博', idNumber: '419922198510270018', mobile: '13800000008',
    birthDate: '1985-10-27', sex: 'M',
    address: '青川市桐溪县溪口镇溪口村二组21号',
  },
  {
    // 经办人 of 青川市云栖数字科技有限公司
    username: 'company1', name: '周婷', idNumber: '419903199204120025', mobile: '13800000101',
    email: 'zhouting@yunqi-digital.example.com', birthDate: '1992-04-12', sex: 'F',
    address: '青川市云栖区湖滨街道金湖路77号2栋1103室',
  },
];

export const seedEnterprises: SeedEnterprise[] = [
  {
    name: '青川市云栖数字科技有限公司', creditCode: '91419900MA9C4K7R6N', legalRepresentative: 'citizen3',
    regionCode: '419903', address: '青川市云栖区科创大道88号云栖软件园3号楼6层', agents: ['company1'],
  },
  {
    name: '青川市清源区禾香面馆', creditCode: '92419902MA9D2H6L2X', legalRepresentative: 'citizen5',
    regionCode: '419902', address: '青川市清源区西关街道西关大街120号', agents: ['citizen5'],
  },
];

/** Staff besides the per-department reviewers that the seeding code generates. */
export const seedStaff: SeedStaff[] = [
  // 综合窗口 at the 市民中心: accepts applications for every department (无差别受理).
  { username: 'clerk1', name: '孙晓梅', mobile: '13800000201', departmentCode: null, roles: ['clerk'] },
  { username: 'operator1', name: '郑宇航', mobile: '13800000202', departmentCode: 'sjj', roles: ['operator'] },
  { username: 'auditor1', name: '冯立新', mobile: '13800000203', departmentCode: null, roles: ['auditor'] },
  // 部门督办: department admins are told of overdue tasks and accept cases for their department
  { username: 'admin.gaj', name: '韩志伟', mobile: '', departmentCode: 'gaj', roles: ['dept_admin'] },
  { username: 'admin.scjg', name: '罗佳琪', mobile: '', departmentCode: 'scjg', roles: ['dept_admin'] },
  { username: 'admin.wjw', name: '沈雨桐', mobile: '', departmentCode: 'wjw', roles: ['dept_admin'] },
];
