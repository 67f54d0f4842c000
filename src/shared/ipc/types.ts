import type { Language, ProjectFile } from '../model/project';
import type { ErrorCode, ErrorDetails } from './errors';

/** Which host the renderer runs in and what it can offer. */
export interface AppInfo {
  version: string;
  host: 'electron' | 'browser';
  platform: string;
  /** True where the host can show native open/save dialogs (Electron). */
  nativeDialogs: boolean;
  /** Where new projects go unless the user picks another folder. */
  defaultProjectsDir: string;
  settings: AppSettings;
}

/** Preferences kept per user, outside any project. */
export interface AppSettings {
  language: Language;
}

export interface RecentProject {
  path: string;
  title: string;
  openedAt: string;
  /** False when the folder is gone (moved, deleted, unplugged drive). */
  exists: boolean;
}

/** Something the user should know about an open that succeeded. */
export type OpenNotice =
  | { kind: 'migrated'; from: number; to: number; backupId: string }
  | { kind: 'stale-lock-recovered'; host: string; pid: number; since: string }
  | { kind: 'orphan-sources-recovered'; count: number }
  | { kind: 'restored-from-backup'; backupId: string; keptAs: string[] };

/** An open project as the renderer sees it: project.json and where it lives. */
export interface ProjectSnapshot {
  path: string;
  project: ProjectFile;
  notices: OpenNotice[];
}

export interface BackupInfo {
  id: string;
  kind: 'auto' | 'pre-migration' | 'pre-restore';
  createdAt: string;
  schemaVersion: number;
  files: number;
}

export interface FolderEntry {
  name: string;
  path: string;
  isProject: boolean;
}

export interface FolderListing {
  path: string;
  parent: string | null;
  entries: FolderEntry[];
}

/** Commands the native menu (or a keyboard shortcut) asks the renderer to carry out. */
export type MenuCommand =
  'new-project' | 'open-project' | 'open-demo' | 'close-project' | 'settings';

export type SaveState =
  | { state: 'saving' }
  | { state: 'saved'; at: string }
  | { state: 'failed'; code: ErrorCode; message: string; details?: ErrorDetails };

/** Events pushed from the core to the renderer. */
export interface CampoEvents {
  saveState: SaveState;
  menuCommand: { command: MenuCommand; path?: string };
  projectClosed: { reason: 'closed' | 'lock-lost' };
}
export type CampoEventName = keyof CampoEvents;
export const EVENT_NAMES: readonly CampoEventName[] = ['saveState', 'menuCommand', 'projectClosed'];

/** What depends on an evaluation question, shown before deleting it. */
export interface QuestionLinks {
  codes: number;
  guideQuestions: Array<{ sessionCode: string; text: string }>;
  noteMarks: number;
}

/** Where a participant appears, shown before deleting them. */
export interface ParticipantLinks {
  sessions: string[];
  sources: string[];
}

/** A transcript file read for preview: its turns and speakers, with suggested participants. */
export interface TranscriptPreview {
  format: 'txt' | 'vtt' | 'srt' | 'docx';
  title: string;
  text: string;
  turns: Array<{ speaker: string; start: number; end: number; time: number | null }>;
  speakers: Array<{ label: string; turns: number; characters: number }>;
  mapping: Record<string, string | null>;
}

/** The header and rows of a participant list (CSV or XLSX). */
export interface SpreadsheetPreview {
  headers: string[];
  rows: Array<Array<string | number | boolean | null>>;
  truncated: boolean;
}
