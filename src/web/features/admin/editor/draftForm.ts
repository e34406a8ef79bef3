// ItemDraft ↔ editor form values, and API error paths ('/materials/0/name') → form field names.
import type { ItemDraft, Material } from '../../../../contract/catalog';
import type { ItemForm } from '../../../../contract/forms';
import type { FieldPath } from '../../../lib/formErrors';

/** The draft as the editor holds it: the form as JSON text, the commitment behind a switch. */
export type EditorValues = ItemDraft & { code?: string; formJson?: string; offersCommitment?: boolean };

export const LIST_FIELDS = ['materials', 'process', 'faqs'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

/** Fields edited as one multi-value control: an error on any entry belongs to the control. */
const WHOLE_FIELDS = new Set(['aliases', 'themeCodes', 'audience', 'deliveryModes']);
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

/** An application form typed as JSON: the form, or why it is not one (null for an empty text). */
export function parseFormJson(text: string | undefined): { form?: ItemForm; error?: 'json' | 'shape'; message?: string } | null {
  if (!text?.trim()) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: 'json', message: (e as Error).message };
  }
  const v = value as Partial<ItemForm> | null;
  const isObject = (x: unknown) => !!x && typeof x === 'object' && !Array.isArray(x);
  if (!isObject(v) || !isObject(v!.schema) || !isObject(v!.ui) || !Array.isArray(v!.ui!.sections) || !isObject(v!.ui!.fields)) return { error: 'shape' };
  return { form: v as ItemForm };
}

/** A draft as editor values. */
export function fromDraft(draft: ItemDraft): EditorValues {
  return {
    ...draft,
    formJson: draft.form ? JSON.stringify(draft.form, null, 2) : '',
    // explicit empties, so loading a draft without them clears what the editor held
    workflow: draft.workflow ?? { stages: [] },
    offersCommitment: !!draft.commitment,
    commitment: draft.commitment ?? { text: '', replacesMaterials: [], postCheckDays: 20 },
    deliveryModes: draft.deliveryModes ?? [],
  };
}

function workflowOf(stages: NonNullable<ItemDraft['workflow']>['stages'] | undefined): ItemDraft['workflow'] {
  if (!stages?.length) return undefined;
  return {
    stages: stages.map((s) => ({
      name: s?.name ?? '', rule: s?.rule ?? 'all', limitDays: s?.limitDays ?? 0,
      tasks: (s?.tasks ?? []).map((task) => ({ departmentCode: task?.departmentCode ?? '', name: task?.name ?? '' })),
    })),
  };
}

/**
 * The form's values as the API expects them; optional texts default to '' so nothing is lost.
 * The form JSON must have been checked (parseFormJson) before: text that does not parse is dropped.
 */
export function toDraft(values: EditorValues): ItemDraft {
  const { code: _code, formJson, offersCommitment, form: _form, workflow, commitment, deliveryModes, ...draft } = values;
  const parsed = parseFormJson(formJson);
  return {
    ...draft,
    ...(parsed?.form ? { form: parsed.form } : {}),
    ...(workflowOf(workflow?.stages) ? { workflow: workflowOf(workflow?.stages) } : {}),
    ...(offersCommitment ? {
      commitment: { text: commitment?.text ?? '', replacesMaterials: commitment?.replacesMaterials ?? [], postCheckDays: commitment?.postCheckDays ?? 20 },
    } : {}),
    ...(deliveryModes?.length ? { deliveryModes } : {}),
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
  if (head === 'form') return ['formJson'];
  if (head === 'commitment') return typeof rest[0] === 'string' ? ['commitment', rest[0]] : null;
  if (head === 'workflow') {
    // /workflow/stages/0/name, /workflow/stages/0/tasks/1/departmentCode
    if (rest.length === 3 && typeof rest[2] === 'string') return ['workflow', ...rest];
    if (rest.length === 5 && rest[2] === 'tasks') return ['workflow', ...rest];
    return null;
  }
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
