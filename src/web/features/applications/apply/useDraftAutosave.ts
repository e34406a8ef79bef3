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
  // set while the application is being submitted: a save landing after the submission would
  // bring the draft back on the server
  const paused = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<Promise<unknown> | null>(null);
  const { mutateAsync } = save;

  const flush = useCallback(() => {
    if (!enabled.current || paused.current || latest.current === saved.current) return;
    const text = latest.current;
    saved.current = text;
    const request = mutateAsync(JSON.parse(text) as DraftBody).then(
      (draft) => setSavedAt(draft?.updatedAt ?? new Date().toISOString()),
      // the next change tries again
      () => { if (saved.current === text) saved.current = ''; },
    );
    inFlight.current = request;
    void request.finally(() => { if (inFlight.current === request) inFlight.current = null; });
  }, [mutateAsync]);

  useEffect(() => {
    if (!options.enabled || serialized === saved.current) return undefined;
    timer.current = window.setTimeout(flush, AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer.current);
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

  /** Before submitting: no further saves, and the one under way (if any) has been answered. */
  const pause = useCallback(async () => {
    paused.current = true;
    window.clearTimeout(timer.current);
    await inFlight.current;
  }, []);

  /** The submission failed: the application is still a draft; save the changes made meanwhile. */
  const resume = useCallback(() => {
    paused.current = false;
    flush();
  }, [flush]);

  return { savedAt, saving: save.isPending, failed: save.isError, stop, pause, resume };
}
