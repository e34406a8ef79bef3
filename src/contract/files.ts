// Uploads contract: the file types the platform accepts and the limits the upload endpoint enforces.
// A stored file is described by FileRef (contract/applications.ts).
import { Type, type Static } from 'typebox';

/** types told from the bytes of an upload (never from its name) */
export const UploadTypeSchema = Type.Union([
  Type.Literal('application/pdf'), Type.Literal('image/jpeg'), Type.Literal('image/png'), Type.Literal('application/ofd'),
]);
export type UploadType = Static<typeof UploadTypeSchema>;

/** the same list as UploadTypeSchema, for the file picker's `accept` and help texts */
export const UPLOAD_TYPES: readonly UploadType[] = ['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'];
export const UPLOAD_EXTENSIONS = '.pdf,.jpg,.jpeg,.png,.ofd';

export const UploadPolicySchema = Type.Object({
  maxBytes: Type.Integer({ description: 'largest accepted file in bytes' }),
  types: Type.Array(UploadTypeSchema),
});
export type UploadPolicy = Static<typeof UploadPolicySchema>;

export const FileIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
