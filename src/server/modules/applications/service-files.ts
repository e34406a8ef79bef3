// Material files of a case, served through the files module to those who may read the case: its
// applicant (or acting agent, or any agent of an enterprise applicant) and staff who may see it. A
// file not on the case is not found.
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../platform/auth.js';
import { AppError } from '../../platform/errors.js';
import { sendFile } from '../files/index.js';
import type { Ctx } from './context.js';
import { canReadCase } from './policy.js';
import * as repo from './repo.js';
import { applicantLinks, staffMaySee } from './service-views.js';

const holdsFile = (c: repo.CaseRow, fileId: string) => c.materials.some((m) => m.files.some((f) => f.id === fileId.toLowerCase()));

export async function sendApplicantFile(ctx: Ctx, actor: Actor, caseNo: string, fileId: string, reply: FastifyReply) {
  const c = await repo.findCaseByNo(ctx.db, caseNo);
  if (!c || !canReadCase(actor, c, await applicantLinks(ctx.db, actor, c))) throw new AppError('CASE_NOT_FOUND');
  if (!holdsFile(c, fileId)) throw new AppError('CASE_FILE_NOT_FOUND');
  return sendFile(reply, ctx.db, fileId.toLowerCase());
}

export async function sendStaffFile(ctx: Ctx, actor: Actor, caseNo: string, fileId: string, reply: FastifyReply) {
  const c = await repo.findCaseByNo(ctx.db, caseNo);
  if (!c || !(await staffMaySee(ctx, actor, c))) throw new AppError('CASE_NOT_FOUND');
  if (!holdsFile(c, fileId)) throw new AppError('CASE_FILE_NOT_FOUND');
  return sendFile(reply, ctx.db, fileId.toLowerCase());
}
