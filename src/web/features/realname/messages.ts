// Real-name verification (实名核验) on 个人中心. zh and en must have the same keys.
export const zh = {
  verify: '人口库核验，升级二级实名',
  verifying: '正在核验…',
  matched: '核验通过：姓名和身份证号码与人口库一致，已升级为二级实名。',
  mismatch: '未能通过核验：人口库中没有与您的姓名和身份证号码一致的记录。如有疑问，请到户籍所在地派出所核实。',
  note: '将由市公安局通过数据共享核对您的姓名和身份证号码，记入“数据使用记录”。',
};

export const en: typeof zh = {
  verify: 'Verify against the population register (level 2)',
  verifying: 'Verifying…',
  matched: 'Verified: your name and ID number match the population register; your account is now level 2.',
  mismatch: 'Not verified: the population register has no record matching your name and ID number. Your local police station can check it.',
  note: 'The city public security bureau checks your name and ID number through data sharing; the check appears in your data-use log.',
};
