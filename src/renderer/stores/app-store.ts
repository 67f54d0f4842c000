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
    set({ notifications: [...get().notifications, { id, kind, message, actions }] });
    if (kind !== 'error' && actions.length === 0)
      setTimeout(() => get().dismiss(id), AUTO_DISMISS_MS);
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
