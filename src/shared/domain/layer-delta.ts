/**
 * What a save changed in one coder layer, as a journal entry records it (STORE-V2 §6): the
 * codings and memos written (whole, with their new revision) and the tombstones of those removed.
 * Applying a delta is guarded by revisions: an item is replaced only by a higher revision, so
 * applying the same deltas again, or applying them to a layer file already written with them,
 * changes nothing. That is what lets a journal be replayed after a crash whatever the layer files
 * on disk already hold.
 */
import type { LayerFile, LayerTombstone, StoredCoding, StoredMemo } from '../model/source';

/** One layer's change. */
export interface LayerDelta {
  sourceId: string;
  coderId: string;
  textRev: number;
  codings: StoredCoding[];
  memos: StoredMemo[];
  tombstones: LayerTombstone[];
}

/**
 * The delta from `before` to `after`, two versions of one layer where every unchanged item is the
 * very same object (as the source store keeps them): items of `after` that `before` did not hold.
 * Removals show as tombstones, which every removal leaves.
 */
export function layerDelta(before: LayerFile | undefined, after: LayerFile): LayerDelta {
  const had = new Set<object>();
  if (before) {
    for (const item of before.codings) had.add(item);
    for (const item of before.memos) had.add(item);
    for (const item of before.tombstones) had.add(item);
  }
  return {
    sourceId: after.sourceId,
    coderId: after.coderId,
    textRev: after.textRev,
    codings: after.codings.filter((item) => !had.has(item)),
    memos: after.memos.filter((item) => !had.has(item)),
    tombstones: after.tombstones.filter((item) => !had.has(item)),
  };
}

/** True when the delta changes nothing. */
export function isEmptyDelta(delta: LayerDelta): boolean {
  return delta.codings.length === 0 && delta.memos.length === 0 && delta.tombstones.length === 0;
}

type Revised = { id: string; rev?: number | undefined };

/**
 * `layer` with `delta` applied. A coding or memo replaces the item with its id, and lifts its
 * tombstone, only when its revision is higher than both; a tombstone removes the item, and
 * replaces an older tombstone, only when its revision is higher than the item's. New items go
 * after the others (the view sorts codings by position). Returns `layer` itself when nothing
 * applies.
 */
export function applyLayerDelta(layer: LayerFile, delta: LayerDelta): LayerFile {
  const tombs = new Map(layer.tombstones.map((t) => [`${t.kind}:${t.id}`, t]));
  const codings = new Map(layer.codings.map((item) => [item.id, item]));
  const memos = new Map(layer.memos.map((item) => [item.id, item]));
  let changed = false;
  const put = <T extends Revised>(items: Map<string, T>, kind: 'coding' | 'memo', item: T) => {
    const rev = item.rev ?? 0;
    const key = `${kind}:${item.id}`;
    if (rev <= (items.get(item.id)?.rev ?? 0) && items.has(item.id)) return;
    if (rev <= (tombs.get(key)?.rev ?? 0)) return;
    items.set(item.id, item);
    tombs.delete(key);
    changed = true;
  };
  for (const item of delta.codings) put(codings, 'coding', item);
  for (const item of delta.memos) put(memos, 'memo', item);
  for (const tomb of delta.tombstones) {
    const key = `${tomb.kind}:${tomb.id}`;
    const items: Map<string, Revised> = tomb.kind === 'coding' ? codings : memos;
    const live = items.get(tomb.id);
    if (live && (live.rev ?? 0) >= tomb.rev) continue;
    const buried = tombs.get(key);
    if (buried && buried.rev >= tomb.rev) continue;
    items.delete(tomb.id);
    tombs.set(key, tomb);
    changed = true;
  }
  if (!changed && layer.textRev === delta.textRev) return layer;
  return {
    ...layer,
    textRev: delta.textRev,
    codings: [...codings.values()],
    memos: [...memos.values()],
    tombstones: [...tombs.values()],
  };
}
