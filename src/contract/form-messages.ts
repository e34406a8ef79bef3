// Messages about an applicant's form values, named after the field's label, in both languages.
// The server's validator and the web form renderer both use them, so an error reads the same
// whether the browser or the server found it.

type Params = Record<string, unknown>;
type Localised = { zh: string; en: string };

/** Messages about a value, keyed by error code; `label` is the field's label in that language. */
export const valueMessages: Record<string, (label: string, p: Params) => Localised> = {
  REQUIRED: (l) => ({ zh: `请填写「${l}」`, en: `${l} is required` }),
  TYPE: (l) => ({ zh: `「${l}」的类型不正确`, en: `${l} has the wrong type` }),
  ENUM: (l) => ({ zh: `「${l}」不是可选的值`, en: `${l} is not one of the choices` }),
  PATTERN: (l) => ({ zh: `「${l}」格式不正确`, en: `${l} has an invalid format` }),
  MOBILE_INVALID: (l) => ({ zh: `「${l}」应为 11 位手机号码`, en: `${l} must be an 11-digit mobile number` }),
  ID_NUMBER_INVALID: (l) => ({ zh: `「${l}」不是有效的公民身份号码`, en: `${l} is not a valid ID number` }),
  REGION_INVALID: (l) => ({ zh: `请为「${l}」选择行政区划`, en: `Choose a region for ${l}` }),
  FORMAT: (l, p) => (p.format === 'date' ? { zh: `「${l}」应为日期（年-月-日）`, en: `${l} must be a date (YYYY-MM-DD)` }
    : p.format === 'email' ? { zh: `「${l}」应为电子邮箱地址`, en: `${l} must be an email address` }
      : { zh: `「${l}」格式不正确`, en: `${l} has an invalid format` }),
  MIN_LENGTH: (l, p) => ({ zh: `「${l}」不能少于 ${p.limit} 个字符`, en: `${l} needs at least ${p.limit} characters` }),
  MAX_LENGTH: (l, p) => ({ zh: `「${l}」不能超过 ${p.limit} 个字符`, en: `${l} allows at most ${p.limit} characters` }),
  MINIMUM: (l, p) => ({ zh: `「${l}」不能小于 ${p.limit}`, en: `${l} must be at least ${p.limit}` }),
  MAXIMUM: (l, p) => ({ zh: `「${l}」不能大于 ${p.limit}`, en: `${l} must be at most ${p.limit}` }),
  EXCLUSIVE_MINIMUM: (l, p) => ({ zh: `「${l}」应大于 ${p.limit}`, en: `${l} must be more than ${p.limit}` }),
  EXCLUSIVE_MAXIMUM: (l, p) => ({ zh: `「${l}」应小于 ${p.limit}`, en: `${l} must be less than ${p.limit}` }),
  MIN_ITEMS: (l, p) => ({ zh: `「${l}」至少选择 ${p.limit} 项`, en: `Choose at least ${p.limit} for ${l}` }),
  MAX_ITEMS: (l, p) => ({ zh: `「${l}」最多选择 ${p.limit} 项`, en: `Choose at most ${p.limit} for ${l}` }),
  UNIQUE_ITEMS: (l) => ({ zh: `「${l}」不能有重复项`, en: `${l} has duplicate entries` }),
  CONST: (l) => ({ zh: `「${l}」不是可选的值`, en: `${l} is not an allowed value` }),
  UNKNOWN_FIELD: (l) => ({ zh: `表单中没有「${l}」这一项`, en: `The form has no field ${l}` }),
  INVALID: (l) => ({ zh: `「${l}」填写有误`, en: `${l} is invalid` }),
};

export function valueMessage(code: string, label: string, params: Params, lang: 'zh' | 'en'): string {
  return (valueMessages[code] ?? valueMessages.INVALID!)(label, params)[lang];
}


export const MOBILE_PATTERN = /^1[3-9][0-9]{9}$/;
/** a district (6 digits), street (9) or community (12) code of the regions table */
export const REGION_CODE_PATTERN = /^[0-9]{6}([0-9]{3}([0-9]{3})?)?$/;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11643 shape and ISO 7064 MOD 11-2 check character (the server also checks region and birth date). */
export function idNumberLooksValid(s: string): boolean {
  if (!/^[0-9]{17}[0-9X]$/.test(s)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  return '10X98765432'[sum % 11] === s[17];
}
