/**
 * The search cache (STORE-V2 §4): per source, the folded text search matches in
 * (`cache/folded/<id>.bin`) and a trigram Bloom filter of it (all filters in `cache/search.bin`),
 * each keyed by the source's `textRev`, so a stale entry is recognised without reading the source.
 * Folded texts stay in memory in an LRU by bytes. Everything here can be deleted: it is rebuilt
 * from the sources when needed.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { foldForMatching, OffsetMap } from '../../../shared/domain/search';
import { TrigramFilter } from '../../../shared/domain/trigram-filter';
import { ContextCache } from './context-cache';
import { writeCacheFile } from './durable-file';
import { isSafeId } from './layout';
import { LruByBytes } from './lru';

/** Bump when a format below changes: older files are then ignored and rebuilt. */
/** Bump when the folding changes (2: apostrophes fold to '), so caches are folded again. */
export const SEARCH_CACHE_VERSION = 2;
const FOLDED_MAGIC = 0x43464f32; // "CFO2": folded files of SEARCH_CACHE_VERSION 2
const FILTERS_MAGIC = 0x43535231; // "CSR1"

interface Entry<T> {
  textRev: number;
  value: T;
}

/**
 * A folded text as search keeps it: its UTF-16 units as bytes (a Buffer lives outside the
 * JavaScript heap, so a search over hundreds of sources neither decodes them into strings nor
 * leaves them for the garbage collector) and the map back to the original text.
 */
export interface FoldedUnits {
  /** The folded text, UTF-16LE. */
  units: Buffer;
  toOriginal: OffsetMap;
}

function encodeFolded(textRev: number, prepared: FoldedUnits): Buffer {
  const { starts, shifts } = prepared.toOriginal.runs;
  const header = 5 * 4;
  const buffer = Buffer.alloc(header + starts.length * 8 + prepared.units.length);
  buffer.writeUInt32LE(FOLDED_MAGIC, 0);
  buffer.writeUInt32LE(textRev, 4);
  buffer.writeUInt32LE(prepared.toOriginal.length, 8);
  buffer.writeUInt32LE(prepared.units.length / 2, 12);
  buffer.writeUInt32LE(starts.length, 16);
  Buffer.from(starts.buffer, starts.byteOffset, starts.byteLength).copy(buffer, header);
  Buffer.from(shifts.buffer, shifts.byteOffset, shifts.byteLength).copy(
    buffer,
    header + starts.length * 4,
  );
  prepared.units.copy(buffer, header + starts.length * 8);
  return buffer;
}

function decodeFolded(buffer: Buffer, textRev: number): FoldedUnits | null {
  if (buffer.length < 20 || buffer.readUInt32LE(0) !== FOLDED_MAGIC) return null;
  if (buffer.readUInt32LE(4) !== textRev) return null;
  const mapLength = buffer.readUInt32LE(8);
  const foldedLength = buffer.readUInt32LE(12);
  const runs = buffer.readUInt32LE(16);
  const textAt = 20 + runs * 8;
  if (runs === 0 || buffer.length !== textAt + foldedLength * 2) return null;
  if (mapLength !== foldedLength + 1) return null;
  const ints = (at: number) => {
    const copy = new Int32Array(runs);
    Buffer.from(copy.buffer).set(buffer.subarray(at, at + runs * 4));
    return copy;
  };
  try {
    const toOriginal = OffsetMap.fromRuns(ints(20), ints(20 + runs * 4), mapLength);
    return { units: buffer.subarray(textAt), toOriginal };
  } catch {
    return null;
  }
}

/** `foldForMatching(text)` in the form search keeps. */
function foldedUnitsOf(text: string): { prepared: FoldedUnits; folded: string } {
  const { folded, toOriginal } = foldForMatching(text);
  return { prepared: { units: Buffer.from(folded, 'utf16le'), toOriginal }, folded };
}

export interface SearchCacheOptions {
  /** Bytes of folded texts kept in memory (default 160 MB). */
  foldedBudgetBytes?: number;
}

export class SearchCache {
  private readonly filters = new Map<string, Entry<TrigramFilter>>();
  private readonly folded: LruByBytes<string, Entry<FoldedUnits>>;
  private filtersChanged = false;
  private loaded: Promise<void> | null = null;
  /** The words and speakers around hits (see context-cache.ts). */
  readonly contexts: ContextCache;

  constructor(
    private readonly cacheDir: string,
    options: SearchCacheOptions = {},
  ) {
    this.folded = new LruByBytes(
      options.foldedBudgetBytes ?? 160 * 1024 * 1024,
      (entry) => entry.value.units.length + 64,
    );
    this.contexts = new ContextCache(join(cacheDir, 'context'));
  }

