// 窗口领取: any window clerk in the city (全市通办) records the hand-over of an approved result waiting
// at the window (who collected it, how their identity was checked, the clerk and the window) and
// reads the queue of results awaiting pick-up. Never hands a result over twice, nor to someone who
// claims to be the applicant with another ID number; never stores an ID number in clear.
import type { HandoverBody, PickupList, PickupQuery, PickupSummary, PickupView } from '../../../contract/pickups.js';
import { isoTimestamp, tx, type Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth.js';
import { now } from '../../platform/clock.js';
import { cipherFor } from '../../platform/crypto.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import { validateIdNumber, type IdNumberResult } from '../../platform/ids.js';
import { maskIdNumber, maskName } from '../../../contract/mask.js';
import { departmentNames } from '../catalog/index.js';
import { idTailHash, record, type Ctx } from './context.js';
import { canHandOver } from './policy-handover.js';
import * as repo from './repo.js';
import { countAwaiting, findPickup, listAwaiting, markCollected, type AwaitingRow, type PickupRow } from './repo-handover.js';
import { notices } from './texts.js';
import { notifyApplicant } from './notify-applicant.js';

type Localised = { zh: string; en: string };
type IdReason = Extract<IdNumberResult, { ok: false }>['reason'];

const FIELD_MESSAGES = {
  NAME_REQUIRED: { zh: '请填写代领人姓名', en: 'Enter the name of the person collecting' },
  WINDOW_REQUIRED: { zh: '请填写办理领取的窗口', en: 'Enter the window handing over the result' },
  CONTROL_CHARACTERS: { zh: '不能包含控制字符', en: 'Must not contain control characters' },
  NOT_APPLICANT: {
    zh: '证件号码与申请人不一致；由他人代领时请选择“代领人”并登记其身份',
    en: 'The ID number is not the applicant\'s; for someone else choose "agent" and record their identity',
  },
} satisfies Record<string, Localised>;

const ID_MESSAGES: Record<IdReason, Localised> = {
  FORMAT: { zh: '身份证号码应为 18 位，前 17 位为数字，最后一位为数字或 X', en: 'An ID number has 18 characters: 17 digits, then a digit or X' },
  PROVINCE: { zh: '身份证号码的前两位不是有效的省级行政区划代码', en: 'The first two digits are not a valid province code' },
  BIRTH_DATE: { zh: '身份证号码中的出生日期不是有效日期或晚于今天', en: 'The birth date in the ID number is not a real date or lies in the future' },
  CHECK_DIGIT: { zh: '身份证号码校验码不正确，请核对是否输错', en: 'The check digit does not match; please check for a typing error' },
};

// C0/C1 controls, line/paragraph separators and bidirectional overrides (which can disguise text)
const CONTROL = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const clean = (value: string | undefined) => value?.normalize('NFC').trim() ?? '';
const fieldError = (path: string, code: string, message: Localised, lang: Lang): FieldError => ({ path, code, message: message[lang] });
const invalid = (errors: FieldError[]) => new AppError('HANDOVER_INVALID', undefined, errors);

interface CleanHandover {
  kind: 'applicant' | 'agent'; name: string; idNumber: string; authorisation: string | null;
  verification: HandoverBody['verification']; window: string; note: string | null;
}

/** Trimmed input, or HANDOVER_INVALID listing every field that is wrong; nothing is read or written. */
function cleanHandover(body: HandoverBody, lang: Lang, at: Date): CleanHandover {
  const input = {
    kind: body.collector.kind, name: clean(body.collector.name), idNumber: clean(body.collector.idNumber).toUpperCase(),
    authorisation: clean(body.collector.authorisation) || null, verification: body.verification, window: clean(body.window),
    note: clean(body.note) || null,
  };
  const errors: FieldError[] = [];
  if (input.kind === 'agent' && !input.name) errors.push(fieldError('/collector/name', 'REQUIRED', FIELD_MESSAGES.NAME_REQUIRED, lang));
  const id = validateIdNumber(input.idNumber, { now: at });
  if (!id.ok) errors.push(fieldError('/collector/idNumber', id.reason, ID_MESSAGES[id.reason], lang));
  if (!input.window) errors.push(fieldError('/window', 'REQUIRED', FIELD_MESSAGES.WINDOW_REQUIRED, lang));
  const texts: [string, string | null][] = [['/collector/name', input.name], ['/collector/authorisation', input.authorisation], ['/window', input.window], ['/note', input.note]];
  for (const [path, value] of texts) {
    if (value && CONTROL.test(value)) errors.push(fieldError(path, 'CONTROL_CHARACTERS', FIELD_MESSAGES.CONTROL_CHARACTERS, lang));
  }
  if (errors.length) throw invalid(errors);
  return input;
}


/** The case keeps only the masked ID number and a keyed hash of its tail: both must match the one shown. */
const isApplicant = (secretKey: string, c: repo.CaseRow, p: PickupRow, idNumber: string) =>
  c.applicant_kind === 'person' && maskIdNumber(idNumber) === c.applicant_id_masked && idTailHash(secretKey, idNumber) === p.id_tail_hash;

type CaseBrief = Pick<AwaitingRow, 'case_no' | 'item_name' | 'department_code' | 'applicant_name' | 'applicant_kind' | 'applicant_id_masked'>;

function toSummary(c: CaseBrief, readyAt: Date | string, names: Map<string, string>): PickupSummary {
  return {
    caseNo: c.case_no, itemName: c.item_name, departmentName: names.get(c.department_code) ?? c.department_code,
    // a person's name is personal data; an enterprise's registered name is public
    applicantName: c.applicant_kind === 'person' ? maskName(c.applicant_name) : c.applicant_name,
    applicantKind: c.applicant_kind, applicantIdMasked: c.applicant_id_masked, readyAt: isoTimestamp(readyAt),
  };
}

function toPickupView(c: repo.CaseRow, p: PickupRow, names: Map<string, string>): PickupView {
  const collected = p.collected_at !== null && p.collector_kind !== null;
  const state = collected ? 'collected' : c.result === 'approved' ? 'awaiting' : 'revoked';
  return {
    ...toSummary(c, p.ready_at, names), state,
    handover: collected ? {
      at: isoTimestamp(p.collected_at), window: p.window_name ?? '', clerkName: p.clerk_name ?? '', verification: p.verification ?? 'id_card',
      collector: { kind: p.collector_kind!, name: maskName(p.collector_name ?? ''), idMasked: p.collector_id_masked ?? '' },
      authorisation: p.authorisation, note: p.note,
    } : null,
    actions: state === 'awaiting' ? ['hand_over'] : [],
  };
}

const namesOf = (db: Executor, codes: string[]) => departmentNames(db, [...new Set(codes)]);

/**
 * Record the hand-over of a case's result at a window, in one transaction on the locked case row:
 * the pick-up row, a 'picked_up' timeline line with its audit entry and a notice to the applicant.
 * `complete` runs last in the transaction (the route records its Idempotency-Key there).
 */
export async function handOver(ctx: Ctx, actor: Actor, caseNo: string, body: HandoverBody, lang: Lang,
  complete?: (t: Executor, view: PickupView) => Promise<void>): Promise<PickupView> {
  if (!canHandOver(actor)) throw new AppError('FORBIDDEN');
  const at = now();
  const input = cleanHandover(body, lang, at);
  return tx(ctx.db, async (t) => {
    const c = await repo.lockCaseByNo(t, caseNo);
    if (!c) throw new AppError('CASE_NOT_FOUND');
    const pickup = await findPickup(t, c.id);
    if (pickup?.collected_at) throw new AppError('RESULT_ALREADY_COLLECTED');
    if (!pickup || c.status !== 'concluded' || c.result !== 'approved') throw new AppError('CASE_NOT_AWAITING_PICKUP');
    if (input.kind === 'applicant' && !isApplicant(ctx.secretKey, c, pickup, input.idNumber)) {
      throw invalid([fieldError('/collector/idNumber', 'NOT_APPLICANT', FIELD_MESSAGES.NOT_APPLICANT, lang)]);
    }
    const collectorName = input.kind === 'applicant' ? c.applicant_name : input.name;
    const collectorIdMasked = maskIdNumber(input.idNumber);
    const handover = {
      at, window: input.window, clerkAccountId: actor.accountId, clerkName: actor.name, verification: input.verification,
      collectorKind: input.kind, collectorName, collectorIdMasked, collectorIdEnc: cipherFor(ctx.secretKey).encrypt(input.idNumber),
      authorisation: input.kind === 'agent' ? input.authorisation : null, note: input.note,
    };
    if (!(await markCollected(t, c.id, handover))) throw new AppError('RESULT_ALREADY_COLLECTED');
    const agentName = input.kind === 'agent' ? maskName(collectorName) : null;
    await notifyApplicant(t, c, (ref) => notices.pickedUp(ref, input.window, agentName));
    await record(t, c, actor, at, 'picked_up',
      [{ action: 'picked_up', data: { window: input.window, collectorKind: input.kind, agentName, verification: input.verification } }],
      { pickedUp: true, window: input.window, verification: input.verification, collectorKind: input.kind, collectorIdMasked });
    const view = toPickupView(c, {
      ...pickup, collected_at: at, window_name: input.window, clerk_name: actor.name, verification: input.verification,
      collector_kind: input.kind, collector_name: collectorName, collector_id_masked: collectorIdMasked,
      authorisation: handover.authorisation, note: input.note,
    }, await namesOf(t, [c.department_code]));
    await complete?.(t, view);
    return view;
  });
}

/** One result's pick-up, for a clerk; a case whose result never waited at a window is not found. */
export async function pickupView(ctx: Ctx, actor: Actor, caseNo: string): Promise<PickupView> {
  if (!canHandOver(actor)) throw new AppError('FORBIDDEN');
  const c = await repo.findCaseByNo(ctx.db, caseNo);
  const pickup = c && await findPickup(ctx.db, c.id);
  if (!c || !pickup) throw new AppError('CASE_NOT_FOUND');
  return toPickupView(c, pickup, await namesOf(ctx.db, [c.department_code]));
}

/** 待领取: results waiting at the windows, longest waiting first, searchable by case number. */
export async function pickupQueue(ctx: Ctx, actor: Actor, q: PickupQuery): Promise<PickupList> {
  if (!canHandOver(actor)) throw new AppError('FORBIDDEN');
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const [list, total] = await Promise.all([
    listAwaiting(ctx.db, q.caseNo, pageSize, (page - 1) * pageSize), countAwaiting(ctx.db, q.caseNo),
  ]);
  const names = await namesOf(ctx.db, list.map((r) => r.department_code));
  return { total, page, pageSize, items: list.map((r) => toSummary(r, r.ready_at, names)) };
}
