import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WEB_ROUTES } from '../contract/web-routes.js';
import { startTestApp, type TestContext } from './test/harness.js';

describe('serving the web app', () => {
  const webDir = mkdtempSync(path.join(tmpdir(), 'tongban-web-'));
  let t: TestContext;
  before(async () => {
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><html lang="zh-CN"><title>通办</title></html>');
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(path.join(webDir, 'assets', 'app-1a2b.js'), 'console.log(1)');
    t = await startTestApp({ webDir });
  });
  after(async () => { await t.close(); rmSync(webDir, { recursive: true, force: true }); });

  it('answers the app pages with 200 and unknown paths with the app and a real 404', async () => {
    for (const url of ['/', '/items', '/items/000133001000', '/admin/items/new', '/me']) {
      const res = await t.app.inject(url);
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, /<title>通办<\/title>/);
    }
    const missing = await t.app.inject('/no-such-page');
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /<title>通办<\/title>/, 'the app renders its own not-found page');
    assert.equal((await t.app.inject('/assets/app-1a2b.js')).statusCode, 200);
    assert.equal((await t.app.inject('/assets/gone.js')).statusCode, 404);
    const api = await t.app.inject('/api/no-such-thing');
    assert.deepEqual([api.statusCode, api.json().code], [404, 'NOT_FOUND']);
  });

  it('knows every page the web router declares', () => {
    const router = readFileSync('src/web/app/router.tsx', 'utf8');
    const declared = [...router.matchAll(/path: '([^'*]+)'/g)].map((m) => `/${m[1]}`);
    assert.ok(declared.length > 5);
    assert.deepEqual(declared.filter((p) => !(WEB_ROUTES as readonly string[]).includes(p)), []);
  });
});
