// Coded errors of prefill from registries and of 免提交 by reference, collected by the platform registry.
import { defineErrors } from '../../platform/errors.js';

export const ApplicationExchangeErrors = defineErrors({
  HELD_MATERIAL_NOT_AVAILABLE: { status: 422, zh: '部分免提交材料未能通过数据共享核验，请上传标出的材料', en: 'Some government-held materials could not be verified through data sharing; upload the marked ones' },
  // a value the registry filled (after consent) was changed before submission; errors name each field
  PREFILLED_VALUE_MISMATCH: { status: 422, zh: '部分信息与登记机关的记录不一致，请使用登记信息', en: 'Some values differ from the registries\' records; use the registered values' },
  PREFILL_REGISTRY_NOT_OFFERED: { status: 422, zh: '该表单不从所选的数据来源获取信息', en: 'The form takes no data from the chosen source' },
});
