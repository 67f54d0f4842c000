/**
 * "Unisci il lavoro di un collega" on the open project (issue 18): preview (what would come in,
 * the proposed name matches when there is no common base, the conflicts), then apply with the
 * lead's decisions: a pre-merge snapshot, then every file through the merge journal (all or
 * nothing), the report kept in project.json. The app, the command line and the tests share it.
 */
import { randomUUID } from 'node:crypto';
import { CampoError } from '../../../shared/ipc/errors';
import { applyMatches, proposeMatches } from '../../../shared/domain/team-match';
import {
  planTeamMerge,
  planIsEmpty,
  type Decision,
  type RecordMatch,
  type TeamConflict,
  type TeamMergePlan,
  type TeamMergeReport,
  type TeamSide,
} from '../../../shared/domain/team-merge';
import { jsonEqual } from '../../../shared/domain/merge';
import { withOurNames } from './names-out';
import { onOurTexts } from './on-our-texts';
import { theirCorrectedTexts, type TheirTexts } from './their-texts';
import { CURRENT_SCHEMA_VERSION, ProjectFileSchema } from '../../../shared/model/project';
import { createSnapshot } from '../store/backups';
import { serializeDocument } from '../store/json-document';
import { serializeLayer } from '../store/layers';
import { CODINGS_DIR, PROJECT_FILE, SOURCES_DIR } from '../store/layout';
import type { ProjectSession } from '../store/project-session';
import { writeMerge, type MergeStepHook } from './merge-journal';
import type { ReadPackage } from './packages';

export interface MergeChoices {
  /** The lead's decision per conflict key (`kind:id`). */
  decisions?: Record<string, Decision>;
  /** Name matches the lead confirmed (no common base only). */
  matches?: RecordMatch[];
}

/** What the merge dialog shows before anything is written. */
export interface MergePreview {
  packageId: string;
  kind: 'work' | 'return';
  from: string;
  fromEvaluator: string;
  /** False: two projects started apart; records are matched by id, then by the confirmed names. */
  hasBase: boolean;
  proposals: RecordMatch[];
  conflicts: TeamConflict[];
  report: TeamMergeReport;
  /** Nothing would change (the same package merged before, or nothing new). */
  empty: boolean;
  /**
   * The package is one this evaluator made for a colleague, not a colleague's return: picked by
   * mistake, it merges nothing (walk-through 9: it said only «niente di nuovo»).
   */
  ownWork: boolean;
  /**
   * Conflicts the lead already decided in an earlier merge, the colleague's value unchanged
   * since: the same decision, proposed again instead of asked again.
   */
  remembered: Record<string, Decision>;
}

/**
 * Earlier merges' decisions that still hold: a conflict of the same record whose colleague's
 * value is what the lead decided on then (a colleague returns work several times from one
 * package, and each return would otherwise ask the same question again).
 */
export function rememberedDecisions(
  merges: ReadonlyArray<{ report: unknown }>,
  conflicts: readonly TeamConflict[],
): Record<string, Decision> {
  const remembered: Record<string, Decision> = {};
  const wanted = new Map(conflicts.map((conflict) => [conflict.key, conflict]));
  for (const merge of merges) {
    const past = (merge.report as Partial<TeamMergeReport>).conflicts ?? [];
    for (const decided of past) {
      const now = wanted.get(decided.key);
      if (now && jsonEqual(now.theirs, decided.theirs)) {
        remembered[decided.key] = decided.decision;
      }
    }
  }
  return remembered;
}

/**
 * The lead's side: project.json and the layers of the sources theirs has layers for; on a text
 * the colleague corrected (taken), the layers carried onto it and the summary of that text.
 */
async function oursSide(
  session: ProjectSession,
  theirs: TeamSide,
  corrected: TheirTexts,
): Promise<TeamSide> {
  const ids = session.project.sources
    .map((summary) => summary.id)
    .filter((id) => theirs.layers.has(id) && !corrected.ourLayers.has(id));
  const layers = await session.readLayers(ids);
  for (const [id, carried] of corrected.ourLayers) layers.set(id, carried);
  const project = structuredClone(session.project);
  project.sources = project.sources.map((summary) => {
    if (!corrected.docs.has(summary.id)) return summary;
    const other = theirs.project.sources.find((candidate) => candidate.id === summary.id)!;
    return { ...summary, ...corrected.sizes.get(summary.id), textRev: other.textRev };
  });
  return { project, layers };
}

/** The base, when the package carries one of this very project. */
function commonBase(session: ProjectSession, pkg: ReadPackage): TeamSide | null {
  return pkg.base && pkg.base.project.id === session.project.id ? pkg.base : null;
}

