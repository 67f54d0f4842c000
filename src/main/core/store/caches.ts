/**
 * The caches of an open project (STORE-V2 §4), in `cache/`: code counts per source and coder
 * (`counts.bin`, see counts-table.ts), the search cache (see search-cache.ts) and a snapshot of
 * project.json that opens faster than the file (see project-snapshot.ts). Deleting the folder
 * loses nothing.
 *
 * Validity of the counts: `state.json` says `clean: true` only after a flush wrote them, and the
 * first write after that sets it to false (durably, before the data file is written). A crash
 * thus leaves `clean: false`, and the next open recounts. What is missing is rebuilt in the
 * background, source by source through the session's queue, with progress for the windows.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CodeFrequency } from '../../../shared/domain/coding-stats';
import type { Code } from '../../../shared/model/project';
import type { LayerFile } from '../../../shared/model/source';
import { CountsTable, type CoderFilter } from './counts-table';
import { sameStamp, stampOf, type FileStamp } from './file-stamp';
import { readJsonFile, writeFileDurable } from './durable-file';
import { CACHE_DIR, PROJECT_FILE, sourceFilePath } from './layout';
import type { ProjectSession } from './project-session';
import { snapshotProjectFile } from './project-snapshot';
import { SearchCache } from './search-cache';

export { stampOf, type FileStamp };

/**
 * Bump when counts.bin or state.json change shape, or when project.json gains fields with
 * defaults (2: the team's initials, colours, roles and merges; 3: counts.bin replaces
 * counts.json): older caches are then rebuilt and a project.json last written by an older build
 * is validated (its defaults filled in).
 */
export const CACHE_VERSION = 3;

const COUNTS_FILE = 'counts.bin';

/** Codings per code, per evaluator, of one source. */
export type SourceCounts = Map<string, Map<string, number>>;

/** What the background work is doing, for a progress bar. */
export interface CacheProgress {
  kind: 'counts' | 'search';
  fraction: number;
}

export interface StateFile {
  cacheVersion: number;
  projectId: string;
  clean: boolean;
  /**
   * project.json as it was when the caches were last written clean: this session wrote (and
   * validated) exactly that file. The next open skips its full validation when it is unchanged.
   */
  projectFile?: FileStamp;
}

/** The caches' state file, or null when it is missing or unreadable. */
export async function readCacheState(projectDir: string): Promise<Partial<StateFile> | null> {
  const read = await readJsonFile(join(projectDir, CACHE_DIR, 'state.json')).catch(() => null);
  return read?.status === 'ok' ? (read.value as Partial<StateFile>) : null;
}

/**
 * What opening reads of the cache folder, started early so that the disk works while
 * project.json is decoded. Only valid while nothing writes the cache folder (before the session
 * exists; a migration deletes the folder, and then its reads are dropped).
 */
export interface CacheReads {
  state: Promise<Partial<StateFile> | null>;
  counts: Promise<Buffer | null>;
}

/** Starts reading the state and the counts of the cache folder. */
export function startCacheReads(projectDir: string): CacheReads {
  const counts = readFile(join(projectDir, CACHE_DIR, COUNTS_FILE)).catch(() => null);
  return { state: readCacheState(projectDir), counts };
}

/**
 * True when project.json, as stamped by `now` (taken before it was read), is the file Campo last
 * wrote and validated (the caches' clean state records its stamp): opening may then skip the
 * schema check of a large project.
 */
export async function projectFileTrusted(
  projectDir: string,
  now: FileStamp | null,
  state: Promise<Partial<StateFile> | null> = readCacheState(projectDir),
): Promise<boolean> {
  const file = await state;
  if (file?.cacheVersion !== CACHE_VERSION || file.clean !== true) return false;
  return sameStamp(now, file.projectFile);
}

/** The caches are written once the project has been quiet this long (and at close). */
const FLUSH_DELAY_MS = 5_000;
/** Indexing for search starts this long after opening (the counts are read first). */
const INDEXING_DELAY_MS = 300;
const BATCH = 25;
/** project.json is snapshotted this long after an open that read it (see project-snapshot.ts). */
const SNAPSHOT_DELAY_MS = 2_000;

