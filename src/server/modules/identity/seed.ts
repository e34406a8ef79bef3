// Demo accounts: persons, enterprises with their agents, staff, and one reviewer per department.
// Idempotent: existing usernames and credit codes are skipped. One password hash serves every
// demo account, because hashing each with scrypt would slow the first start by seconds.
import { createHash } from 'node:crypto';
import type { Database, Executor } from '../../db/client.js';
import { tx } from '../../db/client.js';
import type { SeedEnterprise, SeedPerson, SeedStaff } from '../../db/seed/data/types.js';
import { appendAudit } from '../../platform/audit.js';
import type { Role } from '../../platform/auth.js';
import { now } from '../../platform/clock.js';
import { fieldCipher, hashPassword, type FieldCipher } from '../../platform/crypto.js';
import { validateCreditCode, validateIdNumber } from '../../platform/ids.js';
import { departmentNames } from '../catalog/index.js';
import * as enterpriseRepo from './enterprise-repo.js';
import { CREDIT_CODE_KIND } from './enterprise-service.js';
import * as repo from './repo.js';
import { isMobileNumber } from './rules.js';
import { ID_NUMBER_KIND, mobileHash, sealMobile } from './service.js';

export interface SeedAccountsInput {
  people: SeedPerson[];
  enterprises: SeedEnterprise[];
  staff: SeedStaff[];
  /** a `reviewer.<code>` account (reviewer + approver) is made for each */
  departmentCodes: string[];
  password: string;
  /** config.secretKey: ID numbers, mobile numbers and credit codes are stored encrypted with it */
  secretKey: string;
}

export interface SeedAccountsResult { created: string[]; enterprises: number }

const SEED_ACTOR = 'system:seed';

const mobileTaken = (t: Executor, cipher: FieldCipher, mobile: string) => repo.mobileHashExists(t, mobileHash(cipher, mobile));

/** A mobile number no one else has, derived from the username so reseeding gives the same one. */
async function freeMobile(t: Executor, cipher: FieldCipher, username: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const digits = BigInt('0x' + createHash('sha256').update(`${username}#${attempt}`).digest('hex').slice(0, 15)) % 100_000_000n;
    const mobile = `199${digits.toString().padStart(8, '0')}`;
    if (!(await mobileTaken(t, cipher, mobile))) return mobile;
  }
}

type SeedAccount = Omit<repo.NewAccount, 'idNumberEnc' | 'idNumberHash' | 'mobileEnc' | 'mobileHash' | 'at'> & { idNumber?: string; mobile: string };

async function createAccount(t: Executor, cipher: FieldCipher, { idNumber, mobile, ...a }: SeedAccount, roles: repo.RoleGrant[]) {
  const at = now();
  const id = await repo.insertAccount(t, {
    ...a, ...sealMobile(cipher, mobile), at,
    idNumberEnc: idNumber ? cipher.encrypt(idNumber) : null,
    idNumberHash: idNumber ? cipher.lookupHash(ID_NUMBER_KIND, idNumber) : null,
  });
  await repo.insertRoles(t, id, roles);
  await appendAudit(t, {
    stream: `account:${id}`, actorId: SEED_ACTOR, action: 'account.seeded', target: id,
    change: { username: a.username, kind: a.kind, roles },
  });
  return id;
}

export async function seedAccounts(db: Database, input: SeedAccountsInput): Promise<SeedAccountsResult> {
  const cipher = fieldCipher(input.secretKey);
  const passwordHash = await hashPassword(input.password);
  return tx(db.orm, async (t) => {
    const created: string[] = [];
    const exists = async (username: string) => !!(await repo.findAccountByUsername(t, username));

    for (const p of input.people) {
      if (await exists(p.username)) continue;
      if (!validateIdNumber(p.idNumber).ok) throw new Error(`seed person ${p.username} has an invalid ID number`);
      if (!isMobileNumber(p.mobile)) throw new Error(`seed person ${p.username} has an invalid mobile number`);
      await createAccount(t, cipher, {
        username: p.username, kind: 'person', name: p.name, idNumber: p.idNumber, mobile: p.mobile, email: p.email ?? null, passwordHash, realNameLevel: 1,
      }, []);
      created.push(p.username);
    }

    // departments are seeded first when the catalogue is; otherwise the code stands in for the name
    const names = await departmentNames(t, input.departmentCodes);
    const reviewers = input.departmentCodes.map((code): SeedStaff => ({
      username: `reviewer.${code}`, name: `${names.get(code) ?? code}审核员`.slice(0, 50), mobile: '', departmentCode: code, roles: ['reviewer', 'approver'],
    }));
    const staff = [...input.staff, ...reviewers];
    for (const s of staff) {
      if (await exists(s.username)) continue;
      const mobile = isMobileNumber(s.mobile) && !(await mobileTaken(t, cipher, s.mobile)) ? s.mobile : await freeMobile(t, cipher, s.username);
      const roles = s.roles.map((role) => ({ role: role as Role, department: role === 'operator' || role === 'auditor' ? null : s.departmentCode }));
      await createAccount(t, cipher, { username: s.username, kind: 'staff', name: s.name, mobile, email: null, passwordHash, realNameLevel: 0 }, roles);
      created.push(s.username);
    }

    let enterprises = 0;
    for (const e of input.enterprises) {
      if (!validateCreditCode(e.creditCode).ok) throw new Error(`seed enterprise ${e.name} has an invalid credit code`);
      const creditCodeHash = cipher.lookupHash(CREDIT_CODE_KIND, e.creditCode);
      if (await enterpriseRepo.creditCodeRegistered(t, creditCodeHash)) continue;
      const legal = await repo.findAccountByUsername(t, e.legalRepresentative);
      const at = now();
      const enterpriseId = await enterpriseRepo.insertEnterprise(t, {
        name: e.name, creditCodeEnc: cipher.encrypt(e.creditCode), creditCodeHash, legalRepresentative: legal?.name ?? e.legalRepresentative,
        regionCode: e.regionCode, address: e.address, createdBy: legal?.id ?? null, at,
      });
      const agents = [...new Set([e.legalRepresentative, ...e.agents])];
      for (const username of agents) {
        const person = await repo.findAccountByUsername(t, username);
        if (!person || person.kind !== 'person') continue;
        const relation = username === e.legalRepresentative ? 'legal_representative' : 'agent';
        await enterpriseRepo.insertAgent(t, { enterpriseId, accountId: person.id, relation, addedBy: null, at });
      }
      await appendAudit(t, {
        stream: `enterprise:${enterpriseId}`, actorId: SEED_ACTOR, action: 'enterprise.seeded', target: enterpriseId, regionCode: e.regionCode,
        change: { name: e.name, creditCodeHash, agents },
      });
      enterprises++;
    }
    return { created, enterprises };
  });
}
