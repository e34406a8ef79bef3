// Pure input rules of the identity module: text normalisation, the password policy, the mobile
// format and messages for invalid identifiers. No I/O; the service turns results into errors.
import type { FieldError } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import type { CreditCodeResult, IdNumberResult } from '../../platform/ids.js';

type Localised = { zh: string; en: string };

// C0/C1 controls, line/paragraph separators and bidirectional overrides (which can disguise text)
const CONTROL = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** Trim and NFC-normalise free text; markup is kept verbatim (it is data, never executed). */
export function cleanText(value: string): string {
  return value.normalize('NFC').trim();
}

export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}

/** Field errors for cleaned text fields: control characters, or empty/too short after trimming. */
export function textFieldErrors(fields: { path: string; value: string | undefined; min?: number }[], lang: Lang): FieldError[] {
  const out: FieldError[] = [];
  for (const { path, value, min = 0 } of fields) {
    if (value === undefined) continue;
    if (hasControlCharacters(value)) {
      out.push({ path, code: 'CONTROL_CHARACTERS', message: lang === 'zh' ? '不能包含控制字符' : 'Must not contain control characters' });
    } else if (Array.from(value).length < min) {
      out.push({ path, code: 'MIN_LENGTH', message: lang === 'zh' ? `去除首尾空格后至少 ${min} 个字符` : `At least ${min} characters after trimming spaces` });
    }
  }
  return out;
}

// the contract's MobileSchema; the column holds ciphertext, so this is the only format check
const MOBILE = /^1[3-9][0-9]{9}$/;

/** A mainland mobile number: 11 digits starting 13–19. */
export const isMobileNumber = (value: string) => MOBILE.test(value);
export const MOBILE_FORMAT: Localised = { zh: '请输入正确的 11 位手机号码', en: 'A mainland mobile number has 11 digits and starts with 13–19' };

/** Canonical form of a typed ID number or credit code: trimmed, uppercase (x → X). */
export function canonicalCode(value: string): string {
  return value.trim().toUpperCase();
}

const PASSWORD_RULES: { code: string; zh: string; en: string; fails: (pw: string, username: string) => boolean }[] = [
  { code: 'TOO_SHORT', zh: '至少 8 个字符', en: 'at least 8 characters', fails: (pw) => Array.from(pw).length < 8 },
  {
    code: 'TOO_FEW_CLASSES', zh: '至少包含小写字母、大写字母、数字、符号中的 3 类', en: 'at least 3 of: lowercase, uppercase, digits, symbols',
    fails: (pw) => [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length < 3,
  },
  {
    code: 'CONTAINS_USERNAME', zh: '不能包含用户名', en: 'must not contain the username',
    fails: (pw, username) => username.length > 0 && pw.toLowerCase().includes(username.toLowerCase()),
  },
];

/** The password policy: empty when the password is acceptable. */
export function passwordProblems(password: string, username: string): { code: string; zh: string; en: string }[] {
  return PASSWORD_RULES.filter((r) => r.fails(password, username)).map(({ code, zh, en }) => ({ code, zh, en }));
}

export function passwordDetail(problems: { zh: string; en: string }[]): Localised {
  return {
    zh: `密码需要满足：${problems.map((p) => p.zh).join('；')}`,
    en: `The password needs ${problems.map((p) => p.en).join('; ')}`,
  };
}

type IdReason = Extract<IdNumberResult, { ok: false }>['reason'];
const ID_REASONS: Record<IdReason, Localised> = {
  FORMAT: { zh: '身份证号码应为 18 位，前 17 位为数字，最后一位为数字或 X', en: 'An ID number has 18 characters: 17 digits, then a digit or X' },
  PROVINCE: { zh: '身份证号码的前两位不是有效的省级行政区划代码', en: 'The first two digits are not a valid province code' },
  BIRTH_DATE: { zh: '身份证号码中的出生日期不是有效日期或晚于今天', en: 'The birth date in the ID number is not a real date or lies in the future' },
  CHECK_DIGIT: { zh: '身份证号码校验码不正确，请核对是否输错', en: 'The check digit does not match; please check for a typing error' },
};
export const idNumberDetail = (reason: IdReason): Localised => ID_REASONS[reason];

type CreditReason = Extract<CreditCodeResult, { ok: false }>['reason'];
const CREDIT_REASONS: Record<CreditReason, Localised> = {
  FORMAT: { zh: '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）', en: 'A credit code has 18 digits or capital letters (no I, O, Z, S or V)' },
  ORG_CODE_CHECK: { zh: '统一社会信用代码第 17 位（组织机构代码校验码）不正确', en: 'Character 17 (the organisation code check) does not match' },
  CHECK_CODE: { zh: '统一社会信用代码校验码（第 18 位）不正确', en: 'The check character (position 18) does not match' },
};
export const creditCodeDetail = (reason: CreditReason): Localised => CREDIT_REASONS[reason];

/** One field error carrying the localised detail, so forms can show it beside the field. */
export const fieldError = (path: string, code: string, detail: Localised, lang: Lang): FieldError => ({ path, code, message: detail[lang] });
