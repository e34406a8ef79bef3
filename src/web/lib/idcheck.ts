// Client-side hints for identity numbers. The server is the authority; these only catch typos early.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 citizen ID number: 17 digits, then a check character (0-9 or X) from ISO 7064 MOD 11-2. */
export function isValidIdNumber(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17];
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 organisation code (characters 9–17 of a credit code): MOD 11 check, 10 written X. */
function isValidOrgCode(org: string): boolean {
  const value = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  const sum = ORG_WEIGHTS.reduce((acc, weight, i) => acc + weight * value(org[i]), 0);
  const check = 11 - (sum % 11);
  return org[8] === (check === 10 ? 'X' : check === 11 ? '0' : String(check));
}

/** GB 32100 unified social credit code: 18 characters, a GB 11714 organisation code inside, a MOD 31 check last. */
export function isValidCreditCode(value: string): boolean {
  const code = value.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  const sum = CREDIT_WEIGHTS.reduce((acc, weight, i) => acc + weight * CREDIT_CHARS.indexOf(code[i]), 0);
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CHARS[check] === code[17] && isValidOrgCode(code.slice(8, 17));
}

export type PasswordStrength = 0 | 1 | 2 | 3;

/** 0 empty, 1 weak, 2 medium, 3 strong: length plus the number of character classes used. */
export function passwordStrength(password: string): PasswordStrength {
  if (!password) return 0;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (password.length >= 10 && classes >= 3) return 3;
  if (password.length >= 8 && classes >= 2) return 2;
  return 1;
}
