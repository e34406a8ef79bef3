// ItemDraft ↔ editor form values, and API error paths ('/materials/0/name') → form field names.
import type { ItemDraft, Material } from '../../../../contract/catalog';
import type { FieldPath } from '../../../lib/formErrors';

export type EditorValues = ItemDraft & { code?: string };

export const LIST_FIELDS = ['materials', 'process', 'faqs'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

/** Fields edited as one multi-value control: an error on any entry belongs to the control. */
const WHOLE_FIELDS = new Set(['aliases', 'themeCodes', 'audience']);
const OBJECT_FIELDS = new Set(['fee', 'consultation', 'complaint']);
const SCALAR_FIELDS = new Set([
  'code', 'name', 'type', 'departmentCode', 'useLevel', 'summary', 'legalBasis', 'acceptanceConditions',
  'legalLimitDays', 'promisedLimitDays', 'projectType', 'handlingPlace', 'handlingHours', 'visits', 'onlineDepth',
  'appointment', 'delivery', 'onlinePayment', 'handleArea', 'resultName', 'resultType',
]);

export function newMaterial(): Material {
  return {
    name: '', required: true, form: 'original', originals: 1, copies: 0, sourceType: 'applicant',
    issuer: '', governmentHeld: false, heldBy: '', requirement: '',
  };
}

export function emptyDraft(): ItemDraft {
  return {
    name: '', aliases: [], type: '01', audience: ['person'], departmentCode: '', useLevel: 3, themeCodes: [],
    summary: '', legalBasis: '', acceptanceConditions: '', materials: [newMaterial()],
    legalLimitDays: 20, promisedLimitDays: 10, projectType: 'commitment', fee: { charged: false, standard: '', basis: '' },
    process: [''], handlingPlace: '', handlingHours: '', consultation: { phone: '', channels: '' },
    complaint: { phone: '', channels: '' }, visits: 1, onlineDepth: 3, appointment: false, delivery: false,
    onlinePayment: false, handleArea: 'city', resultName: '', resultType: 'document', faqs: [],
  };
}

/** The form's values as the API expects them; optional texts default to '' so nothing is lost. */
export function toDraft(values: EditorValues): ItemDraft {
  const { code: _code, ...draft } = values;
  return {
    ...draft,
    aliases: draft.aliases ?? [],
    themeCodes: draft.themeCodes ?? [],
    summary: draft.summary ?? '',
    materials: (draft.materials ?? []).map((m) => ({ ...m, issuer: m.issuer ?? '', heldBy: m.heldBy ?? '', requirement: m.requirement ?? '' })),
    fee: { charged: !!draft.fee?.charged, standard: draft.fee?.standard ?? '', basis: draft.fee?.basis ?? '' },
    process: draft.process ?? [],
    consultation: { phone: draft.consultation?.phone ?? '', channels: draft.consultation?.channels ?? '' },
    complaint: { phone: draft.complaint?.phone ?? '', channels: draft.complaint?.channels ?? '' },
    faqs: draft.faqs ?? [],
  };
}

/** The form field that shows an error at `name`, or null when only a summary can. */
export function resolveDraftField(name: FieldPath): FieldPath | null {
  const [head, ...rest] = name;
  if (typeof head !== 'string') return null;
  if (WHOLE_FIELDS.has(head)) return [head];
  if (SCALAR_FIELDS.has(head)) return rest.length === 0 ? [head] : null;
  if (OBJECT_FIELDS.has(head)) return rest.length >= 1 ? [head, rest[0]] : null;
  if (head === 'process') return rest.length >= 1 ? ['process', rest[0]] : null;
  if (head === 'materials' || head === 'faqs') return rest.length >= 2 ? [head, rest[0], rest[1]] : null;
  return null;
}

/** Errors that belong to a whole list (e.g. '/materials': no required material) rather than one field. */
export function listOf(name: FieldPath): ListField | null {
  const [head, ...rest] = name;
  const list = LIST_FIELDS.find((l) => l === head);
  if (!list) return null;
  return rest.length === 0 || (list !== 'process' && rest.length === 1) ? list : null;
}
