/**
 * The code counts of an open project in a compact form (STORE-V2 §4): codes and coders are
 * numbered once, and each source keeps one flat array of `[coder, code, count]` triples. At L
 * (1,000 sources, 100,000 codings) that is 1,000 small arrays instead of some 100,000 map
 * entries, so opening reads the cache without a burst of garbage, and the coding screen's counts
 * are one pass over plain numbers.
 */
import { crc32 } from 'node:zlib';
import type { CodeFrequency } from '../../../shared/domain/coding-stats';
import type { Code } from '../../../shared/model/project';
import type { LayerFile } from '../../../shared/model/source';

/**
 * counts.bin: "CNT1", the cache version, the length of a JSON header (codes, coders, per source
 * its id and where its triples are, and the checksum of the integers), then every source's
 * triples as 32-bit integers.
 * Binary because 300,000 numbers take JSON.parse some 12 ms on a slow laptop, and a view into
 * the file's bytes takes nothing.
 */
const COUNTS_MAGIC = 0x31544e43; // "CNT1"

interface CountsHeader {
  codes: string[];
  coders: string[];
  /** Per source: id, first triple's position (in integers), number of integers. */
  sources: Array<[string, number, number]>;
  /** CRC-32 of the integers (absent in files written before it was added). */
  crc32?: number;
}

/** A growing numbering of strings (code ids, coder ids). */
class Numbering {
  readonly names: string[];
  private readonly index: Map<string, number>;

  constructor(names: string[] = []) {
    this.names = names;
    this.index = new Map(names.map((name, i) => [name, i]));
  }

  of(name: string): number {
    let n = this.index.get(name);
    if (n === undefined) {
      n = this.names.length;
      this.names.push(name);
      this.index.set(name, n);
    }
    return n;
  }

  find(name: string): number | undefined {
    return this.index.get(name);
  }
}

/** Which coders to count: all of them, or a chosen few (issue 18's per-coder counts). */
export type CoderFilter = ReadonlySet<string> | null;

/** Codings per code and coder of every source, with the sums the screens ask for. */
export class CountsTable {
  private codes: Numbering;
  private coders: Numbering;
  private readonly sources: Map<string, ArrayLike<number>>;

  private constructor(codes: string[], coders: string[], sources: Map<string, ArrayLike<number>>) {
    this.codes = new Numbering(codes);
    this.coders = new Numbering(coders);
    this.sources = sources;
  }

  static empty(): CountsTable {
    return new CountsTable([], [], new Map());
  }

  /**
   * The table a counts.bin holds, or null when the file is of another version or damaged (the
   * caller then counts every source again). A file with a checksum is taken whole or not at all;
   * in one written before checksums, a source with a malformed entry is left out, so it is
   * counted again from its layers.
   */
  static decode(bytes: Buffer, cacheVersion: number): CountsTable | null {
    if (bytes.length < 12 || bytes.readUInt32LE(0) !== COUNTS_MAGIC) return null;
    if (bytes.readUInt32LE(4) !== cacheVersion) return null;
    const headerLength = bytes.readUInt32LE(8);
    const dataAt = align4(12 + headerLength);
    if (dataAt > bytes.length) return null;
    let header: CountsHeader;
    try {
      header = JSON.parse(bytes.toString('utf8', 12, 12 + headerLength)) as CountsHeader;
    } catch {
      return null;
    }
    if (!Array.isArray(header?.codes) || !Array.isArray(header.coders)) return null;
    if (!Array.isArray(header.sources)) return null;
    // With a checksum, every number is as encode wrote it: no need to look at each of them
    // (300,000 at L, a loop that ran before the JIT had compiled it at each first open).
    const checked = header.crc32 !== undefined;
    if (checked && header.crc32 !== crc32(bytes.subarray(dataAt))) return null;
    // A view of the file's bytes where they are aligned for Int32Array (a large file has an
    // ArrayBuffer of its own), else an aligned copy (a small Buffer may start anywhere in a pool).
    const integers = (bytes.length - dataAt) >> 2;
    const at = bytes.byteOffset + dataAt;
    let data: Int32Array;
    if (at % 4 === 0) data = new Int32Array(bytes.buffer, at, integers);
    else {
      data = new Int32Array(integers);
      new Uint8Array(data.buffer).set(bytes.subarray(dataAt, dataAt + integers * 4));
    }
    const sources = new Map<string, ArrayLike<number>>();
    const { codes, coders } = header;
    for (let i = 0; i < header.sources.length; i++) {
      const entry = header.sources[i];
      if (!Array.isArray(entry) || typeof entry[0] !== 'string') continue;
      const start = entry[1];
      const length = entry[2];
      if (!Number.isInteger(start) || !Number.isInteger(length) || start < 0 || length < 0)
        continue;
      if (start + length > data.length || length % 3 !== 0) continue;
      const triples = data.subarray(start, start + length);
      if (checked || wellFormed(triples, codes.length, coders.length))
        sources.set(entry[0], triples);
    }
    return new CountsTable(codes, coders, sources);
  }

