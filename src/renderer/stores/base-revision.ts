import type { ProjectFile } from '../../shared/model/project';
import { useProjectStore } from './project-store';
import { useSourcesStore } from './sources-store';

/**
 * The revision of a record as this window shows it: what a change is based on (STORE-V2 §3).
 * The core merges a change made on an older revision with what other windows saved since, or
 * refuses it when both changed the same value; undefined only for a record the window lacks.
 */
const COLLECTIONS = {
  question: 'questions',
  participant: 'participants',
  indicator: 'indicators',
  code: 'codes',
  frameworkSummary: 'frameworkSummaries',
  ngtSession: 'ngtSessions',
  matrix: 'matrices',
  session: 'sessions',
  source: 'sources',
} as const satisfies Record<string, keyof ProjectFile>;

export type RecordKind = keyof typeof COLLECTIONS;

/** What the window showed when a change began: the project and the loaded sources. */
export interface Shown {
  project: ProjectFile | undefined;
  loaded: ReturnType<typeof useSourcesStore.getState>['loaded'];
}

/** What this window shows now. */
export function shownNow(): Shown {
  return {
    project: useProjectStore.getState().snapshot?.project,
    loaded: useSourcesStore.getState().loaded,
  };
}

/** While a change is sent: what the window showed when the user began typing it. */
let pinned: Shown | null = null;

/**
 * Runs `send` with the base revisions read as of `shown` (null: as of now). A field typed over
 * a few seconds is based on what the user saw when they began: a save another window made
 * meanwhile reaches this window at once, and must not pass for what the user typed over.
 * `send` reads the revisions synchronously (before its first await), as every store does.
 */
export function basedOn<R>(shown: Shown | null, send: () => R): R {
  const before = pinned;
  pinned = shown;
  try {
    return send();
  } finally {
    pinned = before;
  }
}

const project = () => (pinned ? pinned.project : useProjectStore.getState().snapshot?.project);
const loaded = () => (pinned ? pinned.loaded : useSourcesStore.getState().loaded);

/** The revision of a record of project.json as shown here. */
export function baseRevOf(kind: RecordKind, id: string): number | undefined {
  const records = project()?.[COLLECTIONS[kind]] as Array<{ id: string; rev?: number }> | undefined;
  return records?.find((record) => record.id === id)?.rev;
}

/** The revision of the project's description (title, programme …) as shown here. */
export const metaRev = (): number | undefined => project()?.meta.rev;

/** The revision of the report composer's saved choices as shown here. */
export const reportRev = (): number | undefined => project()?.report?.rev ?? undefined;

/** The revision of a coding of a loaded source as shown here. */
export function codingRevOf(sourceId: string, codingId: string): number | undefined {
  return loaded()[sourceId]?.codings.find((c) => c.id === codingId)?.rev;
}

/** The revision of a memo of a loaded source as shown here. */
export function memoRevOf(sourceId: string, memoId: string): number | undefined {
  return loaded()[sourceId]?.memos.find((m) => m.id === memoId)?.rev;
}

/** The revision of a loaded source's text document as shown here. */
export const sourceRevOf = (sourceId: string): number | undefined => loaded()[sourceId]?.rev;
