// Where an account can be reached: its mobile number (stored encrypted) and email, for the message
// centre's SMS and email. Only the delivery of a notice asks; nothing here logs what it returns.
import type { Executor } from '../../db/client.js';
import { cipherFor } from '../../platform/crypto.js';
import { findAccountById } from './repo.js';


/** The account's mobile and email in clear; null when the account does not exist. */
export async function contactOf(db: Executor, secretKey: string, accountId: string): Promise<{ mobile: string | null; email: string | null } | null> {
  const account = await findAccountById(db, accountId);
  if (!account) return null;
  return { mobile: cipherFor(secretKey).decrypt(account.mobile_enc), email: account.email };
}