  private get foldedDir(): string {
    return join(this.cacheDir, 'folded');
  }

  /** Reads search.bin once (a missing or outdated file leaves the filters empty). */
  load(): Promise<void> {
    this.loaded ??= this.readFilters().catch(() => undefined);
    return this.loaded;
  }

  private async readFilters(): Promise<void> {
    const buffer = await readFile(join(this.cacheDir, 'search.bin'));
    if (buffer.readUInt32LE(0) !== FILTERS_MAGIC) return;
    const headerLength = buffer.readUInt32LE(4);
    const header = JSON.parse(buffer.toString('utf8', 8, 8 + headerLength)) as {
      version: number;
      entries: Array<[string, number, number]>;
    };
    if (header.version !== SEARCH_CACHE_VERSION) return;
    let at = 8 + headerLength;
    for (const [id, textRev, length] of header.entries) {
      const bits = new Uint8Array(buffer.subarray(at, at + length));
      at += length;
      if (!this.filters.has(id)) {
        this.filters.set(id, { textRev, value: TrigramFilter.fromBits(bits) });
      }
    }
  }

  /** The filter of a source at `textRev`, when the cache has a current one. */
  filterFor(id: string, textRev: number): TrigramFilter | undefined {
    const entry = this.filters.get(id);
    return entry?.textRev === textRev ? entry.value : undefined;
  }

  /** True when the source has a current filter and folded file (nothing to rebuild). */
  isCurrent(id: string, textRev: number): boolean {
    return this.filterFor(id, textRev) !== undefined;
  }

  /**
   * The folded text of a source at `textRev`: from memory, else from its cache file, else folded
   * from `readText()` (and kept, with its filter, for next time).
   */
  async foldedFor(
    id: string,
    textRev: number,
    readText: () => Promise<string>,
  ): Promise<FoldedUnits> {
    const held = this.folded.get(id);
    if (held?.textRev === textRev) return held.value;
    const path = join(this.foldedDir, `${id}.bin`);
    const stored = isSafeId(id)
      ? await readFile(path).then(
          (buffer) => decodeFolded(buffer, textRev),
          () => null,
        )
      : null;
    if (stored) {
      if (!this.filterFor(id, textRev)) {
        const filter = TrigramFilter.build(stored.units.toString('utf16le'));
        this.filters.set(id, { textRev, value: filter });
        this.filtersChanged = true;
      }
      this.folded.set(id, { textRev, value: stored });
      return stored;
    }
    return this.index(id, textRev, await readText());
  }

  /** Folds `text`, keeps its folded form and filter, and writes its cache file. */
  async index(id: string, textRev: number, text: string): Promise<FoldedUnits> {
    const { prepared, folded } = foldedUnitsOf(text);
    this.folded.set(id, { textRev, value: prepared });
    this.filters.set(id, { textRev, value: TrigramFilter.build(folded) });
    this.filtersChanged = true;
    if (isSafeId(id)) {
      // Only a cache: a failed write (full disk, a folder removed) costs a fold next time.
      await mkdir(this.foldedDir, { recursive: true })
        .then(() =>
          writeCacheFile(join(this.foldedDir, `${id}.bin`), encodeFolded(textRev, prepared)),
        )
        .catch(() => undefined);
    }
    return prepared;
  }

  /** Forgets a source (its text changed, or it was deleted). */
  async forget(id: string): Promise<void> {
    await this.contexts.forget(id);
    this.folded.delete(id);
    if (this.filters.delete(id)) this.filtersChanged = true;
    if (isSafeId(id)) await rm(join(this.foldedDir, `${id}.bin`), { force: true });
  }

  /** Writes search.bin when a filter changed since it was last read or written. */
  async write(): Promise<void> {
    if (!this.filtersChanged) return;
    const entries: Array<[string, number, number]> = [];
    const parts: Uint8Array[] = [];
    for (const [id, entry] of this.filters) {
      entries.push([id, entry.textRev, entry.value.bits.length]);
      parts.push(entry.value.bits);
    }
    const header = Buffer.from(JSON.stringify({ version: SEARCH_CACHE_VERSION, entries }), 'utf8');
    const prefix = Buffer.alloc(8);
    prefix.writeUInt32LE(FILTERS_MAGIC, 0);
    prefix.writeUInt32LE(header.length, 4);
    await mkdir(this.cacheDir, { recursive: true });
    await writeCacheFile(
      join(this.cacheDir, 'search.bin'),
      Buffer.concat([prefix, header, ...parts]),
    );
    this.filtersChanged = false;
  }
}
