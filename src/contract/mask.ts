// Display masking (脱敏) of personal data, per the platform convention: every hidden character becomes
// one `*`, so a masked value keeps its length. Never used to protect stored data, only what is shown.

/** 复姓 kept whole when a name has three or more characters. */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '令狐', '慕容', '尉迟', '长孙', '宇文', '夏侯',
  '公孙', '端木', '南宫', '西门', '澹台', '万俟', '司徒', '轩辕', '呼延', '独孤', '申屠', '闻人',
];

/** Name separators kept visible (transliterated minority and foreign names). */
const NAME_SEPARATORS = new Set(['·', '•', '・']);

const stars = (n: number) => '*'.repeat(Math.max(0, n));

/** 张三→张*, 欧阳娜娜→欧阳**, 迪丽热巴·迪力木拉提→迪***·*****; a one-character name → *. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  const keep = chars.length >= 3 && COMPOUND_SURNAMES.includes(chars[0] + chars[1]) ? 2 : 1;
  return chars.map((c, i) => (i < keep || NAME_SEPARATORS.has(c) ? c : '*')).join('');
}

/** 18 characters: first 6 + last 4 (the birth date hidden); 15 digits: first 6 + last 3. */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length === 18) return s.slice(0, 6) + stars(8) + s.slice(14);
  if (s.length === 15) return s.slice(0, 6) + stars(6) + s.slice(12);
  // Other documents (passports, permits): keep the first and last two characters of long values.
  if (s.length > 6) return s.slice(0, 2) + stars(s.length - 4) + s.slice(-2);
  return stars(s.length);
}

/** 13800005678 → 138****5678; a +86 / 86 prefix is kept as written. */
export function maskMobile(mobile: string): string {
  const s = mobile.trim();
  const m = /^(\+?86[- ]?)?(\d{11})$/.exec(s);
  if (m) return (m[1] ?? '') + m[2].slice(0, 3) + stars(4) + m[2].slice(7);
  if (s.length >= 8) return s.slice(0, 3) + stars(s.length - 7) + s.slice(-4);
  return stars(s.length);
}

/** zhangsan@example.com → z*******@example.com; a one-character local part → *. */
export function maskEmail(email: string): string {
  const s = email.trim();
  const at = s.lastIndexOf('@');
  if (at < 0) return stars(Array.from(s).length);
  const local = Array.from(s.slice(0, at));
  const maskedLocal = local.length <= 1 ? stars(local.length) : local[0] + stars(local.length - 1);
  return maskedLocal + s.slice(at);
}

/** 0571-87654321 → 0571-****4321: the area code stays, all but the last 4 local digits are hidden. */
export function maskFixedLine(phone: string): string {
  const s = phone.trim();
  const m = /^(\(?0\d{2,3}\)?[- ]?)(\d{5,8})((?:[-转]\d+)?)$/.exec(s);
  if (!m) return maskMobile(s);
  return m[1] + stars(m[2].length - 4) + m[2].slice(-4) + m[3];
}

/** Spaces stripped; first 6 (BIN) + last 4: 6222021234567890 → 622202******7890. */
export function maskBankCard(card: string): string {
  const s = card.replace(/\s+/g, '');
  if (s.length <= 10) return stars(Math.max(0, s.length - 4)) + s.slice(-4);
  return s.slice(0, 6) + stars(s.length - 10) + s.slice(-4);
}
