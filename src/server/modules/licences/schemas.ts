// Shapes only the server reads: route parameters and the OpenAPI problem response.
import { Type } from 'typebox';
import { ProblemSchema } from '../../../contract/common.js';

export const LicenceIdParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'licence id' }) });
export const VerifyParams = Type.Object({
  id: Type.String({ minLength: 36, maxLength: 120, pattern: '^[0-9A-Za-z.-]+$', description: 'licence id or 电子证照标识' }),
});
export const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{32}$', description: 'presentation token' }) });
export const DepartmentParams = Type.Object({ departmentCode: Type.String({ pattern: '^[a-z][a-z0-9_]{1,31}$' }) });
export const RotatedSchema = Type.Object({ keyId: Type.String() });
export const Problems = { '4xx': { ...ProblemSchema, description: 'An RFC 9457 problem (application/problem+json) with a stable code' } };
