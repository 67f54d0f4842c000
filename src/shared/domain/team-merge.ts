/**
 * Merging a colleague's work into the lead's project by id, three-way against the common base
 * (issue 18). Records new on one side are added; a record changed on one side takes that change;
 * a record changed on both sides, or deleted on one and changed on the other, is a conflict the
 * lead decides (nothing is applied silently; the losing value stays in the report). Coder layers
 * merge by coding id and never conflict (team-merge-layers.ts). Pure: no I/O.
 */
import type { ProjectFile, RecordKind, Tombstone } from '../model/project';
import type { LayerFile } from '../model/source';
import { RECORD_COLLECTIONS } from '../model/record-collections';
import { jsonEqual, merge3 } from './merge';
import { mergeLayer, type ReplacedItem } from './team-merge-layers';
import { shownField } from './merge-values';
import { recordLabel } from './team-labels';

import type {
  CoderCounts,
  ConflictType,
  RecordUpdate,
  Decision,
  KindCounts,
  NotMerged,
  TeamConflict,
  TeamMergeInput,
  TeamMergePlan,
  TeamMergeReport,
  TeamSide,
} from './team-merge-model';

export type * from './team-merge-model';

const STAMP = ['rev', 'updatedAt', 'updatedBy'];
const STAMP_SET = new Set(STAMP);

type Item = { id: string; rev?: number | undefined; updatedAt?: string | null | undefined };

const same = (a: unknown, b: unknown) => jsonEqual(a, b, STAMP_SET);

interface Context {
  input: TeamMergeInput;
  conflicts: TeamConflict[];
  undecided: string[];
  counts: Map<RecordKind, KindCounts>;
  updates: RecordUpdate[];
  notMerged: NotMerged[];
  /** Records deleted by the merge, with the tombstone to keep. */
  deleted: Tombstone[];
}

function count(ctx: Context, kind: RecordKind, what: 'added' | 'updated' | 'deleted'): void {
  let counts = ctx.counts.get(kind);
  if (!counts) {
    counts = { kind, added: 0, updated: 0, deleted: 0 };
    ctx.counts.set(kind, counts);
  }
  counts[what] += 1;
}

/** Registers a conflict and returns the lead's decision (ours until one is given). */
function conflict(
  ctx: Context,
  kind: RecordKind,
  id: string,
  type: ConflictType,
  ours: Item | null,
  theirs: Item | null,
  paths: string[],
): Decision {
  const key = `${kind}:${id}`;
  // Named as the lead knows it (their own version), else as the colleague left it.
  const label = recordLabel(kind, (ours ?? theirs) as Record<string, unknown>);
  ctx.conflicts.push({ key, kind, id, label, type, paths, ours, theirs });
  const decision = ctx.input.decisions?.[key];
  if (!decision) ctx.undecided.push(key);
  return decision ?? 'ours';
}

/** Longest value a report shows of a changed field. */
const SHOWN_CHARS = 300;

/** Records the fields of a record the merge changes, as the lead will read them in its report. */
function noteUpdate(ctx: Context, kind: RecordKind, id: string, before: Item, after: Item): void {
  const was = before as unknown as Record<string, unknown>;
  const now = after as unknown as Record<string, unknown>;
  const shown = (field: string, value: unknown) =>
    shownField(kind, field, value, { maxChars: SHOWN_CHARS });
  const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])]
    .filter((field) => !STAMP_SET.has(field) && !jsonEqual(was[field], now[field]))
    .map((field) => ({ field, before: shown(field, was[field]), after: shown(field, now[field]) }));
  if (fields.length === 0) return;
  ctx.updates.push({ kind, id, label: recordLabel(kind, now), fields });
}

