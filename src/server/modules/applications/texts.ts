// What the case tells people: notices (站内信, SMS) on every status change of a case, and the
// timeline lines of the case page, in Chinese and English. Texts never carry an ID number.
import type { Notice } from '../notifications/index.js';
import type { Lang } from '../../platform/i18n.js';

const link = (caseNo: string) => `/me/cases/${caseNo}`;
type CaseRef = { caseNo: string; itemName: string; accountId: string };

const notice = (c: CaseRef, kind: string, title: { zh: string; en: string }, body: { zh: string; en: string }, sms?: string): Notice => ({
  accountId: c.accountId, kind: `case.${kind}`, link: link(c.caseNo), title, body, ...(sms ? { sms } : {}),
});

export const notices = {
  submitted: (c: CaseRef, dueOn: string | null) => notice(c, 'submitted', { zh: '申请已提交', en: 'Application submitted' }, {
    zh: `您申请的「${c.itemName}」已提交，办件编号 ${c.caseNo}${dueOn ? `，承诺办结日期 ${dueOn}` : ''}。`,
    en: `Your application "${c.itemName}" was submitted as case ${c.caseNo}${dueOn ? `; promised by ${dueOn}` : ''}.`,
  }, `您的办件${c.caseNo}（${c.itemName}）已提交。`),
  accepted: (c: CaseRef) => notice(c, 'accepted', { zh: '申请已受理', en: 'Application accepted' }, {
    zh: `您的办件 ${c.caseNo}（${c.itemName}）已受理，正在审查。`, en: `Your case ${c.caseNo} (${c.itemName}) was accepted and is under review.`,
  }),
  notAccepted: (c: CaseRef, reason: string) => notice(c, 'not_accepted', { zh: '申请不予受理', en: 'Application not accepted' }, {
    zh: `您的办件 ${c.caseNo}（${c.itemName}）不予受理。理由：${reason}`, en: `Your case ${c.caseNo} (${c.itemName}) was not accepted. Reason: ${reason}`,
  }, `您的办件${c.caseNo}不予受理，详情请登录查看。`),
  supplement: (c: CaseRef, department: string, comment: string) => notice(c, 'supplement_requested', { zh: '请补正材料', en: 'Supplement requested' }, {
    zh: `${department}要求您补正办件 ${c.caseNo}（${c.itemName}）：${comment}。补正期间办理时限暂停计算。`,
    en: `${department} asks you to supplement case ${c.caseNo} (${c.itemName}): ${comment}. The time limit is paused meanwhile.`,
  }, `您的办件${c.caseNo}需要补正，请登录查看要求。`),
  concluded: (c: CaseRef, approved: boolean) => notice(c, 'concluded', approved
    ? { zh: '办件已办结（准予）', en: 'Case concluded: approved' } : { zh: '办件已办结（不予批准）', en: 'Case concluded: denied' }, approved
    ? { zh: `您的办件 ${c.caseNo}（${c.itemName}）已办结，结果：准予。`, en: `Your case ${c.caseNo} (${c.itemName}) is concluded: approved.` }
    : { zh: `您的办件 ${c.caseNo}（${c.itemName}）已办结，结果：不予批准，理由请登录查看。`, en: `Your case ${c.caseNo} (${c.itemName}) is concluded: denied. Log in to read why.` },
  `您的办件${c.caseNo}已办结，结果：${approved ? '准予' : '不予批准'}。`),
  withdrawn: (c: CaseRef) => notice(c, 'withdrawn', { zh: '申请已撤回', en: 'Application withdrawn' }, {
    zh: `您的办件 ${c.caseNo}（${c.itemName}）已撤回。`, en: `Your case ${c.caseNo} (${c.itemName}) was withdrawn.`,
  }),
  revoked: (c: CaseRef, comment: string) => notice(c, 'revoked', { zh: '办理结果已撤销', en: 'Result revoked' }, {
    zh: `经事后核查，您在办件 ${c.caseNo}（${c.itemName}）中作出的承诺与实际情况不符，办理结果已撤销。核查意见：${comment}`,
    en: `A post-check found your commitment in case ${c.caseNo} (${c.itemName}) to be false; the result is revoked. Finding: ${comment}`,
  }, `您的办件${c.caseNo}经核查承诺不实，办理结果已撤销。`),
  /** 窗口领取: also the applicant's alarm should someone they did not authorise have collected it */
  pickedUp: (c: CaseRef, window: string, agentName: string | null) => notice(c, 'picked_up', { zh: '办理结果已领取', en: 'Result collected' }, {
    zh: `您的办件 ${c.caseNo}（${c.itemName}）的办理结果已在${window}${agentName ? `由代领人 ${agentName} ` : '由您本人'}领取。如非本人或您授权的人领取，请立即拨打 12345 反映。`,
    en: `The result of your case ${c.caseNo} (${c.itemName}) was collected at ${window} ${agentName ? `by your agent ${agentName}` : 'by you in person'}. If neither you nor someone you authorised collected it, call 12345 at once.`,
  }, `您的办件${c.caseNo}的结果已在窗口领取，如非本人或授权人领取请拨打12345。`),
  overdue: (accountId: string, t: { caseNo: string; taskName: string; dueOn: string; departmentName: string }): Notice => ({
    accountId, kind: 'task.overdue', link: `/workbench/cases/${t.caseNo}`,
    title: { zh: '审批任务已超期', en: 'A task is overdue' },
    body: {
      zh: `${t.departmentName}的任务「${t.taskName}」（办件 ${t.caseNo}）已于 ${t.dueOn} 到期仍未办结，请督办。`,
      en: `The task "${t.taskName}" of ${t.departmentName} (case ${t.caseNo}) was due on ${t.dueOn} and is still open.`,
    },
  }),
};

