// Coded errors of the audit views, collected by the platform registry.
import { defineErrors } from '../../platform/errors.js';

export const AuditErrors = defineErrors({
  AUDIT_STREAM_NOT_FOUND: { status: 404, zh: '没有该对象的审计记录', en: 'No audit entries for this stream' },
});
