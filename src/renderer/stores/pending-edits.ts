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
/** Owners whose field has gone with a save that failed (a full disk, the host down). */
const orphans = new Set<object>();

const recount = () => usePendingEdits.setState({ unsaved: waiting.size });

/** `owner` has typed something not saved yet; `flush` saves it now. */
export function markUnsaved(owner: object, flush: Flush): void {
  waiting.set(owner, flush);
  recount();
}

/** `owner` has nothing waiting any more (saved, or nothing to save). */
export function markSaved(owner: object): void {
  orphans.delete(owner);
  if (waiting.delete(owner)) recount();
}

/**
 * `owner`'s field has gone while what it typed waits after a failed save: nobody sees that text
 * any more, so it must not come back after something typed later. It is sent again before the
 * next save of any field (and when the page is hidden or closed), so the later text lands last.
 */
export function markOrphan(owner: object): void {
  if (waiting.has(owner)) orphans.add(owner);
}

/**
 * Sends again what fields that have gone could not save, before `owner` saves; resolves once
 * they are answered, or null when there are none.
 */
export function flushOrphans(owner: object): Promise<void> | null {
  const flushes: Flush[] = [];
  for (const orphan of orphans) {
    const flush = waiting.get(orphan);
    if (orphan === owner || !flush) continue;
    waiting.delete(orphan);
    flushes.push(flush);
  }
  orphans.clear();
  if (flushes.length === 0) return null;
  recount();
  return Promise.allSettled(flushes.map((flush) => Promise.resolve().then(flush))).then(
    () => undefined,
  );
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
  // What gone fields could not save goes first, whenever it failed last: newer text lands after.
  const order = [...waiting.keys()].sort((a, b) => Number(orphans.has(b)) - Number(orphans.has(a)));
  const flushes = order.map((owner) => waiting.get(owner)!);
  waiting.clear();
  orphans.clear();
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
