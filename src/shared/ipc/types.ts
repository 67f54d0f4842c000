import type { PassageVoice } from '../domain/passage-voices';
import type { LabelSummary, ParsedTurn, TranscriptDraft } from '../domain/transcript-draft';
import type { Code, Language, ProjectFile } from '../model/project';
import type { Coding } from '../model/source';
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
  /** The window's own id (STORE-V2 §3): events it caused carry it. */
  clientId: string;
}

/** Preferences kept per user, outside any project. */
export interface AppSettings {
  language: Language;
  /** This user as an evaluator (stable id, display name): what their changes carry. */
  evaluator: { id: string; name: string; initials: string };
  /** False until the user has given their name and initials once (first use, issue 18). */
  identityConfirmed: boolean;
}

export interface RecentProject {
  path: string;
  title: string;
  openedAt: string;
  /** False when the folder is gone (moved, deleted, unplugged drive). */
  exists: boolean;
}

/**
 * The "backup" a damaged project.json is restored from when Campo kept a copy of the last
 * project.json it saved (`cache/project.snapshot`): newer than any backup in `backups/`.
 */
export const LAST_SAVED_BACKUP_ID = 'last-saved';

/** Something the user should know about an open that succeeded. */
export type OpenNotice =
  | { kind: 'migrated'; from: number; to: number; backupId: string }
  | { kind: 'stale-lock-recovered'; host: string; pid: number; since: string }
  | { kind: 'orphan-sources-recovered'; count: number }
  /** One coder's damaged codings file of a source, renamed aside (see CampoEvents.layerSetAside). */
  | { kind: 'layer-set-aside'; sourceId: string; coderId: string; keptAs: string }
  /** Saved coding lines that could not be read back: lost, with the journal kept to examine. */
  | { kind: 'journal-damaged'; lines: number; keptAs: string }
  | { kind: 'restored-from-backup'; backupId: string; keptAs: string[] };

/** An open project as the renderer sees it: project.json and where it lives. */
export interface ProjectSnapshot {
  path: string;
  project: ProjectFile;
  notices: OpenNotice[];
}

export interface BackupInfo {
  id: string;
  kind: 'auto' | 'pre-migration' | 'pre-restore' | 'pre-merge';
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
  /** The folder is itself a project (its path was typed): the browser opens it. */
  isProject: boolean;
  entries: FolderEntry[];
}

/** Commands the native menu (or a keyboard shortcut) asks the renderer to carry out. */
export type MenuCommand =
  | 'new-project'
  | 'open-project'
  | 'open-demo'
  | 'close-project'
  | 'settings'
  | 'report'
  | 'import-qdpx'
  | 'export-qdpx'
  | 'export-qdc';

export type SaveState =
  | { state: 'saving' }
  | { state: 'saved'; at: string }
  | { state: 'failed'; code: ErrorCode; message: string; details?: ErrorDetails };

/** Events pushed from the core to the renderer. */
export interface CampoEvents {
  saveState: SaveState;
  menuCommand: { command: MenuCommand; path?: string };
  projectClosed: { reason: 'closed' | 'lock-lost' };
  /** A long export's progress, 0…1. */
  exportProgress: { kind: 'docx' | 'xlsx' | 'qdpx' | 'qdc' | 'qdpx-import'; fraction: number };
  /**
   * A change was saved (STORE-V2 §3): by which window (`clientId`), whether project.json changed,
   * and which sources. Other windows refresh what they show.
   */
  projectChanged: { clientId: string; project: boolean; sourceIds: string[] };
  /** A cache of the open project is being rebuilt in the background, 0…1. */
  cacheProgress: { kind: 'counts' | 'search'; fraction: number };
  /**
   * One coder's codings file of a source could not be read: it was renamed aside (`keptAs`) and
   * the transcript opens without them.
   */
  layerSetAside: { sourceId: string; coderId: string; keptAs: string };
}
export type CampoEventName = keyof CampoEvents;
export const EVENT_NAMES: readonly CampoEventName[] = [
  'saveState',
  'menuCommand',
  'projectClosed',
  'exportProgress',
  'projectChanged',
  'cacheProgress',
  'layerSetAside',
];

