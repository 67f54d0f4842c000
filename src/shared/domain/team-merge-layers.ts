/**
 * Merging coder layers (issue 18): a coder's codings and memos on one source, merged by id.
 * Codings never conflict: each layer is its coder's. An item added on either side is kept, an
 * item one side deleted is deleted, an item only one side changed takes that change; when both
 * sides changed (or one deleted what the other edited) the later change wins and the other is
 * kept in the merge report. Pure.
 */
import type { LayerFile, LayerTombstone, StoredCoding, StoredMemo } from '../model/source';
import { jsonEqual } from './merge';

const STAMP = new Set(['rev', 'updatedAt', 'updatedBy']);

type Item = StoredCoding | StoredMemo;

/** A coding or memo changed on both sides: the one kept and the one only the report holds. */
export interface ReplacedItem {
  sourceId: string;
  coderId: string;
  kind: 'coding' | 'memo';
  id: string;
  kept: 'ours' | 'theirs';
  /** The losing version (null: the losing side had deleted it). */
  lost: Item | null;
}

export interface LayerCounts {
  added: number;
  updated: number;
  deleted: number;
}

export interface LayerMerge {
  layer: LayerFile;
  /** False when the merged layer is the same as ours (nothing to write). */
  changed: boolean;
  counts: LayerCounts;
  replaced: ReplacedItem[];
}

const same = (a: unknown, b: unknown) => jsonEqual(a, b, STAMP);

/** When an item last changed (its stamp, else its creation). */
const changedAt = (item: Item) => item.updatedAt ?? item.createdAt;

function mergeItems<T extends Item>(
  kind: 'coding' | 'memo',
  base: readonly T[],
  ours: readonly T[],
  theirs: readonly T[],
  tombs: { ours: Map<string, LayerTombstone>; theirs: Map<string, LayerTombstone> },
  where: { sourceId: string; coderId: string },
  counts: LayerCounts,
  replaced: ReplacedItem[],
): { items: T[]; deleted: Map<string, LayerTombstone> } {
  const b = new Map(base.map((item) => [item.id, item]));
  const o = new Map(ours.map((item) => [item.id, item]));
  const t = new Map(theirs.map((item) => [item.id, item]));
  const result = new Map<string, T>();
  const deleted = new Map<string, LayerTombstone>();
  const lose = (id: string, kept: 'ours' | 'theirs', lost: T | null) =>
    replaced.push({ ...where, kind, id, kept, lost });
  for (const id of new Set([...o.keys(), ...t.keys()])) {
    const mine = o.get(id);
    const other = t.get(id);
    const was = b.get(id);
    if (mine && other) {
      if (same(mine, other) || (was && same(other, was))) result.set(id, mine);
      else if (was && same(mine, was)) {
        result.set(id, other);
        counts.updated += 1;
      } else {
        // Both changed it: the later change stays, the other is kept in the report.
        const theirsLater = changedAt(other) >= changedAt(mine);
        result.set(id, theirsLater ? other : mine);
        lose(id, theirsLater ? 'theirs' : 'ours', theirsLater ? mine : other);
        if (theirsLater) counts.updated += 1;
      }
    } else if (mine) {
      const tomb = tombs.theirs.get(id);
      const removedThere = tomb !== undefined || was !== undefined;
      if (!removedThere) result.set(id, mine);
      else if (was && !same(mine, was) && (!tomb || changedAt(mine) > tomb.deletedAt)) {
        // Edited here after it was deleted there: the edit stays, the deletion is reported.
        result.set(id, mine);
        lose(id, 'ours', null);
      } else {
        if (was && !same(mine, was)) lose(id, 'theirs', mine);
        deleted.set(
          id,
          tomb ?? {
            kind,
            id,
            rev: (mine.rev ?? 0) + 1,
            deletedAt: changedAt(mine),
            deletedBy: where.coderId,
          },
        );
        counts.deleted += 1;
      }
    } else if (other) {
      const tomb = tombs.ours.get(id);
      const removedHere = tomb !== undefined || was !== undefined;
      if (!removedHere) {
        result.set(id, other);
        counts.added += 1;
      } else if (was && !same(other, was) && (!tomb || changedAt(other) > tomb.deletedAt)) {
        result.set(id, other);
        counts.added += 1;
        lose(id, 'theirs', null);
      } else if (was && !same(other, was)) {
        lose(id, 'ours', other);
      }
    }
  }
  // Ours' order, then what came in, by position for codings.
  const items = [...result.values()];
  if (kind === 'coding') {
    (items as StoredCoding[]).sort((x, y) => x.start - y.start || x.end - y.end);
  }
  return { items, deleted };
}

/**
 * Merges `theirs` layer of one coder on one source into `ours` (either may be missing: a layer
 * new on one side), against `base` (missing when the package had none or there is no base).
 */
export function mergeLayer(
  base: LayerFile | undefined,
  ours: LayerFile | undefined,
  theirs: LayerFile,
): LayerMerge {
  const counts = { added: 0, updated: 0, deleted: 0 };
  const replaced: ReplacedItem[] = [];
  const where = { sourceId: theirs.sourceId, coderId: theirs.coderId };
  const tombsOf = (layer: LayerFile | undefined, kind: 'coding' | 'memo') =>
    new Map(
      (layer?.tombstones ?? [])
        .filter((tomb) => tomb.kind === kind)
        .map((tomb) => [tomb.id, tomb] as const),
    );
  const codings = mergeItems(
    'coding',
    base?.codings ?? [],
    ours?.codings ?? [],
    theirs.codings,
    { ours: tombsOf(ours, 'coding'), theirs: tombsOf(theirs, 'coding') },
    where,
    counts,
    replaced,
  );
  const memos = mergeItems(
    'memo',
    base?.memos ?? [],
    ours?.memos ?? [],
    theirs.memos,
    { ours: tombsOf(ours, 'memo'), theirs: tombsOf(theirs, 'memo') },
    where,
    counts,
    replaced,
  );
  const live = new Set([...codings.items, ...memos.items].map((item) => item.id));
  const tombstones = new Map<string, LayerTombstone>();
  for (const tomb of [
    ...(ours?.tombstones ?? []),
    ...theirs.tombstones,
    ...codings.deleted.values(),
    ...memos.deleted.values(),
  ]) {
    const key = `${tomb.kind}:${tomb.id}`;
    const known = tombstones.get(key);
    if (!live.has(tomb.id) && (!known || known.rev < tomb.rev)) tombstones.set(key, tomb);
  }
  const layer: LayerFile = {
    schemaVersion: ours?.schemaVersion ?? theirs.schemaVersion,
    sourceId: theirs.sourceId,
    coderId: theirs.coderId,
    textRev: ours?.textRev ?? theirs.textRev,
    codings: codings.items,
    memos: memos.items,
    tombstones: [...tombstones.values()],
  };
  const changed =
    !ours ||
    !jsonEqual(ours.codings, layer.codings) ||
    !jsonEqual(ours.memos, layer.memos) ||
    !jsonEqual(
      [...ours.tombstones].sort((x, y) => x.id.localeCompare(y.id)),
      [...layer.tombstones].sort((x, y) => x.id.localeCompare(y.id)),
    );
  return { layer, changed, counts, replaced };
}
