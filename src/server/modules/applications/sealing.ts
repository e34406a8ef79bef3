// Form values at rest. What an applicant types into a form (ID numbers of family members, phone
// numbers, addresses, incomes…) is personal data the platform needs in full only when a case is
// read by someone allowed to: so cases.form_data and application_drafts.form_data hold the values
// sealed with AES-256-GCM under the deployment's field key ({"$sealed": "v1:…"}), and the repo
// opens them as it reads the row. Nothing queries inside form_data in SQL. Rows written before
// sealing (plain JSON) still read as they are. See docs/decisions/0009-case-workflow.md.
import { cipherFor, type FieldCipher } from '../../platform/crypto.js';

const SEALED = '$sealed';
let cipher: FieldCipher | null = null;

/** Called when the module registers (and by tools that write cases without the app). */
export function configureFormSealing(secretKey: string): void {
  cipher = cipherFor(secretKey);
}

function sealer(): FieldCipher {
  if (!cipher) throw new Error('form sealing is not configured: register applicationRoutes or call configureFormSealing first');
  return cipher;
}

export function sealForm(data: Record<string, unknown>): Record<string, string> {
  return { [SEALED]: sealer().encrypt(JSON.stringify(data)) };
}

export function openForm(stored: Record<string, unknown>): Record<string, unknown> {
  const sealed = stored?.[SEALED];
  return typeof sealed === 'string' ? JSON.parse(sealer().decrypt(sealed)) as Record<string, unknown> : stored;
}

/** The row with its form values opened (in place; rows come fresh from the driver). */
export function openRow<T extends { form_data: Record<string, unknown> } | undefined>(row: T): T {
  if (row) row.form_data = openForm(row.form_data);
  return row;
}