  /** The table as counts.bin keeps it. */
  encode(cacheVersion: number): Buffer {
    const entries: CountsHeader['sources'] = [];
    let integers = 0;
    for (const [id, triples] of this.sources) {
      entries.push([id, integers, triples.length]);
      integers += triples.length;
    }
    const data = new Int32Array(integers);
    let at = 0;
    for (const triples of this.sources.values()) {
      data.set(triples, at);
      at += triples.length;
    }
    const numbers = Buffer.from(data.buffer);
    const header: CountsHeader = {
      codes: this.codes.names,
      coders: this.coders.names,
      sources: entries,
      crc32: crc32(numbers),
    };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const dataAt = align4(12 + json.length);
    const bytes = Buffer.alloc(dataAt + integers * 4);
    bytes.writeUInt32LE(COUNTS_MAGIC, 0);
    bytes.writeUInt32LE(cacheVersion, 4);
    bytes.writeUInt32LE(json.length, 8);
    json.copy(bytes, 12);
    numbers.copy(bytes, dataAt);
    return bytes;
  }

  has(id: string): boolean {
    return this.sources.has(id);
  }

  ids(): IterableIterator<string> {
    return this.sources.keys();
  }

  delete(id: string): void {
    this.sources.delete(id);
  }

  /** Counts a source's layers (replacing what the table had for it). */
  setFromLayers(id: string, layers: Iterable<LayerFile>): void {
    const triples: number[] = [];
    for (const layer of layers) {
      const perCode = new Map<number, number>();
      for (const coding of layer.codings) {
        const code = this.codes.of(coding.codeId);
        perCode.set(code, (perCode.get(code) ?? 0) + 1);
      }
      if (perCode.size === 0) continue;
      const coder = this.coders.of(layer.coderId);
      for (const [code, count] of perCode) triples.push(coder, code, count);
    }
    this.sources.set(id, triples);
  }

  /**
   * Moves a counted source's counts by `moves` (coder id, code id, how many more or fewer), as a
   * save changed them: the work follows the change, not the source's codings. A source not
   * counted yet is left to the rebuild, which reads its layers as saved. A count that would go
   * below zero means the table and the layers disagree: the source is dropped, to be recounted.
   */
  adjust(id: string, moves: Iterable<readonly [string, string, number]>): void {
    const held = this.sources.get(id);
    if (!held) return;
    const triples = Array.from(held);
    for (const [coderId, codeId, by] of moves) {
      if (by === 0) continue;
      const coder = this.coders.of(coderId);
      const code = this.codes.of(codeId);
      let at = 0;
      while (at < triples.length && (triples[at] !== coder || triples[at + 1] !== code)) at += 3;
      const count = (at < triples.length ? triples[at + 2]! : 0) + by;
      if (count < 0) {
        this.sources.delete(id);
        return;
      }
      if (at === triples.length) triples.push(coder, code, count);
      else if (count > 0) triples[at + 2] = count;
      else triples.splice(at, 3);
    }
    this.sources.set(id, triples);
  }

  /** A source's codings per code, per coder (empty when it has none or is unknown). */
  byCoder(id: string): Map<string, Map<string, number>> {
    const result = new Map<string, Map<string, number>>();
    const triples = this.sources.get(id) ?? [];
    for (let i = 0; i + 2 < triples.length; i += 3) {
      const coder = this.coders.names[triples[i]!]!;
      let perCode = result.get(coder);
      if (!perCode) result.set(coder, (perCode = new Map()));
      const code = this.codes.names[triples[i + 1]!]!;
      perCode.set(code, (perCode.get(code) ?? 0) + triples[i + 2]!);
    }
    return result;
  }

  /** A source's codings per code, every coder together. */
  totalsOf(id: string): Map<string, number> {
    const result = new Map<string, number>();
    const triples = this.sources.get(id) ?? [];
    for (let i = 0; i + 2 < triples.length; i += 3) {
      const code = this.codes.names[triples[i + 1]!]!;
      result.set(code, (result.get(code) ?? 0) + triples[i + 2]!);
    }
    return result;
  }

  /** The sources (of `ids`, in their order) holding any coding of `codeIds`. */
  sourcesWith(ids: readonly string[], codeIds: ReadonlySet<string>): string[] {
    const wanted = new Set<number>();
    for (const id of codeIds) {
      const n = this.codes.find(id);
      if (n !== undefined) wanted.add(n);
    }
    if (wanted.size === 0) return [];
    return ids.filter((id) => {
      const triples = this.sources.get(id);
      if (!triples) return false;
      for (let i = 1; i < triples.length; i += 3) {
        if (triples[i + 1]! > 0 && wanted.has(triples[i]!)) return true;
      }
      return false;
    });
  }

