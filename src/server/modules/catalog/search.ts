// Turns item text into index lexemes and a citizen's query into a tsquery: jieba segmentation with
// the domain dictionary, synonym groups expanded at query time, pinyin initials, character grams
// for the typo fallback, and highlight ranges. Pure text work: no SQL execution here.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { pinyin } from 'pinyin-pro';
import { domainWords, pinyinAbbreviations, synonyms } from './lexicon.js';

let segmenter: Jieba | undefined;
const synonymIndex = new Map<string, Set<string>>();

/** Load the dictionary once (≈0.2 s); the first search or index call pays it otherwise. */
export function warmUpSearch(): void {
  if (segmenter) return;
  const jieba = Jieba.withDict(dict);
  const userWords = new Set<string>();
  for (const w of domainWords) userWords.add(normalise(w));
  for (const group of synonyms) for (const w of group) userWords.add(normalise(w));
  // A high frequency makes jieba keep these words whole; search mode still emits their parts.
  const lines = [...userWords].filter((w) => w.length > 1 && !/\s/.test(w)).map((w) => `${w} 50000 n`);
  jieba.loadDict(Buffer.from(lines.join('\n') + '\n'));
  for (const group of synonyms) {
    const terms = group.map(normalise).filter((t) => t !== '');
    for (const t of terms) {
      const set = synonymIndex.get(t) ?? new Set<string>();
      for (const other of terms) if (other !== t) set.add(other);
      synonymIndex.set(t, set);
    }
  }
  segmenter = jieba;
}

function jieba(): Jieba {
  warmUpSearch();
  return segmenter!;
}

/** Full-width to half-width, lower case, punctuation to spaces, whitespace collapsed. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const isWord = (w: string) => /[\p{L}\p{N}]/u.test(w);

/**
 * Index words of a text: search-mode words (whole words plus their parts, 公积金 → 公积, 积金,
 * 公积金) and every other dictionary word inside it, so a query segmented differently still meets.
 */
export function indexWords(text: string, everyWord = true): string[] {
  const out: string[] = [];
  for (const chunk of normalise(text).split(' ')) {
    if (!chunk) continue;
    // single characters come only from names (see weightedVector), not from every sentence
    const words = new Set(jieba().cutForSearch(chunk, false));
    if (everyWord) for (const w of jieba().cutAll(chunk)) words.add(w);
    for (const w of words) if (isWord(w) && ([...w].length > 1 || /^[a-z0-9]$/.test(w))) out.push(w);
  }
  return out;
}

/** Precise-mode words of a text, as a query is read. */
export function queryWords(text: string): string[] {
  const out: string[] = [];
  for (const chunk of normalise(text).split(' ')) {
    if (chunk) for (const w of jieba().cut(chunk, false)) if (isWord(w)) out.push(w);
  }
  return out;
}

// ---- tsvector / tsquery literals (no text-search parser, so every server locale agrees) ----

const lexeme = (w: string) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

export type Weight = 'A' | 'B' | 'C' | 'D';

const hanChars = (text: string) => [...text.normalize('NFKC')].filter((c) => /\p{Script=Han}/u.test(c));

/**
 * A tsvector literal of weighted fields, e.g. `'营业':1A '执照':2A`. A field marked `chars`
 * contributes its single Chinese characters instead of words, so a query word of one
 * character (公积金怎么取 → 取) can still be required; `prose` skips the every-word pass.
 */
export function weightedVector(fields: { text: string; weight: Weight; chars?: boolean; prose?: boolean }[]): string {
  const positions = new Map<string, string[]>();
  let pos = 0;
  for (const { text, weight, chars, prose } of fields) {
    for (const w of chars ? hanChars(text) : indexWords(text, !prose)) {
      pos = Math.min(pos + 1, 16383);
      // one position per lexeme and weight: ranking looks at weights, not at frequency
      const list = positions.get(w) ?? [];
      if (!list.some((p) => p.endsWith(weight))) list.push(`${pos}${weight}`);
      positions.set(w, list);
    }
  }
  return [...positions].map(([w, p]) => `${lexeme(w)}:${p.join(',')}`).join(' ');
}

