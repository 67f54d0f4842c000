import { create } from 'zustand';
import { leavingPage } from '../api/transport';

/** Saves what one field (or one editor) has typed but not yet sent to the core. */
type Flush = () => unknown;

interface PendingEditsState {
  /** Fields whose typing waits for its pause before it is saved. */
  unsaved: number;
  /** Saves sent to the core and not yet answered. */
  inFlight: number;
}

/**
 * What the user typed that is not on disk yet: the save badge says "Modifiche non salvate"
 * while anything waits, and everything waiting is saved at once when the page is hidden or
 * closed, or before the project changes.
 */
export const usePendingEdits = create<PendingEditsState>(() => ({ unsaved: 0, inFlight: 0 }));

const waiting = new Map<object, Flush>();

const recount = () => usePendingEdits.setState({ unsaved: waiting.size });

/** `owner` has typed something not saved yet; `flush` saves it now. */
export function markUnsaved(owner: object, flush: Flush): void {
  waiting.set(owner, flush);
  recount();
}

/** `owner` has nothing waiting any more (saved, or nothing to save). */
export function markSaved(owner: object): void {
  if (waiting.delete(owner)) recount();
}

/** Follows a save sent to the core until it is answered (the badge says "Salvataggio…"). */
export function trackSave<T>(result: T): T {
  if (!(result instanceof Promise)) return result;
  usePendingEdits.setState((state) => ({ inFlight: state.inFlight + 1 }));
  const done = () => usePendingEdits.setState((state) => ({ inFlight: state.inFlight - 1 }));
  result.then(done, done);
  return result;
}

/**
 * Saves everything waiting now; resolves once each save has been answered. The saves are sent
 * synchronously, so that a page being unloaded still sends them.
 */
export async function flushPendingEdits(): Promise<void> {
  const flushes = [...waiting.values()];
  waiting.clear();
  recount();
  const sent = flushes.map((flush) => {
    try {
      return flush();
    } catch (error) {
      return Promise.reject(error);
    }
  });
  await Promise.allSettled(sent);
}

/**
 * Saves what is waiting when the page is hidden (another app, a minimised window), reloaded or
 * closed. Browser mode sends these last calls with `keepalive`, so they outlive the page.
 */
export function flushWhenHidden(): () => void {
  const flush = () => void flushPendingEdits();
  const onLeave = () => {
    leavingPage(true);
    flush();
  };
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    // Electron: the main process stops the core once the window is gone, so the window waits
    // for its last saves (a cancelled unload closes nothing there, and asks nothing), then closes.
    if (window.campo && waiting.size > 0) {
      event.preventDefault();
      event.returnValue = '';
      void flushPendingEdits().then(() => window.close());
      return;
    }
    onLeave();
  };
  const onShow = () => leavingPage(false);
  const onVisibility = () => document.visibilityState === 'hidden' && flush();
  window.addEventListener('pagehide', onLeave);
  window.addEventListener('beforeunload', onBeforeUnload);
  window.addEventListener('pageshow', onShow);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    window.removeEventListener('pagehide', onLeave);
    window.removeEventListener('beforeunload', onBeforeUnload);
    window.removeEventListener('pageshow', onShow);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
