import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  creditCheckChar, idCheckChar, orgCodeCheckChar, validateCreditCode, validateIdNumber,
} from './ids.js';

/** Builds a number with a correct check digit, so a test isolates the rule it is about. */
const withCheck = (first17: string) => first17 + idCheckChar(first17);
const now = new Date('2025-06-01T12:00:00+08:00');

describe('validateIdNumber (GB 11643)', () => {
  it('accepts the standard example 11010519491231002X and reads birth date, sex and region', () => {
    assert.deepEqual(validateIdNumber('11010519491231002X'), {
      ok: true, birthDate: '1949-12-31', sex: 'F', regionCode: '110105',
    });
  });

  it('accepts a person born before 1900 (440524188001010014)', () => {
    assert.deepEqual(validateIdNumber('440524188001010014'), {
      ok: true, birthDate: '1880-01-01', sex: 'M', regionCode: '440524',
    });
  });

  it('computes the MOD 11-2 check character', () => {
    assert.equal(idCheckChar('11010519491231002'), 'X');
    assert.equal(idCheckChar('44052418800101001'), '4');
    assert.throws(() => idCheckChar('1101051949123100'), RangeError);
  });

  it('rejects a wrong check digit', () => {
    assert.deepEqual(validateIdNumber('110105194912310021'), { ok: false, reason: 'CHECK_DIGIT' });
    assert.deepEqual(validateIdNumber('440524188001010015'), { ok: false, reason: 'CHECK_DIGIT' });
  });

  it('rejects a date that is not on the calendar (1999-02-30)', () => {
    assert.deepEqual(validateIdNumber(withCheck('11010519990230001')), { ok: false, reason: 'BIRTH_DATE' });
    assert.deepEqual(validateIdNumber(withCheck('11010519991301001')), { ok: false, reason: 'BIRTH_DATE' });
    assert.deepEqual(validateIdNumber(withCheck('11010519990100001')), { ok: false, reason: 'BIRTH_DATE' });
  });

  it('accepts 29 February only in leap years', () => {
    assert.equal(validateIdNumber(withCheck('11010520000229001'), { now }).ok, true);
    assert.deepEqual(validateIdNumber(withCheck('11010519000229001')), { ok: false, reason: 'BIRTH_DATE' });
  });

  it('rejects a birth date in the future', () => {
    assert.deepEqual(validateIdNumber(withCheck('11010520250602001'), { now }), { ok: false, reason: 'BIRTH_DATE' });
    assert.equal(validateIdNumber(withCheck('11010520250601001'), { now }).ok, true);
    assert.deepEqual(validateIdNumber(withCheck('11010520990101001')), { ok: false, reason: 'BIRTH_DATE' });
  });

  it('rejects an unknown province prefix', () => {
    assert.deepEqual(validateIdNumber(withCheck('99010519491231002')), { ok: false, reason: 'PROVINCE' });
    assert.deepEqual(validateIdNumber(withCheck('10010519491231002')), { ok: false, reason: 'PROVINCE' });
  });

  it('rejects lowercase x, a letter before the last place, and wrong lengths', () => {
    for (const s of ['11010519491231002x', '1101051949123100X2', '11010519491231002', '11010519491231002XX', '', ' 11010519491231002X']) {
      assert.deepEqual(validateIdNumber(s), { ok: false, reason: 'FORMAT' }, s);
    }
  });
});

describe('validateCreditCode (GB 32100 + GB 11714)', () => {
  it('accepts real government codes that pass both checks', () => {
    assert.deepEqual(validateCreditCode('11100000MB0341032Y'), { ok: true });
    assert.deepEqual(validateCreditCode('12441500196720244T'), { ok: true });
  });

  it('computes both check characters', () => {
    assert.equal(orgCodeCheckChar('MB034103'), '2');
    assert.equal(orgCodeCheckChar('19672024'), '4');
    assert.equal(creditCheckChar('11100000MB0341032'), 'Y');
    assert.equal(creditCheckChar('12441500196720244'), 'T');
  });

  it('maps an organisation check of 10 to X and 11 to 0', () => {
    assert.equal(orgCodeCheckChar('40000000'), 'X'); // 4×3 = 12, 12 mod 11 = 1, 11 − 1 = 10
    assert.equal(orgCodeCheckChar('00000000'), '0');
  });

  it('rejects an altered check code (position 18)', () => {
    assert.deepEqual(validateCreditCode('11100000MB0341032X'), { ok: false, reason: 'CHECK_CODE' });
    assert.deepEqual(validateCreditCode('12441500196720244U'), { ok: false, reason: 'CHECK_CODE' });
  });

  it('rejects an altered organisation check (position 17), even when position 18 is recomputed', () => {
    assert.deepEqual(validateCreditCode('11100000MB0341033Y'), { ok: false, reason: 'ORG_CODE_CHECK' });
    const first17 = '11100000MB0341033';
    assert.deepEqual(validateCreditCode(first17 + creditCheckChar(first17)), { ok: false, reason: 'ORG_CODE_CHECK' });
  });

  it('rejects the letters I, O, Z, S, V and lowercase', () => {
    for (const s of ['11100000MI0341032Y', '11100000MO0341032Y', '11100000MZ0341032Y', '11100000MS0341032Y',
      '11100000MV0341032Y', '11100000mb0341032y', '11100000mb0341032Y']) {
      assert.deepEqual(validateCreditCode(s), { ok: false, reason: 'FORMAT' }, s);
    }
  });

  it('rejects wrong lengths and a non-numeric region code', () => {
    for (const s of ['11100000MB0341032', '11100000MB0341032YY', '', '11A00000MB0341032Y']) {
      assert.deepEqual(validateCreditCode(s), { ok: false, reason: 'FORMAT' }, s);
    }
  });
});