/** Character unigrams and bigrams of each text (for the typo fallback). */
export function charGrams(texts: string[]): string[] {
  const grams = new Set<string>();
  for (const t of texts) {
    for (const chunk of normalise(t).split(' ')) {
      const chars = [...chunk];
      chars.forEach((c, i) => { grams.add(c); if (i + 1 < chars.length) grams.add(c + chars[i + 1]); });
    }
  }
  return [...grams];
}

export const plainVector = (words: string[]) => [...new Set(words)].map(lexeme).join(' ');

export interface SearchText { name: string; aliases: string[]; summary: string; resultName: string; departmentName: string; themeNames: string[] }

/** The search columns of one item: weighted words, name grams and pinyin initials. */
export function searchDocument(d: SearchText) {
  const names = [d.name, ...d.aliases];
  const tokens = weightedVector([
    { text: d.name, weight: 'A' },
    ...d.aliases.map((a) => ({ text: a, weight: 'B' as const })),
    { text: names.join(' '), weight: 'D', chars: true },
    { text: [d.resultName, ...d.themeNames].join(' '), weight: 'C' },
    { text: `${d.summary} ${d.departmentName}`, weight: 'D', prose: true },
  ]);
  const aliases = d.aliases.map((a) => normalise(a).replace(/ /g, ''));
  return {
    tokens,
    nameGrams: plainVector(charGrams(names)),
    initials: names.map(initialsOf).join('|'),
    nameKey: normalise(d.name).replace(/ /g, ''),
    aliases,
    aliasKey: aliases.join('|'),
  };
}

/** One initial per character (CJK → pinyin initial, letters and digits kept, others a space). */
export function initialsOf(text: string): string {
  const chars = [...text.normalize('NFKC').toLowerCase()];
  const letters = pinyin(chars.join(''), { pattern: 'first', toneType: 'none', type: 'array' });
  if (letters.length !== chars.length) return chars.map((c) => (/[a-z0-9]/.test(c) ? c : ' ')).join('');
  return letters.map((l, i) => (/\p{Script=Han}/u.test(chars[i]) ? l.toLowerCase().charAt(0) : /[a-z0-9]/.test(chars[i]) ? chars[i] : ' ')).join('');
}

// ---- queries ----

/** Words that say what the citizen wants to do rather than what: they narrow nothing. */
const STOP_WORDS = new Set([
  '的', '了', '吗', '呢', '啊', '吧', '和', '与', '及', '或', '在', '去', '到', '我', '我要', '我想', '想', '要', '请问',
  '怎么', '怎么办', '怎样', '如何', '哪里', '在哪', '在哪里', '哪儿', '什么', '哪些', '需要', '可以', '能', '能否', '是否',
  '办', '办理', '怎么办理', '手续', '流程', '申请', '材料', '条件', '多久', '时间', '地点', '网上', '在线', '一下',
]);

export interface ParsedQuery {
  /** one tsquery per query word: the word, its synonyms, or its parts */
  groups: string[];
  /** the word the citizen typed for each group */
  words: string[];
  /** words and synonyms used, for the response and the name bonus */
  terms: string[];
  /** the terms and their parts, to highlight in names */
  marks: string[];
  /** all-ASCII query: the initials to look for (yyzz → 营业执照) */
  initials: string | null;
  /** the character grams of the query's content words, for the typo fallback */
  grams: string[];
}

/** The parts that tile a word (住房公积金 → 住房 + 公积金), or none when they do not cover it. */
function partsOf(word: string): string[] {
  if ([...word].length < 3) return [];
  const subs = jieba().cutForSearch(word, false).filter((s) => s !== word && s.length > 1).sort((a, b) => b.length - a.length);
  const covered = new Array<boolean>(word.length).fill(false);
  const chosen: { at: number; w: string }[] = [];
  for (const s of subs) {
    for (let at = word.indexOf(s); at >= 0; at = word.indexOf(s, at + 1)) {
      if (covered.slice(at, at + s.length).some(Boolean)) continue;
      covered.fill(true, at, at + s.length);
      chosen.push({ at, w: s });
    }
  }
  return covered.every(Boolean) ? chosen.sort((a, b) => a.at - b.at).map((c) => c.w) : [];
}

