// The type of an upload, told from its bytes: the client's file name and Content-Type are never
// trusted. PDF, JPEG and PNG by their signatures; OFD (GB/T 33190) as a ZIP whose central
// directory lists OFD.xml at the root.
import type { UploadType } from '../../../contract/files.js';

const PDF = Buffer.from('%PDF-', 'latin1');
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** bytes of the head needed to decide */
export const HEAD_BYTES = 8;
/** bytes of the tail kept for the ZIP end record (22 + a 64 KiB comment) and its central directory */
export const TAIL_BYTES = 1024 * 1024 + 22 + 0xffff;

const startsWith = (head: Buffer, sig: Buffer) => head.length >= sig.length && head.subarray(0, sig.length).equals(sig);

/**
 * What the first bytes say: a final type, 'zip' (an OFD candidate: the tail decides), or null
 * (not allowed). `complete` says the head is all there is, so a short head is final.
 */
export function sniffHead(head: Buffer, complete: boolean): UploadType | 'zip' | null | 'undecided' {
  if (startsWith(head, PDF)) return 'application/pdf';
  if (startsWith(head, JPEG)) return 'image/jpeg';
  if (startsWith(head, PNG)) return 'image/png';
  if (startsWith(head, ZIP)) return 'zip';
  if (!complete && head.length < HEAD_BYTES) {
    const n = head.length;
    const couldBe = [PDF, JPEG, PNG, ZIP].some((sig) => head.equals(sig.subarray(0, Math.min(n, sig.length))) );
    return couldBe ? 'undecided' : null;
  }
  return null;
}

/**
 * True when the ZIP whose last bytes are `tail` (of a file of `totalSize` bytes) lists an entry
 * named OFD.xml at its root. The end-of-central-directory record must be where the format puts
 * it and the directory must fit in the tail; ZIP64 and multi-disk archives are refused.
 */
export function isOfdZip(tail: Buffer, totalSize: number): boolean {
  const tailStart = totalSize - tail.length;
  for (let pos = tail.length - 22; pos >= 0 && pos >= tail.length - 22 - 0xffff; pos--) {
    if (tail.readUInt32LE(pos) !== 0x06054b50) continue;
    const commentLength = tail.readUInt16LE(pos + 20);
    if (pos + 22 + commentLength !== tail.length) continue;
    if (tail.readUInt16LE(pos + 4) !== 0 || tail.readUInt16LE(pos + 6) !== 0) return false;
    const entries = tail.readUInt16LE(pos + 10);
    const cdSize = tail.readUInt32LE(pos + 12);
    const cdOffset = tail.readUInt32LE(pos + 16);
    if (cdOffset === 0xffffffff || cdSize === 0xffffffff) return false;
    if (cdOffset + cdSize !== tailStart + pos || cdOffset < tailStart) return false;
    return listsOfdXml(tail.subarray(cdOffset - tailStart, cdOffset - tailStart + cdSize), entries);
  }
  return false;
}

function listsOfdXml(directory: Buffer, entries: number): boolean {
  let at = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) return false;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const name = directory.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (name === 'OFD.xml') return true;
    at += 46 + nameLength + extraLength + commentLength;
  }
  return false;
}

/** Usual file name extensions of each type; the first is added when a name lacks one of them. */
export const EXTENSIONS: Record<UploadType, string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'application/ofd': ['.ofd'],
};
