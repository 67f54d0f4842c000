/**
 * What a coding save keeps from one save to the next (STORE-V2 §1): the view object of each
 * stored coding and memo, each layer's views in its order, and a walk that reads a change's draft
 * against them by reference. Stored codings, memos and tombstones are frozen (a change makes new
 * ones), so nothing kept here can go stale: an object that changed is another object.
 */
import type {
  Coding,
  LayerFile,
  LayerTombstone,
  Memo,
  SourceDoc,
  StoredCoding,
  StoredMemo,
} from '../../../shared/model/source';
import { codingOf, type LayerEncoder } from './layers';

/**
 * The view object of a stored coding for the text it was read from, and whether its passage
 * still matched its fingerprint. Stored codings are frozen (a change makes a new one), so the
 * view of an unchanged coding is reused from save to save.
 */
export const viewCache = new WeakMap<
  StoredCoding,
  { text: string; coderId: string; coding: Coding; intact: boolean }
>();
/** The stored coding each view object was read from (the inverse of `viewCache`). */
export const storedOf = new WeakMap<Coding, StoredCoding>();
/** The view object of a stored memo. */
export const memoViews = new WeakMap<StoredMemo, Memo>();

/**
 * The views of a layer's codings over a text, in the layer's order: the source's view is
 * assembled from these, so a save re-reads only the layer it changed, and only what changed in it.
 */
export interface LayerView {
  text: string;
  codings: readonly Coding[];
  /** In position order: a single layer then needs no sort. */
  sorted: boolean;
  /** How many passages no longer matched their fingerprint. */
  drifted: number;
}
export const layerViews = new WeakMap<LayerFile, LayerView>();

/** A layer's tombstones by `kind:id`, built when first needed, shared while they are unchanged. */
export const tombstoneIndexes = new WeakMap<
  readonly LayerTombstone[],
  Map<string, LayerTombstone>
>();

export function tombstonesOf(layer: LayerFile): Map<string, LayerTombstone> {
  let index = tombstoneIndexes.get(layer.tombstones);
  if (!index) {
    index = new Map(layer.tombstones.map((t) => [`${t.kind}:${t.id}`, t]));
    tombstoneIndexes.set(layer.tombstones, index);
  }
  return index;
}

/** Items of a layer read from disk, frozen: see `viewCache` and LayerEncoder. */
export function frozen(layer: LayerFile): LayerFile {
  for (const coding of layer.codings) Object.freeze(coding);
  for (const memo of layer.memos) Object.freeze(memo);
  for (const tombstone of layer.tombstones) Object.freeze(tombstone);
  return layer;
}

export function viewOfStored(stored: StoredCoding, coderId: string, text: string) {
  const cached = viewCache.get(stored);
  if (cached && cached.text === text && cached.coderId === coderId) return cached;
  const read = codingOf(stored, coderId, text);
  const coding = Object.freeze(read.coding);
  const entry = { text, coderId, coding, intact: read.intact };
  viewCache.set(stored, entry);
  storedOf.set(coding, stored);
  return entry;
}

export function memoView(stored: StoredMemo, coderId: string): Memo {
  const cached = memoViews.get(stored);
  if (cached?.coderId === coderId) return cached;
  const memo = Object.freeze({ ...stored, coderId });
  memoViews.set(stored, memo);
  return memo;
}

/**
 * Forgets the views of a layer's codings (the layer itself stays). A view holds its source's
 * whole text (each passage is a slice of it): kept for as long as the layer is, the views of
 * every source ever read would hold every text, whatever the text cache's budget.
 */
export function forgetViews(layer: LayerFile): void {
  layerViews.delete(layer);
  for (const stored of layer.codings) viewCache.delete(stored);
}

/** `a` may come before `b` in position order. */
export function inOrder(
  a: Pick<Coding, 'start' | 'end'>,
  b: Pick<Coding, 'start' | 'end'>,
): boolean {
  return a.start < b.start || (a.start === b.start && a.end <= b.end);
}

/** The views of a layer's codings over `text` (see LayerView). */
export function layerView(layer: LayerFile, text: string): LayerView {
  const held = layerViews.get(layer);
  if (held && held.text === text) return held;
  let drifted = 0;
  let sorted = true;
  const codings = layer.codings.map((stored, index) => {
    const read = viewOfStored(stored, layer.coderId, text);
    if (!read.intact) drifted += 1;
    if (index > 0 && !inOrder(layer.codings[index - 1]!, stored)) sorted = false;
    return read.coding;
  });
  const view = { text, codings, sorted, drifted };
  layerViews.set(layer, view);
  return view;
}

/** `a` followed by `b` (`b` itself when `a` is empty): a copy of pointers, nothing read. */
export function joined<T>(a: T[], b: T[]): T[] {
  return a.length === 0 ? b : a.concat(b);
}