const ACTIONS: Record<string, { zh: string; en: string }> = {
  submitted: { zh: '提交申请', en: 'Application submitted' },
  accepted: { zh: '受理', en: 'Accepted' },
  auto_accepted: { zh: '自动受理（即办件）', en: 'Accepted automatically' },
  not_accepted: { zh: '不予受理', en: 'Not accepted' },
  task_opened: { zh: '开始审查', en: 'Review started' },
  task_claimed: { zh: '签收', en: 'Claimed' },
  task_released: { zh: '退回待签收', en: 'Released' },
  task_approved: { zh: '审查通过', en: 'Approved' },
  task_denied: { zh: '不予批准', en: 'Denied' },
  task_cancelled: { zh: '任务取消', en: 'Task cancelled' },
  supplement_requested: { zh: '要求补正', en: 'Supplement requested' },
  supplement_submitted: { zh: '提交补正材料', en: 'Supplement submitted' },
  withdrawn: { zh: '撤回申请', en: 'Withdrawn' },
  concluded: { zh: '办结', en: 'Concluded' },
  commitment_signed: { zh: '签署告知承诺书', en: 'Commitment signed' },
  post_check_confirmed: { zh: '事后核查：承诺属实', en: 'Post-check: commitment confirmed' },
  commitment_revoked: { zh: '事后核查：承诺不实，撤销办理结果', en: 'Post-check: false commitment, result revoked' },
  delivered: { zh: '结果已寄出', en: 'Result posted' },
  awaiting_pickup: { zh: '结果待领取（窗口）', en: 'Result ready for pick-up at the window' },
  picked_up: { zh: '结果已领取', en: 'Result collected' },
  elicence_pending: { zh: '电子证照待签发', en: 'E-licence to be issued' },
  escalated: { zh: '任务超期，已提醒部门负责人', en: 'Task overdue; department admin alerted' },
};

const RESULT = { approved: { zh: '准予', en: 'approved' }, denied: { zh: '不予批准', en: 'denied' }, revoked: { zh: '已撤销', en: 'revoked' } } as const;

/** Where and by whom a result was collected: （青川市政务服务中心 3 号窗口，本人领取）; an agent's name is masked. */
const pickupDetail = (lang: Lang, window: string, agentName: string | null) => (lang === 'en'
  ? ` at ${window}, ${agentName ? `by the authorised agent ${agentName}` : 'by the applicant in person'}`
  : `（${window}，${agentName ? `代领人 ${agentName}` : '本人领取'}）`);

/** One timeline line: "<department> <action>" plus the result of a conclusion or a tracking number. */
export function timelineText(action: string, lang: Lang, departmentName: string | null, data: Record<string, unknown> | null): string {
  const base = ACTIONS[action]?.[lang] ?? action;
  const taskName = typeof data?.taskName === 'string' ? data.taskName : null;
  let text = departmentName ? `${departmentName} ${base}` : base;
  if (taskName && action.startsWith('task_')) text += lang === 'en' ? ` (${taskName})` : `（${taskName}）`;
  const result = data?.result as keyof typeof RESULT | undefined;
  if (action === 'concluded' && result && RESULT[result]) text += lang === 'en' ? `: ${RESULT[result].en}` : `：${RESULT[result].zh}`;
  if (action === 'delivered' && typeof data?.trackingNo === 'string') text += lang === 'en' ? `, tracking no. ${data.trackingNo}` : `，运单号 ${data.trackingNo}`;
  if (action === 'picked_up' && typeof data?.window === 'string') text += pickupDetail(lang, data.window, typeof data.agentName === 'string' ? data.agentName : null);
  return text;
}
