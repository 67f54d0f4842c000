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
  type SourceSummary,
} from '../../../shared/model/project';
import { SourceFileSchema, type SourceFile } from '../../../shared/model/source';
import { createSnapshot, pruneBackups } from './backups';
import { describeIssues, issuesForUser } from '../../../shared/model/issues';
import { sourceCodec } from './codecs';
import { durableDocument, serializeDocument } from './json-document';
import { fsyncDirectory, writeFileDurable } from './durable-file';
import { errnoOf, toUserFsError } from './fs-errors';
import { deletedSourcePath, sourceFilePath } from './layout';
import type { ProjectLock } from './lock';

export interface SessionOptions {
  /** Minimum time between two automatic snapshots. */
  backupIntervalMs: number;
  now: () => Date;
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

/** The summary project.json keeps of a source (see SourceSummarySchema). */
export function summariseSource(source: SourceFile, participantIds: string[]): SourceSummary {
  return {
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
 * An open project held by this process. Every change goes through one queue, is validated
 * against the schema, and resolves only after it is durably on disk; if the write fails, the
 * in-memory state is reloaded from disk so what the user sees is what is saved.
 */
/**
 * Makes each coding's `text` a slice of the source text when it reads the same: V8 keeps such a
 * slice as a view of the text, so 100,000 codings (a thousand-transcript project) stop holding a
 * second copy of every coded passage (about 140 MB). Done once, as a source is read.
 */
function shareCodingTexts(source: SourceFile): void {
  for (const coding of source.codings) {
    if (coding.textChanged || coding.end - coding.start !== coding.text.length) continue;
    const view = source.text.slice(coding.start, coding.end);
    if (view === coding.text) coding.text = view;
  }
}

export class ProjectSession {
  private queue: Promise<unknown> = Promise.resolve();
  // Retrieval, search and matrices read every source, so parsed sources stay in memory while the
  // project is open (an evaluation corpus is tens of megabytes at most; see `npm run bench`).
  private readonly sources = new Map<string, Low<SourceFile>>();
  private readonly saveListeners = new Set<(state: SaveState) => void>();
  private closed = false;

  constructor(
    readonly dir: string,
    private readonly db: Low<ProjectFile>,
    private readonly lock: ProjectLock,
    readonly notices: OpenNotice[],
    private readonly options: SessionOptions,
    private lastBackupAt: number,
  ) {}

  /** The project as last saved. Treat as read-only: change it through `mutate`. */
  get project(): ProjectFile {
    return this.db.data;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Save progress for the indicator ("Salvato alle 10:42"). */
  onSaveState(listener: (state: SaveState) => void): () => void {
    this.saveListeners.add(listener);
    return () => this.saveListeners.delete(listener);
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

  private enqueue<R>(task: () => Promise<R>): Promise<R> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private assertWritable(): void {
    if (this.closed) throw new CampoError('NO_PROJECT_OPEN', 'The project is closed');
    if (this.lock.isLost)
      throw new CampoError('LOCK_LOST', 'Another session took the project over');
  }

  /**
   * Applies a change in memory. A change that throws (a business rule) or breaks the schema is
   * *refused*: memory is reloaded from disk and the save indicator is left alone, since nothing
   * was attempted on disk.
   */
  private async apply<R>(change: () => R, reload: () => Promise<unknown>): Promise<R> {
    this.assertWritable();
    try {
      return change();
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
    this.emit({ state: 'saved', at: this.options.now().toISOString() });
    this.scheduleBackup();
  }

  /** Validates the in-memory project.json; throws VALIDATION with the reason. */
  private checkProject(): void {
    this.db.data.updatedAt = this.options.now().toISOString();
    this.db.data = validOrRefused(ProjectFileSchema.safeParse(this.db.data));
  }

  /** Applies `change` to project.json and saves it durably. */
  mutate<R>(change: (draft: ProjectFile) => R): Promise<R> {
    return this.enqueue(async () => {
      const reload = () => this.db.read();
      const result = await this.apply(() => {
        const outcome = change(this.db.data);
        this.checkProject();
        return outcome;
      }, reload);
      await this.persist(() => this.db.write(), reload);
      return result;
    });
  }

  private async sourceDocument(id: string): Promise<Low<SourceFile>> {
    const cached = this.sources.get(id);
    if (cached) return cached;
    if (!this.db.data.sources.some((summary) => summary.id === id)) {
      throw new CampoError('NOT_FOUND', `No source ${id}`, { id });
    }
    const path = sourceFilePath(this.dir, id);
    const document = durableDocument<SourceFile | null>(path, sourceCodec, null);
    await document.read();
    if (!document.data)
      throw new CampoError('NOT_FOUND', `Source file missing: ${path}`, { id, file: path });
    const loaded = document as Low<SourceFile>;
    shareCodingTexts(loaded.data);
    this.sources.set(id, loaded);
    return loaded;
  }

  /** A source with its text, turns and codings. */
  readSource(id: string): Promise<SourceFile> {
    return this.enqueue(async () => (await this.sourceDocument(id)).data);
  }

  /**
   * Writes a new source file, then lists it in project.json together with `alsoChange` (e.g.
   * linking it to its interview) in the same project.json write.
   */
  addSource(
    source: SourceFile,
    participantIds: string[] = [],
    alsoChange?: (project: ProjectFile) => void,
  ): Promise<SourceSummary> {
    return this.enqueue(async () => {
      const checked = await this.apply(
        () => {
          const valid = validOrRefused(
            SourceFileSchema.safeParse({ ...source, schemaVersion: CURRENT_SCHEMA_VERSION }),
          );
          if (this.db.data.sources.some((summary) => summary.id === valid.id)) {
            throw new CampoError('DUPLICATE', `Source ${valid.id} exists`, { value: valid.id });
          }
          this.db.data.sources.push(summariseSource(valid, participantIds));
          alsoChange?.(this.db.data);
          this.checkProject();
          return valid;
        },
        () => this.db.read(),
      );
      const path = sourceFilePath(this.dir, checked.id);
      await this.persist(
        async () => {
          await durableDocument(path, sourceCodec, checked).write();
          await this.db.write();
        },
        async () => {
          // Not listed in the saved project.json: remove the file so it does not come back as
          // an orphan at the next open.
          await this.db.read();
          if (!this.db.data.sources.some((summary) => summary.id === checked.id)) {
            await unlink(path).catch(() => undefined);
          }
        },
      );
      return this.db.data.sources.find((summary) => summary.id === checked.id)!;
    });
  }

  /**
   * Changes one source and saves only its file; project.json is rewritten only when the source's
   * summary (title, size, turns) changed.
   */
  mutateSource<R>(id: string, change: (draft: SourceFile) => R): Promise<R> {
    return this.enqueue(async () => {
      const document = await this.sourceDocument(id);
      const reload = async () => {
        await document.read();
        await this.db.read();
      };
      let indexChanged = false;
      const result = await this.apply(() => {
        const outcome = change(document.data);
        document.data.updatedAt = this.options.now().toISOString();
        document.data = validOrRefused(SourceFileSchema.safeParse(document.data));
        const index = this.db.data.sources.findIndex((summary) => summary.id === id);
        const before = this.db.data.sources[index];
        if (before) {
          const after = summariseSource(document.data, before.participantIds);
          indexChanged =
            after.title !== before.title ||
            after.characters !== before.characters ||
            after.turns !== before.turns;
          if (indexChanged) {
            this.db.data.sources[index] = after;
            this.checkProject();
          }
        }
        return outcome;
      }, reload);
      await this.persist(async () => {
        // Validated a moment ago in `apply`: writing through the adapter would validate the
        // whole source (text, turns, every coding) a second time on each coding save.
        await writeFileDurable(sourceFilePath(this.dir, id), serializeDocument(document.data));
        if (indexChanged) await this.db.write();
      }, reload);
      return result;
    });
  }

  /**
   * Deletes a source: its file is set aside (`<id>.deleted.json`), the project forgets it and
   * its links, then the file goes. A crash in between leaves a file the next open restores or
   * removes according to project.json; the backups keep a copy either way.
   */
  deleteSource(id: string): Promise<void> {
    return this.enqueue(async () => {
      const path = sourceFilePath(this.dir, id);
      const aside = deletedSourcePath(path);
      await this.apply(
        () => {
          if (!this.db.data.sources.some((summary) => summary.id === id)) {
            throw new CampoError('NOT_FOUND', `No source ${id}`, { id });
          }
          this.db.data.sources = this.db.data.sources.filter((summary) => summary.id !== id);
          for (const field of this.db.data.sessions) {
            field.sourceIds = field.sourceIds.filter((sourceId) => sourceId !== id);
            if (field.notesSourceId === id) field.notesSourceId = null;
          }
          this.checkProject();
        },
        () => this.db.read(),
      );
      await rename(path, aside).catch((error: unknown) => {
        if (errnoOf(error) !== 'ENOENT') throw toUserFsError(error, path);
      });
      // On disk before project.json forgets the source: else a power cut could bring it back.
      await fsyncDirectory(dirname(path)).catch(() => undefined);
      await this.persist(
        () => this.db.write(),
        async () => {
          await this.db.read();
          await rename(aside, path).catch(() => undefined);
        },
      );
      this.sources.delete(id);
      await unlink(aside).catch(() => undefined);
      await fsyncDirectory(dirname(path)).catch(() => undefined);
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
    const info = await createSnapshot(this.dir, kind, CURRENT_SCHEMA_VERSION, this.options.now());
    await pruneBackups(this.dir);
    return info;
  }

  /** Waits for every pending write, then releases the lock. */
  close(): Promise<void> {
    return this.enqueue(async () => {
      if (this.closed) return;
      this.closed = true;
      this.saveListeners.clear();
      await this.lock.release();
    });
  }
}
