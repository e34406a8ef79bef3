// A draft names its files by id only; when it is resumed (perhaps on another device) the names,
// types and sizes are read from the upload's headers (HEAD /api/uploads/:id), without the bytes.
import { useEffect } from 'react';
import type { FileRef } from '../../../../contract/applications';

/** The file name from `filename*=UTF-8''…`, else from `filename="…"`. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // fall back to the plain name
    }
  }
  return /filename="([^"]*)"/i.exec(header)?.[1] ?? null;
}

async function describe(file: FileRef): Promise<FileRef | null> {
  try {
    const response = await fetch(`/api/uploads/${encodeURIComponent(file.id)}`, { method: 'HEAD', credentials: 'same-origin' });
    if (!response.ok) return null;
    return {
      ...file,
      name: fileNameFromDisposition(response.headers.get('content-disposition')) ?? file.name,
      contentType: response.headers.get('content-type') ?? file.contentType,
      size: Number(response.headers.get('content-length')) || file.size,
    };
  } catch {
    return null;
  }
}

/** Fill in the details of files known by id only (contentType ''), once, when the wizard opens. */
export function useSavedFileNames(files: FileRef[], onDescribed: (described: Map<string, FileRef>) => void) {
  useEffect(() => {
    const unknown = files.filter((f) => !f.contentType);
    if (!unknown.length) return undefined;
    let cancelled = false;
    void Promise.all(unknown.map(describe)).then((results) => {
      if (cancelled) return;
      const found = new Map(results.filter((f): f is FileRef => !!f).map((f) => [f.id, f]));
      if (found.size) onDescribed(found);
    });
    return () => { cancelled = true; };
    // only the files the draft brought, once
  }, []);
}