  /**
   * One row per code of `codes`, in `codes` order, as `frequencyFromCounts` gives it: codings and
   * sources per code, alone and with the codes below it. `coders` limits the count to some.
   */
  frequency(codes: readonly Code[], coders: CoderFilter = null): CodeFrequency[] {
    const size = codes.length;
    const position = new Map(codes.map((code, i) => [code.id, i]));
    // Table code number → position in `codes` (-1: a code the codebook no longer has).
    const toPosition = new Int32Array(this.codes.names.length).fill(-1);
    this.codes.names.forEach((id, n) => (toPosition[n] = position.get(id) ?? -1));
    const lineage = codes.map((code) => lineageOf(code, codes, position));
    // The same lineages flattened (code at: lineageAt[at] ≤ k < lineageAt[at + 1]): `tally`
    // runs once per triple, and at the first opens of a session before the JIT has compiled
    // it; indexed loops over typed arrays stay fast there.
    const lineageAt = new Int32Array(size + 1);
    for (let at = 0; at < size; at++) lineageAt[at + 1] = lineageAt[at]! + lineage[at]!.length;
    const lineageFlat = Int32Array.from(lineage.flat());
    const coderWanted = Uint8Array.from(this.coders.names, (id) =>
      !coders || coders.has(id) ? 1 : 0,
    );
    const { codings, inSources, inSourcesWithChildren } = tally(this.sources.values(), size, {
      toPosition,
      coderWanted,
      lineageAt,
      lineageFlat,
    });
    const withChildren = new Float64Array(size);
    for (let at = 0; at < size; at++) {
      if (codings[at] === 0) continue;
      for (const above of lineage[at]!) withChildren[above] = withChildren[above]! + codings[at]!;
    }
    return codes.map((code, at) => ({
      codeId: code.id,
      codings: codings[at]!,
      sources: inSources[at]!,
      codingsWithChildren: withChildren[at]!,
      sourcesWithChildren: inSourcesWithChildren[at]!,
    }));
  }
}

/** What `tally` needs of the codebook and the coders, as typed arrays. */
interface TallyPlan {
  /** Table code number → position in the codebook (-1: a code it no longer has). */
  toPosition: Int32Array;
  /** Table coder number → 1 when counted. */
  coderWanted: Uint8Array;
  /** Per position, where its lineage starts in `lineageFlat` (and the next one's). */
  lineageAt: Int32Array;
  lineageFlat: Int32Array;
}

/**
 * The coding screen's sums over every source's triples, 100,000 at L. A function of its own that
 * sees only typed arrays: its compiled code stays valid from open to open (in `frequency`, a
 * change of the code objects' shapes threw it back to the interpreter, 10–15 ms on some opens).
 */
function tally(sources: Iterable<ArrayLike<number>>, size: number, plan: TallyPlan) {
  const { toPosition, coderWanted, lineageAt, lineageFlat } = plan;
  const codings = new Float64Array(size);
  const inSources = new Int32Array(size);
  const inSourcesWithChildren = new Int32Array(size);
  // Per position, the last source that counted it (each source counts a code once).
  const seen = new Int32Array(size).fill(-1);
  const covered = new Int32Array(size).fill(-1);
  let sourceNo = 0;
  for (const triples of sources) {
    const length = triples.length;
    for (let i = 0; i + 2 < length; i += 3) {
      const at = toPosition[triples[i + 1]!]!;
      const count = triples[i + 2]!;
      if (at < 0 || count <= 0 || coderWanted[triples[i]!] !== 1) continue;
      codings[at] = codings[at]! + count;
      if (seen[at] === sourceNo) continue;
      // First time in this source: the code and the codes above it count it once.
      seen[at] = sourceNo;
      inSources[at] = inSources[at]! + 1;
      for (let k = lineageAt[at]!, end = lineageAt[at + 1]!; k < end; k++) {
        const above = lineageFlat[k]!;
        if (covered[above] === sourceNo) continue;
        covered[above] = sourceNo;
        inSourcesWithChildren[above] = inSourcesWithChildren[above]! + 1;
      }
    }
    sourceNo += 1;
  }
  return { codings, inSources, inSourcesWithChildren };
}

/** Positions of a code and of every code above it, stopping at an unknown parent or a cycle. */
function lineageOf(
  code: Code,
  codes: readonly Code[],
  position: ReadonlyMap<string, number>,
): number[] {
  const found: number[] = [];
  let at = position.get(code.id);
  while (at !== undefined && !found.includes(at)) {
    found.push(at);
    const parent = codes[at]!.parentId;
    at = parent === null ? undefined : position.get(parent);
  }
  return found;
}

const align4 = (n: number) => (n + 3) & ~3;

/** Triples whose numbers all point into the file's lists, with positive counts. */
function wellFormed(triples: Int32Array, codes: number, coders: number): boolean {
  if (triples.length % 3 !== 0) return false;
  for (let i = 0; i < triples.length; i += 3) {
    const coder = triples[i]!;
    const code = triples[i + 1]!;
    if (coder < 0 || coder >= coders || code < 0 || code >= codes || triples[i + 2]! < 1) {
      return false;
    }
  }
  return true;
}
