// Coded errors of the identity module, collected by the platform registry.
import { defineErrors } from '../../platform/errors.js';

export const IdentityErrors = defineErrors({
  USERNAME_TAKEN: { status: 409, zh: '该用户名已被注册', en: 'This username is already registered' },
  MOBILE_TAKEN: { status: 409, zh: '该手机号已被注册', en: 'This mobile number is already registered' },
  ID_NUMBER_INVALID: { status: 400, zh: '身份证号码不正确', en: 'The ID number is not valid' },
  ID_NUMBER_TAKEN: { status: 409, zh: '该身份证号码已注册账号', en: 'An account with this ID number already exists' },
  CREDIT_CODE_INVALID: { status: 400, zh: '统一社会信用代码不正确', en: 'The unified social credit code is not valid' },
  CREDIT_CODE_TAKEN: { status: 409, zh: '该统一社会信用代码已注册', en: 'An enterprise with this credit code is already registered' },
  PASSWORD_TOO_WEAK: { status: 400, zh: '密码强度不足', en: 'The password is too weak' },
  PASSWORD_INCORRECT: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  INVALID_CREDENTIALS: { status: 401, zh: '账号或密码错误', en: 'Wrong account or password' },
  ACCOUNT_LOCKED: { status: 423, zh: '登录失败次数过多，账号已临时锁定，请稍后再试', en: 'Too many failed logins; the account is locked for a while' },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用，请联系平台运营人员', en: 'This account is disabled; contact the platform operator' },
  AGENT_ACCOUNT_NOT_FOUND: { status: 404, zh: '未找到该用户名或手机号对应的个人账号', en: 'No personal account has this username or mobile number' },
  AGENT_EXISTS: { status: 409, zh: '该用户已是本企业经办人', en: 'This person is already an agent of the enterprise' },
  LAST_AGENT: { status: 409, zh: '企业至少需要保留一名经办人', en: 'An enterprise must keep at least one agent' },
});
