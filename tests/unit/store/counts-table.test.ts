import { describe, expect, it } from 'vitest';
import { CountsTable } from '../../../src/main/core/store/counts-table';
import { emptyLayer } from '../../../src/main/core/store/layers';
import { frequencyFromCounts } from '../../../src/shared/domain/coding-stats';
import type { Code } from '../../../src/shared/model/project';
import type { LayerFile, StoredCoding } from '../../../src/shared/model/source';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const code = (id: string, parentId: string | null) => ({ id, parentId }) as unknown as Code;

/** A code tree three deep, and the codes of a code deleted since (still in the layers). */
const CODES: Code[] = [
  code('dv1', null),
  code('dv1.a', 'dv1'),
  code('dv1.a.x', 'dv1.a'),
  code('dv1.b', 'dv1'),
  code('dv2', null),
  code('dv2.a', 'dv2'),
  code('loop1', 'loop2'),
  code('loop2', 'loop1'),
  code('orphan', 'gone'),
];
const USED = [...CODES.map((c) => c.id), 'deleted-code'];
const CODERS = ['ev-anna', 'ev-bruno', 'ev-carla'];

function layer(sourceId: string, coderId: string, codeIds: string[]): LayerFile {
  const codings = codeIds.map((codeId, i) => ({ id: `${coderId}-${i}`, codeId }) as StoredCoding);
  return { ...emptyLayer(sourceId, coderId, 1), codings };
}

/** Sources with codings of random codes by random coders. */
function corpus(seed: number, sources = 40) {
  const next = random(seed);
  return Array.from({ length: sources }, (_, s) => {
    const id = `s${s}`;
    const layers = CODERS.filter(() => next() < 0.6).map((coder) =>
      layer(
        id,
        coder,
        Array.from(
          { length: Math.floor(next() * 12) },
          () => USED[Math.floor(next() * USED.length)]!,
        ),
      ),
    );
    return { id, layers };
  });
}

/** The reference: per source, the codings per code of the coders wanted, as maps. */
function reference(sources: ReturnType<typeof corpus>, coders: Set<string> | null) {
  return frequencyFromCounts(
    sources.map(({ layers }) => {
      const perCode = new Map<string, number>();
      for (const one of layers) {
        if (coders && !coders.has(one.coderId)) continue;
        for (const c of one.codings) perCode.set(c.codeId, (perCode.get(c.codeId) ?? 0) + 1);
      }
      return perCode;
    }),
    CODES,
  );
}

