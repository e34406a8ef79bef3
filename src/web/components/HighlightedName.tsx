// Renders a name with the server's matched [start, end) ranges as <mark>, without any HTML strings.
import type { ReactNode } from 'react';
import type { Highlight } from '../../contract/common';

export function HighlightedName({ text, ranges }: { text: string; ranges?: Highlight }) {
  if (!ranges?.length) return <>{text}</>;
  const chars = Array.from(text); // offsets count code points, so astral characters stay whole
  const sorted = [...ranges]
    .map(([start, end]) => [Math.max(0, start), Math.min(chars.length, end)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const [start, end] of sorted) {
    if (end <= cursor) continue;
    const from = Math.max(start, cursor);
    if (from > cursor) parts.push(chars.slice(cursor, from).join(''));
    parts.push(<mark key={from}>{chars.slice(from, end).join('')}</mark>);
    cursor = end;
  }
  if (cursor < chars.length) parts.push(chars.slice(cursor).join(''));
  return <>{parts}</>;
}
