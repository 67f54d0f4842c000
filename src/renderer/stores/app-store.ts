import { create } from 'zustand';
import type { MessageKey } from '../../shared/i18n';
import type { MessageParams } from '../../shared/i18n/format';
import { CampoError, type WireError } from '../../shared/ipc/errors';
import type { AppInfo } from '../../shared/ipc/types';
import type { Language } from '../../shared/model/project';
import { api } from '../api/client';

/** A notification's text: a catalogue message, or an error translated from its code. */
export type Message = { key: MessageKey; params?: MessageParams } | { error: WireError };

export interface NotificationAction {
  label: MessageKey;
  params?: MessageParams;
  run: () => void;
}

export interface Notification {
  id: number;
  kind: 'error' | 'info' | 'success';
  message: Message;
  actions: NotificationAction[];
}

export type Dialog =
  | { kind: 'settings' }
  | { kind: 'backups' }
  | { kind: 'new-project' }
  | { kind: 'open-project' }
  | { kind: 'qdpx-review' }
  | { kind: 'recovery'; path: string; error: WireError };

interface AppState {
  info: AppInfo | null;
  language: Language;
  notifications: Notification[];
  dialog: Dialog | null;
  loadInfo(): Promise<void>;
  setLanguage(language: Language): Promise<void>;
  notify(kind: Notification['kind'], message: Message, actions?: NotificationAction[]): void;
  notifyError(error: unknown): void;
  dismiss(id: number): void;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
}

const AUTO_DISMISS_MS = 6000;
/** A refused change (a wrong value, a code in use) is read and fixed: its message then goes. */
const ERROR_DISMISS_MS = 15_000;

/** Errors that stay until dismissed: what was not saved, or cannot work, must not slip by. */
const LASTING_ERRORS = new Set([
  'INTERNAL',
  'LOCK_LOST',
  'DISK_FULL',
  'PERMISSION_DENIED',
  'READ_ONLY',
  'PROJECT_CORRUPT',
  'SOURCE_CORRUPT',
  'HOST_UNREACHABLE',
]);

function isLasting(message: Message): boolean {
  return 'error' in message ? LASTING_ERRORS.has(message.error.code) : true;
}
let nextId = 1;

/** Converts anything thrown into the wire form the UI can translate. */
export function toWireError(error: unknown): WireError {
  if (error instanceof CampoError) return error.toWire();
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/** App-wide state: host info, language, notifications and the open dialog. */
export const useAppStore = create<AppState>((set, get) => ({
  info: null,
  language: 'it',
  notifications: [],
  dialog: null,

  async loadInfo() {
    const info = await api().appInfo();
    set({ info, language: info.settings.language });
  },

  async setLanguage(language) {
    set({ language });
    try {
      await api().settingsUpdate({ language });
    } catch (error) {
      get().notifyError(error);
    }
  },

  notify(kind, message, actions = []) {
    const id = nextId++;
    // The same message again replaces the one shown: a repeated refusal is not a pile of toasts.
    // A plain confirmation replaces the one before it: three DVs added in a row are one toast,
    // not a stack over the form's «Aggiungi» (walk-through 8). Offers (undo) and errors stay.
    const same = JSON.stringify(message);
    const confirms = kind !== 'error' && actions.length === 0;
    const others = get().notifications.filter(
      (n) =>
        (n.kind !== kind || JSON.stringify(n.message) !== same) &&
        !(confirms && n.kind === kind && n.actions.length === 0),
    );
    set({ notifications: [...others, { id, kind, message, actions }] });
    if (actions.length > 0) return;
    if (kind !== 'error') setTimeout(() => get().dismiss(id), AUTO_DISMISS_MS);
    else if (!isLasting(message)) setTimeout(() => get().dismiss(id), ERROR_DISMISS_MS);
  },

  notifyError(error) {
    get().notify('error', { error: toWireError(error) });
  },

  dismiss(id) {
    set({ notifications: get().notifications.filter((n) => n.id !== id) });
  },

  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
}));

/** Where the notifications said from now on start (see `dropNotificationsBefore`). */
export const notificationMark = (): number => nextId;

/**
 * Drops what was said before `mark`: at a project change, what was said about the old project
 * (a transcript that cannot be read, a full disk, an undo offer) does not stay over the next one
 * or the start screen; what the change itself said (its last saves failing) stays.
 */
export function dropNotificationsBefore(mark: number): void {
  const kept = useAppStore.getState().notifications.filter((n) => n.id >= mark);
  useAppStore.setState({ notifications: kept });
}
