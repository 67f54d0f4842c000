import { create } from 'zustand';
import { resetOnProjectChange } from './project-scope';

interface PrivacyState {
  /**
   * Real names on screen: participants' names and the speaker labels of the files (which are
   * often names). Off by default and again at every project change; the user turns it on.
   */
  revealNames: boolean;
  setRevealNames(on: boolean): void;
}

/** Whether personal names are shown: pseudonyms everywhere unless the user reveals names. */
export const usePrivacyStore = create<PrivacyState>((set) => ({
  revealNames: false,
  setRevealNames: (on) => set({ revealNames: on }),
}));

resetOnProjectChange(usePrivacyStore);
