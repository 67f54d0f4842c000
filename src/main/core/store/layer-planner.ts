/**
 * Works out each coder's layer after a change to a source's view (STORE-V2 §1, §2): which
 * codings and memos changed, stamped with a new revision, which were deleted (tombstones), and
 * the journal delta of each changed layer. Pure work on memory; SourceStore writes the result.
 */
import { CampoError } from '../../../shared/ipc/errors';
import { describeIssues } from '../../../shared/model/issues';
import {
  CodingSchema,
  MemoSchema,
  type Coding,
  type LayerFile,
  type LayerTombstone,
  type Memo,
  type SourceDoc,
  type SourceFile,
  type StoredCoding,
  type StoredMemo,
} from '../../../shared/model/source';
import type { LayerDelta } from '../../../shared/domain/layer-delta';
import {
  emptyLayer,
  sameStoredCoding,
  sameStoredMemo,
  storedCoding,
  storedMemo,
  type LayerEncoder,
} from './layers';
import {
  inOrder,
  layerViews,
  storedOf,
  tombstonesOf,
  viewCache,
  viewOfStored,
  walkDraft,
  type Gathered,
} from './layer-views';
import { isSafeId } from './layout';
import type { RevisionLog } from './revision-log';
import type { CodingsDelta, Layers, Stamping } from './source-store';

/**
 * What `nextLayer` changed in a layer, recorded as it made it (a save's journal entry): `from` is
 * the layer it started from. Working it out afterwards would compare every item of the two.
 */
export const madeFrom = new WeakMap<LayerFile, { from: LayerFile; delta: LayerDelta }>();

/** A change the store refuses (VALIDATION), with its reason. */
export function refused(reason: string): CampoError {
  return new CampoError('VALIDATION', 'Invalid change', { reason });
}

/** A coding that can be kept: valid fields, inside the text. */
function checkCoding(coding: Coding, text: string): void {
  const parsed = CodingSchema.safeParse(coding);
  if (!parsed.success) throw refused(describeIssues(parsed.error));
  if (coding.start > coding.end || coding.end > text.length) {
    throw refused(`coding ${coding.id} ${coding.start}-${coding.end} outside the text`);
  }
}

function tombstone(
  kind: 'coding' | 'memo',
  id: string,
  rev: number | undefined,
  stamp: Stamping,
): LayerTombstone {
  return Object.freeze({
    kind,
    id,
    rev: (rev ?? 0) + 1,
    deletedAt: stamp.at,
    deletedBy: stamp.by,
  });
}

/** Plans the layers of a change: see `nextLayers`. One per store (it shares its logs). */
export class LayerPlanner {
  /**
   * @param revisions where earlier versions and who saved each revision are noted
   * @param encoder the layer files' encoder, told of codings whose lines it can reuse
   * @param codingIndex a view's codings by id
   */
  constructor(
    private readonly revisions: RevisionLog,
    private readonly encoder: LayerEncoder,
    private readonly codingIndex: (view: SourceFile) => ReadonlyMap<string, Coding>,
  ) {}

