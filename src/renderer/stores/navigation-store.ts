import { create } from 'zustand';
import { resetOnProjectChange } from './project-scope';

/** The screens of an open project, in the order of the navigation. */
export const SCREENS = [
  'overview',
  'questions',
  'participants',
  'interviews',
  'focusGroups',
  'ngt',
  'coding',
  'matrix',
  'indicators',
  'report',
  'team',
] as const;
export type ScreenId = (typeof SCREENS)[number];

interface NavigationState {
  screen: ScreenId;
  go(screen: ScreenId): void;
}

/** Which screen of the open project is shown. */
export const useNavigationStore = create<NavigationState>((set) => ({
  screen: 'overview',
  go: (screen) => set({ screen }),
}));

resetOnProjectChange(useNavigationStore);
