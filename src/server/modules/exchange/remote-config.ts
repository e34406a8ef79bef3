// Remote registries from configuration (EXCHANGE_REMOTE_REGISTRIES, docs/deployment.md): a JSON
// array, validated at start. A remote with the code of a local registry takes its place and, when it
// lists no fields, inherits the local catalogue entry.
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { FieldDef } from './provider.js';
import { LOCAL_REGISTRIES } from './registries.js';
import { RemoteRegistry } from './remote.js';

const Field = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' }),
  name: Type.String({ minLength: 1 }),
  nameEn: Type.Optional(Type.String()),
  dataType: Type.Union([Type.Literal('string'), Type.Literal('number'), Type.Literal('date'), Type.Literal('boolean'), Type.Literal('list')]),
  shareType: Type.Union([Type.Literal('unconditional'), Type.Literal('conditional'), Type.Literal('none')]),
  classCode: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
}, { additionalProperties: false });

const RemoteSchema = Type.Object({
  code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }),
  name: Type.Optional(Type.String({ minLength: 1 })),
  nameEn: Type.Optional(Type.String()),
  departmentCode: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9]{1,7}$' })),
  resourceCode: Type.Optional(Type.String()),
  subjectKinds: Type.Optional(Type.Array(Type.Union([Type.Literal('person'), Type.Literal('enterprise')]), { minItems: 1 })),
  fields: Type.Optional(Type.Array(Field, { minItems: 1 })),
  url: Type.String({ pattern: '^https?://' }),
  clientId: Type.String({ minLength: 1 }),
  serviceId: Type.String({ minLength: 1 }),
  keyId: Type.String({ minLength: 1 }),
  secret: Type.String({ minLength: 32 }),
  timeoutMs: Type.Optional(Type.Integer({ minimum: 10, maximum: 60_000 })),
  retries: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
  backoffMs: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  breakerThreshold: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  halfOpenAfterMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 3_600_000 })),
}, { additionalProperties: false });
const RemotesSchema = Type.Array(RemoteSchema);
export type RemoteRegistryConfig = Static<typeof RemoteSchema>;

/** Parse and check the setting; throws with a message naming the problem. An empty text means none. */
export function remoteRegistriesFrom(text: string | undefined): RemoteRegistry[] {
  if (!text || !text.trim()) return [];
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { throw new Error('EXCHANGE_REMOTE_REGISTRIES is not valid JSON'); }
  if (!Value.Check(RemotesSchema, parsed)) {
    const problems = [...Value.Errors(RemotesSchema, parsed)].slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new Error(`EXCHANGE_REMOTE_REGISTRIES is invalid: ${problems.join('; ')}`);
  }
  return parsed.map((r) => {
    const local = LOCAL_REGISTRIES.find((l) => l.code === r.code);
    const fields: FieldDef[] | undefined = r.fields ?? local?.fields;
    const name = r.name ?? local?.name;
    const departmentCode = r.departmentCode ?? local?.departmentCode;
    if (!fields || !name || !departmentCode) throw new Error(`EXCHANGE_REMOTE_REGISTRIES: ${r.code} needs name, departmentCode and fields`);
    return new RemoteRegistry({
      ...r, name, departmentCode, fields, nameEn: r.nameEn ?? local?.nameEn,
      resourceCode: r.resourceCode ?? local?.resourceCode, subjectKinds: r.subjectKinds ?? local?.subjectKinds,
    });
  });
}
