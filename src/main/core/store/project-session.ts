import { rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Low } from 'lowdb';
import type { z } from 'zod';
import { CampoError } from '../../../shared/ipc/errors';
import type { OpenNotice, SaveState } from '../../../shared/ipc/types';
import {
  CURRENT_SCHEMA_VERSION,
  ProjectFileSchema,
  type ProjectFile,
  type RecordKind,
  type SourceSummary,
} from '../../../shared/model/project';
import {
  SourceFileSchema,
  type Coding,
  type Memo,
  type SourceFile,
} from '../../../shared/model/source';
import { currentClient } from '../caller';
import { createSnapshot, pruneBackups } from './backups';
import { describeIssues, issuesForUser } from '../../../shared/model/issues';
import { ProjectCaches } from './caches';
import { fsyncDirectory } from './durable-file';
import { errnoOf, toUserFsError } from './fs-errors';
import { DurableJsonAdapter } from './json-document';
import { deletedSourcePath, sourceFilePath } from './layout';
import type { ProjectLock } from './lock';
import { rebase, replaceContent } from './rebase';
import { RecordStamper } from './record-stamps';
import {
  SourceStore,
  type CodingsDelta,
  type Layers,
  type SourceStoreOptions,
} from './source-store';

/** The evaluator working in this session: every change they save carries their id. */
export interface EvaluatorIdentity {
  id: string;
  name: string;
}

export interface SessionOptions extends SourceStoreOptions {
  /** Minimum time between two automatic snapshots. */
  backupIntervalMs: number;
  now: () => Date;
  evaluator: EvaluatorIdentity;
  /** Coding saves are written into their layer files after this long without one (default 2 s). */
  checkpointIdleMs?: number;
  /** …or as soon as the coding journal grows past this many bytes (default 1 MB). */
  journalMaxBytes?: number;
}

const CHECKPOINT_IDLE_MS = 2_000;
const JOURNAL_MAX_BYTES = 1024 * 1024;
/** Sources whose layers one checkpoint step writes (a save waits for one step at most). */
const CHECKPOINT_STEP_SOURCES = 20;

/** What a save changed, for the other windows (`projectChanged`). */
export interface ProjectChange {
  clientId: string;
  project: boolean;
  sourceIds: string[];
}

/** The parsed data, or a VALIDATION refusal naming what is wrong. */
function validOrRefused<T>(
  result: { success: true; data: T } | { success: false; error: z.ZodError },
): T {
  if (!result.success) {
    throw new CampoError('VALIDATION', 'Invalid change', {
      reason: describeIssues(result.error),
      issues: issuesForUser(result.error),
    });
  }
  return result.data;
}

/** Per evaluator and code, the codings a change added less those it removed (zeros left out). */
function countMoves({ removed, added }: CodingsDelta): Array<[string, string, number]> {
  const balance = new Map<string, [string, string, number]>();
  const move = (coding: Coding, by: number) => {
    const key = `${coding.coderId}\u0000${coding.codeId}`;
    const held = balance.get(key);
    if (held) held[2] += by;
    else balance.set(key, [coding.coderId, coding.codeId, by]);
  };
  for (const coding of removed) move(coding, -1);
  for (const coding of added) move(coding, 1);
  return [...balance.values()].filter((entry) => entry[2] !== 0);
}

/** The summary project.json keeps of a source (see SourceSummarySchema). */
export function summariseSource(
  source: Pick<
    SourceFile,
    'id' | 'title' | 'kind' | 'origin' | 'fictional' | 'text' | 'turns' | 'createdAt' | 'updatedAt'
  > & { textRev?: number },
  participantIds: string[],
): SourceSummary {
  return {
    ...(source.textRev !== undefined ? { textRev: source.textRev } : {}),
    id: source.id,
    title: source.title,
    kind: source.kind,
    origin: source.origin,
    fictional: source.fictional,
    participantIds,
    characters: source.text.length,
    turns: source.turns.length,
    createdAt: source.createdAt,
    updatedAt: source.updatedAt,
  };
}

/**
 * An open project held by this process (STORE-V2). Every change goes through one queue, is
 * validated, stamped (revision, time, evaluator) and resolves only after it is durably on disk;
 * if the write fails, memory is reloaded from disk so what the user sees is what is saved.
 */