/** A word as a tsquery: itself, or all of its parts. */
function wordQuery(word: string): string {
  const parts = partsOf(word);
  return parts.length ? `(${lexeme(word)} | (${parts.map(lexeme).join(' & ')}))` : lexeme(word);
}

/** A phrase (a synonym such as 企业设立登记) as a tsquery: all of its words. */
function phraseQuery(phrase: string): string {
  const words = [...new Set(queryWords(phrase))];
  return words.length === 1 ? wordQuery(words[0]) : `(${words.map(wordQuery).join(' & ')})`;
}

export function synonymsOf(term: string): string[] {
  warmUpSearch();
  return [...(synonymIndex.get(term) ?? [])];
}

const parsedCache = new Map<string, ParsedQuery>();

/** Parse a query; the most recent few hundred are remembered, since people type the same things. */
export function parseQuery(raw: string): ParsedQuery {
  const cached = parsedCache.get(raw);
  if (cached) return cached;
  const parsed = parse(raw);
  if (parsedCache.size >= 500) parsedCache.delete(parsedCache.keys().next().value!);
  parsedCache.set(raw, parsed);
  return parsed;
}

function parse(raw: string): ParsedQuery {
  warmUpSearch();
  const text = normalise(raw);
  const compact = text.replace(/ /g, '');
  const terms = new Set<string>();
  const typed: string[] = [];
  const groups: string[] = [];
  const addGroup = (alternatives: string[]) => {
    typed.push(alternatives[0]);
    const alts = [...new Set(alternatives)];
    alts.forEach((a) => terms.add(a));
    groups.push(alts.length === 1 ? phraseQuery(alts[0]) : `(${alts.map(phraseQuery).join(' | ')})`);
  };
  let contentText = compact;
  const abbreviation = /^[a-z]+$/.test(compact) ? pinyinAbbreviations[compact] : undefined;
  if (abbreviation) {
    addGroup([compact, abbreviation, ...synonymsOf(normalise(abbreviation))]);
  } else if (synonymIndex.has(compact)) {
    // the whole query is a known colloquial name (生孩子, 开公司)
    addGroup([compact, ...synonymsOf(compact)]);
  } else {
    const words = queryWords(text);
    const content = words.filter((w) => !STOP_WORDS.has(w));
    for (const w of new Set(content.length ? content : words)) addGroup([w, ...synonymsOf(w)]);
    contentText = (content.length ? content : words).join('');
  }
  const initials = /^[a-z0-9]{2,}$/.test(compact) && /[a-z]/.test(compact) ? compact : null;
  // highlight every term whole, and the parts of the words the citizen typed
  const marks = new Set(terms);
  for (const w of typed) partsOf(w).forEach((p) => marks.add(p));
  return { groups, words: typed, terms: [...terms], marks: [...marks], initials, grams: queryGrams(contentText) };
}

/** Bigrams of the query, or its single character. */
export function queryGrams(compact: string): string[] {
  const chars = [...compact];
  if (chars.length === 1) return chars;
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return [...grams];
}

// ---- highlights ----

export type Range = [number, number];

/** [start, end) ranges (UTF-16 offsets, as JavaScript indexes strings) of the terms in a name. */
export function highlight(name: string, terms: string[]): Range[] {
  const lower = name.normalize('NFKC').toLowerCase();
  if (lower.length !== name.length) return [];
  const marked = new Array<boolean>(name.length).fill(false);
  for (const term of terms) {
    if (!term) continue;
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) marked.fill(true, at, at + term.length);
  }
  return runs(marked);
}

/** Ranges of the name whose initials contain the typed letters. */
export function highlightInitials(name: string, typed: string): Range[] {
  const initials = initialsOf(name);
  if (initials.length !== name.length) return [];
  const at = initials.indexOf(typed);
  return at < 0 ? [] : [[at, at + typed.length]];
}

function runs(marked: boolean[]): Range[] {
  const out: Range[] = [];
  for (let i = 0; i < marked.length; i++) {
    if (!marked[i]) continue;
    const start = i;
    while (i < marked.length && marked[i]) i++;
    out.push([start, i]);
  }
  return out;
}
