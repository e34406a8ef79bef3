// Real-name verification (实名核验): an account's name and ID number matched against the population
// register through the data exchange raises its real-name level to 2 (L2).
import { Type, type Static } from 'typebox';

/** The platform's real-name service as an exchange purpose: grants and the data-use log name it by this code. */
export const REAL_NAME_ITEM_CODE = '000000000001';
/** the department that owns real-name verification and reads the population register for it (市公安局) */
export const REAL_NAME_DEPARTMENT = 'gaj';

export const RealNameResultSchema = Type.Object({
  realNameLevel: Type.Integer(),
  /** matched: name and ID number agree with the population register; mismatch: they do not, or the register has no record */
  outcome: Type.Union([Type.Literal('matched'), Type.Literal('mismatch')]),
  verifiedAt: Type.String(),
});
export type RealNameResult = Static<typeof RealNameResultSchema>;
