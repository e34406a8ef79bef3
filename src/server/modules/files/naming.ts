// File names as people gave them, made safe to store and to send back in a header.
import path from 'node:path';
import type { UploadType } from '../../../contract/files.js';
import { EXTENSIONS } from './sniff.js';

const MAX_NAME = 200;

/**
 * The last path segment of the client's name, NFC-normalised, without control, bidi-override or
 * reserved characters, at most 200 characters (keeping the extension), and ending in an
 * extension of the sniffed type (photo.pdf holding a PNG is kept as photo.pdf.png).
 */
export function sanitiseFileName(raw: string | undefined, type: UploadType): string {
  let name = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  name = name.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  const ext = path.extname(name).toLowerCase();
  if (!EXTENSIONS[type].includes(ext)) name = `${name || 'file'}${EXTENSIONS[type][0]}`;
  const chars = [...name];
  if (chars.length > MAX_NAME) {
    const keep = path.extname(name); // one of EXTENSIONS, so short
    name = chars.slice(0, MAX_NAME - keep.length).join('') + keep;
  }
  return name;
}

/** RFC 6266 / RFC 5987: an ASCII fallback and the UTF-8 name as filename*. */
export function contentDisposition(name: string, disposition: 'inline' | 'attachment' = 'inline'): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
