// A pass-through stream an upload flows through on its way to the blob store: it hashes and
// counts the bytes, keeps the head and the tail for sniffing, and fails as soon as the head
// shows a type that is not allowed or the size passes the limit, so the store keeps nothing.
import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { UploadType } from '../../../contract/files.js';
import { AppError } from '../../platform/errors.js';
import { HEAD_BYTES, TAIL_BYTES, isOfdZip, sniffHead } from './sniff.js';

export class UploadMeter extends Transform {
  size = 0;
  private readonly hash = createHash('sha256');
  private head = Buffer.alloc(0);
  private tail: Buffer[] = [];
  private tailLength = 0;
  private headType: ReturnType<typeof sniffHead> = 'undecided';

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(new AppError('UPLOAD_TOO_LARGE'));
    this.hash.update(chunk);
    if (this.head.length < HEAD_BYTES) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
      this.headType = sniffHead(this.head, false);
      if (this.headType === null) return done(new AppError('UPLOAD_TYPE_NOT_ALLOWED'));
    }
    if (this.headType === 'zip') this.keepTail(chunk);
    done(null, chunk);
  }

  private keepTail(chunk: Buffer) {
    this.tail.push(chunk);
    this.tailLength += chunk.length;
    while (this.tail.length > 1 && this.tailLength - this.tail[0].length >= TAIL_BYTES) this.tailLength -= this.tail.shift()!.length;
  }

  get sha256(): string {
    return this.hash.copy().digest('hex');
  }

  /** The type of the whole upload once it has been read; null when it is not an allowed one. */
  contentType(): UploadType | null {
    const t = sniffHead(this.head, true);
    if (t !== 'zip') return t === 'undecided' ? null : t;
    const tail = Buffer.concat(this.tail);
    return isOfdZip(tail.subarray(Math.max(0, tail.length - TAIL_BYTES)), this.size) ? 'application/ofd' : null;
  }
}
