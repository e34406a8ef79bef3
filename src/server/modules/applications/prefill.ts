// Prefill of application forms from the applicant's verified profile and enterprise. Fields filled
// from verified data (real name, ID number, the enterprise's registered name and code) are locked:
// the web app shows them read-only and the server writes the verified value over whatever is sent.
import type { ItemForm, PrefillSource } from '../../../contract/forms.js';
import type { AgentEnterprise, ApplicantProfile } from '../identity/index.js';

type Person = Pick<ApplicantProfile, 'name' | 'idNumber' | 'mobile' | 'email' | 'realNameLevel'>;
type Enterprise = Pick<AgentEnterprise, 'name' | 'creditCode' | 'legalRepresentative' | 'address' | 'regionCode'>;

function sourceValue(source: PrefillSource, person: Person | null, enterprise: Enterprise | null): { value: string | null; verified: boolean } {
  const realName = (person?.realNameLevel ?? 0) >= 1;
  switch (source) {
    case 'person.name': return { value: person?.name ?? null, verified: realName };
    case 'person.idNumber': return { value: person?.idNumber ?? null, verified: realName };
    case 'person.mobile': return { value: person?.mobile ?? null, verified: false };
    case 'person.email': return { value: person?.email ?? null, verified: false };
    case 'enterprise.name': return { value: enterprise?.name ?? null, verified: true };
    case 'enterprise.creditCode': return { value: enterprise?.creditCode ?? null, verified: true };
    case 'enterprise.legalRepresentative': return { value: enterprise?.legalRepresentative ?? null, verified: true };
    case 'enterprise.address': return { value: enterprise?.address ?? null, verified: false };
    case 'enterprise.regionCode': return { value: enterprise?.regionCode ?? null, verified: false };
    default: return { value: null, verified: false };
  }
}

/** The form's prefilled values and which of them are locked. */
export function prefillForm(form: ItemForm, person: Person | null, enterprise: Enterprise | null): { prefill: Record<string, unknown>; locked: string[] } {
  const prefill: Record<string, unknown> = {};
  const locked: string[] = [];
  for (const [field, ui] of Object.entries(form.ui.fields)) {
    if (!ui.prefill) continue;
    const { value, verified } = sourceValue(ui.prefill, person, enterprise);
    if (value === null || value === '') continue;
    prefill[field] = value;
    if (verified) locked.push(field);
  }
  return { prefill, locked };
}

/** The submitted values with every locked field set to its verified value. */
export function applyLocked(form: ItemForm, data: Record<string, unknown>, person: Person | null, enterprise: Enterprise | null): Record<string, unknown> {
  const { prefill, locked } = prefillForm(form, person, enterprise);
  const out = { ...data };
  for (const field of locked) out[field] = prefill[field];
  return out;
}
