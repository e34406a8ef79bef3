import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import '../app.js';
import { allErrorCodes } from './errors.js';
import { renderErrorDocs } from './error-docs.js';

const sourceFiles = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
  const p = path.join(dir, f);
  return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
});

describe('error registry', () => {
  const codes = allErrorCodes();
  const sources = sourceFiles('src/server').map((f) => ({ file: f, text: readFileSync(f, 'utf8') }));

  it('documents every code in docs/api/errors.md (run npm run docs:errors after adding one)', () => {
    assert.equal(readFileSync('docs/api/errors.md', 'utf8'), renderErrorDocs());
  });

  it('uses every registered code somewhere besides its definition', () => {
    // a definition reads `CODE: {`; a use is the quoted code or a property access `.CODE`
    const unused = codes.filter((code) => !sources.some(({ text }) => new RegExp(`['"]${code}['"]|\\.${code}\\b`).test(text)));
    assert.deepEqual(unused, []);
  });

  it('throws only registered codes', () => {
    const thrown = new Set<string>();
    for (const { text } of sources) for (const m of text.matchAll(/new AppError\(\s*'([A-Z0-9_]+)'/g)) thrown.add(m[1]);
    assert.deepEqual([...thrown].filter((c) => !codes.includes(c)), []);
  });
});