export class ProjectCaches {
  private counts = CountsTable.empty();
  private cleanOnDisk = false;
  private countsChanged = false;
  /** project.json was written since the state last recorded its stamp. */
  private projectWritten = false;
  /**
   * The stamp of the project.json this session knows to be valid: the one it read and checked
   * (or trusted) at open, then each one it wrote (validated before writing). Only this stamp is
   * ever recorded as trusted, so a file changed behind Campo's back is checked at the next open.
   */
  private validProject: FileStamp | null = null;
  /** The stamp of the project.json cache/project.snapshot holds, when known (project-snapshot.ts). */
  private snapshotOf: FileStamp | null = null;
  private snapshotTimer: NodeJS.Timeout | null = null;
  private snapshotting: Promise<void> | null = null;
  private rebuilding: Promise<void> | null = null;
  /** Set at open: indexing waits until the project is on screen. */
  private indexingHeld: NodeJS.Timeout | null = null;
  private indexing: Promise<void> | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  /** Set when the project closes: background work stops after its current step. */
  private stopped = false;
  private readonly progressListeners = new Set<(progress: CacheProgress) => void>();
  readonly search: SearchCache;

  constructor(private readonly session: ProjectSession) {
    this.search = new SearchCache(join(session.dir, CACHE_DIR));
  }

  private get dir(): string {
    return join(this.session.dir, CACHE_DIR);
  }

