// Departments (实施主体) of the fictional 青川市 government, each with its service windows.
// Credit codes are invented but pass GB 32100 and GB 11714 (11 = 机关, 12 = 事业单位, 13 = 群众团体).
import { CITY_CODE } from './regions.js';
import type { SeedDepartment, SeedWindow } from './types.js';

export const OFFICE_HOURS = '周一至周五 9:00-12:00，13:30-17:30（法定节假日除外）';
export const EXTENDED_HOURS = '周一至周五 9:00-12:00，13:30-17:30；周六 9:00-12:00（延时服务，法定节假日除外）';

/** The city's main service hall. */
export const CIVIC_CENTER = '青川市市民中心';
const CIVIC_CENTER_ADDRESS = '青川市清源区人民大道188号';

const hall = (zone: string, phone: string, hours = OFFICE_HOURS): SeedWindow => ({
  name: `${CIVIC_CENTER}${zone}`,
  address: `${CIVIC_CENTER_ADDRESS}${CIVIC_CENTER}${zone}`,
  hours,
  phone,
});

const BRANCHES = {
  yunqi: ['云栖区政务服务中心', '青川市云栖区科创大道66号云栖区政务服务中心'],
  linjiang: ['临江区政务服务中心', '青川市临江区滨江路120号临江区政务服务中心'],
  qingshan: ['青山县政务服务中心', '青川市青山县城关街道青山大道18号'],
  tongxi: ['桐溪县政务服务中心', '青川市桐溪县桐城街道文化路9号'],
  fengyuan: ['丰源市政务服务中心', '青川市丰源市丰源街道迎宾大道201号'],
} as const;

const branch = (where: keyof typeof BRANCHES, counter: string, phone: string, hours = OFFICE_HOURS): SeedWindow => ({
  name: `${BRANCHES[where][0]}${counter}`,
  address: BRANCHES[where][1],
  hours,
  phone,
});

const dept = (d: Omit<SeedDepartment, 'regionCode'>): SeedDepartment => ({ ...d, regionCode: CITY_CODE });

