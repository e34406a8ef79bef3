// Route-level schemas of the identity module (request and response bodies live in src/contract).
import { Type } from 'typebox';
import { ProblemSchema, PageQuery } from '../../../contract/common.js';
import { UsernameSchema } from '../../../contract/identity.js';

export const EnterpriseParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const AgentParams = Type.Object({ id: Type.String({ format: 'uuid' }), accountId: Type.String({ format: 'uuid' }) });
export const UsernameParams = Type.Object({ username: UsernameSchema });

export const AccountListQuery = Type.Object({
  // mobile numbers are stored encrypted, so they are found only whole, by their keyed hash
  q: Type.Optional(Type.String({ maxLength: 64, description: 'part of a username or name, or a complete 11-digit mobile number (part of a mobile number finds nothing)' })),
  ...PageQuery,
}, { additionalProperties: false });

export const NoContent = Type.Null({ description: 'No content' });

/** Error responses as they appear in the OpenAPI document. */
export const Problems = { '4xx': { ...ProblemSchema, description: 'An RFC 9457 problem (application/problem+json) with a stable code' } };
