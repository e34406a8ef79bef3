// The blob store the files module writes to, set once when the module is registered (the exported
// service functions keep the signatures other modules call, without a store argument).
import type { BlobStore } from '../../platform/storage.js';

let current: BlobStore | null = null;

export function useFileStore(store: BlobStore): void {
  current = store;
}

export function fileStore(): BlobStore {
  if (!current) throw new Error('files: no blob store set (register filesRoutes first)');
  return current;
}
