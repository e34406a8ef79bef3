import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Value } from 'typebox/value';
import { ITEM_TYPES, ItemCreateSchema, type ItemTypeCode } from '../../../../contract/catalog.js';
import { validateCreditCode, validateIdNumber } from '../../../platform/ids.js';
import { domainWords, pinyinAbbreviations, synonyms } from '../../../modules/catalog/lexicon.js';
import { seedDepartments } from './departments.js';
import { GUIDANCE_CODES } from './items/helpers.js';
import { seedItems } from './items/index.js';
import { seedEnterprises, seedPersons, seedStaff } from './people.js';
import { CITY_CODE, PROVINCE_CODE, seedRegions } from './regions.js';
import { noResultQueries, searchCases } from './search-cases.js';
import { seedThemes } from './themes.js';

const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

describe('seed items', () => {
  it('all pass ItemCreateSchema', () => {
    for (const item of seedItems) {
      const errors = Value.Errors(ItemCreateSchema, item).map((e) => `${e.instancePath} ${e.message}`);
      assert.deepEqual(errors, [], `${item.code} ${item.name}`);
      assert.ok(Value.Check(ItemCreateSchema, item), item.code);
    }
  });

  it('number at least 130 and cover every item type', () => {
    assert.ok(seedItems.length >= 130, `only ${seedItems.length} items`);
    for (const type of Object.keys(ITEM_TYPES) as ItemTypeCode[]) {
      assert.ok(seedItems.some((i) => i.type === type), `no item of type ${type}`);
    }
  });

  it('have unique codes laid out as AA TT MMMMM SSS', () => {
    assert.deepEqual(duplicates(seedItems.map((i) => i.code)), []);
    assert.deepEqual(duplicates(seedItems.map((i) => i.name)), []);
    for (const i of seedItems) {
      assert.match(i.code.slice(0, 2), /^(00|41)$/, `${i.code}: AA is 00 (national) or 41 (set by the province)`);
      assert.equal(i.code.slice(2, 4), i.type, `${i.code}: TT is the item type`);
      assert.equal(i.code.slice(4, 6), GUIDANCE_CODES[i.departmentCode], `${i.code}: MM is the department's code`);
      assert.match(i.code.slice(6, 9), /^\d{3}$/, i.code);
      assert.notEqual(i.code.slice(6, 9), '000', i.code);
      assert.equal(i.code.slice(9), '000', `${i.code}: SSS is 000 (no sub-items)`);
    }
  });

  it('refer to existing departments and themes of a matching audience', () => {
    const depts = new Set(seedDepartments.map((d) => d.code));
    const themes = new Map(seedThemes.map((t) => [t.code, t]));
    for (const i of seedItems) {
      assert.ok(depts.has(i.departmentCode), `${i.code}: unknown department ${i.departmentCode}`);
      assert.ok(i.themeCodes.length >= 1, `${i.code}: no theme`);
      for (const code of i.themeCodes) {
        const theme = themes.get(code);
        assert.ok(theme, `${i.code}: unknown theme ${code}`);
        assert.ok(i.audience.includes(theme.audience), `${i.code}: theme ${code} is for ${theme.audience}`);
      }
    }
  });

  it('give every theme at least 3 items', () => {
    for (const t of seedThemes) {
      const n = seedItems.filter((i) => i.themeCodes.includes(t.code)).length;
      assert.ok(n >= 3, `theme ${t.code} has ${n} items`);
    }
  });

  it('follow the depth, visits, fee and time-limit rules', () => {
    for (const i of seedItems) {
      if (i.onlineDepth === 4) assert.equal(i.visits, 0, `${i.code}: 全程网办 needs 0 visits`);
      if (!i.fee.charged) assert.equal(i.onlinePayment, false, `${i.code}: no fee, no online payment`);
      if (i.visits === 0 && i.onlineDepth < 4) assert.equal(i.delivery, true, `${i.code}: 0 visits offline needs delivery`);
      assert.ok(i.promisedLimitDays <= i.legalLimitDays, `${i.code}: promise exceeds the legal limit`);
      assert.equal(i.projectType === 'immediate', i.promisedLimitDays === 0, `${i.code}: 即办件 iff promised 0 days`);
      if (i.fee.charged) assert.ok(i.fee.standard && i.fee.basis, `${i.code}: fee needs standard and basis`);
    }
  });

  it('are fully filled like a real guide', () => {
    for (const i of seedItems) {
      assert.ok(i.aliases.length >= 1, `${i.code}: no aliases`);
      assert.deepEqual(duplicates(i.aliases), [], i.code);
      assert.ok(!i.aliases.includes(i.name), `${i.code}: an alias repeats the name`);
      assert.ok(i.materials.length >= 2 && i.materials.length <= 6, `${i.code}: ${i.materials.length} materials`);
      assert.ok(i.faqs.length >= 1 && i.faqs.length <= 3, `${i.code}: ${i.faqs.length} FAQs`);
      assert.ok(i.process.length >= 2, `${i.code}: process too short`);
      assert.ok(i.summary.length > 0 && i.legalBasis.includes('《'), `${i.code}: summary and legal basis`);
      for (const m of i.materials) {
        if (m.governmentHeld) assert.ok(m.heldBy, `${i.code}: ${m.name} held without heldBy`);
      }
    }
    const held = seedItems.flatMap((i) => i.materials).filter((m) => m.governmentHeld).length;
    assert.ok(held >= 100, `only ${held} materials are held by the government`);
  });
});

