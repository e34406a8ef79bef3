// Coded errors of the e-licence module, collected by the platform registry.
import { defineErrors } from '../../platform/errors.js';

export const LicenceErrors = defineErrors({
  // someone else's licence is reported the same way as one that does not exist
  LICENCE_NOT_FOUND: { status: 404, zh: '未找到该电子证照', en: 'No such licence' },
  LICENCE_NOT_VALID: { status: 409, zh: '该证照已注销或已换发，不能再执行此操作', en: 'The licence has been revoked or replaced' },
  LICENCE_FIELD_UNKNOWN: { status: 400, zh: '证照没有所选的信息项', en: 'The licence has no such field' },
  LICENCE_FIELD_LOCKED: { status: 400, zh: '该信息项来自持证人身份信息，换发时不能修改', en: 'The field follows the holder\'s identity and cannot be changed by a replacement' },
  LICENCE_TYPE_UNKNOWN: { status: 400, zh: '没有这种证照类型', en: 'No such licence type' },
  PRESENTATION_NOT_FOUND: { status: 404, zh: '亮证码无效', en: 'No such presentation code' },
  PRESENTATION_GONE: { status: 410, zh: '亮证码已使用或已过期，请持证人重新亮证', en: 'The presentation code was used or has expired; ask the holder for a new one' },
});
