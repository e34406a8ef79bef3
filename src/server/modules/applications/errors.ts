// Coded errors of applications, cases and tasks, collected by the platform registry.
import { defineErrors } from '../../platform/errors.js';

export const ApplicationErrors = defineErrors({
  // someone else's case is reported the same way as one that does not exist
  CASE_NOT_FOUND: { status: 404, zh: '未找到该办件', en: 'No such case' },
  TASK_NOT_FOUND: { status: 404, zh: '未找到该审批任务', en: 'No such task' },
  // ?after= of the inbox: not a cursor this view gave out, or combined with ?page=
  INBOX_CURSOR_INVALID: { status: 400, zh: '翻页参数无效，请从第一页重新查询', en: 'The page cursor is not valid for this view; start again from the first page' },
  DRAFT_NOT_FOUND: { status: 404, zh: '没有保存的草稿', en: 'No saved draft' },
  CASE_FILE_NOT_FOUND: { status: 404, zh: '该办件中没有这个文件', en: 'The case has no such file' },
  // a wrong ID tail and an unknown case number look the same, so neither can be probed
  PROGRESS_NOT_FOUND: { status: 404, zh: '未查询到办件，请核对办件编号和证件号码后 6 位', en: 'No case matches this case number and ID tail' },
  AUDIENCE_MISMATCH: { status: 422, zh: '该事项的服务对象与申请人类型不符', en: 'The item does not serve this kind of applicant' },
  FORM_INVALID: { status: 422, zh: '申请表填写有误，请检查标出的字段', en: 'The application form has invalid fields' },
  MATERIALS_INCOMPLETE: { status: 422, zh: '申请材料不齐全，请检查标出的材料', en: 'Required materials are missing' },
  COMMITMENT_NOT_OFFERED: { status: 422, zh: '该事项不实行告知承诺制', en: 'This item does not offer the commitment system' },
  DELIVERY_INVALID: { status: 422, zh: '所选的结果送达方式不可用或信息不完整', en: 'The delivery mode is not offered or its details are incomplete' },
  ENTERPRISE_NOT_AUTHORISED: { status: 403, zh: '您不是该企业的经办人，不能以企业名义申请', en: 'You are not an agent of this enterprise' },
  APPLICANT_NOT_REGISTERED: { status: 422, zh: '未找到该证件号码对应的实名用户，请先帮助其注册', en: 'No registered person has this ID number' },
  CASE_STATUS_CONFLICT: { status: 409, zh: '办件当前状态不允许此操作，请刷新后重试', en: 'The case is not in a state that allows this; reload and try again' },
  TASK_ALREADY_DECIDED: { status: 409, zh: '该任务已办理，请刷新后查看', en: 'The task has already been decided' },
  TASK_NOT_OPEN: { status: 409, zh: '该任务当前不在待办状态', en: 'The task is not open' },
  TASK_CLAIMED_BY_OTHER: { status: 409, zh: '该任务已由其他人员签收', en: 'Another member of staff has claimed this task' },
  TASK_KIND_MISMATCH: { status: 409, zh: '该任务不能进行此类办理', en: 'This kind of task does not take this action' },
  COMMENT_REQUIRED: { status: 422, zh: '不予批准或退回补正时必须填写意见', en: 'A comment is required to deny or to return for a supplement' },
  // a 补正 request the applicant could never satisfy (a material or field the item does not have)
  SUPPLEMENT_REQUEST_INVALID: { status: 422, zh: '补正要求中的材料或字段不属于该事项', en: 'The supplement request names a material or field the item does not have' },
  SUPPLEMENT_INCOMPLETE: { status: 422, zh: '补正内容不完整，请补齐标出的材料或字段', en: 'The supplement lacks requested materials or fields' },
  // 窗口领取: a result is handed over once, and only an approved window-delivery result that waits
  CASE_NOT_AWAITING_PICKUP: { status: 409, zh: '该办件没有待窗口领取的结果（尚未办结、未获准予或未选择窗口领取）', en: 'The case has no result waiting at the window (not concluded, not approved or not delivered at a window)' },
  RESULT_ALREADY_COLLECTED: { status: 409, zh: '该办件的结果已经领取，不能重复办理领取', en: 'The result of this case has already been collected' },
  HANDOVER_INVALID: { status: 422, zh: '领取人信息有误，请检查标出的字段', en: 'The collector\'s details are invalid; see the marked fields' },
});