export class ProjectSession {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly saveListeners = new Set<(state: SaveState) => void>();
  private readonly changeListeners = new Set<(change: ProjectChange) => void>();
  private readonly stamper = new RecordStamper();
  readonly sources: SourceStore;
  readonly caches: ProjectCaches;
  private closed = false;
  private saves = 0;
  private checkpointTimer: NodeJS.Timeout | null = null;
  /** Where each source's summary is in project.json's list (see `summaryOf`). */
  private summaryAt = new Map<string, number>();
  /** A checkpoint's steps are under way: saves meanwhile do not start another run of them. */
  private checkpointing = false;

  constructor(
    readonly dir: string,
    private readonly db: Low<ProjectFile>,
    private readonly lock: ProjectLock,
    readonly notices: OpenNotice[],
    private readonly options: SessionOptions,
    private lastBackupAt: number,
    /** project.json as read from disk, when it is exactly `db.data` (see RecordStamper). */
    rawProject?: ProjectFile,
  ) {
    // Either way lazily: `db.data` is changed only after `beforeProjectChange`, which settles it.
    this.stamper.remember(rawProject ?? db.data, true);
    this.sources = new SourceStore(dir, options);
    this.caches = new ProjectCaches(this);
    // Codings set aside with their damaged file leave the counts (once the read that met it ends).
    this.sources.onLayerSetAside(({ sourceId }) => {
      setImmediate(() => void this.recount(sourceId));
    });
    // Each project.json this session writes was validated: its stamp may be trusted (caches.ts).
    if (db.adapter instanceof DurableJsonAdapter) {
      db.adapter.onWritten = () => this.caches.projectSaved();
    }
  }

  /** Counts a source's codings again from its layers as read now. */
  async recount(sourceId: string): Promise<void> {
    const layers = await this.sources.layersOf(sourceId).catch(() => null);
    if (layers && !this.isClosed) this.caches.sourceLoaded(sourceId, layers);
  }

