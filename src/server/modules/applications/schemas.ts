// Shapes only these routes use: path parameters, the draft list and problem responses. Bodies and
// responses come from the shared contract (src/contract/applications.ts).
import { Type } from 'typebox';
import { ProblemSchema } from '../../../contract/common.js';
import { DraftViewSchema } from '../../../contract/applications.js';

export const ItemCodeParams = Type.Object({ itemCode: Type.String({ pattern: '^[0-9A-Z]{12}$' }) });
export const CaseFileParams = Type.Object({
  caseNo: Type.String({ pattern: '^[0-9]{20}$' }),
  fileId: Type.String({ format: 'uuid' }),
});
export const ApplyFormQuery = Type.Object({
  /** prefill for this enterprise (credit code) the caller acts for */
  enterprise: Type.Optional(Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$' })),
}, { additionalProperties: false });
export const DraftListSchema = Type.Object({ items: Type.Array(DraftViewSchema) });
export const NoContent = Type.Null({ description: 'No content' });

/** Error responses as they appear in the OpenAPI document. */
export const Problems = { '4xx': { ...ProblemSchema, description: 'An RFC 9457 problem (application/problem+json) with a stable code' } };

/** the public progress lookup: per client address, well below the API's general limit */
export const PROGRESS_LOOKUPS_PER_MINUTE = 10;
