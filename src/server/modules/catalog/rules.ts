// The element rules an item must satisfy before it is published (GB/T 39046 elements plus the
// quality checks provincial platforms run). Pure functions: no database, no HTTP.
import type { ItemDraft } from '../../../contract/catalog.js';
import type { FieldError } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import { RuleMessages, type RuleCode } from './errors.js';

export interface RuleViolation { path: string; code: RuleCode }

/** What the rules need to know about the rest of the catalogue. */
export interface RuleRefs {
  departmentExists(code: string): boolean;
  themeExists(code: string): boolean;
}

/** Fields that may span several lines; every other text is a single line. */
const MULTI_LINE = new Set(['summary', 'legalBasis', 'acceptanceConditions', 'requirement', 'answer', 'standard', 'basis', 'channels', 'text', 'help', 'description']);

/**
 * C0/C1 controls, DEL, line/paragraph separators, bidirectional overrides and the BOM: they
 * corrupt exports and can make text read differently from what is stored. Markup such as
 * `<script>` is ordinary text here; it is stored and returned verbatim and never rendered as HTML.
 */
export function hasControlCharacters(text: string, multiLine: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x09) {
      if (!multiLine) return true;
      continue;
    }
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
    if (c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
  }
  return false;
}

function checkText(value: unknown, path: string, key: string, out: RuleViolation[]) {
  if (typeof value === 'string') {
    if (hasControlCharacters(value, MULTI_LINE.has(key))) out.push({ path, code: 'CONTROL_CHARACTERS' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkText(v, `${path}/${i}`, key, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkText(v, `${path}/${k}`, k, out);
  }
}

const REQUIRED_TEXT = ['name', 'legalBasis', 'acceptanceConditions', 'handlingPlace', 'handlingHours', 'resultName'] as const;

/** Every broken rule of a draft, each with the JSON pointer of the field to fix. */
export function checkItemRules(draft: ItemDraft, refs: RuleRefs): RuleViolation[] {
  const out: RuleViolation[] = [];
  checkText(draft, '', '', out);
  for (const key of REQUIRED_TEXT) if (draft[key].trim() === '') out.push({ path: `/${key}`, code: 'BLANK_TEXT' });
  draft.process.forEach((step, i) => { if (step.trim() === '') out.push({ path: `/process/${i}`, code: 'BLANK_TEXT' }); });

  const seen = new Set([draft.name.trim()]);
  draft.aliases.forEach((alias, i) => {
    const a = alias.trim();
    if (a === '') out.push({ path: `/aliases/${i}`, code: 'BLANK_TEXT' });
    else if (seen.has(a)) out.push({ path: `/aliases/${i}`, code: 'DUPLICATE_ALIAS' });
    seen.add(a);
  });

  if (!refs.departmentExists(draft.departmentCode)) out.push({ path: '/departmentCode', code: 'UNKNOWN_DEPARTMENT' });
  draft.themeCodes.forEach((t, i) => { if (!refs.themeExists(t)) out.push({ path: `/themeCodes/${i}`, code: 'UNKNOWN_THEME' }); });

  if (draft.onlineDepth === 4 && draft.visits !== 0) out.push({ path: '/visits', code: 'FULLY_ONLINE_NEEDS_ZERO_VISITS' });
  if (draft.projectType === 'immediate' && draft.promisedLimitDays !== 0) out.push({ path: '/promisedLimitDays', code: 'IMMEDIATE_NEEDS_ZERO_DAYS' });
  if (draft.projectType === 'commitment' && draft.promisedLimitDays === 0) out.push({ path: '/projectType', code: 'COMMITMENT_NEEDS_DAYS' });
  if (draft.promisedLimitDays > draft.legalLimitDays) out.push({ path: '/promisedLimitDays', code: 'PROMISE_EXCEEDS_LEGAL_LIMIT' });
  if (!draft.fee.charged && draft.onlinePayment) out.push({ path: '/onlinePayment', code: 'FREE_ITEM_NO_ONLINE_PAYMENT' });
  if (draft.fee.charged && !draft.fee.standard?.trim()) out.push({ path: '/fee/standard', code: 'FEE_STANDARD_REQUIRED' });
  if (draft.visits === 0 && draft.onlineDepth < 4 && !draft.delivery) out.push({ path: '/delivery', code: 'ZERO_VISITS_NEEDS_DELIVERY' });

  if (!draft.materials.some((m) => m.required)) out.push({ path: '/materials', code: 'REQUIRED_MATERIAL_MISSING' });
  draft.materials.forEach((m, i) => {
    if (m.name.trim() === '') out.push({ path: `/materials/${i}/name`, code: 'BLANK_TEXT' });
    if (m.governmentHeld && !m.heldBy?.trim()) out.push({ path: `/materials/${i}/heldBy`, code: 'HELD_BY_REQUIRED' });
  });
  draft.commitment?.replacesMaterials.forEach((m, i) => {
    if (m >= draft.materials.length) out.push({ path: `/commitment/replacesMaterials/${i}`, code: 'COMMITMENT_UNKNOWN_MATERIAL' });
  });
  if (draft.commitment && !draft.commitment.text.trim()) out.push({ path: '/commitment/text', code: 'BLANK_TEXT' });
  return out;
}

export function localiseViolations(violations: RuleViolation[], lang: Lang): FieldError[] {
  return violations.map((v) => ({ path: v.path, code: v.code, message: RuleMessages[v.code][lang] }));
}