describe('seed departments, regions and themes', () => {
  it('have at least 20 departments with valid codes, credit codes and windows', () => {
    assert.ok(seedDepartments.length >= 20);
    assert.deepEqual(duplicates(seedDepartments.map((d) => d.code)), []);
    assert.deepEqual(duplicates(seedDepartments.map((d) => d.creditCode)), []);
    for (const d of seedDepartments) {
      assert.match(d.code, /^[a-z]{2,8}$/);
      assert.deepEqual(validateCreditCode(d.creditCode), { ok: true }, `${d.code} ${d.creditCode}`);
      assert.equal(d.creditCode.slice(2, 8), CITY_CODE, d.code);
      assert.equal(d.regionCode, CITY_CODE);
      assert.match(d.phone, /^0399-6\d{7}$/);
      assert.ok(d.windows.length >= 1 && d.windows.length <= 3, d.code);
      for (const w of d.windows) assert.match(w.phone, /^0399-6\d{7}$/, `${d.code} ${w.name}`);
      assert.ok(d.code in GUIDANCE_CODES, `${d.code} has no guidance code`);
    }
  });

  it('have a region tree whose codes nest by level', () => {
    const byCode = new Map(seedRegions.map((r) => [r.code, r]));
    assert.equal(byCode.size, seedRegions.length, 'unique codes');
    const lengths = { province: 6, city: 6, district: 6, street: 9, community: 12 } as const;
    for (const r of seedRegions) {
      assert.match(r.code, /^\d+$/);
      assert.equal(r.code.length, lengths[r.level], r.code);
      if (r.level === 'province') { assert.equal(r.parentCode, null); continue; }
      const parent = byCode.get(r.parentCode ?? '');
      assert.ok(parent, `${r.code}: parent ${r.parentCode} missing`);
      if (r.level === 'city') assert.equal(r.code.slice(0, 2), parent.code.slice(0, 2));
      if (r.level === 'district') assert.equal(r.code.slice(0, 4), parent.code.slice(0, 4));
      if (r.level === 'street' || r.level === 'community') assert.ok(r.code.startsWith(parent.code), r.code);
    }
    assert.equal(byCode.get(CITY_CODE)?.parentCode, PROVINCE_CODE);
    const districts = seedRegions.filter((r) => r.level === 'district');
    assert.ok(districts.length >= 5);
    for (const d of districts) {
      assert.match(d.code.slice(4), /^(0[1-9]|1[0-8]|[2-7]\d|8[1-9]|9\d)$/, d.code);
      const streets = seedRegions.filter((r) => r.parentCode === d.code).length;
      assert.ok(streets >= 3 && streets <= 5, `${d.code} has ${streets} streets`);
    }
  });

  it('have at least 24 themes with unique codes and real icon names', async () => {
    const icons: Record<string, unknown> = await import('@ant-design/icons');
    assert.ok(seedThemes.length >= 24);
    assert.deepEqual(duplicates(seedThemes.map((t) => t.code)), []);
    for (const t of seedThemes) {
      assert.match(t.code, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(icons[t.icon], `${t.code}: no icon ${t.icon}`);
    }
    assert.ok(seedThemes.some((t) => t.audience === 'enterprise'));
  });
});

describe('seed people', () => {
  const districtCodes = new Set(seedRegions.filter((r) => r.level === 'district').map((r) => r.code));

  it('have valid ID numbers from the demo city that match birth date and sex', () => {
    assert.deepEqual(duplicates(seedPersons.map((p) => p.username)), []);
    assert.deepEqual(duplicates(seedPersons.map((p) => p.idNumber)), []);
    for (const p of seedPersons) {
      const r = validateIdNumber(p.idNumber);
      assert.ok(r.ok, `${p.username}: ${JSON.stringify(r)}`);
      assert.equal(r.birthDate, p.birthDate, p.username);
      assert.equal(r.sex, p.sex, p.username);
      assert.ok(districtCodes.has(r.regionCode), `${p.username}: region ${r.regionCode}`);
      assert.match(p.mobile, /^1[3-9]\d{9}$/);
    }
    for (const u of ['citizen1', 'citizen2', 'company1']) assert.ok(seedPersons.some((p) => p.username === u), u);
  });

  it('have enterprises with valid credit codes whose people exist', () => {
    const usernames = new Set(seedPersons.map((p) => p.username));
    for (const e of seedEnterprises) {
      assert.deepEqual(validateCreditCode(e.creditCode), { ok: true }, e.name);
      assert.ok(usernames.has(e.legalRepresentative), e.name);
      for (const a of e.agents) assert.ok(usernames.has(a), `${e.name}: agent ${a}`);
    }
    assert.match(seedEnterprises[0].creditCode, new RegExp(`^91${CITY_CODE}`));
    assert.deepEqual(seedEnterprises[0].agents, ['company1']);
  });

  it('have staff in existing departments', () => {
    const depts = new Set(seedDepartments.map((d) => d.code));
    const all = [...seedPersons.map((p) => p.username), ...seedStaff.map((s) => s.username)];
    assert.deepEqual(duplicates(all), []);
    for (const s of seedStaff) if (s.departmentCode) assert.ok(depts.has(s.departmentCode), s.username);
    for (const u of ['clerk1', 'operator1', 'auditor1']) assert.ok(seedStaff.some((s) => s.username === u), u);
  });
});

describe('search cases and lexicon', () => {
  it('expect items that exist', () => {
    const codes = new Set(seedItems.map((i) => i.code));
    assert.ok(searchCases.length >= 40);
    assert.ok(noResultQueries.length >= 5);
    assert.deepEqual(duplicates(searchCases.map((c) => c.query)), []);
    for (const c of searchCases) assert.ok(codes.has(c.expect), `${c.query} → ${c.expect}`);
  });

  it('has a domain dictionary and synonym groups', () => {
    assert.ok(domainWords.length >= 140);
    assert.deepEqual(duplicates(domainWords), []);
    assert.ok(synonyms.length >= 70);
    for (const g of synonyms) assert.ok(g.length >= 2 && new Set(g).size === g.length, g.join('/'));
    for (const [abbr, word] of Object.entries(pinyinAbbreviations)) {
      assert.match(abbr, /^[a-z]+$/);
      assert.ok(word.length >= 2);
    }
  });
});