export const seedDepartments: SeedDepartment[] = [
  dept({
    code: 'gaj', name: '青川市公安局', shortName: '市公安局', creditCode: '11419900006930217E', phone: '0399-61101100',
    description: '负责户籍管理、居民身份证、出入境证件、机动车和驾驶人管理等公安行政管理与服务。',
    windows: [
      hall('二楼B区 户政窗口（21-26号）', '0399-61101210', EXTENDED_HOURS),
      { name: '青川市公安局出入境接待大厅', address: '青川市清源区文昌路35号', hours: EXTENDED_HOURS, phone: '0399-61101350' },
      { name: '青川市公安局交通警察支队车辆管理所', address: '青川市临江区江滨大道998号', hours: EXTENDED_HOURS, phone: '0399-61101220' },
    ],
  }),
  dept({
    code: 'scjg', name: '青川市市场监督管理局', shortName: '市市场监管局', creditCode: '11419900MB1A730248', phone: '0399-62315000',
    description: '负责市场主体登记注册、食品药品经营许可、特种设备和计量监督、知识产权保护等工作。',
    windows: [
      hall('一楼A区 企业开办专区（1-12号）', '0399-62315010'),
      branch('yunqi', '市场监管窗口', '0399-62315020'),
      branch('fengyuan', '市场监管窗口', '0399-62315030'),
    ],
  }),
  dept({
    code: 'rsj', name: '青川市人力资源和社会保障局', shortName: '市人社局', creditCode: '114199000069304871', phone: '0399-63123330',
    description: '负责就业创业服务、社会保险经办、社会保障卡服务、劳动关系和人力资源市场管理。',
    windows: [
      hall('三楼A区 人社综合窗口（31-40号）', '0399-63123000'),
      branch('linjiang', '人社服务窗口', '0399-63123010'),
      branch('qingshan', '人社服务窗口', '0399-63123020'),
    ],
  }),
  dept({
    code: 'ybj', name: '青川市医疗保障局', shortName: '市医保局', creditCode: '11419900MB1B58108F', phone: '0399-63181000',
    description: '负责基本医疗保险、生育保险参保缴费、待遇支付、异地就医和医疗救助经办服务。',
    windows: [
      hall('三楼B区 医保窗口（41-46号）', '0399-63181010'),
      branch('tongxi', '医保窗口', '0399-63181020'),
    ],
  }),
  dept({
    code: 'gjj', name: '青川市住房公积金管理中心', shortName: '市公积金中心', creditCode: '12419900496180278N', phone: '0399-63123290',
    description: '负责住房公积金归集、提取、个人住房贷款及缴存单位和职工账户管理。',
    windows: [
      hall('三楼C区 公积金窗口（47-52号）', '0399-63123300'),
      { name: '青川市住房公积金管理中心云栖服务部', address: '青川市云栖区湖滨路28号', hours: OFFICE_HOURS, phone: '0399-63123310' },
    ],
  }),
  dept({
    code: 'zrzy', name: '青川市自然资源和规划局（青川市不动产登记中心）', shortName: '市自然资源和规划局', creditCode: '11419900MB1B296493', phone: '0399-64012000',
    description: '负责国土空间规划、用地和工程规划许可、不动产统一登记、林木林地和土地权属争议调处。',
    windows: [
      hall('四楼 不动产登记专区（61-72号）', '0399-64012010'),
      hall('四楼 工程建设项目审批专区（73-76号）', '0399-64012020'),
      branch('fengyuan', '不动产登记窗口', '0399-64012030'),
    ],
  }),
  dept({
    code: 'jtj', name: '青川市交通运输局', shortName: '市交通运输局', creditCode: '114199000069306478', phone: '0399-65221000',
    description: '负责道路运输经营许可、出租汽车和网约车管理、公路路政许可等交通运输行政管理。',
    windows: [hall('二楼C区 交通运输窗口（27-29号）', '0399-65221010')],
  }),
  dept({
    code: 'wjw', name: '青川市卫生健康委员会', shortName: '市卫生健康委', creditCode: '11419900MB1A94538Q', phone: '0399-66091200',
    description: '负责医疗机构和医护人员执业管理、公共场所卫生许可、出生医学证明和生育服务管理。',
    windows: [
      hall('二楼D区 卫生健康窗口（30号）', '0399-66091210'),
      { name: '青川市妇幼保健院出生医学证明办理窗口', address: '青川市清源区健康路16号门诊楼一楼', hours: OFFICE_HOURS, phone: '0399-66091220' },
    ],
  }),
  dept({
    code: 'mzj', name: '青川市民政局', shortName: '市民政局', creditCode: '11419900006930727U', phone: '0399-62362000',
    description: '负责婚姻和收养登记、社会救助、养老服务、社会组织登记和殡葬管理服务。',
    windows: [
      { name: '青川市婚姻登记处', address: '青川市清源区北园路58号', hours: '周一至周五 9:00-12:00，13:30-17:30；5月20日、七夕等特殊日期另行公告（法定节假日除外）', phone: '0399-62362010' },
      hall('三楼D区 民政窗口（53-55号）', '0399-62362020'),
      branch('qingshan', '社会救助窗口', '0399-62362030'),
    ],
  }),
  dept({
    code: 'jyj', name: '青川市教育局', shortName: '市教育局', creditCode: '11419900006930137T', phone: '0399-62571000',
    description: '负责义务教育招生入学、教师资格认定、民办教育和校外培训机构管理、学生资助等工作。',
    windows: [hall('二楼E区 教育窗口（31-32号）', '0399-62571010')],
  }),
  dept({
    code: 'swj', name: '国家税务总局青川市税务局', shortName: '市税务局', creditCode: '11419900MB1C02877U', phone: '0399-62123660',
    description: '负责税收征收管理、纳税服务、发票管理以及社会保险费和有关非税收入征收。',
    windows: [
      hall('一楼B区 税务综合窗口（13-24号）', '0399-62123670'),
      branch('yunqi', '税务窗口', '0399-62123680'),
      branch('linjiang', '税务窗口', '0399-62123690'),
    ],
  }),
  dept({
    code: 'sthj', name: '青川市生态环境局', shortName: '市生态环境局', creditCode: '11419900MB1A81366W', phone: '0399-67123690',
    description: '负责建设项目环境影响评价审批、排污许可、生态环境监督和举报受理。',
    windows: [hall('四楼 工程建设项目审批专区（77号）', '0399-67123700')],
  }),
  dept({
    code: 'cgj', name: '青川市城市管理局', shortName: '市城管局', creditCode: '11419900MB1B07458P', phone: '0399-63193190',
    description: '负责市容环境、户外广告、城市道路和排水设施、建筑垃圾处置等城市管理许可事项。',
    windows: [hall('四楼 工程建设项目审批专区（78-79号）', '0399-63193200')],
  }),
  dept({
    code: 'wlj', name: '青川市文化广电和旅游局', shortName: '市文广旅局', creditCode: '11419900MB1A662117', phone: '0399-62881000',
    description: '负责文化市场、演出和娱乐场所、旅行社及公共文化服务管理。',
    windows: [hall('二楼F区 文旅窗口（33号）', '0399-62881010')],
  }),
  dept({
    code: 'zjj', name: '青川市住房和城乡建设局', shortName: '市住建局', creditCode: '11419900006930997E', phone: '0399-62671000',
    description: '负责建筑工程施工许可、房地产市场和住房保障管理、建设工程竣工验收备案等工作。',
    windows: [
      hall('四楼 工程建设项目审批专区（80-83号）', '0399-62671010'),
      hall('三楼D区 住房保障窗口（56号）', '0399-62671020'),
    ],
  }),
  dept({
    code: 'clh', name: '青川市残疾人联合会', shortName: '市残联', creditCode: '134199004961811583', phone: '0399-62551000',
    description: '负责残疾人证办理、康复和辅助器具服务、残疾人就业和权益维护。',
    windows: [
      hall('三楼D区 残疾人服务窗口（57号）', '0399-62551010'),
      branch('tongxi', '残联窗口', '0399-62551020'),
    ],
  }),
  dept({
    code: 'tyjr', name: '青川市退役军人事务局', shortName: '市退役军人事务局', creditCode: '11419900MB1B84373W', phone: '0399-62851000',
    description: '负责退役军人移交安置、优待抚恤、褒扬纪念和退役军人服务保障。',
    windows: [hall('三楼D区 退役军人服务窗口（58号）', '0399-62851010')],
  }),
  dept({
    code: 'sfj', name: '青川市司法局', shortName: '市司法局', creditCode: '11419900006930567L', phone: '0399-62163480',
    description: '负责法律援助、人民调解、公证和基层法律服务管理，统筹公共法律服务体系建设。',
    windows: [
      { name: '青川市公共法律服务中心', address: '青川市清源区西关大街76号', hours: OFFICE_HOURS, phone: '0399-62163490' },
      hall('二楼G区 公共法律服务窗口（34号）', '0399-62163500'),
    ],
  }),
  dept({
    code: 'sjj', name: '青川市数据资源管理局', shortName: '市数据局', creditCode: '11419900MB1C35900H', phone: '0399-63123450',
    description: '负责一网通办平台建设运营、政务服务事项管理、政务数据共享和公共数据开放，管理市民中心。',
    windows: [hall('一楼 综合服务台（帮办代办）', '0399-63123460')],
  }),
  dept({
    code: 'yjj', name: '青川市应急管理局', shortName: '市应急管理局', creditCode: '11419900MB1B40725Q', phone: '0399-63501190',
    description: '负责危险化学品和烟花爆竹经营许可、安全生产监督和应急预案管理。',
    windows: [hall('二楼H区 应急管理窗口（35号）', '0399-63501200')],
  }),
  dept({
    code: 'nyj', name: '青川市农业农村局', shortName: '市农业农村局', creditCode: '1141990000693105XJ', phone: '0399-62731000',
    description: '负责农药兽药和种子经营许可、动物防疫、农业机械管理和惠农补贴。',
    windows: [
      hall('二楼H区 农业农村窗口（36号）', '0399-62731010'),
      branch('qingshan', '农业农村窗口', '0399-62731020'),
    ],
  }),
  dept({
    code: 'swuj', name: '青川市商务局', shortName: '市商务局', creditCode: '11419900MB1A531894', phone: '0399-62261000',
    description: '负责商贸流通、单用途商业预付卡、再生资源回收和二手车流通等行业管理。',
    windows: [hall('二楼H区 商务窗口（37号）', '0399-62261010')],
  }),
  dept({
    code: 'fgw', name: '青川市发展和改革委员会', shortName: '市发展改革委', creditCode: '114199000069300577', phone: '0399-62112000',
    description: '负责企业投资项目核准和备案、固定资产投资项目节能审查及价格管理。',
    windows: [hall('四楼 工程建设项目审批专区（84号）', '0399-62112010')],
  }),
  dept({
    code: 'czj', name: '青川市财政局', shortName: '市财政局', creditCode: '11419900006930305W', phone: '0399-62131000',
    description: '负责财政预算和政府采购监督管理、代理记账机构审批及会计管理。',
    windows: [hall('二楼H区 财政窗口（38号）', '0399-62131010')],
  }),
];