async function plan(
  session: ProjectSession,
  pkg: ReadPackage,
  choices: MergeChoices,
  now: string,
): Promise<{
  plan: TeamMergePlan;
  proposals: RecordMatch[];
  base: TeamSide | null;
  corrected: TheirTexts;
}> {
  const base = commonBase(session, pkg);
  const proposals = base ? [] : proposeMatches(session.project, pkg.theirs.project);
  const matches = base
    ? []
    : (choices.matches ?? []).filter((match) =>
        proposals.some(
          (proposal) => proposal.theirId === match.theirId && proposal.ourId === match.ourId,
        ),
      );
  const matched = applyMatches(pkg.theirs, matches);
  const named = pkg.manifest.anonymisedTexts
    ? await withOurNames(session, pkg.manifest.anonymisedTexts, matched, base)
    : { theirs: matched, base, byWords: new Set<string>() };
  const corrected = await theirCorrectedTexts(session, pkg, named.theirs, named.base, now);
  const {
    theirs,
    base: baseOnOurs,
    reanchored,
  } = await onOurTexts(
    session,
    pkg,
    corrected.theirs,
    corrected.base,
    now,
    named.byWords,
    corrected,
  );
  const ours = await oursSide(session, theirs, corrected);
  const result = planTeamMerge({
    base: baseOnOurs,
    ours,
    theirs,
    reanchored,
    textsTaken: corrected.taken,
    packageId: pkg.manifest.packageId,
    baseId: base ? pkg.manifest.baseId : null,
    decisions: choices.decisions ?? {},
    matches,
    now,
    by: session.evaluator.id,
    fromEvaluator: pkg.manifest.createdBy.name,
  });
  return { plan: result, proposals, base, corrected };
}

/**
 * Nothing would change and nothing is to be decided. A package holding only edits that conflict
 * with the lead's is not empty: the plan holds the lead's values until the lead decides, and the
 * merge keeps the decisions even when every one is the lead's (a later merge proposes them again).
 */
function nothingToMerge(planned: TeamMergePlan, ours: TeamSide['project']): boolean {
  return planned.conflicts.length === 0 && planIsEmpty(planned, ours);
}

/** What merging `pkg` would do, without writing anything. */
export async function previewMerge(
  session: ProjectSession,
  pkg: ReadPackage,
  choices: MergeChoices = {},
): Promise<MergePreview> {
  const {
    plan: planned,
    proposals,
    base,
  } = await plan(session, pkg, choices, new Date().toISOString());
  return {
    packageId: pkg.manifest.packageId,
    kind: pkg.manifest.kind,
    from: pkg.manifest.title,
    fromEvaluator: pkg.manifest.createdBy.name,
    hasBase: base !== null,
    proposals,
    conflicts: planned.conflicts,
    report: planned.report,
    empty: nothingToMerge(planned, session.project),
    ownWork: pkg.manifest.kind === 'work' && pkg.manifest.createdBy.id === session.evaluator.id,
    remembered: rememberedDecisions(session.project.merges, planned.conflicts),
  };
}

export interface MergeOutcome {
  report: TeamMergeReport;
  /** The merge's id in project.json (null when nothing changed). */
  mergeId: string | null;
  backupId: string | null;
  /** True when files were written: the session is closed and the project must be reopened. */
  written: boolean;
}

/**
 * Applies the merge of `pkg` into the open project with the lead's choices. Refuses with
 * MERGE_UNDECIDED while a conflict has no decision. When something changes, the session is
 * closed after the write (the caller reopens the project): a snapshot, then the journal.
 */
export async function applyMerge(
  session: ProjectSession,
  pkg: ReadPackage,
  choices: MergeChoices,
  options: { now?: Date; hook?: MergeStepHook } = {},
): Promise<MergeOutcome> {
  const at = options.now ?? new Date();
  const { plan: planned, corrected } = await plan(session, pkg, choices, at.toISOString());
  if (planned.undecided.length > 0) {
    throw new CampoError('MERGE_UNDECIDED', 'Conflicts without a decision', {
      count: planned.undecided.length,
      keys: planned.undecided,
    });
  }
  if (nothingToMerge(planned, session.project)) {
    return { report: planned.report, mergeId: null, backupId: null, written: false };
  }
  const sources = new Map<string, Uint8Array>();
  for (const id of planned.newSources) sources.set(id, await pkg.sourceBytes(id));
  for (const [id, bytes] of corrected.docs) sources.set(id, bytes);
  const mergeId = randomUUID();
  const outcome = await session.closeAfter(async () => {
    const backup = await createSnapshot(session.dir, 'pre-merge', CURRENT_SCHEMA_VERSION, at);
    await options.hook?.('backup');
    const project = ProjectFileSchema.parse({
      ...planned.project,
      updatedAt: at.toISOString(),
      merges: [
        ...planned.project.merges,
        {
          id: mergeId,
          packageId: pkg.manifest.packageId,
          mergedAt: at.toISOString(),
          mergedBy: session.evaluator.id,
          backupId: backup.id,
          report: planned.report,
        },
      ],
    });
    const files = new Map<string, string | Uint8Array>();
    for (const [id, bytes] of sources) files.set(`${SOURCES_DIR}/${id}.json`, bytes);
    // Every layer on a corrected text taken moves onto it, merged or not.
    const carried = [...corrected.ourLayers.values()].flatMap((layers) => [...layers.values()]);
    for (const layer of [...carried, ...planned.layers]) {
      files.set(`${CODINGS_DIR}/${layer.sourceId}/${layer.coderId}.json`, serializeLayer(layer));
    }
    files.set(PROJECT_FILE, serializeDocument(project));
    await writeMerge(session.dir, { files, removedSources: planned.removedSources }, options.hook);
    return { backupId: backup.id };
  });
  return { report: planned.report, mergeId, backupId: outcome.backupId, written: true };
}
