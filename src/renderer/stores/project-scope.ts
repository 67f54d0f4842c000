import type { StoreApi, UseBoundStore } from 'zustand';

/**
 * What belongs to one open project in the renderer. Every domain store registers here how it
 * goes back to its first state; the project store calls {@link resetProjectScope} whenever the
 * project changes (opened, created, closed, restored, imported), so nothing of one project —
 * an open transcript, a selection, a chosen matrix, a pending save timer — shows in the next.
 */
const resets = new Set<() => void>();
let generation = 0;

/** Registers a reset run at every project change. */
export function onProjectChange(reset: () => void): void {
  resets.add(reset);
}

/** Registers a zustand store to go back to its initial state at every project change. */
export function resetOnProjectChange<T>(store: UseBoundStore<StoreApi<T>>): void {
  onProjectChange(() => store.setState(store.getInitialState(), true));
}

/** Empties every registered store; answers still on their way for the old project are ignored. */
export function resetProjectScope(): void {
  generation += 1;
  for (const reset of resets) reset();
}

/**
 * A token for the project now open. An answer that arrives after the project changed belongs to
 * the old one: `isCurrent(token)` is then false and the answer is dropped.
 */
export function projectToken(): number {
  return generation;
}

/** True while the project of `token` is still the one open. */
export function isCurrent(token: number): boolean {
  return token === generation;
}
