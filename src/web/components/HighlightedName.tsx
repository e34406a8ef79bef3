// Renders text with the server's matched [start, end) ranges as <mark>, without any HTML strings.
// Offsets are UTF-16 code units, as the server computes them with String.prototype.indexOf.
import type { ReactNode } from 'react';
import type { Highlight } from '../../contract/common';

export function HighlightedName({ text, ranges }: { text: string; ranges?: Highlight }) {
  if (!ranges?.length) return <>{text}</>;
  const sorted = [...ranges]
    .map(([start, end]) => [Math.max(0, start), Math.min(text.length, end)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const [start, end] of sorted) {
    if (end <= cursor) continue;
    const from = Math.max(start, cursor);
    if (from > cursor) parts.push(text.slice(cursor, from));
    parts.push(<mark key={from}>{text.slice(from, end)}</mark>);
    cursor = end;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return <>{parts}</>;
}
