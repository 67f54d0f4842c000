/**
 * The shapes of a team merge (issue 18): its input, its plan, its conflicts and the report the
 * lead reads. The merge itself is team-merge.ts.
 */
import type { ProjectFile, RecordKind } from '../model/project';
import type { LayerFile } from '../model/source';
import type { ReplacedItem } from './team-merge-layers';

/** One side of a merge: project.json and its coder layers by source, then coder. */
export interface TeamSide {
  project: ProjectFile;
  layers: ReadonlyMap<string, ReadonlyMap<string, LayerFile>>;
}

export type ConflictType = 'edit' | 'added-both' | 'deleted-here' | 'deleted-there';
export type Decision = 'ours' | 'theirs';

/** A record both sides changed: shown side by side for the lead to choose. */
export interface TeamConflict {
  /** `kind:id`, the key of the lead's decision. */
  key: string;
  kind: RecordKind;
  id: string;
  label: string;
  type: ConflictType;
  /** The fields both changed (empty for a deletion against an edit). */
  paths: string[];
  /** The record on each side (null: deleted there). */
  ours: unknown;
  theirs: unknown;
}

export interface DecidedConflict extends TeamConflict {
  decision: Decision;
}

export interface KindCounts {
  kind: RecordKind;
  added: number;
  updated: number;
  deleted: number;
}

export interface CoderCounts {
  coderId: string;
  /** The coder's name in the merged team (empty when unknown). */
  name: string;
  added: number;
  updated: number;
  deleted: number;
}

/** Something of theirs that was not applied, kept here with the reason. */
export interface NotMerged {
  kind: 'source-text' | 'source-title' | 'layer-text';
  id: string;
  label: string;
  theirs: unknown;
}

/**
 * A colleague's layer whose text the lead has since corrected, carried onto the lead's text
 * before merging (merge-run.ts): how many codings it held, how many are flagged for review.
 */
export interface ReanchoredLayer {
  sourceId: string;
  label: string;
  /** The colleague's name (or id) as the team lists them. */
  coder: string;
  codings: number;
  flagged: number;
}

/**
 * A transcript the colleague corrected while the lead did not: their text came in, and every
 * layer on it was carried onto it (their-texts.ts): how many codings, how many flagged.
 */
export interface TextTaken {
  sourceId: string;
  label: string;
  codings: number;
  flagged: number;
}

/** A record of theirs matched to one of ours by name when there was no common id. */
export interface RecordMatch {
  kind: 'question' | 'code' | 'participant' | 'session';
  ourId: string;
  theirId: string;
  label: string;
  /**
   * Participants: what tells the two apart (role · organisation, here and in the package), since
   * pseudonyms are numbered in order and INT-01 of another project is often another person.
   */
  sides?: { ours: string; theirs: string };
}

/** What came in, by kind and by coder, the conflicts and how each was decided. */
/** A record the merge changed without a conflict, and its fields before and after. */
export interface RecordUpdate {
  kind: RecordKind;
  id: string;
  label: string;
  /** The fields that changed (a participant's name shown as •••). */
  fields: Array<{ field: string; before: string; after: string }>;
}

export interface TeamMergeReport {
  packageId: string;
  baseId: string | null;
  /** The title of the project the package came from. */
  from: string;
  /** The colleague who made the package (absent in reports kept before it was recorded). */
  fromEvaluator?: string;
  mergedAt: string;
  mergedBy: string | null;
  records: KindCounts[];
  /** Which records were changed, and how (absent in older reports; walk-through 9). */
  updates?: RecordUpdate[];
  coders: CoderCounts[];
  conflicts: DecidedConflict[];
  replaced: ReplacedItem[];
  notMerged: NotMerged[];
  /** Layers carried onto texts the lead corrected (absent in older reports). */
  reanchored?: ReanchoredLayer[];
  /** Texts the colleague corrected, taken (absent in older reports). */
  textsTaken?: TextTaken[];
  matches: RecordMatch[];
  /** The same package was merged before: nothing changed. */
  alreadyMerged: boolean;
}

export interface TeamMergePlan {
  project: ProjectFile;
  /** Layers to write (merged or new). */
  layers: LayerFile[];
  /** Sources that come from theirs: their documents are copied. */
  newSources: string[];
  /** Sources the merge removes (their documents and layers go). */
  removedSources: string[];
  conflicts: TeamConflict[];
  /** Conflicts without a decision; the plan holds the lead's values there. */
  undecided: string[];
  report: TeamMergeReport;
}

export interface TeamMergeInput {
  base: TeamSide | null;
  ours: TeamSide;
  theirs: TeamSide;
  packageId: string;
  baseId: string | null;
  decisions?: Readonly<Record<string, Decision>>;
  matches?: RecordMatch[];
  now: string;
  by: string | null;
  /** The colleague who made the package, as its manifest names them. */
  fromEvaluator?: string;
  /** Their layers already carried onto the lead's corrected texts (for the report). */
  reanchored?: ReanchoredLayer[];
  /** Their corrected texts, taken, with our layers already carried onto them (for the report). */
  textsTaken?: TextTaken[];
}
