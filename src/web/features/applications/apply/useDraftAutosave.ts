// Saves the application as a server-side draft a moment after each change (and when the page is
// hidden or left), so it can be resumed on any device.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftBody } from '../../../../contract/applications';
import { useSaveDraft } from '../api';

export const AUTOSAVE_DELAY_MS = 1500;

export function useDraftAutosave(itemCode: string, body: DraftBody, options: { enabled: boolean; savedAt: string | null }) {
  const save = useSaveDraft(itemCode);
  const [savedAt, setSavedAt] = useState(options.savedAt);
  const serialized = JSON.stringify(body);
  // what the server holds: nothing is saved until the person changes something
  const saved = useRef(serialized);
  const latest = useRef(serialized);
  latest.current = serialized;
  const enabled = useRef(options.enabled);
  enabled.current = options.enabled;
  const { mutate } = save;

  const flush = useCallback(() => {
    if (!enabled.current || latest.current === saved.current) return;
    const text = latest.current;
    saved.current = text;
    mutate(JSON.parse(text) as DraftBody, {
      onSuccess: (draft) => setSavedAt(draft?.updatedAt ?? new Date().toISOString()),
      // the next change tries again
      onError: () => { if (saved.current === text) saved.current = ''; },
    });
  }, [mutate]);

  useEffect(() => {
    if (!options.enabled || serialized === saved.current) return undefined;
    const timer = window.setTimeout(flush, AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [serialized, options.enabled, flush]);

  useEffect(() => {
    const onHide = () => { if (document.visibilityState === 'hidden') flush(); };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, [flush]);

  /** After submission the draft is gone on the server: stop saving it. */
  const stop = useCallback(() => { enabled.current = false; }, []);

  return { savedAt, saving: save.isPending, failed: save.isError, stop };
}