/** The stamp of a merged record: a side's own when it equals that side, else a new revision. */
function stamped<T extends Item>(
  value: T,
  ours: T | undefined,
  theirs: T | undefined,
  ctx: Context,
): T {
  if (theirs && jsonEqual(value, theirs, STAMP_SET)) {
    return {
      ...value,
      rev: theirs.rev,
      updatedAt: theirs.updatedAt,
      updatedBy: (theirs as { updatedBy?: unknown }).updatedBy,
    } as T;
  }
  if (ours && jsonEqual(value, ours, STAMP_SET)) {
    return {
      ...value,
      rev: ours.rev,
      updatedAt: ours.updatedAt,
      updatedBy: (ours as { updatedBy?: unknown }).updatedBy,
    } as T;
  }
  const rev = Math.max(ours?.rev ?? 0, theirs?.rev ?? 0) + 1;
  return { ...value, rev, updatedAt: ctx.input.now, updatedBy: ctx.input.by } as T;
}

function tombstoneFor(kind: RecordKind, record: Item, ctx: Context, theirs?: Tombstone): Tombstone {
  return (
    theirs ?? {
      kind,
      id: record.id,
      rev: (record.rev ?? 0) + 1,
      deletedAt: ctx.input.now,
      deletedBy: ctx.input.by,
    }
  );
}

/** Merges one collection of records (or a singleton wrapped as one). */
function mergeRecords<T extends Item>(
  kind: RecordKind,
  base: readonly T[] | undefined,
  ours: readonly T[],
  theirs: readonly T[],
  ctx: Context,
  special?: (mine: T, other: T, was: T | undefined) => T,
): T[] {
  const b = new Map((base ?? []).map((item) => [item.id, item]));
  const o = new Map(ours.map((item) => [item.id, item]));
  const t = new Map(theirs.map((item) => [item.id, item]));
  const tomb = (side: TeamSide, id: string) =>
    side.project.tombstones.find((entry) => entry.kind === kind && entry.id === id);
  const result = new Map<string, T>();
  for (const item of ours) result.set(item.id, item);
  const order = [...ours.map((item) => item.id)];
  for (const id of new Set([...o.keys(), ...t.keys()])) {
    const mine = o.get(id);
    const other = t.get(id);
    const was = b.get(id);
    if (mine && other) {
      if (special) {
        result.set(id, special(mine, other, was));
        continue;
      }
      if (same(mine, other)) continue;
      const merged = merge3<T>(was, mine, other, { ignore: STAMP });
      let value = merged.value;
      if (merged.conflicts.length > 0) {
        const type = was ? 'edit' : 'added-both';
        const paths = merged.conflicts.map((entry) => entry.path);
        const decision = conflict(ctx, kind, id, type, mine, other, paths);
        if (decision === 'ours') value = merge3<T>(was, other, mine, { ignore: STAMP }).value;
      }
      if (same(value, mine)) continue;
      result.set(id, stamped(value, mine, other, ctx));
      count(ctx, kind, 'updated');
      noteUpdate(ctx, kind, id, mine, value);
    } else if (mine) {
      const theirTomb = tomb(ctx.input.theirs, id);
      if (!theirTomb && !was) continue; // never seen there (another package's record)
      const untouched = was !== undefined && same(mine, was) && kind !== 'source';
      const decision = untouched
        ? 'theirs'
        : conflict(ctx, kind, id, 'deleted-there', mine, null, []);
      if (decision === 'theirs') {
        result.delete(id);
        ctx.deleted.push(tombstoneFor(kind, mine, ctx, theirTomb));
        count(ctx, kind, 'deleted');
      }
    } else if (other) {
      const ourTomb = tomb(ctx.input.ours, id);
      if (!ourTomb && !was) {
        result.set(id, other);
        order.push(id);
        count(ctx, kind, 'added');
        continue;
      }
      if (was && same(other, was)) continue; // deleted here, untouched there: stays deleted
      const decision = conflict(ctx, kind, id, 'deleted-here', null, other, []);
      if (decision === 'theirs') {
        result.set(id, other);
        order.push(id);
        count(ctx, kind, 'added');
      }
    }
  }
  return order.filter((id) => result.has(id)).map((id) => result.get(id)!);
}

