// 免提交 by reference: at submission each government-held material whose `heldBy` names a registry
// or an e-licence type is fetched through the data exchange for the case, and the case keeps what
// came back (registry, digest, fields; or the licence identifier). It never writes: the caller stores
// the references in its transaction, and a material the government turns out not to hold fails it.
import type { ApplicationBody, VerifiedMaterial } from '../../../contract/applications.js';
import type { Executor } from '../../db/client.js';
import { canonicalJson } from '../../platform/audit.js';
import { sha256Hex } from '../../platform/crypto.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import type { ApplicationSpec } from '../catalog/index.js';
import { departmentNames } from '../catalog/index.js';
import { exchangeQuery, findRegistry, type ExchangeSubject } from '../exchange/index.js';
import './errors-exchange.js';

type HeldSource =
  | { kind: 'registry'; registry: string; fields: string[] }
  | { kind: 'licence'; licenceType: string };

/**
 * Which `heldBy` texts of the catalogue name something the exchange can produce. A material whose
 * heldBy is not listed keeps the applicant's 免提交 choice unverified, as before (e.g. 居民身份证,
 * checked at real-name verification, or sources not connected to the exchange yet).
 */
export const HELD_SOURCES: Record<string, HeldSource> = {
  '户籍信息（人口库）': { kind: 'registry', registry: 'population', fields: ['name', 'householdAddress', 'householdHead', 'relationToHead'] },
  '婚姻登记信息': { kind: 'registry', registry: 'marriage', fields: ['maritalStatus', 'spouseName', 'registeredOn', 'registrationOffice'] },
  '出生医学证明（电子证照）': { kind: 'registry', registry: 'birth_medical', fields: ['certificateNo', 'babyName', 'birthDate', 'issuer'] },
  '社会保险参保信息': { kind: 'registry', registry: 'social_insurance', fields: ['insuredStatus', 'insuranceTypes', 'employer', 'monthsPaid'] },
  '住房公积金缴存信息': { kind: 'registry', registry: 'housing_fund', fields: ['accountStatus', 'employer', 'monthlyContribution', 'balance'] },
  '市场主体登记信息（法人库）': { kind: 'registry', registry: 'enterprise', fields: ['name', 'legalRepresentative', 'address', 'status'] },
  '营业执照（电子证照）': { kind: 'licence', licenceType: 'business_licence' },
  '不动产权证书（电子证照）': { kind: 'licence', licenceType: 'real_estate' },
  '机动车驾驶证（电子证照）': { kind: 'licence', licenceType: 'driving_licence' },
};

export interface HeldCheck {
  spec: ApplicationSpec;
  materials: ApplicationBody['materials'];
  subject: ExchangeSubject;
  caseNo: string;
  actor: { accountId: string; name: string };
}

/** The materials of this submission that will be fetched by reference. */
export function heldToVerify(spec: ApplicationSpec, materials: ApplicationBody['materials'], subject: ExchangeSubject) {
  const out: { index: number; source: HeldSource }[] = [];
  for (const m of materials) {
    const def = spec.materials[m.index];
    if (!m.governmentHeld || m.fileIds.length || !def?.governmentHeld || !def.heldBy) continue;
    const source = HELD_SOURCES[def.heldBy];
    if (!source) continue;
    const registry = findRegistry(source.kind === 'licence' ? 'licences' : source.registry);
    const kind = 'idNumber' in subject ? 'person' : 'enterprise';
    if (registry && !(registry.subjectKinds ?? ['person', 'enterprise']).includes(kind)) continue;
    out.push({ index: m.index, source });
  }
  return out;
}

const notHeld = (index: number, name: string, lang: Lang): FieldError => ({
  path: `/materials/${index}`, code: 'NOT_HELD',
  message: lang === 'en' ? `${name}: the government holds no record of it for you; please upload it` : `${name}：政府部门未能核验到您的该项材料，请上传`,
});

/**
 * Fetch every referenced material through the exchange (purpose: this case), returning the proof per
 * material index. Throws HELD_MATERIAL_NOT_AVAILABLE (422) naming each material the registry does
 * not hold or will not give this department. Calls are logged by the exchange whatever happens.
 */
export async function verifyHeldMaterials(db: Executor, check: HeldCheck, lang: Lang): Promise<Map<number, VerifiedMaterial>> {
  const wanted = heldToVerify(check.spec, check.materials, check.subject);
  const proofs = new Map<number, VerifiedMaterial>();
  if (!wanted.length) return proofs;
  const departments = await departmentNames(db, [...new Set(wanted.map((w) => findRegistry(w.source.kind === 'licence' ? 'licences' : w.source.registry)?.departmentCode ?? ''))]);
  const errors: FieldError[] = [];
  for (const { index, source } of wanted) {
    const registry = source.kind === 'licence' ? 'licences' : source.registry;
    const result = await exchangeQuery(db, {
      consumerDepartment: check.spec.departmentCode, purpose: { kind: 'case', caseNo: check.caseNo, itemCode: check.spec.code },
      registry, subject: check.subject, fields: source.kind === 'licence' ? ['licences'] : source.fields, actor: check.actor,
    });
    const provider = findRegistry(registry);
    const base = {
      registry, registryName: provider?.name ?? registry,
      departmentName: departments.get(provider?.departmentCode ?? '') ?? provider?.departmentCode ?? '', verifiedAt: result.source.fetchedAt,
    };
    if (source.kind === 'licence') {
      const list = (result.data?.licences ?? []) as { type: string; typeName: string; identifier: string; licenceNo?: string; issuer?: string; validTo?: string | null }[];
      const licence = list.find((l) => l.type === source.licenceType);
      if (!licence) { errors.push(notHeld(index, check.spec.materials[index].name, lang)); continue; }
      proofs.set(index, {
        kind: 'licence', ...base, digest: sha256Hex(canonicalJson(licence)),
        fields: [
          { code: 'identifier', name: '证照标识', value: licence.identifier }, { code: 'typeName', name: '证照类型', value: licence.typeName },
          { code: 'issuer', name: '发证机关', value: licence.issuer ?? null }, { code: 'validTo', name: '有效期至', value: licence.validTo ?? null },
        ],
        licence: { identifier: licence.identifier, typeName: licence.typeName, verdict: 'valid' },
      });
      continue;
    }
    if (!result.data || !Object.keys(result.data).length) { errors.push(notHeld(index, check.spec.materials[index].name, lang)); continue; }
    const data = result.data;
    proofs.set(index, {
      kind: 'registry', ...base, digest: sha256Hex(canonicalJson(data)),
      fields: result.granted.filter((code) => Object.hasOwn(data, code)).map((code) => ({
        code, name: provider?.fields.find((f) => f.code === code)?.name ?? code, value: data[code],
      })),
    });
  }
  if (errors.length) throw new AppError('HELD_MATERIAL_NOT_AVAILABLE', undefined, errors);
  return proofs;
}
