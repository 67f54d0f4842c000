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

const project = () => useProjectStore.getState().snapshot?.project;

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
  return useSourcesStore.getState().loaded[sourceId]?.codings.find((c) => c.id === codingId)?.rev;
}

/** The revision of a memo of a loaded source as shown here. */
export function memoRevOf(sourceId: string, memoId: string): number | undefined {
  return useSourcesStore.getState().loaded[sourceId]?.memos.find((m) => m.id === memoId)?.rev;
}

/** The revision of a loaded source's text document as shown here. */
export const sourceRevOf = (sourceId: string): number | undefined =>
  useSourcesStore.getState().loaded[sourceId]?.rev;
