import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { advanceClock } from '../../platform/clock.js';
import type { PresentationCreated, PresentationView } from '../../../contract/licences.js';
import { problemOf } from '../applications/test-fixtures.js';
import { issueLicence, startLicencesApp, type LicencesContext } from './test-fixtures.js';

describe('亮证: one-time presentation tokens', () => {
  let t: LicencesContext;
  let id: string;
  before(async () => {
    t = await startLicencesApp();
    id = (await issueLicence(t)).id;
  });
  after(async () => t?.close());

  const present = (body: unknown) => t.as.citizen1.post(`/api/licences/${id}/presentations`, body);

  it('shows only the chosen fields once, without login, and refuses the second look with 410', async () => {
    const res = await present({ fields: ['purpose'], ttlSeconds: 120 });
    assert.equal(res.statusCode, 201, res.body);
    const p: PresentationCreated = res.json();
    assert.match(p.qrSvg, /^<svg/);
    assert.match(p.url, new RegExp(`/presentations/${p.token}$`));
    const first = await t.anonymous.get(`/api/presentations/${p.token}`);
    assert.equal(first.statusCode, 200, first.body);
    const view: PresentationView = first.json();
    assert.equal(view.verdict, 'authentic');
    assert.deepEqual(view.fields.map((f) => f.name), ['purpose']);
    assert.ok(!first.body.includes('李明华') && !first.body.includes('419902'), 'nothing but the chosen field');
    const second = await t.anonymous.get(`/api/presentations/${p.token}`);
    assert.equal(second.statusCode, 410);
    assert.equal(problemOf(second).code, 'PRESENTATION_GONE');
    const uses = (await t.as.citizen1.get(`/api/licences/${id}/uses`)).json().items.map((u: { kind: string }) => u.kind);
    assert.deepEqual(uses.slice(0, 2), ['presentation_used', 'presentation_created']);
  });

  it('refuses a token after it expired, and an unknown token with 404', async () => {
    const p: PresentationCreated = (await present({ fields: ['applicantName', 'purpose'], ttlSeconds: 30 })).json();
    advanceClock(31_000);
    const late = await t.anonymous.get(`/api/presentations/${p.token}`);
    assert.equal(late.statusCode, 410);
    assert.equal(problemOf(late).code, 'PRESENTATION_GONE');
    const unknown = await t.anonymous.get(`/api/presentations/${'A'.repeat(32)}`);
    assert.equal(problemOf(unknown).code, 'PRESENTATION_NOT_FOUND');
  });

  it('refuses unknown fields, a long lifetime and someone else\'s licence', async () => {
    assert.equal(problemOf(await present({ fields: ['colour'] })).code, 'LICENCE_FIELD_UNKNOWN');
    const long = await present({ fields: ['purpose'], ttlSeconds: 301 });
    assert.equal(long.statusCode, 400);
    assert.equal(problemOf(long).code, 'VALIDATION_FAILED');
    assert.equal(problemOf(await present({ fields: [] })).code, 'VALIDATION_FAILED');
    const other = await t.as.citizen2.post(`/api/licences/${id}/presentations`, { fields: ['purpose'] });
    assert.equal(other.statusCode, 404);
    assert.equal(problemOf(other).code, 'LICENCE_NOT_FOUND');
  });

  it('refuses to present a revoked licence', async () => {
    const l = await issueLicence(t);
    await t.as['reviewer.gaj'].post(`/api/licences/${l.id}/revoke`, { reason: '依法注销' });
    const res = await t.as.citizen1.post(`/api/licences/${l.id}/presentations`, { fields: ['purpose'] });
    assert.equal(problemOf(res).code, 'LICENCE_NOT_VALID');
  });
});
