// Browser-test support: start the real platform on a fresh data directory (demo city seeded),
// drive Debian's Chromium with playwright-core, and scan pages with axe-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { chromium, request, type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

export interface Platform { url: string; dataDir: string; stop(): Promise<void> }

export async function startPlatform(env: Record<string, string> = {}): Promise<Platform> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tongban-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/main.ts')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', TONGBAN_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', TONGBAN_DEMO: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.removeAllListeners('exit');
      child.kill('SIGKILL');
      reject(new Error(`platform did not start in 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = output.match(/running at (http:\/\/localhost:\d+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`platform exited with ${code}:\n${output}`)); });
  });
  return {
    url, dataDir,
    async stop() {
      child.removeAllListeners('exit');
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Collect console errors and warnings and failed page scripts; a journey that logs any of them
 * fails. A failed resource load carries the request's URL after ' @ ', so a journey can excuse
 * exactly the requests it expects to fail (see unexpectedProblems).
 */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    const where = m.text().startsWith('Failed to load resource') && m.location().url ? ` @ ${m.location().url}` : '';
    problems.push(`${m.type()}: ${m.text()}${where}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/** A request the journey means to fail: the browser logs it as a failed resource load. */
export interface ExpectedFailure { method?: string; status: number; path: string }

/** The console problems left once the browser's own lines for the expected failed requests are removed. */
export function unexpectedProblems(problems: string[], expected: ExpectedFailure[] = []): string[] {
  return problems.filter((line) => {
    const m = /^error: Failed to load resource: the server responded with a status of (\d{3}) \([^)]*\) @ (\S+)$/.exec(line);
    if (!m) return true;
    const path = new URL(m[2]).pathname;
    return !expected.some((e) => e.status === Number(m[1]) && e.path === path);
  });
}

/** Log in through the login form, as a person would, and wait to leave the login page. */
export async function logIn(page: Page, baseUrl: string, login: string, password: string, redirect?: string): Promise<void> {
  await page.goto(`${baseUrl}/login${redirect ? `?redirect=${encodeURIComponent(redirect)}` : ''}`);
  await page.getByLabel('用户名或手机号').fill(login);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((u) => u.pathname !== '/login');
}

/** Poll a condition evaluated in the test (not the page) until it holds. */
export async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The demo accounts' shared password. */
export const DEMO_PASSWORD = 'Tongban@2026';

/** Run axe-core on the current page; returns serious and critical WCAG A/AA violations. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  const source = require('axe-core').source as string;
  await page.evaluate(source);
  const result = await page.evaluate(async () => {
    const axe = (window as any).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')) }));
  });
  return result.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * One journey's platform and browser: fresh browser profiles (no cookies, no stored language)
 * whose console problems are collected until the page closes.
 */
/** The platform and a browser, started together; if either fails the other is closed, so the run ends. */
export async function startPlatformAndBrowser(): Promise<[Platform, Browser]> {
  const [platform, browser] = await Promise.allSettled([startPlatform(), launchBrowser()]);
  if (platform.status === 'rejected' || browser.status === 'rejected') {
    if (browser.status === 'fulfilled') await browser.value.close();
    if (platform.status === 'fulfilled') await platform.value.stop();
    throw platform.status === 'rejected' ? platform.reason : (browser as PromiseRejectedResult).reason;
  }
  return [platform.value, browser.value];
}

export class Journey {
  platform!: Platform;
  browser!: Browser;
  readonly problems: string[] = [];
  private readonly contexts: BrowserContext[] = [];

  get url() { return this.platform.url; }

  async start(): Promise<this> {
    [this.platform, this.browser] = await startPlatformAndBrowser();
    return this;
  }

  async freshPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await this.browser.newContext({ locale: 'zh-CN', viewport });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const seen = watchConsole(page);
    page.on('close', () => this.problems.push(...seen));
    return page;
  }

  async stop(): Promise<void> {
    for (const context of this.contexts) await context.close();
    await this.browser?.close();
    await this.platform?.stop();
  }
}

/**
 * A small, well-formed one-page PDF (the scanned 出生医学证明); the byte offsets in its xref table
 * are computed, so a strict reader accepts it.
 */
export function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 44 >>\nstream\nBT /F1 12 Tf 20 50 Td (Birth certificate) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Wait for Ant Design's message (toast) with exactly this text. */
export const toast = (page: Page, text: string) => page.locator('.ant-message').getByText(text, { exact: true }).waitFor();

/** An API session as `username`: the cookies of the login, and the CSRF header on every write. */
export async function apiAs(baseURL: string, username: string): Promise<{ api: APIRequestContext; post: (path: string, data: unknown) => Promise<unknown> }> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { 'accept-language': 'zh-CN' } });
  const login = await api.post('/api/auth/login', { data: { login: username, password: DEMO_PASSWORD } });
  assert.equal(login.status(), 200, await login.text());
  const csrf = (await api.storageState()).cookies.find((c) => c.name === 'tb_csrf')!.value;
  const post = async (path: string, data: unknown) => {
    const res = await api.post(path, { data, headers: { 'x-csrf-token': csrf, 'idempotency-key': `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}` } });
    assert.ok(res.ok(), `${path}: ${res.status()} ${await res.text()}`);
    return res.json();
  };
  return { api, post };
}
