// The CJK font of rendered licences: Noto Sans SC from @fontsource/noto-sans-sc (npm, so a fresh
// machine needs no system fonts). fontkit reads WOFF 1 but re-inflates a table on every glyph lookup,
// which makes subsetting the 8,000-glyph "chinese-simplified" file take ~15 s; unpacking it once to
// plain sfnt brings a PDF down to ~0.1 s. Characters outside it come from the numbered subsets.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const dir = path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
const PRIMARY = 'noto-sans-sc-chinese-simplified-400-normal';

/** WOFF 1.0 → sfnt (TrueType/OpenType): inflate each table and write a plain table directory. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const numTables = woff.readUInt16BE(12);
  const head = Buffer.alloc(12 + 16 * numTables);
  head.writeUInt32BE(woff.readUInt32BE(4), 0);
  head.writeUInt16BE(numTables, 4);
  let pow = 1, log = 0;
  while (pow * 2 <= numTables) { pow *= 2; log++; }
  head.writeUInt16BE(pow * 16, 6);
  head.writeUInt16BE(log, 8);
  head.writeUInt16BE(numTables * 16 - pow * 16, 10);
  const bodies: Buffer[] = [];
  let offset = head.length;
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    const [tag, at, compLength, origLength, checksum] = [0, 4, 8, 12, 16].map((k) => woff.readUInt32BE(e + k));
    const raw = woff.subarray(at, at + compLength);
    const data = compLength < origLength ? inflateSync(raw) : raw;
    const d = 12 + i * 16;
    head.writeUInt32BE(tag, d); head.writeUInt32BE(checksum, d + 4); head.writeUInt32BE(offset, d + 8); head.writeUInt32BE(origLength, d + 12);
    const padded = Buffer.alloc((data.length + 3) & ~3);
    data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  }
  return Buffer.concat([head, ...bodies]);
}

const loaded = new Map<string, Buffer>();
export function fontBytes(name: string): Buffer {
  let b = loaded.get(name);
  if (!b) loaded.set(name, (b = woffToSfnt(readFileSync(path.join(dir, 'files', `${name}.woff`)))));
  return b;
}

export const primaryFont = () => fontBytes(PRIMARY);

let ranges: { name: string; ranges: [number, number][] }[] | null = null;
/** The numbered subset whose unicode-range holds the code point (from the package's 400.css). */
export function fallbackFontFor(codePoint: number): string | null {
  ranges ??= [...readFileSync(path.join(dir, '400.css'), 'utf8').matchAll(/files\/([^)]+)\.woff2\)[\s\S]*?unicode-range:\s*([^;]+);/g)]
    .filter((m) => /-\d+-400-normal$/.test(m[1]))
    .map((m) => ({ name: m[1], ranges: m[2].split(',').map((r) => { const [a, b] = r.trim().slice(2).split('-'); return [parseInt(a, 16), parseInt(b ?? a, 16)] as [number, number]; }) }));
  return ranges.find((f) => f.ranges.some(([a, b]) => codePoint >= a && codePoint <= b))?.name ?? null;
}
