// Filled-in application forms for the demo items with their own form, as citizen1 (李明华) and
// company1 (周婷, for 青川市云栖数字科技有限公司) would submit them. Tests, browser journeys and
// benchmarks reuse them; applications-forms.test.ts proves each one passes its form.

/** formData by item code */
export const sampleFormData: Record<string, Record<string, unknown>> = {
  // 居民身份证换领
  '000704002000': {
    applicantName: '李明华', applicantIdNumber: '419902198803150030', mobile: '13800000001',
    reason: 'expired', oldExpiryDate: '2026-08-01', urgent: 'normal',
    residenceRegion: '419902001001', residenceAddress: '府前路 18 号 2 号楼 302 室',
  },
  // 出生登记（新生儿入户）— 出生“一件事”
  '000704001000': {
    babyName: '李小禾', babySex: 'F', babyBirthDate: '2026-03-02', birthCertNo: 'R410000123',
    applicantName: '李明华', applicantIdNumber: '419902198803150030', mobile: '13800000001', relation: 'father',
    followParent: 'father', otherParentName: '王秀英', otherParentIdNumber: '419921195308210046',
    residenceRegion: '419902001001', residenceAddress: '府前路 18 号 2 号楼 302 室',
    insuranceType: 'resident', socialCardBank: 'rcb',
  },
  // 义务教育入学报名
  '002008001000': {
    childName: '李小川', childIdNumber: '419902201903150016', childBirthDate: '2019-03-15', grade: 'primary',
    applicantName: '李明华', applicantIdNumber: '419902198803150030', mobile: '13800000001', relation: 'father',
    residenceType: 'rent', rentalFilingNo: 'QCZL2025-001234',
    residenceRegion: '419902001001', residenceAddress: '府前路 18 号 2 号楼 302 室',
  },
  // 生育登记 (即办)
  '002031002000': {
    applicantName: '李明华', applicantIdNumber: '419902198803150030', mobile: '13800000001',
    spouseName: '王秀英', spouseIdNumber: '419921195308210046', childOrder: '2', livingChildren: 1,
    residenceRegion: '419902001001', residenceAddress: '府前路 18 号 2 号楼 302 室',
  },
  // 食品经营许可证核发
  '000133010000': {
    enterpriseName: '青川市云栖数字科技有限公司', creditCode: '91419900MA9C4K7R6N', legalRepresentative: '赵志强',
    premisesRegion: '419903', premisesAddress: '科创大道 88 号云栖软件园 3 号楼 1 层', premisesArea: 120,
    operatorType: 'canteen', businessItems: ['hot', 'cold'], diningSeats: 80,
    safetyManager: '周婷', safetyManagerMobile: '13800000101', agentName: '周婷', agentMobile: '13800000101',
  },
  // 公共场所卫生许可 (告知承诺制)
  '000131004000': {
    enterpriseName: '青川市云栖数字科技有限公司', creditCode: '91419900MA9C4K7R6N', legalRepresentative: '赵志强',
    venueName: '云栖软件园员工健身游泳馆', venueType: 'swim', premisesRegion: '419903', premisesAddress: '科创大道 88 号云栖软件园 5 号楼',
    venueArea: 800, staffCount: 6, agentName: '周婷', agentMobile: '13800000101',
  },
  // 企业设立登记 (开办企业一件事)
  '000133001000': {
    companyName: '青川市清源禾丰农业科技有限公司', companyType: 'llc', registeredCapital: 100,
    premisesRegion: '419902002', premisesAddress: '文昌路 66 号 2 层', businessScope: '农业科学研究和试验发展；农产品的生产、销售。',
    representativeName: '李明华', representativeMobile: '13800000001', sealCount: 3, invoiceNeeded: 'yes',
  },
};