  /** Progress of background rebuilds. */
  onProgress(listener: (progress: CacheProgress) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  private progress(progress: CacheProgress): void {
    for (const listener of this.progressListeners) listener(progress);
  }

  /**
   * At open: takes the counts when the cache is clean and current, then rebuilds in the
   * background whatever is missing (every source after a crash or a migration). `reads` are the
   * cache files opening already started reading; `snapshotOf` the stamp of the project.json
   * cache/project.snapshot holds, when known.
   */
  async open(
    validProject: FileStamp | null = null,
    reads: CacheReads | null = null,
    snapshotOf: FileStamp | null = null,
  ): Promise<void> {
    this.validProject = validProject;
    this.snapshotOf = snapshotOf;
    const file = await (reads?.state ?? readCacheState(this.session.dir));
    if (
      file?.cacheVersion === CACHE_VERSION &&
      file.projectId === this.session.project.id &&
      file.clean === true
    ) {
      const bytes = await (reads?.counts ?? this.readCountsFile());
      this.counts = (bytes && CountsTable.decode(bytes, CACHE_VERSION)) || CountsTable.empty();
      this.cleanOnDisk = true;
    }
    // A project.json checked in full at this open is recorded at the next flush, so the open
    // after that may trust it.
    this.projectWritten = !sameStamp(validProject, file?.projectFile);
    const listed = new Set(this.session.project.sources.map((source) => source.id));
    for (const id of [...this.counts.ids()]) if (!listed.has(id)) this.counts.delete(id);
    // The counts come first (the coding screen waits for them); the search cache is looked at
    // once the project is on screen, unless a search asks for it sooner.
    this.indexingHeld = setTimeout(() => {
      this.indexingHeld = null;
      this.scheduleIndexing();
    }, INDEXING_DELAY_MS);
    this.indexingHeld.unref();
    this.rebuild();
  }

  /**
   * Snapshots project.json for the next open a little after this one (it was read from the file,
   * or changed by opening), once the project is on screen.
   */
  scheduleProjectSnapshot(): void {
    if (this.snapshotTimer || this.stopped) return;
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      this.snapshotting = this.session
        .enqueue(() => (this.stopped ? Promise.resolve() : this.refreshProjectSnapshot()))
        .catch(() => undefined)
        .finally(() => {
          this.snapshotting = null;
        });
    }, SNAPSHOT_DELAY_MS);
    this.snapshotTimer.unref();
  }

  private readCountsFile(): Promise<Buffer | null> {
    return readFile(join(this.dir, COUNTS_FILE)).catch(() => null);
  }

  /** Called after the session wrote project.json (validated on its way to disk). */
  async projectSaved(): Promise<void> {
    this.validProject = await stampOf(join(this.session.dir, PROJECT_FILE));
  }

  /**
   * Called before any data file is written: the counts on disk stop being trusted. Returns a
   * promise only when there is something to wait for (the first write after a flush), so a save
   * does not wait a turn for nothing.
   */
  beforeWrite(): Promise<void> | undefined {
    this.projectWritten = true;
    // Not while the user works: the timer starts again at every write (refreshed, not remade).
    if (this.flushTimer) this.flushTimer.refresh();
    else this.scheduleFlush();
    if (!this.cleanOnDisk) return undefined;
    this.cleanOnDisk = false;
    return this.writeState(false);
  }

  private async writeState(clean: boolean): Promise<void> {
    // The file on disk now is trusted only if it is the one this session read or wrote.
    const onDisk = clean ? await stampOf(join(this.session.dir, PROJECT_FILE)) : null;
    const projectFile = sameStamp(onDisk, this.validProject) ? onDisk : null;
    const state: StateFile = {
      cacheVersion: CACHE_VERSION,
      projectId: this.session.project.id,
      clean,
      ...(projectFile ? { projectFile } : {}),
    };
    await mkdir(this.dir, { recursive: true });
    await writeFileDurable(join(this.dir, 'state.json'), `${JSON.stringify(state)}\n`);
  }

  /** A source's layers changed (or were read): its counts follow. */
  sourceLoaded(id: string, layers: Map<string, LayerFile>): void {
    this.counts.setFromLayers(id, layers.values());
    this.countsChanged = true;
  }

  /**
   * A save moved a source's counts by `moves` (coder id, code id, how many): adjusted in place.
   * Counts that disagree with the change are recounted from the layers in the background.
   */
  countsMoved(id: string, moves: Iterable<readonly [string, string, number]>): void {
    this.counts.adjust(id, moves);
    this.countsChanged = true;
    if (!this.counts.has(id)) this.rebuild();
  }

  sourceRemoved(id: string): void {
    this.counts.delete(id);
    this.countsChanged = true;
    void this.search.forget(id).catch(() => undefined);
  }

  /** A source's text changed (or it is new): its search entry is rebuilt in the background. */
  textChanged(id: string): void {
    void this.search
      .forget(id)
      .catch(() => undefined)
      .then(() => this.scheduleIndexing());
  }

  /** Every source's counts, once complete (waits for a rebuild under way). */
  private async complete(): Promise<CountsTable> {
    this.rebuild();
    while (this.rebuilding) await this.rebuilding;
    return this.counts;
  }

  /** Every source's codings per code and coder (tests, the inspector). */
  async allCounts(): Promise<ReadonlyMap<string, SourceCounts>> {
    const table = await this.complete();
    return new Map([...table.ids()].map((id) => [id, table.byCoder(id)]));
  }

  /** Per source, the codings per code of every coder together. */
  async allTotals(): Promise<ReadonlyMap<string, ReadonlyMap<string, number>>> {
    const table = await this.complete();
    return new Map([...table.ids()].map((id) => [id, table.totalsOf(id)]));
  }

  /** The coding screen's counts: per code, alone and with the codes below it (see CountsTable). */
  async frequency(codes: readonly Code[], coders: CoderFilter = null): Promise<CodeFrequency[]> {
    return (await this.complete()).frequency(codes, coders);
  }

  /** The sources (project order) holding a coding of any of `codeIds`: nothing is read. */
  async sourcesWith(codeIds: ReadonlySet<string>): Promise<string[]> {
    const table = await this.complete();
    return table.sourcesWith(
      this.session.project.sources.map((summary) => summary.id),
      codeIds,
    );
  }

  /** Waits until the counts and the search index cover every source (bench, tests). */
  async ready(): Promise<void> {
    await this.complete();
    this.releaseIndexing();
    this.scheduleIndexing();
    while (this.indexing) await this.indexing;
  }

  /** Starts counting the sources that have no counts yet, unless that is under way. */
  private rebuild(): void {
    if (this.rebuilding) return;
    const missing = () =>
      this.session.project.sources.map((s) => s.id).filter((id) => !this.counts.has(id));
    if (missing().length === 0) {
      this.scheduleIndexing();
      return;
    }
    this.rebuilding = (async () => {
      const total = missing().length;
      let done = 0;
      for (let todo = missing(); todo.length > 0 && !this.stopped; todo = missing()) {
        const batch = todo.slice(0, BATCH);
        await this.session.enqueue(async () => {
          if (this.stopped) return;
          for (const id of batch) {
            if (this.counts.has(id)) continue;
            const layers = await this.session.sources.layersOf(id).catch(() => null);
            this.counts.setFromLayers(id, layers ? layers.values() : []);
          }
        });
        done += batch.length;
        this.progress({ kind: 'counts', fraction: Math.min(1, done / total) });
      }
      this.countsChanged = true;
      this.scheduleFlush();
    })().finally(() => {
      this.rebuilding = null;
      this.scheduleIndexing();
    });
  }

  /**
   * Starts indexing, for search, the sources whose entry is missing or stale: their filter and
   * folded text, and the text and turns hits show (context-cache.ts).
   */
  private scheduleIndexing(): void {
    if (this.indexing || this.stopped || this.indexingHeld) return;
    this.indexing = (async () => {
      await this.search.load();
      // A document that cannot be read is tried once per run (it gets an empty filter).
      const tried = new Set<string>();
      const stale = async () => {
        const contexts = await this.search.contexts.listed();
        return this.session.project.sources.filter(
          (s) =>
            !tried.has(s.id) &&
            (!this.search.isCurrent(s.id, s.textRev ?? 0) || !contexts.has(s.id)),
        );
      };
      const total = (await stale()).length;
      if (total === 0) return;
      let done = 0;
      for (let todo = await stale(); todo.length > 0 && !this.stopped; todo = await stale()) {
        const summary = todo[0]!;
        tried.add(summary.id);
        const textRev = summary.textRev ?? 0;
        // Stamped before the read: a document rewritten meanwhile is read again at its next hit.
        const stamp = await stampOf(sourceFilePath(this.session.dir, summary.id));
        const doc = await this.session.readDoc(summary.id).catch(() => null);
        if (doc) {
          await this.search.foldedFor(summary.id, textRev, async () => doc.text);
          if (stamp) await this.search.contexts.keep(summary.id, textRev, stamp, doc);
        } else if (!this.search.isCurrent(summary.id, textRev)) {
          await this.search.index(summary.id, textRev, '');
        }
        done += 1;
        if (done % 10 === 0 || done === total) {
          this.progress({ kind: 'search', fraction: Math.min(1, done / total) });
        }
      }
      this.scheduleFlush();
    })()
      .catch((error: unknown) => console.warn('[campo] search index not rebuilt', error))
      .finally(() => {
        this.indexing = null;
      });
  }

  private releaseIndexing(): void {
    if (this.indexingHeld) clearTimeout(this.indexingHeld);
    this.indexingHeld = null;
  }

  /**
   * Stops the background work (the project is closing) and resolves once its current step is
   * done, so nothing writes in the folder after the close.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.releaseIndexing();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    await Promise.all([this.rebuilding, this.indexing, this.snapshotting]);
  }

  private scheduleFlush(): void {
    if (this.flushTimer || this.stopped) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      void this.session
        .enqueue(async () => {
          if (!this.stopped) await this.flush();
        })
        .catch(() => undefined);
    }, FLUSH_DELAY_MS);
    this.flushTimer.unref();
  }

  /**
   * Writes the caches and marks them clean; called through the session's queue (so no write
   * interleaves) and at close. Counts still being rebuilt are not marked clean.
   */
  async flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    await this.search.write();
    await this.refreshProjectSnapshot().catch(() => undefined);
    const complete = this.session.project.sources.every((s) => this.counts.has(s.id));
    if (!complete || (this.cleanOnDisk && !this.countsChanged && !this.projectWritten)) return;
    await mkdir(this.dir, { recursive: true });
    await writeFileDurable(join(this.dir, COUNTS_FILE), this.counts.encode(CACHE_VERSION));
    // The JSON counts of cache version 2, if this project had them.
    await rm(join(this.dir, 'counts.json'), { force: true });
    await this.writeState(true);
    this.cleanOnDisk = true;
    this.countsChanged = false;
    this.projectWritten = false;
  }

  /**
   * Snapshots project.json when the snapshot is not of the file on disk and that file is one
   * this session read and checked, or wrote (see project-snapshot.ts). A cache: failing is
   * harmless, the next open reads project.json.
   */
  private async refreshProjectSnapshot(): Promise<void> {
    const onDisk = await stampOf(join(this.session.dir, PROJECT_FILE));
    if (!sameStamp(onDisk, this.validProject) || sameStamp(onDisk, this.snapshotOf)) return;
    const made = await snapshotProjectFile(this.session.dir, onDisk).catch(() => null);
    if (made) this.snapshotOf = made;
  }
}
