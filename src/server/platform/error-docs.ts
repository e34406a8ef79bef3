// Renders the error registry as docs/api/errors.md (kept in sync by `npm run docs:errors`
// and checked by errors.test.ts).
import { allErrorCodes, errorDef } from './errors.js';

export function renderErrorDocs(): string {
  const lines = [
    '# API error codes',
    '',
    'Every error response is RFC 9457 `application/problem+json`:',
    '`{ type, title, status, code, detail?, instance?, errors? }`. `code` is stable; `title` is in the',
    'language asked for by `Accept-Language` (zh-CN by default, English when preferred); `errors` lists',
    'each invalid field as `{ path, code, message }` with `path` a JSON pointer into the request.',
    '',
    'This file is generated from the registry by `npm run docs:errors`; a test fails when it is stale.',
    '',
    '| code | HTTP | 中文 | English |',
    '| --- | --- | --- | --- |',
  ];
  for (const code of allErrorCodes()) {
    const d = errorDef(code)!;
    lines.push(`| \`${code}\` | ${d.status} | ${d.zh} | ${d.en} |`);
  }
  return lines.join('\n') + '\n';
}
