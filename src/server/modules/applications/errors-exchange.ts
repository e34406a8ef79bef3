// Coded errors of prefill from registries and of 免提交 by reference, collected by the platform registry.
import { defineErrors } from '../../platform/errors.js';

export const ApplicationExchangeErrors = defineErrors({
  HELD_MATERIAL_NOT_AVAILABLE: { status: 422, zh: '部分免提交材料未能通过数据共享核验，请上传标出的材料', en: 'Some government-held materials could not be verified through data sharing; upload the marked ones' },
  PREFILL_REGISTRY_NOT_OFFERED: { status: 422, zh: '该表单不从所选的数据来源获取信息', en: 'The form takes no data from the chosen source' },
});