  /**
   * Each evaluator's layer after the change (the same object when unchanged). The draft is read
   * in one pass: a coding that is still the view object the source had is unchanged and keeps
   * its stored form; only the others are checked, compared and stamped, so a save's work follows
   * what it changed rather than the number of codings.
   */
  nextLayers(
    sourceId: string,
    layers: Layers,
    draft: SourceFile,
    doc: SourceDoc,
    before: SourceFile | null,
    stamp: Stamping,
    delta: CodingsDelta,
  ): Layers {
    const previous = before ? this.codingIndex(before) : new Map<string, Coding>();
    const walked = before ? walkDraft(layers, doc, draft.codings, previous, this.encoder) : null;
    const gathered = walked ?? new Map<string, Gathered>();
    let last: Gathered | undefined;
    let lastCoder: string | undefined;
    for (const coding of walked ? [] : draft.codings) {
      const coderId = coding.coderId;
      let into = coderId === lastCoder ? last : gathered.get(coderId);
      if (!into) {
        into = { views: [], stored: [], changed: [], kept: 0, sorted: true };
        gathered.set(coderId, into);
      }
      last = into;
      lastCoder = coderId;
      const at = into.views.length;
      if (at > 0 && !inOrder(into.views[at - 1]!, coding)) into.sorted = false;
      into.views.push(coding);
      const stored = previous.get(coding.id) === coding ? storedOf.get(coding) : undefined;
      into.stored.push(stored);
      if (stored) into.kept += 1;
      else into.changed.push(at);
    }
    const memosBy = new Map<string, Memo[]>();
    for (const memo of draft.memos) {
      const list = memosBy.get(memo.coderId) ?? [];
      list.push(memo);
      memosBy.set(memo.coderId, list);
    }
    const previousMemos = new Map((before?.memos ?? []).map((memo) => [memo.id, memo]));
    const next: Layers = new Map();
    const coders = new Set([...layers.keys(), ...gathered.keys(), ...memosBy.keys()]);
    for (const coderId of coders) {
      if (!isSafeId(coderId)) throw refused(`evaluator id ${coderId}`);
      const old = layers.get(coderId) ?? emptyLayer(sourceId, coderId, doc.textRev);
      const layer = this.nextLayer(
        old,
        gathered.get(coderId) ?? { views: [], stored: [], changed: [], kept: 0, sorted: true },
        memosBy.get(coderId) ?? [],
        doc,
        previous,
        previousMemos,
        stamp,
        delta,
      );
      next.set(coderId, layer);
    }
    // A coding moved to another evaluator's layer left one layer and joined the other.
    if (delta.removed.length > 1) delta.removed = [...new Set(delta.removed)];
    return next;
  }

