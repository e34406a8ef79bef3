// Shared set-up of the catalogue tests: the demo city's catalogue, one operator and one citizen
// with real sessions, and a valid item draft to vary.
import type { ItemDraft } from '../../../contract/catalog.js';
import type { Config } from '../../config.js';
import { demoCatalog } from '../../db/seed/index.js';
import { Client, startTestApp, type TestContext } from '../../test/harness.js';
import { demoClients } from '../../test/accounts.js';
import { seedCatalog } from './seed.js';

export interface CatalogContext extends TestContext {
  anonymous: Client;
  operator: Client;
  citizen: Client;
}

export { demoCatalog };

/** A test app with the demo catalogue, and logged-in operator and citizen clients. */
export async function startCatalogApp(overrides: Partial<Config> = {}): Promise<CatalogContext> {
  const t = await startTestApp(overrides);
  await seedCatalog(t.db, demoCatalog());
  const { operator1, citizen1 } = await demoClients(t, ['operator1', 'citizen1']);
  return { ...t, anonymous: new Client(t.app), operator: operator1, citizen: citizen1 };
}

/** A complete, rule-abiding draft of a fictional item. */
export function sampleDraft(overrides: Partial<ItemDraft> = {}): ItemDraft {
  return {
    name: '犬只登记', aliases: ['养狗登记', '办狗证'], type: '07', audience: ['person'], departmentCode: 'cgj', useLevel: 3,
    themeCodes: ['household'], summary: '在城市建成区饲养犬只的，应当为犬只办理登记，领取犬只登记证和犬牌。',
    legalBasis: '《青川市养犬管理条例》第十条', acceptanceConditions: '1. 犬只已接种狂犬病疫苗；2. 饲养人具有完全民事行为能力。',
    materials: [
      { name: '犬只狂犬病免疫证明', required: true, form: 'original', originals: 1, copies: 0, sourceType: 'intermediary', issuer: '动物诊疗机构', governmentHeld: false, requirement: '一年内有效' },
      { name: '饲养人居民身份证', required: true, form: 'electronic', originals: 0, copies: 0, sourceType: 'government', governmentHeld: true, heldBy: '居民身份证（电子证照）' },
    ],
    legalLimitDays: 10, promisedLimitDays: 3, projectType: 'commitment',
    fee: { charged: false, standard: '不收费' },
    process: ['在线申请', '审核', '领取犬牌'], handlingPlace: '青川市市民中心一楼', handlingHours: '周一至周五 9:00-17:00',
    consultation: { phone: '0399-63193190', channels: '12345热线' }, complaint: { phone: '12345', channels: '12345热线' },
    visits: 0, onlineDepth: 4, appointment: false, delivery: true, onlinePayment: false, handleArea: 'city',
    resultName: '犬只登记证', resultType: 'licence', faqs: [{ question: '犬牌丢了怎么办？', answer: '在线申请补领。' }],
    ...overrides,
  };
}

export { problemOf } from '../../test/accounts.js';