describe('the counts table', () => {
  it('gives the coding screen the same counts as counting every source, for every coder filter', () => {
    for (const seed of [1, 2, 3, 42]) {
      const sources = corpus(seed);
      const table = CountsTable.empty();
      for (const { id, layers } of sources) table.setFromLayers(id, layers);
      expect(table.frequency(CODES)).toEqual(reference(sources, null));
      for (const coders of [['ev-anna'], ['ev-bruno', 'ev-carla'], ['nobody']]) {
        const wanted = new Set(coders);
        expect(table.frequency(CODES, wanted)).toEqual(reference(sources, wanted));
      }
    }
  });

  it('reads back what it wrote, and a changed source replaces its old counts', () => {
    const sources = corpus(7);
    const table = CountsTable.empty();
    for (const { id, layers } of sources) table.setFromLayers(id, layers);
    const read = CountsTable.decode(table.encode(3), 3)!;
    expect(read.frequency(CODES)).toEqual(table.frequency(CODES));
    expect(read.byCoder('s3')).toEqual(table.byCoder('s3'));
    // Recoding a source after the read (its counts now a plain array, not a view of the file).
    sources[3]!.layers = [layer('s3', 'ev-anna', ['dv2.a', 'dv2.a', 'dv1'])];
    read.setFromLayers('s3', sources[3]!.layers);
    expect(read.totalsOf('s3')).toEqual(
      new Map([
        ['dv2.a', 2],
        ['dv1', 1],
      ]),
    );
    expect(read.frequency(CODES)).toEqual(reference(sources, null));
    expect(CountsTable.decode(read.encode(3), 3)!.frequency(CODES)).toEqual(
      reference(sources, null),
    );
  });

  it('reads the integers in place or from a copy, wherever the bytes start in their buffer', () => {
    const sources = corpus(7);
    const table = CountsTable.empty();
    for (const { id, layers } of sources) table.setFromLayers(id, layers);
    const bytes = table.encode(3);
    // As readFile gives a large file (its own ArrayBuffer), and shifted by 1 to 3 bytes, as a
    // small file may sit in a pool: every placement reads the same counts.
    for (const shift of [0, 1, 2, 3, 4]) {
      const placed = Buffer.alloc(bytes.length + shift);
      bytes.copy(placed, shift);
      const read = CountsTable.decode(placed.subarray(shift), 3)!;
      expect(read.frequency(CODES)).toEqual(reference(sources, null));
      expect(read.encode(3).equals(bytes)).toBe(true);
    }
  });

  it('follows a save by adjusting one source, as counting it again would', () => {
    const sources = corpus(11);
    const table = CountsTable.decode(
      (() => {
        const made = CountsTable.empty();
        for (const { id, layers } of sources) made.setFromLayers(id, layers);
        return made.encode(3);
      })(),
      3,
    )!;
    const next = random(5);
    for (let round = 0; round < 200; round++) {
      const source = sources[Math.floor(next() * sources.length)]!;
      const coderId = CODERS[Math.floor(next() * CODERS.length)]!;
      let one = source.layers.find((candidate) => candidate.coderId === coderId);
      if (!one) source.layers.push((one = layer(source.id, coderId, [])));
      const codeId = USED[Math.floor(next() * USED.length)]!;
      const held = one.codings.findIndex((c) => c.codeId === codeId);
      // Add a coding of the code, or remove one when the layer has one and the dice say so.
      const by = held >= 0 && next() < 0.5 ? -1 : 1;
      if (by < 0) one.codings = one.codings.filter((_, i) => i !== held);
      else one.codings = [...one.codings, { id: `n${round}`, codeId } as StoredCoding];
      table.adjust(source.id, [[coderId, codeId, by]]);
      expect(table.frequency(CODES)).toEqual(reference(sources, null));
      expect(table.byCoder(source.id)).toEqual(
        (() => {
          const fresh = CountsTable.empty();
          fresh.setFromLayers(source.id, source.layers);
          return fresh.byCoder(source.id);
        })(),
      );
    }
    // A source not counted yet is left for the rebuild; a move below zero drops the source.
    table.adjust('never-counted', [['ev-anna', 'dv1', 1]]);
    expect(table.has('never-counted')).toBe(false);
    table.adjust('s0', [['ev-anna', 'code-nobody-used', -1]]);
    expect(table.has('s0')).toBe(false);
  });

  it('knows which sources hold a code without reading them', () => {
    const table = CountsTable.empty();
    table.setFromLayers('a', [layer('a', 'ev-anna', ['dv1'])]);
    table.setFromLayers('b', [layer('b', 'ev-bruno', ['dv2', 'dv1.a'])]);
    table.setFromLayers('c', []);
    expect(table.sourcesWith(['c', 'b', 'a'], new Set(['dv1', 'dv1.a']))).toEqual(['b', 'a']);
    expect(table.sourcesWith(['a', 'b', 'c'], new Set(['never-used']))).toEqual([]);
  });

  it('refuses a file of another version, or a damaged one whole (its checksum fails)', () => {
    const table = CountsTable.empty();
    table.setFromLayers('a', [layer('a', 'ev-anna', ['dv1', 'dv1'])]);
    table.setFromLayers('b', [layer('b', 'ev-anna', ['dv2'])]);
    const bytes = table.encode(3);
    expect(CountsTable.decode(bytes, 4)).toBeNull();
    expect(CountsTable.decode(Buffer.from('{"cacheVersion":3}'), 3)).toBeNull();
    expect(CountsTable.decode(bytes.subarray(0, 14), 3)).toBeNull();
    // Numbers cut off, or one changed: nothing is taken (every source is counted again).
    expect(CountsTable.decode(bytes.subarray(0, bytes.length - 4), 3)).toBeNull();
    const broken = Buffer.from(bytes);
    broken.writeInt32LE(99, broken.length - 8);
    expect(CountsTable.decode(broken, 3)).toBeNull();
    expect([...CountsTable.decode(bytes, 3)!.ids()]).toEqual(['a', 'b']);
  });

  it('reads a file written before checksums, leaving out a damaged source', () => {
    const table = CountsTable.empty();
    table.setFromLayers('a', [layer('a', 'ev-anna', ['dv1', 'dv1'])]);
    table.setFromLayers('b', [layer('b', 'ev-anna', ['dv2'])]);
    const bytes = withoutChecksum(table.encode(3));
    expect(CountsTable.decode(bytes, 3)!.totalsOf('a')).toEqual(new Map([['dv1', 2]]));
    // The last source's numbers cut off: it is left out (and will be counted again).
    const cut = CountsTable.decode(bytes.subarray(0, bytes.length - 4), 3)!;
    expect([...cut.ids()]).toEqual(['a']);
    // A count pointing at no code: that source is left out too.
    const broken = Buffer.from(bytes);
    broken.writeInt32LE(99, broken.length - 8);
    expect([...CountsTable.decode(broken, 3)!.ids()]).toEqual(['a']);
  });
});

/** counts.bin as a build before checksums wrote it: the same, without `crc32` in its header. */
function withoutChecksum(bytes: Buffer): Buffer {
  const headerLength = bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.toString('utf8', 12, 12 + headerLength));
  delete header.crc32;
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const dataAt = (12 + json.length + 3) & ~3;
  const numbers = bytes.subarray((12 + headerLength + 3) & ~3);
  const out = Buffer.alloc(dataAt + numbers.length);
  bytes.copy(out, 0, 0, 8);
  out.writeUInt32LE(json.length, 8);
  json.copy(out, 12);
  numbers.copy(out, dataAt);
  return out;
}