  private nextLayer(
    old: LayerFile,
    codings: Gathered,
    memos: Memo[],
    doc: SourceDoc,
    previous: ReadonlyMap<string, Coding>,
    previousMemos: Map<string, Memo>,
    stamp: Stamping,
    delta: CodingsDelta,
  ): LayerFile {
    const coderId = old.coderId;
    const textChanged = old.textRev !== doc.textRev;
    const oldView = layerViews.get(old);
    // Known when the layer's views are held (they are for a layer the view was assembled from).
    let drifted = oldView && oldView.text === doc.text ? oldView.drifted : null;
    const dropped = (stored: StoredCoding) => {
      if (drifted !== null && viewCache.get(stored)?.intact === false) drifted -= 1;
    };
    let changed = textChanged;
    let buried: Map<string, LayerTombstone> | null = null;
    const unbury = (key: string) => {
      if (!tombstonesOf(old).has(key)) return;
      buried ??= new Map(tombstonesOf(old));
      buried.delete(key);
    };
    const nextRev = (kind: 'coding' | 'memo', id: string, rev: number | undefined) =>
      Math.max(rev ?? 0, tombstonesOf(old).get(`${kind}:${id}`)?.rev ?? 0) + 1;

    // Old codings replaced by an edited coding with their id (the unchanged ones are `kept`).
    let replaced = 0;
    const savedCodings: StoredCoding[] = [];
    const savedMemos: StoredMemo[] = [];
    for (const at of codings.changed) {
      const coding = codings.views[at]!;
      const was = previous.get(coding.id);
      const stored = was?.coderId === coderId ? storedOf.get(was) : undefined;
      if (stored) replaced += 1;
      checkCoding(coding, doc.text);
      const candidate = storedCoding(coding);
      if (stored && sameStoredCoding(candidate, stored)) {
        codings.stored[at] = stored;
        codings.views[at] = was!;
        continue;
      }
      changed = true;
      unbury(`coding:${coding.id}`);
      if (was) {
        this.revisions.keep(was.id, was.rev ?? 0, was);
        delta.removed.push(was);
      }
      if (stored) dropped(stored);
      const rev = nextRev('coding', coding.id, stored?.rev);
      this.revisions.noteSaved(coding.id, rev, stamp.client);
      const saved = Object.freeze({ ...candidate, rev, updatedAt: stamp.at, updatedBy: stamp.by });
      const read = viewOfStored(saved, coderId, doc.text);
      if (drifted !== null && !read.intact) drifted += 1;
      codings.stored[at] = saved;
      codings.views[at] = read.coding;
      delta.added.push(read.coding);
      savedCodings.push(saved);
    }
    const oldMemos = new Map(old.memos.map((stored) => [stored.id, stored]));
    const storedMemos = memos.map((memo) => {
      const stored = oldMemos.get(memo.id);
      if (stored && previousMemos.get(memo.id) === memo) return stored;
      const parsed = MemoSchema.safeParse(memo);
      if (!parsed.success) throw refused(describeIssues(parsed.error));
      const candidate = storedMemo(parsed.data);
      if (sameStoredMemo(candidate, stored)) return stored!;
      changed = true;
      unbury(`memo:${memo.id}`);
      const was = previousMemos.get(memo.id);
      if (was) this.revisions.keep(was.id, was.rev ?? 0, was);
      const rev = nextRev('memo', memo.id, stored?.rev);
      this.revisions.noteSaved(memo.id, rev, stamp.client);
      const saved = Object.freeze({ ...candidate, rev, updatedAt: stamp.at, updatedBy: stamp.by });
      savedMemos.push(saved);
      return saved;
    });
    const storedCodings = codings.stored as StoredCoding[];
    // Old codings the draft left out: looked for only when some are missing.
    let goneCodings: StoredCoding[] = [];
    if (codings.kept + replaced !== old.codings.length) {
      if (codings.skipped) {
        const ids = new Set(codings.changed.map((at) => storedCodings[at]!.id));
        goneCodings = codings.skipped.filter((stored) => !ids.has(stored.id));
      } else {
        const ids = new Set(storedCodings.map((item) => item.id));
        goneCodings = old.codings.filter((stored) => !ids.has(stored.id));
      }
    }
    const memoIds = new Set(storedMemos.map((item) => item.id));
    const goneMemos = old.memos.filter((stored) => !memoIds.has(stored.id));
    const gone: LayerTombstone[] = [
      ...goneCodings.map((stored) => tombstone('coding', stored.id, stored.rev, stamp)),
      ...goneMemos.map((stored) => tombstone('memo', stored.id, stored.rev, stamp)),
    ];
    if (gone.length > 0) changed = true;
    for (const t of gone) {
      const was = previous.get(t.id) ?? previousMemos.get(t.id);
      if (was) this.revisions.keep(t.id, was.rev ?? 0, was);
    }
    for (const stored of goneCodings) {
      const was = previous.get(stored.id);
      if (was) delta.removed.push(was);
      dropped(stored);
    }
    if (!changed && storedCodings.length === old.codings.length) return old;
    if (gone.length > 0) {
      buried ??= new Map(tombstonesOf(old));
      for (const t of gone) buried.set(`${t.kind}:${t.id}`, t);
    }
    const layer: LayerFile = {
      ...old,
      textRev: doc.textRev,
      codings: storedCodings,
      memos: storedMemos,
      tombstones: buried ? [...buried.values()] : old.tombstones,
    };
    if (!textChanged) {
      madeFrom.set(layer, {
        from: old,
        delta: {
          sourceId: layer.sourceId,
          coderId,
          textRev: layer.textRev,
          codings: savedCodings,
          memos: savedMemos,
          tombstones: gone,
        },
      });
    }
    if (codings.lines) this.encoder.derive(storedCodings, codings.lines);
    // Over a new text every view is read again (see `assemble`).
    if (!textChanged && drifted !== null) {
      layerViews.set(layer, {
        text: doc.text,
        codings: codings.views,
        sorted: codings.sorted,
        drifted,
      });
    }
    return layer;
  }
}