/** What depends on an evaluation question, shown before deleting it. */
export interface QuestionLinks {
  codes: number;
  /** Codings of the question's own code. */
  codings: number;
  guideQuestions: Array<{ sessionCode: string; text: string }>;
  noteMarks: number;
}

/** Where a participant appears, shown before deleting them. */
export interface ParticipantLinks {
  sessions: string[];
  sources: string[];
}

/**
 * A transcript file read for preview: its lines (the renderer applies the user's decisions with
 * `assembleDraft`), every speaker label with whether it is doubtful, the participant each label
 * probably is, and the sources that look like this file imported before.
 */
export interface TranscriptPreview {
  format: 'txt' | 'vtt' | 'srt' | 'docx';
  title: string;
  draft: TranscriptDraft;
  /** The text and turns with the default decisions (doubtful labels stay text). */
  text: string;
  turns: ParsedTurn[];
  labels: LabelSummary[];
  mapping: Record<string, string | null>;
  duplicates: Array<{ id: string; title: string; createdAt: string; sameText: boolean }>;
}

/** The header and rows of a participant list (CSV or XLSX). */
export interface SpreadsheetPreview {
  headers: string[];
  rows: Array<Array<string | number | boolean | null>>;
  truncated: boolean;
}

/** A coded passage as retrieval, matrices and search previews show it. */
export interface SegmentView {
  sourceId: string;
  sourceTitle: string;
  /** Interview or focus group (INT-02, FG-01) the source belongs to. */
  sessionCode: string | null;
  codingId: string;
  codeId: string;
  start: number;
  end: number;
  text: string;
  memo: string;
  key: boolean;
  textChanged: boolean;
  coderId: string;
  /** The evaluator's name, as the project's team lists it ('' when unknown). */
  coderName: string;
  createdAt: string;
  before: string;
  after: string;
  /** Who said it, as pseudonyms (INT-03); the session code when nobody is known. */
  pseudonyms: string[];
  participantIds: string[];
  /** The speaker labels of the file (often real names): shown only when names are revealed. */
  speaker: string;
  /**
   * A passage across speaker turns: each voice's part (pseudonym, role or «Voce n»), so that it
   * is quoted voice by voice. Empty for a passage inside one turn.
   */
  voices: PassageVoice[];
}

/**
 * What a coding change did: the codebook (when it changed) and, per source, the codings it
 * removed (by id) and the codings it added or replaced.
 */
export interface CodingUpdate {
  label: string;
  codes: Code[] | null;
  sources: Array<{ id: string; removed: string[]; upserted: Coding[] }>;
  /** The code a call created (new code, in-vivo code). */
  createdCodeId: string | null;
  history: UndoState;
}

/** The labels of the change Ctrl+Z would undo and Ctrl+Shift+Z would redo. */
export interface UndoState {
  undo: string | null;
  redo: string | null;
}

/** Counts shown before a code is deleted or merged (the code and the codes below it). */
export interface CodeLinks {
  codings: number;
  sources: number;
  subcodes: number;
}

/** A search hit with its context, for the results list and the "code all" preview. */
export interface SearchHit {
  sourceId: string;
  sourceTitle: string;
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
  /** Who said it, as pseudonyms ('' when the turn is matched to nobody). */
  speaker: string;
  /** The speaker label of the file (often a real name): shown only when names are revealed. */
  speakerLabel: string;
}

/** A search's answer: the hits shown (at most a cap), and how many there are in all. */
export interface SearchResult {
  hits: SearchHit[];
  /** More matches than the cap: only the first ones are shown. */
  truncated: boolean;
}

/** A cell of the framework matrix: participant × evaluation question. */
export interface FrameworkCell {
  participantId: string;
  questionId: string;
  segments: SegmentView[];
  summary: string;
}