/** One evaluator's codings in a draft, gathered in one pass (see `nextLayers`). */
export interface Gathered {
  /** The draft's codings of this evaluator, in the draft's order. */
  views: Coding[];
  /** The stored form of each, known for those that are still the source's view objects. */
  stored: Array<StoredCoding | undefined>;
  /** Indices of the others (new or edited codings), checked and compared one by one. */
  changed: number[];
  /** How many are the source's view objects, unchanged. */
  kept: number;
  sorted: boolean;
  /**
   * The old codings the draft left out or replaced, when the draft was read against the layer
   * (see `SourceStore.walked`); otherwise they are looked for when some are missing.
   */
  skipped?: StoredCoding[];
  /** The encoded line of each unchanged coding, when the layer's lines were known. */
  lines?: Array<Buffer | undefined>;
}

/**
 * The draft's codings read against the layers they came from, by reference: each layer's
 * views are the source's view objects in the layer's order, and a draft that is the view with
 * a few codings added, replaced or removed matches them one after the other. So the codings a
 * change left alone are neither looked up nor read, only their references compared and their
 * stored forms and encoded lines copied. Null when the draft is not such a view (codings
 * reordered, a text changed): the general pass then reads it.
 */
export function walkDraft(
  layers: ReadonlyMap<string, LayerFile>,
  doc: SourceDoc,
  draft: readonly Coding[],
  index: ReadonlyMap<string, Coding>,
  encoder: LayerEncoder,
): Map<string, Gathered> | null {
  interface Walk {
    views: readonly Coding[];
    old: readonly StoredCoding[];
    oldLines: readonly Buffer[] | undefined;
    /** The next of `views` the draft should hold. */
    next: number;
    into: Gathered & { skipped: StoredCoding[]; lines: Array<Buffer | undefined> };
  }
  const walks = new Map<string, Walk>();
  const walkOf = (coderId: string): Walk | null => {
    let walk = walks.get(coderId);
    if (walk) return walk;
    const layer = layers.get(coderId);
    let read: LayerView = { text: doc.text, codings: [], sorted: true, drifted: 0 };
    if (layer) {
      if (layer.textRev !== doc.textRev) return null;
      const held = layerViews.get(layer);
      if (!held || held.text !== doc.text) return null;
      read = held;
    }
    const into = {
      views: [],
      stored: [],
      changed: [],
      kept: 0,
      sorted: read.sorted,
      skipped: [],
      lines: [],
    };
    walk = {
      views: read.codings,
      old: layer?.codings ?? [],
      oldLines: layer ? encoder.linesOf(layer.codings) : undefined,
      next: 0,
      into,
    };
    walks.set(coderId, walk);
    return walk;
  };
  let walk: Walk | null = null;
  for (let i = 0; i < draft.length;) {
    const coding = draft[i]!;
    // Most often the next view of the same layer as the coding before: no lookup at all.
    if (!walk || coding !== walk.views[walk.next]) {
      walk = null;
      for (const other of walks.values()) {
        if (coding === other.views[other.next]) walk = other;
      }
    }
    if (!walk) {
      walk = walkOf(coding.coderId);
      if (!walk) return null;
      if (coding !== walk.views[walk.next] && index.get(coding.id) === coding) {
        // One of the layer's codings, further on: those before it were left out or replaced.
        let k = walk.next + 1;
        while (k < walk.views.length && walk.views[k] !== coding) k += 1;
        if (k >= walk.views.length) return null;
        while (walk.next < k) walk.into.skipped.push(walk.old[walk.next++]!);
      }
    }
    const { into, views, old, oldLines } = walk;
    const from = walk.next;
    if (coding !== views[from]) {
      into.changed.push(into.views.length);
      into.views.push(coding);
      into.stored.push(undefined);
      into.lines.push(undefined);
      i += 1;
      continue;
    }
    // A run of unchanged codings: compared by reference, then copied.
    let to = from + 1;
    let end = i + 1;
    while (end < draft.length && draft[end] === views[to]) {
      end += 1;
      to += 1;
    }
    into.views = joined(into.views, views.slice(from, to));
    into.stored = joined(into.stored, old.slice(from, to));
    into.lines = joined(
      into.lines,
      oldLines ? oldLines.slice(from, to) : new Array<undefined>(to - from).fill(undefined),
    );
    into.kept += to - from;
    walk.next = to;
    i = end;
  }
  const gathered = new Map<string, Gathered>();
  for (const [coderId, { views, old, oldLines, into, ...rest }] of walks) {
    while (rest.next < views.length) into.skipped.push(old[rest.next++]!);
    // Unchanged codings keep the layer's order; only a new or edited one can be out of place.
    const list = into.views;
    for (const at of into.changed) {
      const coding = list[at]!;
      if (
        (at > 0 && !inOrder(list[at - 1]!, coding)) ||
        (at + 1 < list.length && !inOrder(coding, list[at + 1]!))
      ) {
        into.sorted = false;
      }
    }
    gathered.set(coderId, oldLines ? into : { ...into, lines: undefined });
  }
  return gathered;
}
