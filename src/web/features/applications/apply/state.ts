// The application being filled in: what the wizard keeps, how it starts (prefill, then a saved
// draft), and the draft and submission bodies built from it.
import type {
  ApplicationBody, ApplyFormView, Delivery, DraftBody, FileRef, MaterialSubmission,
} from '../../../../contract/applications';
import { hiddenFormFields } from '../../../../contract/forms';
import type { FieldError } from '../../../lib/api';
import { pathToName } from '../../../lib/formErrors';

export interface MaterialEntry { files: FileRef[]; governmentHeld: boolean }

export interface ClerkEntry { enabled: boolean; idNumber: string; authorisation: string }

export interface ApplyState {
  formData: Record<string, unknown>;
  /** by material index in the item's list */
  materials: Record<number, MaterialEntry>;
  delivery: Partial<Delivery>;
  commitmentSigned: boolean;
  /** '' when applying as a person */
  enterpriseCreditCode: string;
  clerk: ClerkEntry;
}

const MOBILE = /^1[3-9][0-9]{9}$/;

/** A file the saved draft names by id only (it was uploaded on this or another device). */
const savedFile = (id: string, name: string): FileRef => ({ id, name, contentType: '', size: 0, sha256: '' });

export const enterpriseOnly = (view: ApplyFormView) => !view.item.audience.includes('person');
export const offersEnterprise = (view: ApplyFormView) => view.item.audience.includes('enterprise') && view.enterprises.length > 0;

export function initialState(view: ApplyFormView, savedFileName: (n: number) => string, clerkOnly = false): ApplyState {
  const draft = view.draft;
  const locked = Object.fromEntries(view.locked.filter((k) => k in view.prefill).map((k) => [k, view.prefill[k]]));
  const materials: Record<number, MaterialEntry> = {};
  view.materials.forEach((m, index) => {
    const saved = draft?.materials.find((s) => s.index === index);
    materials[index] = {
      files: (saved?.fileIds ?? []).map((id, n) => savedFile(id, savedFileName(n + 1))),
      // a government-held material is taken from the registry unless the applicant chose to upload it
      governmentHeld: m.governmentHeld && (saved ? saved.governmentHeld === true || saved.fileIds.length === 0 : true),
    };
  });
  const firstMode = view.deliveryModes[0];
  return {
    formData: { ...view.prefill, ...(draft?.formData ?? {}), ...locked },
    materials,
    delivery: draft?.delivery ?? (firstMode ? { mode: firstMode } : {}),
    commitmentSigned: false,
    // the server prefills an enterprise-only item for the first enterprise unless told otherwise
    enterpriseCreditCode: enterpriseOnly(view) && view.enterprises.length > 0 ? view.enterprises[0].creditCode : '',
    clerk: { enabled: clerkOnly, idNumber: '', authorisation: '' },
  };
}

/** Materials the signed commitment stands in for (none when it is not signed). */
export function coveredByCommitment(view: ApplyFormView, state: ApplyState): Set<number> {
  return new Set(view.commitment && state.commitmentSigned ? view.commitment.replacesMaterials : []);
}

/** Uploaded files or 免提交 per material; a material with neither (optional, or covered by the commitment) is left out. */
function materialSubmissions(view: ApplyFormView, state: ApplyState): MaterialSubmission[] {
  const list: MaterialSubmission[] = [];
  view.materials.forEach((m, index) => {
    const entry = state.materials[index];
    if (!entry) return;
    const held = m.governmentHeld && entry.governmentHeld;
    if (held) list.push({ index, fileIds: [], governmentHeld: true });
    else if (entry.files.length > 0) list.push({ index, fileIds: entry.files.map((f) => f.id) });
  });
  return list;
}

