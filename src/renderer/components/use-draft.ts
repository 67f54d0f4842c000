import { useCallback, useEffect, useRef, useState } from 'react';
import { coreFailures } from '../api/failures';
import { basedOn, shownNow, type Shown } from '../stores/base-revision';
import {
  flushOrphans,
  markOrphan,
  markSaved,
  markUnsaved,
  trackSave,
} from '../stores/pending-edits';

/** How long after the last keystroke what was typed is saved. */
export const TYPING_PAUSE_MS = 700;

export interface DraftOptions<T> {
  /** The saved value, as the project holds it. */
  value: T;
  /**
   * Saves a value. A promise is followed by the save badge; one that resolves to `false` (a
   * refused change) puts the saved value back in the field, unless the change was not judged
   * but only not saved (the host did not answer, a full disk: see `coreFailures`), or the
   * promise failed: then what was typed stays, unsaved, and is sent again at the next save.
   */
  onCommit(value: T): unknown;
  /** False for a value that must not be saved (an empty required field, a wrong date). */
  accept?(value: T): boolean;
  /**
   * On blur, a draft that cannot be saved goes back to the saved value (true, the default), or
   * stays on screen to be corrected (a mistyped date with its message).
   */
  revertInvalid?: boolean;
  /** Pause after typing before saving; 0 saves only on blur and on flush. */
  delay?: number;
  equals?(a: T, b: T): boolean;
}

export interface Draft<T> {
  /** What the field shows: what the user is typing, or the saved value. */
  draft: T;
  /** The user typed: shown at once, saved after a pause. */
  change(next: T): void;
  /** Saves now (blur, Enter); a value that cannot be saved goes back to the saved one. */
  commit(): void;
  /** True while what is shown differs from what is saved. */
  dirty: boolean;
  /** Shows another spelling of the same value ("05/06/2021" for "5/6/21"): nothing to save. */
  respell(next: T): void;
}

/**
 * Save-as-you-type for one field: the draft is saved after a short pause in the typing, at
 * once when the field loses focus, and when the page is hidden or closed (see
 * pending-edits.ts). While it waits the save badge says so. A saved value arriving while the
 * user goes on typing does not overwrite what they typed; one changed elsewhere (an undo, another
 * window) replaces the draft when nothing is pending.
 */
export function useDraft<T>({
  value,
  onCommit,
  accept,
  revertInvalid = true,
  delay = TYPING_PAUSE_MS,
  equals = Object.is,
}: DraftOptions<T>): Draft<T> {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [dirty, setDirty] = useState(false);
  const owner = useRef({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ draft, value, onCommit, accept, equals, revertInvalid });
  /** Sends the draft again (after a save that failed without a verdict). */
  const retry = useRef<(() => unknown) | null>(null);
  /** What the window showed when this draft began: the revisions it is based on. */
  const basis = useRef<Shown | null>(null);
  /** The last save failed without a verdict: what was typed waits to be sent again. */
  const failedSave = useRef(false);
  const mounted = useRef(true);

  if (!equals(value, seen)) {
    setSeen(value);
    if (!dirty) setDraft(value);
  }

  useEffect(() => {
    latest.current.draft = draft;
    latest.current.value = value;
    latest.current.onCommit = onCommit;
    latest.current.accept = accept;
    latest.current.equals = equals;
    latest.current.revertInvalid = revertInvalid;
  });

  /** Sends the draft if it differs from the saved value and may be saved. */
  const save = useCallback((revertIfRefused: boolean) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    markSaved(owner.current);
    const {
      draft: typed,
      value: saved,
      onCommit: commit,
      accept: ok,
      equals: same,
    } = latest.current;
    if (same(typed, saved)) {
      setDirty(false);
      basis.current = null;
      failedSave.current = false;
      return undefined;
    }
    if (ok && !ok(typed)) {
      if (revertIfRefused && latest.current.revertInvalid) {
        latest.current.draft = saved;
        setDraft(saved);
        setDirty(false);
      } else markUnsaved(owner.current, () => undefined);
      return undefined;
    }
    const before = coreFailures().count;
    const settle = (result: unknown, failed = false) => {
      // Typing went on while it was saved: that newer text is still pending, based on this save.
      if (!same(latest.current.draft, typed)) {
        if (!failed && result !== false) basis.current = shownNow();
        return;
      }
      const failure = coreFailures();
      if (failed || (result === false && failure.count > before && failure.keepsInput)) {
        markUnsaved(owner.current, () => retry.current?.());
        failedSave.current = true;
        if (!mounted.current) markOrphan(owner.current);
        return;
      }
      failedSave.current = false;
      basis.current = null;
      if (result === false) {
        latest.current.draft = latest.current.value;
        setDraft(latest.current.value);
      }
      setDirty(false);
    };
    const shown = basis.current;
    const send = () => basedOn(shown, () => commit(typed));
    // What fields that have gone could not save goes first: this newer text must land last.
    const orphansSent = flushOrphans(owner.current);
    const result = trackSave(orphansSent ? orphansSent.then(send) : send());
    if (result instanceof Promise) result.then(settle, () => settle(false, true));
    else settle(result);
    return result;
  }, []);

  useEffect(() => {
    retry.current = () => save(false);
  }, [save]);

  const change = useCallback(
    (next: T) => {
      latest.current.draft = next;
      // The first keystroke of a draft: what the user sees now is what they type over.
      basis.current ??= shownNow();
      setDraft(next);
      setDirty(true);
      if (timer.current) clearTimeout(timer.current);
      timer.current = delay > 0 ? setTimeout(() => save(false), delay) : null;
      markUnsaved(owner.current, () => save(false));
    },
    [delay, save],
  );

  const commit = useCallback(() => void save(true), [save]);

  // A field that goes away (another screen, a closed dialog) saves what it holds; what it
  // could not save waits, unseen, to be sent before anything typed later (see markOrphan).
  useEffect(() => {
    const self = owner.current;
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (timer.current) void save(false);
      else if (failedSave.current) markOrphan(self);
      else markSaved(self);
    };
  }, [save]);

  const respell = useCallback((next: T) => {
    latest.current.draft = next;
    setDraft(next);
  }, []);

  return { draft, change, commit, dirty, respell };
}
