// Coded errors of the data exchange, collected by the platform registry.
import { defineErrors } from '../../platform/errors.js';

export const ExchangeErrors = defineErrors({
  EXCHANGE_GRANT_NOT_FOUND: { status: 404, zh: '未找到该共享授权', en: 'No such data-sharing grant' },
  EXCHANGE_GRANT_INVALID: { status: 422, zh: '共享授权申请有误，请检查标出的字段', en: 'The grant request has invalid fields' },
  // 不予共享 fields are never granted, whoever asks
  EXCHANGE_FIELD_NOT_SHAREABLE: { status: 422, zh: '所选信息项属于不予共享类，不能授权', en: 'A chosen field is not shareable (不予共享) and cannot be granted' },
  EXCHANGE_GRANT_STATE: { status: 409, zh: '该共享授权当前状态不允许此操作', en: 'The grant is not in a state that allows this action' },
  EXCHANGE_REQUEST_INVALID: { status: 400, zh: '数据共享请求不完整或格式有误', en: 'The exchange request is incomplete or malformed' },
  EXCHANGE_REGISTRY_UNKNOWN: { status: 404, zh: '未找到该信息资源', en: 'No such registry' },
  EXCHANGE_REGISTRY_UNAVAILABLE: { status: 503, zh: '数据提供部门的系统暂时无法访问，请稍后再试', en: 'The registry is unavailable; try again later' },
});
