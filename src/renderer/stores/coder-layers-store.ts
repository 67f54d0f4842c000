import { create } from 'zustand';
import type { Coding } from '../../shared/model/source';
import { resetOnProjectChange } from './project-scope';

interface CoderLayersState {
  /** Coders whose layer is hidden in the text view (by evaluator id). */
  hidden: string[];
  toggle(coderId: string): void;
  showAll(): void;
}

/** Which coders' layers the text view shows (issue 18): every coder's until one is hidden. */
export const useCoderLayers = create<CoderLayersState>((set, get) => ({
  hidden: [],
  toggle(coderId) {
    const hidden = get().hidden;
    set({
      hidden: hidden.includes(coderId)
        ? hidden.filter((id) => id !== coderId)
        : [...hidden, coderId],
    });
  },
  showAll: () => set({ hidden: [] }),
}));

/** The codings of the layers shown. */
export function visibleCodings(codings: readonly Coding[], hidden: readonly string[]): Coding[] {
  return hidden.length === 0
    ? (codings as Coding[])
    : codings.filter((coding) => !hidden.includes(coding.coderId));
}

// Chosen coders, figures and previews belong to the project they were made in.
resetOnProjectChange(useCoderLayers);
