import { create } from 'zustand';
import { resetOnProjectChange } from './project-scope';
import { recallFromTab, rememberInTab } from './tab-memory';

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
  /** After a reload: the screen this window showed of the project, else the overview. */
  resume(): void;
}

const isScreen = (value: string | null): value is ScreenId =>
  (SCREENS as readonly string[]).includes(value ?? '');

/** Which screen of the open project is shown (remembered by the window across a reload). */
export const useNavigationStore = create<NavigationState>((set) => ({
  screen: 'overview',
  go: (screen) => {
    rememberInTab('screen', screen);
    set({ screen });
  },
  resume: () => {
    const screen = recallFromTab('screen');
    set({ screen: isScreen(screen) ? screen : 'overview' });
  },
}));

resetOnProjectChange(useNavigationStore);
