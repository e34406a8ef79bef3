// Request shapes of the catalogue routes that only the server reads (paths and query strings);
// bodies and responses come from the shared contract.
import { Type, type Static } from 'typebox';
import { AudienceSchema, RegionSchema } from '../../../contract/catalog.js';
import { PageQuery } from '../../../contract/common.js';

export const RegionQuery = Type.Object({
  parent: Type.Optional(Type.String({ pattern: '^[0-9]{6,12}$' })),
  level: Type.Optional(RegionSchema.properties.level),
}, { additionalProperties: false });

export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 50 }) });
export type CodeParams = Static<typeof CodeParams>;

export const ItemViewQuery = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
}, { additionalProperties: false });

export const ThemeQuery = Type.Object({ audience: Type.Optional(AudienceSchema) }, { additionalProperties: false });

export const HotQuery = Type.Object({
  audience: Type.Optional(AudienceSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
}, { additionalProperties: false });

export const NoticeQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 5 })),
}, { additionalProperties: false });

export const AdminItemQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  ...PageQuery,
}, { additionalProperties: false });
