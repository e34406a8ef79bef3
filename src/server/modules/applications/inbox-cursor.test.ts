// Keyset paging of the inbox (?after=, nextCursor): the same tasks in the same order as page
// numbers give, down to the last page; refused cursors are coded 400s.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  accept, applicationBody, apply, decide, problemOf, publishItem, singleStage, startApplicationsApp, taskOf, type ApplicationsContext,
} from './test-fixtures.js';

const DEPT = 'cgj';
interface Page { items: { id: string; dueOn: string | null }[]; nextCursor: string | null; total: number; page: number }

describe('inbox keyset paging', () => {
  let t: ApplicationsContext;
  const inbox = async (query: string, expect = 200) => {
    const res = await t.as[`reviewer.${DEPT}`].get(`/api/workbench/tasks?department=${DEPT}&${query}`);
    assert.equal(res.statusCode, expect, res.body);
    return res;
  };
  /** every task of the view, page by page through page numbers, then through cursors */
  const byPages = async (view: string, size: number) => {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const p: Page = (await inbox(`view=${view}&pageSize=${size}&page=${page}`)).json();
      ids.push(...p.items.map((k) => k.id));
      if (p.items.length < size) return ids;
    }
  };
  const byCursor = async (view: string, size: number) => {
    const pages: Page[] = [];
    let cursor: string | null = null;
    do {
      pages.push((await inbox(`view=${view}&pageSize=${size}${cursor ? `&after=${cursor}` : ''}`)).json());
      cursor = pages[pages.length - 1].nextCursor;
      if (pages.length > 50) assert.fail('the cursor never reaches the end');
    } while (cursor);
    return pages;
  };

  before(async () => {
    t = await startApplicationsApp();
    // two time limits, so the open tasks fall on two due dates with several tasks on each
    const short = await publishItem(t, singleStage(DEPT, 1));
    const long = await publishItem(t, singleStage(DEPT, 4));
    for (let i = 0; i < 7; i++) {
      const who = i % 2 ? t.as.citizen2 : t.as.citizen1;
      const c = await apply(who, await applicationBody(who, i % 3 ? short : long));
      await accept(t, c.caseNo);
      if (i < 5) await decide(t, DEPT, await taskOf(t, c.caseNo, DEPT), { decision: 'approve', comment: '同意' });
    }
    for (let i = 0; i < 7; i++) {
      const who = i % 2 ? t.as.citizen1 : t.as.citizen2;
      await accept(t, (await apply(who, await applicationBody(who, i % 2 ? short : long))).caseNo);
    }
  });
  after(async () => t?.close());

  it('walks every open task in the page numbers\' order, the last page without a cursor', async () => {
    const pages = await byCursor('open', 3);
    const ids = pages.flatMap((p) => p.items.map((k) => k.id));
    assert.ok(pages[0].total >= 9, `open tasks: ${pages[0].total}`);
    assert.deepEqual(ids, await byPages('open', 3));
    assert.equal(ids.length, pages[0].total);
    assert.equal(new Set(ids).size, ids.length, 'no task twice');
    const due = pages.flatMap((p) => p.items.map((k) => k.dueOn!));
    assert.deepEqual(due, [...due].sort(), 'due first');
    assert.ok(new Set(due).size >= 2, 'the walk crosses a due date with several tasks on each');
    assert.equal(pages[pages.length - 1].nextCursor, null);
    assert.ok(pages.slice(0, -1).every((p) => p.items.length === 3 && p.nextCursor && p.page === 1));
  });

  it('walks the tasks the reviewer decided, newest first', async () => {
    const pages = await byCursor('done', 2);
    const ids = pages.flatMap((p) => p.items.map((k) => k.id));
    assert.equal(ids.length, 5);
    assert.deepEqual(ids, await byPages('done', 2));
  });

  it('gives no cursor on a page that is not full', async () => {
    const all: Page = (await inbox('view=open&pageSize=100')).json();
    assert.equal(all.nextCursor, null);
  });

  it('refuses a cursor of another view, a forged one, one beside a page number, and a malformed one', async () => {
    const first: Page = (await inbox('view=open&pageSize=2')).json();
    assert.ok(first.nextCursor);
    const refused = async (query: string, code: string) => assert.equal(problemOf(await inbox(query, 400)).code, code, query);
    await refused(`view=mine&after=${first.nextCursor}`, 'INBOX_CURSOR_INVALID');
    await refused(`view=open&page=2&after=${first.nextCursor}`, 'INBOX_CURSOR_INVALID');
    const forged = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    const id = first.items[0].id;
    await refused(`view=open&after=${forged(['open', '2026-02-30', id])}`, 'INBOX_CURSOR_INVALID');
    await refused(`view=open&after=${forged(['open', '0000-01-01', id])}`, 'INBOX_CURSOR_INVALID');
    await refused(`view=open&after=${forged(['open', '2026-03-02', 'not-a-uuid'])}`, 'INBOX_CURSOR_INVALID');
    await refused(`view=done&after=${forged(['done', '2026-03-02', id])}`, 'INBOX_CURSOR_INVALID');
    await refused(`view=open&after=${Buffer.from('{').toString('base64url')}`, 'INBOX_CURSOR_INVALID');
    await refused('view=open&after=%2A%2A', 'VALIDATION_FAILED');
    // a well-formed cursor past the end is an empty page, not an error
    const past: Page = (await inbox(`view=open&after=${forged(['open', '2099-12-31', id])}`)).json();
    assert.deepEqual([past.items, past.nextCursor], [[], null]);
  });

  it('keeps the department rule: another department\'s reviewer gets 403 with a cursor too', async () => {
    const first: Page = (await inbox('view=open&pageSize=2')).json();
    const res = await t.as['reviewer.gaj'].get(`/api/workbench/tasks?department=${DEPT}&after=${first.nextCursor}`);
    assert.equal(res.statusCode, 403);
    assert.equal(problemOf(res).code, 'FORBIDDEN');
  });
});
