import type { ProjectFile, RecordKind } from './project';

/**
 * The arrays of project.json holding records, with the kind their revisions and tombstones name.
 * One list for the store's stamping and the team merge, so a new kind of record is added once.
 */
export const RECORD_COLLECTIONS = [
  ['evaluator', 'evaluators'],
  ['question', 'questions'],
  ['participant', 'participants'],
  ['indicator', 'indicators'],
  ['code', 'codes'],
  ['frameworkSummary', 'frameworkSummaries'],
  ['ngtSession', 'ngtSessions'],
  ['matrix', 'matrices'],
  ['session', 'sessions'],
  ['source', 'sources'],
  ['consensusDecision', 'consensusDecisions'],
] as const satisfies ReadonlyArray<readonly [RecordKind, keyof ProjectFile]>;
