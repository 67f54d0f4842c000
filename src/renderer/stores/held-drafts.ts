import { create } from 'zustand';

/**
 * Edits a dialog holds until the user saves them on purpose (a text correction moves codings,
 * so it is never saved on its own): kept in the window across a reload (tab memory), but not
 * on disk. While one is held the save badge says so instead of "all saved", and browser mode
 * asks before the tab is closed.
 */
export const useHeldDrafts = create<{ held: number }>(() => ({ held: 0 }));

const holders = new Set<object>();
const recount = () => useHeldDrafts.setState({ held: holders.size });

/** `owner` holds an edit that is not saved; `false` lets it go (saved or thrown away). */
export function holdDraft(owner: object, held: boolean): void {
  if (held === holders.has(owner)) return;
  if (held) holders.add(owner);
  else holders.delete(owner);
  recount();
}

/**
 * Browser mode: asks before the tab closes while an edit is held (a reload keeps it, a closed
 * tab does not). The desktop app cannot ask this way (a cancelled unload just keeps the window
 * open, without a word), so there a reload keeps the edit and closing the window drops it.
 */
export function askBeforeLeavingWithHeldDrafts(): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (window.campo || holders.size === 0) return;
    event.preventDefault();
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => window.removeEventListener('beforeunload', onBeforeUnload);
}
