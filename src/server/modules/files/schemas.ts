// Shapes only the files routes use: query, empty replies and the problems they answer with.
import { Type } from 'typebox';
import { ProblemSchema } from '../../../contract/common.js';

export const DownloadQuery = Type.Object({
  /** ask the browser to save the file rather than show it */
  download: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const NoContent = Type.Null();

export const Problems = { '4xx': { ...ProblemSchema, description: 'An RFC 9457 problem (application/problem+json) with a stable code' } };
