// Coded errors of the message centre, collected by the platform registry.
import { defineErrors } from '../../platform/errors.js';

export const NotificationErrors = defineErrors({
  // another account's message is reported the same way as one that does not exist
  MESSAGE_NOT_FOUND: { status: 404, zh: '未找到该消息', en: 'No such message' },
});
