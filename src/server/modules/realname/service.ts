// Real-name verification (实名核验, L2): the account's name and ID number matched against the
// population register through the data exchange. It never reads the register directly, and it
// never lowers a level: a mismatch is recorded and leaves the account as it was.
import type { RealNameResult } from '../../../contract/real-name.js';
import { REAL_NAME_DEPARTMENT, REAL_NAME_ITEM_CODE } from '../../../contract/real-name.js';
import { tx, type Executor } from '../../db/client.js';
import { canonicalJson } from '../../platform/audit.js';
import { sha256Hex } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { exchangeQuery } from '../exchange/index.js';
import { applicantProfile, recordRealNameCheck } from '../identity/index.js';

export const L2 = 2;

/**
 * Match the account against the population register; on a match its real-name level becomes 2.
 * The exchange logs every check; the account's audit stream gets the match, and the mismatch too
 * unless `quietMismatch` (the check right after registration, which changes nothing when it fails).
 */
export async function verifyRealName(db: Executor, secretKey: string, accountId: string, options: { quietMismatch?: boolean } = {}): Promise<RealNameResult> {
  const person = await applicantProfile(db, secretKey, accountId);
  if (!person || person.kind !== 'person' || !person.idNumber) throw new AppError('FORBIDDEN');
  const answer = await exchangeQuery(db, {
    consumerDepartment: REAL_NAME_DEPARTMENT, purpose: { kind: 'verification', itemCode: REAL_NAME_ITEM_CODE },
    registry: 'population', subject: { idNumber: person.idNumber }, fields: ['name'],
    actor: { accountId, name: person.name },
  });
  const matched = typeof answer.data?.name === 'string' && answer.data.name === person.name;
  const level = !matched && options.quietMismatch ? person.realNameLevel : await tx(db, (t) => recordRealNameCheck(t, accountId, {
    matched, level: L2, method: 'population_register', exchangeDigest: sha256Hex(canonicalJson(answer)),
  }));
  return { realNameLevel: level, outcome: matched ? 'matched' : 'mismatch', verifiedAt: answer.source.fetchedAt };
}
