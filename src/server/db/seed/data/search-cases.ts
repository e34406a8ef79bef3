// Queries people actually type, with the item each must find in the top 3 results. The search
// tests and benchmarks run these against the seeded catalogue; the codes refer to items/*.ts.
import type { SearchCase } from './types.js';

export const searchCases: SearchCase[] = [
  // 开办企业、企业变更和注销
  { query: '营业执照', expect: '000133001000' },
  { query: '开公司', expect: '000133001000' },
  { query: '注册公司', expect: '000133001000' },
  { query: '营业执造', expect: '000133001000' }, // typo: 造 for 照
  { query: 'yyzz', expect: '000133001000' },
  { query: '个体户', expect: '000133002000' },
  { query: '营业执照变更', expect: '000133003000' },
  { query: '注销公司', expect: '000133004000' },
  { query: '简易注销', expect: '000133005000' },
  { query: '食品许可', expect: '000133010000' },
  { query: '开饭店', expect: '000133010000' },
  { query: '开药店', expect: '000133012000' },
  { query: '发票', expect: '002041001000' },
  { query: '项目备案', expect: '001102001000' },
  { query: '施工许可', expect: '000125001000' },
  { query: '环评', expect: '000121001000' },
  { query: '排污许可', expect: '000121002000' },
  { query: '户外广告', expect: '000127001000' },
  { query: '挖路', expect: '000127002000' },
  { query: '道路运输许可', expect: '000123001000' },
  { query: '开养老院', expect: '001114001000' },

  // 社保、就业、医保
  { query: '社保卡', expect: '002012001000' },
  { query: 'sbk', expect: '002012001000' },
  { query: '补办社保卡', expect: '002012002000' },
  { query: '退休', expect: '000712001000' },
  { query: '办退休', expect: '000712001000' },
  { query: '失业金', expect: '000512001000' },
  { query: '工伤', expect: '000712002000' },
  { query: '社保转移', expect: '002012006000' },
  { query: '居民医保', expect: '002049001000' },
  { query: '异地就医', expect: '002049002000' },
  { query: '异地就医备安', expect: '002049002000' }, // typo: 安 for 案
  { query: '医保报销', expect: '000549001000' },
  { query: '生育津贴', expect: '000549002000' },

  // 公积金、不动产、住房
  { query: '公积金提取', expect: '002026001000' },
  { query: '取公积金', expect: '002026001000' },
  { query: 'gjj', expect: '002026001000' },
  { query: '租房提取', expect: '002026002000' },
  { query: '公积金贷款', expect: '002026004000' },
  { query: '不动产登记', expect: '000719002000' },
  { query: '房产证', expect: '000719001000' },
  { query: '过户', expect: '000719002000' },
  { query: '契税', expect: '000441002000' },
  { query: '公租房', expect: '002025001000' },
  { query: '土地纠纷', expect: '000919001000' },

  // 出生、户籍、婚姻、出行
  { query: '生孩子', expect: '002031002000' },
  { query: '出生证明', expect: '002031001000' },
  { query: '上户口', expect: '000704001000' },
  { query: '新生儿落户', expect: '000704001000' },
  { query: '换身份证', expect: '000704002000' },
  { query: '身份证丢了', expect: '000704003000' },
  { query: '无犯罪证明', expect: '002004002000' },
  { query: '结婚', expect: '000714001000' },
  { query: '领结婚证', expect: '000714001000' },
  { query: '离婚', expect: '000714002000' },
  { query: '换驾照', expect: '000104004000' },
  { query: '护照', expect: '000104002000' },
  { query: '网约车司机', expect: '000123004000' },

  // 救助、养老、残疾人、退役军人、教育、法律
  { query: '低保', expect: '000514001000' },
  { query: '高龄补贴', expect: '000514004000' },
  { query: '残疾证', expect: '002063001000' },
  { query: '残疾人补贴', expect: '000514007000' },
  { query: '优待证', expect: '002052001000' },
  { query: '小学报名', expect: '002008001000' },
  { query: '教师资格证', expect: '000108001000' },
  { query: '法律援助', expect: '000515001000' },
  { query: '见义勇为', expect: '000804001000' },
];

/** Queries that must return no item at all. */
export const noResultQueries: string[] = ['xyzzy', '火星移民', '恐龙化石', 'qwertyuiop', '量子纠缠'];