  /** The project as last saved. Treat as read-only: change it through `mutate`. */
  get project(): ProjectFile {
    return this.db.data;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** The evaluator whose changes this session saves. */
  get evaluator(): EvaluatorIdentity {
    return this.options.evaluator;
  }

  /** The evaluator changed their name while the project was open (their id stays). */
  renameEvaluator(name: string): void {
    this.options.evaluator = { ...this.options.evaluator, name };
  }

  /** Save progress for the indicator ("Salvato alle 10:42"). */
  onSaveState(listener: (state: SaveState) => void): () => void {
    this.saveListeners.add(listener);
    return () => this.saveListeners.delete(listener);
  }

  /** Every saved change, with the window that made it. */
  onChange(listener: (change: ProjectChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /**
   * Checks the lock now rather than at the next heartbeat (e.g. when the laptop wakes up):
   * refreshes it, or finds that another session took the project over.
   */
  checkLock(): Promise<void> {
    return this.lock.heartbeat();
  }

  /** Called once if another session takes the project over. */
  onLockLost(listener: () => void): void {
    this.lock.onLost(listener);
  }

  private emit(state: SaveState): void {
    for (const listener of this.saveListeners) listener(state);
  }

  private changed(project: boolean, sourceIds: string[]): void {
    const change = { clientId: currentClient(), project, sourceIds };
    for (const listener of this.changeListeners) listener(change);
  }

  /** Runs `task` after every queued one: reads and writes never interleave. */
  enqueue<R>(task: () => Promise<R>): Promise<R> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private assertWritable(): void {
    if (this.closed) throw new CampoError('NO_PROJECT_OPEN', 'The project is closed');
    if (this.lock.isLost)
      throw new CampoError('LOCK_LOST', 'Another session took the project over');
  }

  private stampNow() {
    return {
      at: this.options.now().toISOString(),
      by: this.options.evaluator.id,
      client: currentClient(),
    };
  }

  /** Reloads project.json from disk (after a refused or failed change). */
  private async reloadProject(): Promise<void> {
    await this.db.read();
    this.stamper.remember(this.db.data);
  }

  /**
   * Applies a change in memory. A change that throws (a business rule) or breaks the schema is
   * *refused*: memory is reloaded from disk and the save indicator is left alone, since nothing
   * was attempted on disk.
   */
  private async apply<R>(change: () => R | Promise<R>, reload: () => Promise<unknown>): Promise<R> {
    this.assertWritable();
    try {
      return await change();
    } catch (error) {
      await reload().catch(() => undefined);
      throw error;
    }
  }

  /**
   * Writes to disk, reporting progress to the save indicator. If the write fails (full disk,
   * permissions), memory is reloaded from disk: what the user sees is what is saved.
   */
  private async persist(write: () => Promise<void>, reload: () => Promise<unknown>): Promise<void> {
    this.emit({ state: 'saving' });
    try {
      const unclean = this.caches.beforeWrite();
      if (unclean) await unclean;
      await write();
    } catch (error) {
      await reload().catch(() => undefined);
      const wire =
        error instanceof CampoError
          ? error.toWire()
          : { code: 'INTERNAL' as const, message: String(error) };
      this.emit({ state: 'failed', ...wire });
      throw error;
    }
    this.saves += 1;
    this.emit({ state: 'saved', at: this.options.now().toISOString() });
    this.scheduleBackup();
  }

  /**
   * Called before project.json in memory is changed: the record stamper takes the saved state
   * from it first (lazily, so opening and coding saves, which leave project.json alone, skip it).
   */
  private beforeProjectChange(): void {
    this.stamper.settle();
  }

  /** Validates and stamps the in-memory project.json; throws VALIDATION with the reason. */
  private checkProject(): void {
    const { at, by } = this.stampNow();
    this.db.data.updatedAt = at;
    this.db.data = validOrRefused(ProjectFileSchema.safeParse(this.db.data));
    this.stamper.stamp(this.db.data, at, by, currentClient());
  }

  /** Applies `change` to project.json and saves it durably. */
  mutate<R>(change: (draft: ProjectFile) => R): Promise<R> {
    return this.enqueue(async () => {
      const reload = () => this.reloadProject();
      const result = await this.apply(() => {
        this.beforeProjectChange();
        const outcome = change(this.db.data);
        this.checkProject();
        return outcome;
      }, reload);
      await this.persist(() => this.db.write(), reload);
      this.changed(true, []);
      return result;
    });
  }

  /**
   * Inside `mutate`: applies a window's `edit` to `record`, made on revision `baseRev` of it.
   * Merged with what others saved since, or refused with STALE_CHANGE (STORE-V2 §3).
   */
  rebase<T extends object & { id: string }>(
    kind: RecordKind,
    record: T,
    baseRev: number | undefined,
    label: string,
    edit: (draft: T) => void,
  ): T {
    const id = kind === 'meta' || kind === 'report' ? kind : record.id;
    const merged = rebase({
      label,
      baseRev,
      current: record,
      base: baseRev === undefined ? undefined : this.stamper.versionAt(kind, id, baseRev),
      ownRevisions:
        baseRev !== undefined && this.stamper.onlySavedBy(kind, id, baseRev, currentClient()),
      edit,
    });
    return replaceContent(record, merged);
  }

  /**
   * True when another window changed `field` of a record after revision `baseRev` (for a value
   * that is refused rather than merged, such as a source's title).
   */
  changedSince(
    kind: RecordKind,
    record: { id: string; rev?: number | undefined } & Record<string, unknown>,
    baseRev: number | undefined,
    field: string,
  ): boolean {
    if (baseRev === undefined || baseRev >= (record.rev ?? 0)) return false;
    if (this.stamper.onlySavedBy(kind, record.id, baseRev, currentClient())) return false;
    const base = this.stamper.versionAt(kind, record.id, baseRev);
    return !base || JSON.stringify(base[field]) !== JSON.stringify(record[field]);
  }

  /**
   * Inside `mutateSource`: a window's `edit` of a coding or memo made on revision `baseRev` of
   * it, merged with what others saved since or refused with STALE_CHANGE (STORE-V2 §3).
   */
  rebaseItem<T extends Coding | Memo>(
    current: T,
    baseRev: number | undefined,
    label: string,
    edit: (draft: T) => void,
  ): T {
    const base = baseRev === undefined ? undefined : this.sources.versionAt(current.id, baseRev);
    const { rev: _rev, updatedAt: _at, updatedBy: _by, ...content } = (base ?? {}) as T;
    return rebase({
      label,
      baseRev,
      current,
      base: base ? (content as Record<string, unknown>) : undefined,
      ownRevisions:
        baseRev !== undefined &&
        this.sources.onlySavedBy(current.id, baseRev, current.rev ?? 0, currentClient()),
      edit,
    });
  }

  /** A source with its text, turns, and every coder's codings and memos. */
  readSource(id: string): Promise<SourceFile> {
    return this.enqueue(async () => {
      this.knownSource(id);
      return this.sources.view(id);
    });
  }

  /**
   * A source as `readSource` gives it, for a pass over every source (exports): read without
   * being kept in memory unless it already is (SourceStore.scan).
   */
  scanSource(id: string): Promise<SourceFile> {
    return this.enqueue(async () => {
      this.knownSource(id);
      return this.sources.scan(id);
    });
  }

  /**
   * The coder layers of these sources (codings without texts), read a few sources at a time
   * through the queue so saves interleave with a long read.
   */
  async readLayers(ids: readonly string[]): Promise<Map<string, Layers>> {
    const layers = new Map<string, Layers>();
    for (let at = 0; at < ids.length; at += 50) {
      const batch = ids.slice(at, at + 50);
      await this.enqueue(async () => {
        for (const id of batch) {
          if (!this.db.data.sources.some((summary) => summary.id === id)) continue;
          layers.set(id, await this.sources.layersOf(id).catch(() => new Map()));
        }
      });
    }
    return layers;
  }

  /** A source's document (text, turns, title) without its codings. */
  readDoc(id: string) {
    return this.enqueue(async () => {
      this.knownSource(id);
      return this.sources.doc(id);
    });
  }

  private knownSource(id: string): SourceSummary {
    const summary = this.summaryOf(id);
    if (!summary) throw new CampoError('NOT_FOUND', `No source ${id}`, { id });
    return summary;
  }
  /**
   * The summary of source `id` in project.json, by a position index checked at each use (the
   * list is changed in place and replaced): a save looks its source up several times, and L has
   * a thousand of them.
   */
  private summaryOf(id: string): SourceSummary | undefined {
    const sources = this.db.data.sources;
    const at = this.summaryAt.get(id);
    if (at !== undefined && sources[at]?.id === id) return sources[at];
    this.summaryAt = new Map(sources.map((summary, index) => [summary.id, index]));
    const found = this.summaryAt.get(id);
    return found === undefined ? undefined : sources[found];
  }

  /**
   * Writes a new source (its layers, then its document), then lists it in project.json together
   * with `alsoChange` (e.g. linking it to its interview) in the same project.json write.
   */
  addSource(
    source: SourceFile,
    participantIds: string[] = [],
    alsoChange?: (project: ProjectFile) => void,
  ): Promise<SourceSummary> {
    return this.enqueue(async () => {
      const reload = () => this.reloadProject();
      const planned = await this.apply(() => {
        const valid = validOrRefused(
          SourceFileSchema.safeParse({ ...source, schemaVersion: CURRENT_SCHEMA_VERSION }),
        );
        if (this.db.data.sources.some((summary) => summary.id === valid.id)) {
          throw new CampoError('DUPLICATE', `Source ${valid.id} exists`, { value: valid.id });
        }
        const plan = this.sources.planAdd(valid, this.stampNow());
        this.beforeProjectChange();
        this.db.data.sources.push(summariseSource(plan.doc, participantIds));
        alsoChange?.(this.db.data);
        this.checkProject();
        return plan;
      }, reload);
      const id = planned.doc.id;
      await this.persist(
        async () => {
          await this.sources.commitAdd(planned);
          await this.db.write();
        },
        async () => {
          // Not listed in the saved project.json: remove its files so they do not come back as
          // an orphan at the next open.
          await this.reloadProject();
          if (!this.db.data.sources.some((summary) => summary.id === id)) {
            await unlink(sourceFilePath(this.dir, id)).catch(() => undefined);
            await this.sources.removeLayers(id).catch(() => undefined);
          }
        },
      );
      this.caches.sourceLoaded(id, await this.sources.layersOf(id));
      this.caches.textChanged(id);
      this.changed(true, [id]);
      return this.db.data.sources.find((summary) => summary.id === id)!;
    });
  }

  /**
   * Changes one source and saves only what changed: a coding save rewrites that coder's layer;
   * the source document when its text, turns or title changed; project.json only when the
   * source's summary (title, size, turns) changed. `saved` is told which codings the change
   * replaced, removed and added, once they are on disk (the undo history's delta).
   */
  mutateSource<R>(
    id: string,
    change: (draft: SourceFile) => R,
    saved?: (codings: CodingsDelta) => void,
  ): Promise<R> {
    return this.enqueue(async () => {
      const reload = async () => {
        this.sources.forget(id);
        await this.reloadProject();
      };
      const summary = this.knownSource(id);
      const plan = await this.apply(() => this.sources.plan(id, change, this.stampNow()), reload);
      let summaryChanged = false;
      await this.persist(async () => {
        const view = await this.sources.commit(plan);
        saved?.(plan.codings);
        // The summary is made of the document's fields: a coding save leaves it as it is.
        if (!plan.change.doc) return;
        const after = summariseSource(
          { ...view, textRev: plan.doc.textRev },
          summary.participantIds,
        );
        summaryChanged =
          after.title !== summary.title ||
          after.characters !== summary.characters ||
          after.turns !== summary.turns ||
          after.textRev !== summary.textRev;
        if (summaryChanged) {
          this.beforeProjectChange();
          const index = this.db.data.sources.findIndex((candidate) => candidate.id === id);
          this.db.data.sources[index] = after;
          this.checkProject();
          await this.db.write();
        }
        if (plan.change.text) await this.sources.endEdit(id);
      }, reload);
      // A change that only edited codings (a memo, a key quotation) leaves the counts as they are.
      if (plan.change.layers.length > 0) {
        const moves = countMoves(plan.codings);
        if (moves.length > 0) this.caches.countsMoved(id, moves);
      }
      if (plan.change.text) this.caches.textChanged(id);
      this.scheduleCheckpoint();
      this.changed(summaryChanged, [id]);
      return plan.result;
    });
  }

  /**
   * Brings the layer files up to date with the coding journal when saving pauses, or at once
   * when the journal is long (see SourceStore.checkpoint). A failed checkpoint loses nothing: the
   * journal stays and is tried again at the next one.
   */
  private scheduleCheckpoint(): void {
    const { deltas, bytes } = this.sources.journalSize;
    if (deltas === 0 || this.checkpointing) return;
    if (bytes >= (this.options.journalMaxBytes ?? JOURNAL_MAX_BYTES)) {
      if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
      this.runCheckpoint();
      return;
    }
    // Saving goes on: the pause starts again (the timer is refreshed, not made anew each save).
    if (this.checkpointTimer) {
      this.checkpointTimer.refresh();
      return;
    }
    this.checkpointTimer = setTimeout(
      () => this.runCheckpoint(),
      this.options.checkpointIdleMs ?? CHECKPOINT_IDLE_MS,
    );
    this.checkpointTimer.unref();
  }

  /** Writes the journal into the layer files in steps through the queue, so saves go on between them. */
  private runCheckpoint(): void {
    this.checkpointTimer = null;
    this.checkpointing = true;
    const step = (): void => {
      void this.enqueue(async () => {
        // Not over the files of a session that took the project over while this one slept (it
        // has replayed this journal already).
        if (this.closed || !(await this.lock.stillOurs())) return true;
        return this.sources.checkpointStep(CHECKPOINT_STEP_SOURCES);
      }).then(
        (done) => {
          if (done) this.checkpointing = false;
          else step();
        },
        (error: unknown) => {
          this.checkpointing = false;
          console.warn('[campo] coding journal not yet written into the layer files', error);
        },
      );
    };
    step();
  }

  /** Writes the coding journal into the layer files now (before the files are read as a whole). */
  checkpoint(): Promise<void> {
    return this.enqueue(() => this.sources.checkpoint());
  }

  /**
   * Deletes a source: its document is set aside (`<id>.deleted.json`), the project forgets it
   * and its links, then the document and its layers go. A crash in between leaves a file the
   * next open restores or removes according to project.json; the backups keep a copy either way.
   */
  deleteSource(id: string): Promise<void> {
    return this.enqueue(async () => {
      // The journal holds no change of a source project.json no longer lists.
      await this.sources.checkpoint();
      const path = sourceFilePath(this.dir, id);
      const aside = deletedSourcePath(path);
      await this.apply(
        () => {
          this.knownSource(id);
          this.beforeProjectChange();
          this.db.data.sources = this.db.data.sources.filter((summary) => summary.id !== id);
          for (const field of this.db.data.sessions) {
            field.sourceIds = field.sourceIds.filter((sourceId) => sourceId !== id);
            if (field.notesSourceId === id) field.notesSourceId = null;
          }
          this.checkProject();
        },
        () => this.reloadProject(),
      );
      await rename(path, aside).catch((error: unknown) => {
        if (errnoOf(error) !== 'ENOENT') throw toUserFsError(error, path);
      });
      // On disk before project.json forgets the source: else a power cut could bring it back.
      await fsyncDirectory(dirname(path)).catch(() => undefined);
      await this.persist(
        () => this.db.write(),
        async () => {
          await this.reloadProject();
          await rename(aside, path).catch(() => undefined);
        },
      );
      await this.sources.removeLayers(id);
      await unlink(aside).catch(() => undefined);
      await fsyncDirectory(dirname(path)).catch(() => undefined);
      this.caches.sourceRemoved(id);
      this.changed(true, [id]);
    });
  }

  /** Queues an automatic snapshot when the last one is older than the interval. */
  scheduleBackup(): void {
    const now = this.options.now().getTime();
    if (now - this.lastBackupAt < this.options.backupIntervalMs) return;
    this.lastBackupAt = now;
    void this.enqueue(() => this.snapshot('auto')).catch((error: unknown) => {
      console.warn('[campo] automatic backup failed', error);
    });
  }

  /** Takes a snapshot now, between two writes, so it sees a consistent project. */
  backupNow(kind: 'auto' | 'pre-restore' = 'auto') {
    return this.enqueue(() => this.snapshot(kind));
  }

  private async snapshot(kind: 'auto' | 'pre-restore') {
    if (kind === 'auto') this.lastBackupAt = this.options.now().getTime();
    // A snapshot copies the layer files: they first take in the journal.
    await this.sources.checkpoint();
    const info = await createSnapshot(this.dir, kind, CURRENT_SCHEMA_VERSION, this.options.now());
    await pruneBackups(this.dir);
    return info;
  }

  /** Durable saves this session made (a merge can be undone only while none followed it). */
  get saveCount(): number {
    return this.saves;
  }

  /**
   * Runs `task` alone on the folder (a merge writing many files at once, issue 18), then ends
   * the session without writing its caches: its memory no longer matches the disk, so the
   * caller opens the project again. The caches are marked unclean first, so they are rebuilt.
   */
  async closeAfter<R>(task: () => Promise<R>): Promise<R> {
    this.assertWritable();
    await this.caches.stop();
    return this.enqueue(async () => {
      this.assertWritable();
      this.emit({ state: 'saving' });
      try {
        await this.caches.beforeWrite();
        // The task reads and writes the files as a whole.
        await this.sources.checkpoint();
        const result = await task();
        this.emit({ state: 'saved', at: this.options.now().toISOString() });
        return result;
      } catch (error) {
        const wire =
          error instanceof CampoError
            ? error.toWire()
            : { code: 'INTERNAL' as const, message: String(error) };
        this.emit({ state: 'failed', ...wire });
        throw error;
      } finally {
        this.closed = true;
        this.stopCheckpoints();
        await this.sources.close();
        this.saveListeners.clear();
        this.changeListeners.clear();
        await this.lock.release();
      }
    });
  }

  private stopCheckpoints(): void {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
  }

  /** Stops the background work, waits for every pending write, writes the caches, then releases the lock. */
  async close(): Promise<void> {
    await this.caches.stop();
    return this.enqueue(async () => {
      if (this.closed) return;
      this.stopCheckpoints();
      // Left in the journal if this fails: the next open writes it.
      if (await this.lock.stillOurs()) {
        await this.sources.checkpoint().catch((error: unknown) => {
          console.warn('[campo] coding journal left for the next open', error);
        });
      }
      await this.sources.close();
      await this.caches.flush().catch((error: unknown) => {
        console.warn('[campo] caches not written', error);
      });
      this.closed = true;
      this.saveListeners.clear();
      this.changeListeners.clear();
      await this.lock.release();
    });
  }
}
