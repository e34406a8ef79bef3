// 亮证: a one-time, short-lived token showing only the fields the holder chose. Only the token's
// SHA-256 is stored; the first look marks it used, so a second look or a late one gets 410.
import { tx, type Executor } from '../../db/client.js';
import { appendAudit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth.js';
import { now } from '../../platform/clock.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import type { PresentationCreated, PresentationRequest, PresentationView } from '../../../contract/licences.js';
import { calendarToday } from '../calendar/index.js';
import * as repo from './repo.js';
import { mine, qrSvg, verdictOf } from './service.js';
import { licenceType } from './types.js';
import { fieldViews, isExpired, typeName } from './views.js';

export const presentationUrl = (origin: string, token: string) => `${origin}/presentations/${token}`;

export async function present(db: Executor, actor: Actor, id: string, body: PresentationRequest, origin: string, secretKey?: string): Promise<PresentationCreated> {
  const l = await mine(db, actor, id, secretKey);
  if (l.status !== 'valid' || isExpired(l, calendarToday())) throw new AppError('LICENCE_NOT_VALID');
  const known = new Set(licenceType(l.type_key)?.fields.map((f) => f.name) ?? []);
  const unknown = body.fields.filter((f) => !known.has(f));
  if (unknown.length) throw new AppError('LICENCE_FIELD_UNKNOWN', undefined, unknown.map((f) => ({ path: `/fields/${body.fields.indexOf(f)}`, code: 'LICENCE_FIELD_UNKNOWN', message: f })));
  const token = randomToken(24);
  const at = now();
  const expiresAt = new Date(at.getTime() + (body.ttlSeconds ?? 120) * 1000);
  await tx(db, async (t) => {
    await repo.insertPresentation(t, { tokenHash: sha256Hex(token), licenceId: l.id, fields: body.fields, at, expiresAt });
    await repo.insertUse(t, l.id, 'presentation_created', { fields: body.fields, expiresAt: expiresAt.toISOString() }, at);
    await appendAudit(t, { stream: `licence:${l.id}`, actorId: actor.accountId, action: 'licence.presented', target: l.identifier, change: { fields: body.fields, expiresAt }, regionCode: l.region_code });
  });
  const url = presentationUrl(origin, token);
  return { token, url, qrSvg: await qrSvg(url), expiresAt: expiresAt.toISOString(), fields: body.fields };
}

/** The first look at a token: the chosen fields and the licence's verdict. */
export async function look(db: Executor, secretKey: string, token: string, lang: Lang): Promise<PresentationView> {
  const hash = sha256Hex(token);
  const at = now();
  const { l, fields } = await tx(db, async (t) => {
    const used = await repo.consumePresentation(t, hash, at);
    if (!used) throw new AppError((await repo.findPresentation(t, hash)) ? 'PRESENTATION_GONE' : 'PRESENTATION_NOT_FOUND');
    await repo.insertUse(t, used.licence_id, 'presentation_used', { fields: used.fields }, at);
    return { l: (await repo.findLicence(t, used.licence_id))!, fields: used.fields };
  });
  return {
    verdict: await verdictOf(db, secretKey, l), typeName: typeName(l, lang), issuerName: l.issuer_name, validTo: l.valid_to,
    fields: fieldViews(l, lang, fields), presentedAt: at.toISOString(),
  };
}