/** A singleton (meta, report) merged as a one-record collection. */
function mergeSingleton<T extends object>(
  kind: 'meta' | 'report',
  base: T | null | undefined,
  ours: T | null,
  theirs: T | null,
  ctx: Context,
): T | null {
  const wrap = (value: T | null | undefined) => (value ? [{ ...value, id: kind }] : []);
  const merged = mergeRecords(
    kind,
    base === undefined ? undefined : wrap(base),
    wrap(ours),
    wrap(theirs),
    ctx,
  );
  if (merged.length === 0) return null;
  const { id: _id, ...value } = merged[0] as T & { id: string };
  return value as unknown as T;
}

type Summary = ProjectFile['sources'][number];

/**
 * A source both sides list: the lead's summary, with the participants both linked; a text or
 * title correction made in the package is not applied (the lead's text stays, with the coders'
 * offsets on it) and is reported instead.
 */
function mergeSourceSummary(ctx: Context) {
  return (mine: Summary, other: Summary, was: Summary | undefined): Summary => {
    const reference = was ?? mine;
    if (
      (other.textRev ?? 0) !== (reference.textRev ?? 0) ||
      other.characters !== reference.characters
    ) {
      if ((other.textRev ?? 0) !== (mine.textRev ?? 0) || other.characters !== mine.characters) {
        ctx.notMerged.push({
          kind: 'source-text',
          id: mine.id,
          label: mine.title,
          theirs: { characters: other.characters, textRev: other.textRev ?? 0 },
        });
      }
    }
    if (other.title !== reference.title && other.title !== mine.title) {
      ctx.notMerged.push({
        kind: 'source-title',
        id: mine.id,
        label: mine.title,
        theirs: other.title,
      });
    }
    const participants = merge3(
      was?.participantIds ?? [],
      mine.participantIds,
      other.participantIds,
    ).value;
    if (jsonEqual(participants, mine.participantIds)) return mine;
    count(ctx, 'source', 'updated');
    return stamped({ ...mine, participantIds: participants }, mine, undefined, ctx);
  };
}

/** Merges the tombstones: both sides', the merge's own, none for a record alive in the result. */
function mergeTombstones(
  project: ProjectFile,
  ours: ProjectFile,
  theirs: ProjectFile,
  ctx: Context,
): Tombstone[] {
  const alive = new Set<string>();
  for (const [kind, key] of RECORD_COLLECTIONS) {
    for (const record of project[key] as Item[]) alive.add(`${kind}:${record.id}`);
  }
  const tombs = new Map<string, Tombstone>();
  for (const tomb of [...ours.tombstones, ...theirs.tombstones, ...ctx.deleted]) {
    const key = `${tomb.kind}:${tomb.id}`;
    const known = tombs.get(key);
    if (!alive.has(key) && (!known || known.rev < tomb.rev)) tombs.set(key, tomb);
  }
  return [...tombs.values()];
}

/**
 * Plans the merge of `theirs` into `ours` against `base` (null: no common base; records are
 * then matched by id, and by the name matches the lead confirmed). Undecided conflicts keep the
 * lead's value and are listed in `undecided`: the caller asks the lead before applying.
 */
