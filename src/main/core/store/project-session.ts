import { unlink } from 'node:fs/promises';
import type { Low } from 'lowdb';
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
import { describeIssues } from '../../../shared/model/issues';
import { sourceCodec } from './codecs';
import { durableDocument } from './json-document';
import { sourceFilePath } from './layout';
import type { ProjectLock } from './lock';

export interface SessionOptions {
  /** Minimum time between two automatic snapshots. */
  backupIntervalMs: number;
  now: () => Date;
}

const SOURCE_CACHE_SIZE = 16;

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
export class ProjectSession {
  private queue: Promise<unknown> = Promise.resolve();
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

  /** Runs a write, reporting its progress and failure to the save indicator. */
  private async saving<R>(write: () => Promise<R>, rollback: () => Promise<unknown>): Promise<R> {
    this.assertWritable();
    this.emit({ state: 'saving' });
    try {
      const result = await write();
      this.emit({ state: 'saved', at: this.options.now().toISOString() });
      this.scheduleBackup();
      return result;
    } catch (error) {
      await rollback().catch(() => undefined);
      const wire = error instanceof CampoError ? error : new CampoError('INTERNAL', String(error));
      this.emit({ state: 'failed', code: wire.code, message: wire.message });
      throw error;
    }
  }

  /** Applies `change` to project.json and saves it durably. */
  mutate<R>(change: (draft: ProjectFile) => R): Promise<R> {
    return this.enqueue(() =>
      this.saving(
        async () => {
          const result = change(this.db.data);
          this.db.data.updatedAt = this.options.now().toISOString();
          const checked = ProjectFileSchema.safeParse(this.db.data);
          if (!checked.success) {
            throw new CampoError('VALIDATION', 'Invalid change', {
              reason: describeIssues(checked.error),
            });
          }
          this.db.data = checked.data;
          await this.db.write();
          return result;
        },
        () => this.db.read(),
      ),
    );
  }

  private async sourceDocument(id: string): Promise<Low<SourceFile>> {
    const cached = this.sources.get(id);
    if (cached) {
      this.sources.delete(id);
      this.sources.set(id, cached);
      return cached;
    }
    if (!this.db.data.sources.some((summary) => summary.id === id)) {
      throw new CampoError('NOT_FOUND', `No source ${id}`, { id });
    }
    const path = sourceFilePath(this.dir, id);
    const document = durableDocument<SourceFile | null>(path, sourceCodec, null);
    await document.read();
    if (!document.data)
      throw new CampoError('NOT_FOUND', `Source file missing: ${path}`, { id, file: path });
    const loaded = document as Low<SourceFile>;
    this.sources.set(id, loaded);
    if (this.sources.size > SOURCE_CACHE_SIZE) {
      this.sources.delete(this.sources.keys().next().value as string);
    }
    return loaded;
  }

  /** A source with its text, turns and codings. */
  readSource(id: string): Promise<SourceFile> {
    return this.enqueue(async () => (await this.sourceDocument(id)).data);
  }

  /** Writes a new source file, then lists it in project.json. */
  addSource(source: SourceFile, participantIds: string[] = []): Promise<SourceSummary> {
    return this.enqueue(() =>
      this.saving(
        async () => {
          const checked = SourceFileSchema.parse({
            ...source,
            schemaVersion: CURRENT_SCHEMA_VERSION,
          });
          if (this.db.data.sources.some((summary) => summary.id === checked.id)) {
            throw new CampoError('VALIDATION', `Source ${checked.id} exists`, { id: checked.id });
          }
          const document = durableDocument(
            sourceFilePath(this.dir, checked.id),
            sourceCodec,
            checked,
          );
          await document.write();
          const summary = summariseSource(checked, participantIds);
          this.db.data.sources.push(summary);
          this.db.data.updatedAt = this.options.now().toISOString();
          await this.db.write();
          return summary;
        },
        async () => {
          // Not listed in the saved project.json: remove the file so it does not come back as
          // an orphan at the next open.
          await this.db.read();
          if (!this.db.data.sources.some((summary) => summary.id === source.id)) {
            await unlink(sourceFilePath(this.dir, source.id)).catch(() => undefined);
          }
        },
      ),
    );
  }

  /**
   * Changes one source and saves only its file; project.json is rewritten only when the source's
   * summary (title, size, turns) changed.
   */
  mutateSource<R>(id: string, change: (draft: SourceFile) => R): Promise<R> {
    return this.enqueue(async () => {
      const document = await this.sourceDocument(id);
      return this.saving(
        async () => {
          const result = change(document.data);
          document.data.updatedAt = this.options.now().toISOString();
          const checked = SourceFileSchema.safeParse(document.data);
          if (!checked.success) {
            throw new CampoError('VALIDATION', 'Invalid change', {
              reason: describeIssues(checked.error),
            });
          }
          document.data = checked.data;
          await document.write();
          const index = this.db.data.sources.findIndex((summary) => summary.id === id);
          const before = this.db.data.sources[index];
          if (before) {
            const after = summariseSource(checked.data, before.participantIds);
            if (
              after.title !== before.title ||
              after.characters !== before.characters ||
              after.turns !== before.turns
            ) {
              this.db.data.sources[index] = after;
              await this.db.write();
            }
          }
          return result;
        },
        async () => {
          await document.read();
          await this.db.read();
        },
      );
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
