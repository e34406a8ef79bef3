// Identity numbers: 公民身份号码 (GB 11643) and 统一社会信用代码 (GB 32100 with the GB 11714 check).
// Pure functions only; never logs, stores or normalises the values it is given (callers uppercase first).

/** Province-level prefixes of GB/T 2260 (the first two digits of a region code). */
export const PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

// ---------------------------------------------------------------------------------------------
// GB 11643-1999 公民身份号码

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';
const ID_PATTERN = /^\d{17}[\dX]$/;

export type IdNumberResult =
  | { ok: true; birthDate: string; sex: 'M' | 'F'; regionCode: string }
  | { ok: false; reason: 'FORMAT' | 'PROVINCE' | 'BIRTH_DATE' | 'CHECK_DIGIT' };

/** ISO 7064 MOD 11-2 check character for the first 17 digits of an ID number. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCheckChar expects exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

// built once: constructing an Intl.DateTimeFormat costs far more than formatting with it (5 % of
// the server's CPU under submission load when every ID number check built its own)
const CHINA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date as YYYYMMDD in Asia/Shanghai, where the numbers are issued. */
function todayInChina(now: Date): string {
  const parts = CHINA_DATE.formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}${get('month')}${get('day')}`;
}

function isCalendarDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1800 || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this month; UTC avoids DST surprises.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/**
 * Validates an 18-character 公民身份号码. Uppercase `X` is the only letter allowed, and only last.
 * Dates before 1900 are valid (the standard's own example is born in 1880).
 */
export function validateIdNumber(s: string, options: { now?: Date } = {}): IdNumberResult {
  if (typeof s !== 'string' || !ID_PATTERN.test(s)) return { ok: false, reason: 'FORMAT' };
  if (!PROVINCE_PREFIXES.has(s.slice(0, 2))) return { ok: false, reason: 'PROVINCE' };
  const birth = s.slice(6, 14);
  if (!isCalendarDate(birth) || birth > todayInChina(options.now ?? new Date())) {
    return { ok: false, reason: 'BIRTH_DATE' };
  }
  if (idCheckChar(s.slice(0, 17)) !== s[17]) return { ok: false, reason: 'CHECK_DIGIT' };
  return {
    ok: true,
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    sex: Number(s[16]) % 2 === 1 ? 'M' : 'F',
    regionCode: s.slice(0, 6),
  };
}

// ---------------------------------------------------------------------------------------------
// GB 32100-2015 统一社会信用代码 and GB 11714-1997 组织机构代码

/** The 31 characters of GB 32100, in value order: no I, O, Z, S or V. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);
const CREDIT_PATTERN = /^[0-9A-HJ-NPQRTUW-Y]{2}\d{6}[0-9A-HJ-NPQRTUW-Y]{10}$/;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type CreditCodeResult = { ok: true } | { ok: false; reason: 'FORMAT' | 'ORG_CODE_CHECK' | 'CHECK_CODE' };

/** GB 32100 check character (position 18) for the first 17 characters. */
export function creditCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('creditCheckChar expects 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`character "${first17[i]}" is not in the GB 32100 alphabet`);
    sum += value * CREDIT_WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** GB 11714 check character for an 8-character organisation code body (digits 0–9, letters A–Z = 10–35). */
export function orgCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError('orgCodeCheckChar expects 8 characters 0-9 A-Z');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i], 36) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * Validates an 18-character 统一社会信用代码: alphabet and layout, the organisation-code check at
 * position 17, then the check code at position 18. Only the uppercase canonical form is valid.
 */
export function validateCreditCode(s: string): CreditCodeResult {
  if (typeof s !== 'string' || !CREDIT_PATTERN.test(s)) return { ok: false, reason: 'FORMAT' };
  if (orgCodeCheckChar(s.slice(8, 16)) !== s[16]) return { ok: false, reason: 'ORG_CODE_CHECK' };
  if (creditCheckChar(s.slice(0, 17)) !== s[17]) return { ok: false, reason: 'CHECK_CODE' };
  return { ok: true };
}
