// The fictional demo city 青川市 (419900) under the real province prefix 41 (河南省). The prefecture
// digits 99 are assigned to no real city, so the codes cannot collide with real GB/T 2260 entries.
import type { SeedRegion } from './types.js';

export const PROVINCE_CODE = '410000';
export const CITY_CODE = '419900';
export const CITY_NAME = '青川市';

const province = (code: string, name: string): SeedRegion => ({ code, name, level: 'province', parentCode: null });
const city = (code: string, name: string): SeedRegion => ({ code, name, level: 'city', parentCode: PROVINCE_CODE });
const district = (code: string, name: string): SeedRegion => ({ code, name, level: 'district', parentCode: CITY_CODE });
const street = (code: string, name: string): SeedRegion => ({ code, name, level: 'street', parentCode: code.slice(0, 6) });
const community = (code: string, name: string): SeedRegion => ({ code, name, level: 'community', parentCode: code.slice(0, 9) });

/** Districts: 01–18 市辖区, 21+ 县, 81+ 县级市 (GB/T 2260 county digits). */
export const DISTRICTS = {
  qingyuan: '419902',
  yunqi: '419903',
  linjiang: '419904',
  qingshan: '419921',
  tongxi: '419922',
  fengyuan: '419981',
} as const;

export const seedRegions: SeedRegion[] = [
  province(PROVINCE_CODE, '河南省'),
  city(CITY_CODE, CITY_NAME),

  district(DISTRICTS.qingyuan, '清源区'),
  district(DISTRICTS.yunqi, '云栖区'),
  district(DISTRICTS.linjiang, '临江区'),
  district(DISTRICTS.qingshan, '青山县'),
  district(DISTRICTS.tongxi, '桐溪县'),
  district(DISTRICTS.fengyuan, '丰源市'),

  // 清源区: the old town and seat of the city government (市民中心).
  street('419902001', '人民路街道'),
  street('419902002', '文昌街道'),
  street('419902003', '西关街道'),
  street('419902004', '北园街道'),
  community('419902001001', '府前社区'),
  community('419902001002', '东门社区'),
  community('419902001003', '人民路社区'),

  // 云栖区: the new district around the software park.
  street('419903001', '云栖街道'),
  street('419903002', '科创街道'),
  street('419903003', '湖滨街道'),
  community('419903001001', '云栖社区'),
  community('419903001002', '梧桐社区'),
  community('419903001003', '金湖社区'),

  // 临江区: riverside port and industry.
  street('419904001', '江滨街道'),
  street('419904002', '望江街道'),
  street('419904003', '船厂街道'),
  street('419904101', '临江镇'),

  // 青山县
  street('419921001', '城关街道'),
  street('419921101', '石湾镇'),
  street('419921102', '松岭镇'),
  street('419921201', '白云乡'),

  // 桐溪县
  street('419922001', '桐城街道'),
  street('419922101', '溪口镇'),
  street('419922102', '三河镇'),

  // 丰源市 (county-level city)
  street('419981001', '丰源街道'),
  street('419981002', '北关街道'),
  street('419981101', '新集镇'),
  street('419981102', '马坊镇'),
];