export function planTeamMerge(input: TeamMergeInput): TeamMergePlan {
  const ctx: Context = {
    input,
    conflicts: [],
    undecided: [],
    counts: new Map(),
    updates: [],
    notMerged: [],
    deleted: [],
  };
  const { base, ours, theirs } = input;
  const already = ours.project.merges.some((merge) => merge.packageId === input.packageId);
  const report = (extra: Partial<TeamMergeReport>): TeamMergeReport => ({
    packageId: input.packageId,
    baseId: input.baseId,
    from: theirs.project.meta.title,
    ...(input.fromEvaluator ? { fromEvaluator: input.fromEvaluator } : {}),
    mergedAt: input.now,
    mergedBy: input.by,
    records: [...ctx.counts.values()],
    updates: ctx.updates,
    coders: [],
    conflicts: [],
    replaced: [],
    notMerged: ctx.notMerged,
    ...(input.reanchored?.length ? { reanchored: input.reanchored } : {}),
    ...(input.textsTaken?.length ? { textsTaken: input.textsTaken } : {}),
    matches: input.matches ?? [],
    alreadyMerged: false,
    ...extra,
  });
  if (already) {
    return {
      project: ours.project,
      layers: [],
      newSources: [],
      removedSources: [],
      conflicts: [],
      undecided: [],
      report: report({ alreadyMerged: true }),
    };
  }
  const project: ProjectFile = { ...ours.project };
  project.meta = mergeSingleton(
    'meta',
    base?.project.meta,
    ours.project.meta,
    theirs.project.meta,
    ctx,
  )!;
  project.report = mergeSingleton(
    'report',
    base ? base.project.report : undefined,
    ours.project.report,
    theirs.project.report,
    ctx,
  );
  for (const [kind, key] of RECORD_COLLECTIONS) {
    const special = kind === 'source' ? (mergeSourceSummary(ctx) as never) : undefined;
    (project as Record<string, unknown>)[key] = mergeRecords(
      kind,
      base?.project[key] as Item[] | undefined,
      ours.project[key] as Item[],
      theirs.project[key] as Item[],
      ctx,
      special,
    );
  }
  project.tombstones = mergeTombstones(project, ours.project, theirs.project, ctx);

  // Sources: copied, removed, or their layers merged coder by coder.
  const ourSources = new Set(ours.project.sources.map((summary) => summary.id));
  const kept = new Set(project.sources.map((summary) => summary.id));
  const newSources = [...kept].filter((id) => !ourSources.has(id));
  const removedSources = [...ourSources].filter((id) => !kept.has(id));
  const layers: LayerFile[] = [];
  const coders = new Map<string, CoderCounts>();
  const replaced: ReplacedItem[] = [];
  const coderCounts = (coderId: string) => {
    let entry = coders.get(coderId);
    if (!entry) {
      const member = project.evaluators.find((evaluator) => evaluator.id === coderId);
      entry = { coderId, name: member?.name ?? '', added: 0, updated: 0, deleted: 0 };
      coders.set(coderId, entry);
    }
    return entry;
  };
  for (const sourceId of kept) {
    const theirLayers = theirs.layers.get(sourceId);
    if (!theirLayers) continue;
    const summary = project.sources.find((candidate) => candidate.id === sourceId)!;
    for (const [coderId, layer] of theirLayers) {
      const mine = ourSources.has(sourceId) ? ours.layers.get(sourceId)?.get(coderId) : undefined;
      const textRev = mine?.textRev ?? summary.textRev ?? layer.textRev;
      if (ourSources.has(sourceId) && layer.textRev !== textRev) {
        ctx.notMerged.push({
          kind: 'layer-text',
          id: `${sourceId}/${coderId}`,
          label: summary.title,
          theirs: { codings: layer.codings.length, memos: layer.memos.length },
        });
        continue;
      }
      const merged = mergeLayer(base?.layers.get(sourceId)?.get(coderId), mine, layer);
      replaced.push(...merged.replaced);
      const counts = coderCounts(coderId);
      counts.added += merged.counts.added;
      counts.updated += merged.counts.updated;
      counts.deleted += merged.counts.deleted;
      if (merged.changed) layers.push(merged.layer);
    }
  }
  const decided = ctx.conflicts.map((entry) => ({
    ...entry,
    decision: input.decisions?.[entry.key] ?? ('ours' as Decision),
  }));
  return {
    project,
    layers,
    newSources,
    removedSources,
    conflicts: ctx.conflicts,
    undecided: ctx.undecided,
    report: report({
      coders: [...coders.values()].filter(
        (entry) => entry.added + entry.updated + entry.deleted > 0,
      ),
      conflicts: decided,
      replaced,
    }),
  };
}

/** True when the plan changes nothing (a package merged twice, or one with nothing new). */
export function planIsEmpty(plan: TeamMergePlan, ours: ProjectFile): boolean {
  return (
    plan.layers.length === 0 &&
    plan.newSources.length === 0 &&
    plan.removedSources.length === 0 &&
    jsonEqual(plan.project, ours)
  );
}