/** Only what the contract accepts: a half-typed mobile number must not make the draft fail to save. */
function cleanDelivery(delivery: Partial<Delivery>): Delivery | undefined {
  if (!delivery.mode) return undefined;
  if (delivery.mode !== 'post') return { mode: delivery.mode };
  const recipient = delivery.recipient?.trim();
  const address = delivery.address?.trim();
  const mobile = delivery.mobile?.trim();
  return {
    mode: 'post',
    ...(recipient ? { recipient } : {}),
    ...(mobile && MOBILE.test(mobile) ? { mobile } : {}),
    ...(address ? { address } : {}),
  };
}

export function draftBody(view: ApplyFormView, state: ApplyState): DraftBody {
  const delivery = cleanDelivery(state.delivery);
  return { formData: state.formData, materials: materialSubmissions(view, state), ...(delivery ? { delivery } : {}) };
}

/** Hidden fields (by their showIf) are neither required nor kept, so they are not sent. */
export function visibleFormData(view: ApplyFormView, data: Record<string, unknown>): Record<string, unknown> {
  const hidden = hiddenFormFields(view.form, data);
  return Object.fromEntries(Object.entries(data).filter(([k, v]) => !hidden.has(k) && v !== undefined && v !== null && v !== ''));
}

export function applicationBody(view: ApplyFormView, state: ApplyState): ApplicationBody {
  const delivery = cleanDelivery(state.delivery) ?? { mode: view.deliveryModes[0] ?? 'elicence' };
  return {
    itemCode: view.item.code,
    formData: visibleFormData(view, state.formData),
    materials: materialSubmissions(view, state),
    delivery,
    ...(view.commitment ? { commitmentSigned: state.commitmentSigned } : {}),
    ...(state.enterpriseCreditCode ? { enterpriseCreditCode: state.enterpriseCreditCode } : {}),
    ...(state.clerk.enabled ? {
      onBehalfOf: { idNumber: state.clerk.idNumber.trim().toUpperCase(), authorisation: state.clerk.authorisation.trim() },
    } : {}),
  };
}

/** Server field errors sorted by where the wizard shows them. */
export interface RoutedErrors {
  /** for the form renderer, paths as `formData.<field>` */
  form: FieldError[];
  /** material index → messages */
  materials: Record<number, string[]>;
  /** delivery field → messages */
  delivery: Record<string, string[]>;
  /** onBehalfOf field → messages */
  clerk: Record<string, string[]>;
  other: FieldError[];
}

export const noErrors = (): RoutedErrors => ({ form: [], materials: {}, delivery: {}, clerk: {}, other: [] });

const push = <K extends string | number>(map: Record<K, string[]>, key: K, message: string) => {
  const list = map[key] ?? [];
  if (!list.includes(message)) list.push(message);
  map[key] = list;
};

/** Paths come as `formData.x`, `/formData/x` or `materials/0/fileIds`. */
export function routeErrors(errors: FieldError[], body: ApplicationBody): RoutedErrors {
  const routed = noErrors();
  for (const error of errors) {
    const [head, second, third] = pathToName(error.path.replace(/\./g, '/'));
    // `materials.<n>` names the checklist entry (a missing material); `materials.<i>.<field>` the i-th submitted one
    const material = typeof second === 'number' ? (third === undefined ? second : body.materials[second]?.index) : undefined;
    if (head === 'formData' && typeof second === 'string') routed.form.push({ ...error, path: `formData.${second}` });
    else if (head === 'materials' && material !== undefined) push(routed.materials, material, error.message);
    else if (head === 'delivery') push(routed.delivery, typeof second === 'string' ? second : 'mode', error.message);
    else if (head === 'onBehalfOf') push(routed.clerk, typeof second === 'string' ? second : 'idNumber', error.message);
    else if (head === 'commitmentSigned') push(routed.materials, -1, error.message);
    else routed.other.push(error);
  }
  return routed;
}

/** The first wizard step that shows one of these errors. */
export function firstStepWithErrors(routed: RoutedErrors): number | null {
  if (routed.form.length || Object.keys(routed.clerk).length) return 0;
  if (Object.keys(routed.materials).length) return 1;
  if (Object.keys(routed.delivery).length) return 2;
  return null;
}
