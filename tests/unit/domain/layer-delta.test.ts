/**
 * A layer delta (what a coding save journals) rebuilds the layer it came from, and replaying
 * deltas is safe whatever the layer file already holds: again, twice, or over a newer file (a
 * crash after a checkpoint wrote the files but before the journal was emptied).
 */
import { describe, expect, it } from 'vitest';
import {
  applyLayerDelta,
  layerDelta,
  type LayerDelta,
} from '../../../src/shared/domain/layer-delta';
import type { LayerFile, LayerTombstone, StoredCoding } from '../../../src/shared/model/source';
import { seededRandom } from '../../helpers/agreement-fixtures';

const AT = '2026-12-04T10:00:00.000Z';

function coding(id: string, rev: number, start: number): StoredCoding {
  return Object.freeze({
    id,
    codeId: `code-${start % 3}`,
    start,
    end: start + 5,
    fp: '0123abcd',
    memo: rev > 1 ? `rev ${rev}` : '',
    key: false,
    textChanged: false,
    createdAt: AT,
    rev,
    updatedAt: AT,
    updatedBy: 'ev-anna',
  });
}

/** The next layer after one random change, made as the source store makes it. */
function change(layer: LayerFile, random: () => number, n: number): LayerFile {
  const tombs = new Map(layer.tombstones.map((t) => [t.id, t]));
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const roll = random();
  const codings = [...layer.codings];
  if (roll < 0.35 || codings.length === 0) {
    // New, or back from the dead (undo of a deletion): a revision above its tombstone.
    const buried = roll < 0.1 ? pick([...tombs.values()].filter((t) => t.kind === 'coding')) : null;
    const id = buried?.id ?? `c${n}`;
    codings.push(coding(id, (buried?.rev ?? 0) + 1, Math.floor(random() * 500)));
    if (buried) tombs.delete(id);
  } else if (roll < 0.7) {
    const at = Math.floor(random() * codings.length);
    const was = codings[at]!;
    codings[at] = coding(was.id, (was.rev ?? 0) + 1, was.start + 1);
  } else {
    const at = Math.floor(random() * codings.length);
    const [gone] = codings.splice(at, 1);
    const tomb: LayerTombstone = Object.freeze({
      kind: 'coding',
      id: gone!.id,
      rev: (gone!.rev ?? 0) + 1,
      deletedAt: AT,
      deletedBy: 'ev-anna',
    });
    tombs.set(gone!.id, tomb);
  }
  return { ...layer, codings, tombstones: [...tombs.values()] };
}

/** A layer as a set: order aside (replay appends, the view sorts). */
function canonical(layer: LayerFile) {
  const byId = <T extends { id: string }>(items: readonly T[]) =>
    [...items].sort((a, b) => a.id.localeCompare(b.id));
  return {
    ...layer,
    codings: byId(layer.codings),
    memos: byId(layer.memos),
    tombstones: byId(layer.tombstones),
  };
}

describe('layer deltas', () => {
  it('rebuild each layer, and replay safely again or over newer layer files (seeded)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const empty: LayerFile = {
        schemaVersion: 2,
        sourceId: 's1',
        coderId: 'ev-anna',
        textRev: 1,
        codings: [],
        memos: [],
        tombstones: [],
      };
      const layers = [empty];
      const deltas: LayerDelta[] = [];
      for (let n = 0; n < 60; n++) {
        const before = layers.at(-1)!;
        const after = change(before, random, n);
        const delta = layerDelta(before, after);
        expect(canonical(applyLayerDelta(before, delta)), `seed ${seed} step ${n}`).toEqual(
          canonical(after),
        );
        layers.push(after);
        deltas.push(delta);
      }
      const last = layers.at(-1)!;
      const replay = (from: LayerFile, list: typeof deltas) =>
        list.reduce<LayerFile>((layer, delta) => applyLayerDelta(layer, delta), from);
      // After a crash: the file of the last checkpoint, then the journal since.
      const checkpoint = Math.floor(random() * deltas.length);
      expect(canonical(replay(layers[checkpoint]!, deltas.slice(checkpoint)))).toEqual(
        canonical(last),
      );
      // A crash after the files were written, before the journal was emptied: nothing changes,
      // whichever older lines are replayed over them.
      expect(canonical(replay(last, deltas))).toEqual(canonical(last));
      expect(canonical(replay(last, deltas.slice(0, checkpoint)))).toEqual(canonical(last));
    }
  });

  it('records only what changed', () => {
    const base: LayerFile = {
      schemaVersion: 2,
      sourceId: 's1',
      coderId: 'ev-anna',
      textRev: 1,
      codings: [coding('a', 1, 0), coding('b', 1, 10)],
      memos: [],
      tombstones: [],
    };
    const next = { ...base, codings: [base.codings[0]!, coding('b', 2, 11)] };
    const delta = layerDelta(base, next);
    expect(delta.codings.map((c) => [c.id, c.rev])).toEqual([['b', 2]]);
    expect(delta.tombstones).toEqual([]);
    // An older revision never replaces a newer one.
    expect(applyLayerDelta(next, layerDelta(undefined, base)).codings[1]!.rev).toBe(2);
  });
});
