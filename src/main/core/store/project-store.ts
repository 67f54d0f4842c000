import { randomUUID } from 'node:crypto';
import { finishMerge } from '../team/merge-journal';
import { newEvaluator } from '../../../shared/domain/team';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename, join } from 'node:path';
import { CampoError } from '../../../shared/ipc/errors';
import type { OpenNotice } from '../../../shared/ipc/types';
import {
  CURRENT_SCHEMA_VERSION,
  ProjectFileSchema,
  type ProjectFile,
  type ProjectMeta,
} from '../../../shared/model/project';
import { backupOwner, listBackups, newestBackupTime } from './backups';
import { projectCodec } from './codecs';
import { fsyncDirectory, readJsonFile } from './durable-file';
import { finishTextEdits } from './edit-journal';
import { errnoOf, toUserFsError } from './fs-errors';
import {
  projectFileTrusted,
  readCacheState,
  stampOf,
  startCacheReads,
  type CacheReads,
} from './caches';
import { durableDocument } from './json-document';
import {
  PROJECT_EXTENSION,
  PROJECT_FILE,
  SOURCES_DIR,
  BACKUPS_DIR,
  projectFolderName,
} from './layout';
import { ProjectLock, type LockOptions } from './lock';
import { finishMigration, migrateOnDisk, type MigrationHook } from './migrate-on-disk';
import { evaluatorIdOf, schemaVersionOf } from './migrations';
import {
  adoptOrphanSources,
  finishDeletions,
  hasTextEditsToFinish,
  hasUnfinishedWork,
  listProject,
  listRoot,
  listSources,
  readProjectFile,
  relistSources,
  removeLeftovers,
  type ProjectRead,
} from './open-steps';
import { ProjectSession, type EvaluatorIdentity, type SessionOptions } from './project-session';
import { RecordStamper } from './record-stamps';
import { describeCorruption, finishInterruptedRestore } from './recovery';
import { LOCAL_CLIENT } from '../caller';

export interface StoreOptions {
  lock?: LockOptions;
  /** Minimum time between automatic snapshots (default 10 minutes). */
  backupIntervalMs?: number;
  now?: () => Date;
  newId?: () => string;
  /**
   * Who works in the session (the user settings' evaluator). Without it: the computer account,
   * with an id derived from its name (the command line, tests).
   */
  evaluator?: EvaluatorIdentity;
  /** Bytes of source texts kept in memory (see SourceStore). */
  textBudgetBytes?: number;
  /** See SessionOptions (tests make checkpoints frequent). */
  checkpointIdleMs?: number;
  journalMaxBytes?: number;
  /** Test seam: called at each step of an on-disk migration. */
  onMigrationStep?: MigrationHook;
}

const DEFAULT_BACKUP_INTERVAL_MS = 10 * 60 * 1000;

/** The computer account's name, as v1 recorded a coding's coder. */
export function accountName(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

/** The evaluator a session opened with `options` works as (see StoreOptions.evaluator). */
export function sessionEvaluator(options: StoreOptions): EvaluatorIdentity {
  if (options.evaluator) return options.evaluator;
  const account = accountName();
  return { id: evaluatorIdOf(account, undefined), name: account };
}

function resolved(options: StoreOptions): SessionOptions & { newId: () => string } {
  return {
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? randomUUID,
    backupIntervalMs: options.backupIntervalMs ?? DEFAULT_BACKUP_INTERVAL_MS,
    evaluator: sessionEvaluator(options),
    ...(options.textBudgetBytes ? { textBudgetBytes: options.textBudgetBytes } : {}),
    ...(options.checkpointIdleMs !== undefined
      ? { checkpointIdleMs: options.checkpointIdleMs }
      : {}),
    ...(options.journalMaxBytes !== undefined ? { journalMaxBytes: options.journalMaxBytes } : {}),
  };
}

/** Creates `<parentDir>/<name>.campo/` with an empty project and opens it. */
export async function createProject(
  input: { parentDir: string; name: string; meta?: Partial<ProjectMeta> },
  options: StoreOptions = {},
): Promise<ProjectSession> {
  const settings = resolved(options);
  const { now, newId } = settings;
  const dir = join(input.parentDir, projectFolderName(input.name));
  try {
    await mkdir(input.parentDir, { recursive: true });
    await mkdir(dir).catch(async (error: unknown) => {
      if (errnoOf(error) !== 'EEXIST') throw error;
      if ((await readdir(dir)).length > 0) {
        throw new CampoError('PROJECT_EXISTS', `${dir} already exists`, { path: dir });
      }
    });
    await mkdir(join(dir, SOURCES_DIR), { recursive: true });
    await mkdir(join(dir, BACKUPS_DIR), { recursive: true });
  } catch (error) {
    throw toUserFsError(error, dir);
  }
  const { lock } = await ProjectLock.acquire(dir, options.lock);
  try {
    const at = now().toISOString();
    const project = ProjectFileSchema.parse({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      app: 'campo',
      id: newId(),
      createdAt: at,
      updatedAt: at,
      meta: { ...input.meta, title: input.meta?.title ?? input.name.trim() },
    });
    project.evaluators.push(
      newEvaluator({ ...settings.evaluator, role: 'lead' }, project.evaluators),
    );
    new RecordStamper().stamp(project, at, settings.evaluator.id, LOCAL_CLIENT);
    const db = durableDocument(join(dir, PROJECT_FILE), projectCodec, project);
    await db.write();
    const session = new ProjectSession(dir, db, lock, [], settings, 0);
    await fsyncDirectory(input.parentDir);
    await session.caches.open(await stampOf(join(dir, PROJECT_FILE)));
    return session;
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** When the newest automatic snapshot was taken, looked for in the background (awaited later). */
function newestSnapshot(dir: string): Promise<number> {
  const found = newestBackupTime(dir, 'auto');
  found.catch(() => undefined);
  return found;
}

/** A cheap look at a parsed project.json: this version, Campo's, with its arrays. */
function isCurrentProject(raw: unknown): boolean {
  const value = raw as Record<string, unknown> | null;
  return (
    !!value &&
    value.schemaVersion === CURRENT_SCHEMA_VERSION &&
    value.app === 'campo' &&
    typeof value.meta === 'object' &&
    Array.isArray(value.sources) &&
    Array.isArray(value.codes)
  );
}

/** The source ids a raw project.json (any version) lists. */
function listedSourceIds(raw: unknown): Set<string> {
  const sources = (raw as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(sources)) return new Set();
  return new Set(
    sources.flatMap((summary: unknown) => {
      const id = (summary as { id?: unknown } | null)?.id;
      return typeof id === 'string' ? [id] : [];
    }),
  );
}

/** A snapshot in a project's backups folder is refused: it is restored from the project. */
async function refuseBackupFolder(dir: string): Promise<void> {
  const project = await backupOwner(dir);
  if (project) {
    throw new CampoError('PROJECT_IS_BACKUP', `${dir} is a backup of ${project}`, {
      path: dir,
      project: basename(project, PROJECT_EXTENSION),
    });
  }
}

/**
 * Opens a project folder for writing: takes the lock, migrates older files (after a backup),
 * validates project.json, and takes an automatic backup when the last one is old.
 * Throws PROJECT_LOCKED, PROJECT_CORRUPT (with the backups that could replace the file),
 * PROJECT_TOO_NEW, NOT_A_PROJECT or PATH_NOT_FOUND; in every case nothing on disk is changed.
 */
export async function openProject(
  dir: string,
  options: StoreOptions = {},
): Promise<ProjectSession> {
  const settings = resolved(options);
  const { now, newId } = settings;
  const projectPath = join(dir, PROJECT_FILE);
  const [info, hasProjectFile] = await Promise.all([
    stat(dir).catch((error: unknown) => {
      throw toUserFsError(error, dir);
    }),
    stat(projectPath).then(
      () => true,
      () => false,
    ),
  ]);
  if (!info.isDirectory())
    throw new CampoError('NOT_A_PROJECT', `${dir} is not a folder`, { path: dir });
  await refuseBackupFolder(dir);
  if (!hasProjectFile && (await listBackups(dir)).length === 0) {
    throw new CampoError('NOT_A_PROJECT', `${dir} has no ${PROJECT_FILE}`, { path: dir });
  }

  const { lock, tookOverFrom } = await ProjectLock.acquire(dir, options.lock);
  try {
    const notices: OpenNotice[] = [];
    if (tookOverFrom) {
      notices.push({
        kind: 'stale-lock-recovered',
        host: tookOverFrom.host,
        pid: tookOverFrom.pid,
        since: tookOverFrom.createdAt,
      });
    }
    // Listed once: a recovery step whose traces are absent is skipped (open-steps.ts). The
    // thousand names of the sources folder are listed while project.json is read.
    let sources = listSources(dir);
    let root = await listRoot(dir);
    let unfinished = hasUnfinishedWork(root);
    if (unfinished.merge || unfinished.restore) {
      await removeLeftovers(dir, { root, sources: await sources });
      // A merge of a colleague's work a crash interrupted: finished if committed, else dropped.
      if (unfinished.merge) await finishMerge(dir);
      const restored = unfinished.restore ? await finishInterruptedRestore(dir, now) : null;
      if (restored) notices.unshift(restored);
      sources = listSources(dir);
      root = await listRoot(dir);
      unfinished = hasUnfinishedWork(root);
    }
    // Independent reads, together: the leftovers go while project.json (or its snapshot), the
    // cache's state and counts and the newest snapshot are read.
    const cleared = sources.then((names) => removeLeftovers(dir, { root, sources: names }));
    cleared.catch(() => undefined); // awaited below, unless reading fails first
    // Stamped before it is read: if the file changes in between, the stamp is of no file read.
    let stamp = await stampOf(projectPath);
    let cacheReads: CacheReads | null = startCacheReads(dir);
    let newestAuto = newestSnapshot(dir);
    let read: ProjectRead = await readProjectFile(dir, stamp);
    let listing = await cleared;
    if (read.status === 'ok' && schemaVersionOf(read.value) < CURRENT_SCHEMA_VERSION) {
      // A v1 deletion a crash interrupted is settled on the v1 files, before they move.
      await finishDeletions(dir, listedSourceIds(read.value), listing);
      const account = accountName();
      notices.push(
        await migrateOnDisk(
          dir,
          read.value,
          {
            newId,
            now: () => now().toISOString(),
            at: now(),
            local: { ...settings.evaluator, account },
          },
          options.onMigrationStep,
        ),
      );
      // The migration replaced the folder's files and dropped the cache: all read again.
      stamp = await stampOf(projectPath);
      read = { ...(await readJsonFile(projectPath)), fromSnapshot: false };
      newestAuto = newestSnapshot(dir);
      cacheReads = null;
      listing = await listProject(dir);
    } else if (
      read.status === 'ok' &&
      schemaVersionOf(read.value) === CURRENT_SCHEMA_VERSION &&
      unfinished.migration
    ) {
      await finishMigration(dir);
      listing = await relistSources(dir, listing);
    }
    if (read.status !== 'ok') {
      throw await describeCorruption(dir, read.status === 'missing' ? 'missing' : read.reason);
    }
    let project: ProjectFile;
    // The file Campo last wrote (validated before writing) needs no second check: a large
    // project then opens at the speed of JSON.parse. Any other file is checked in full.
    const trusted =
      isCurrentProject(read.value) &&
      (await projectFileTrusted(dir, stamp, cacheReads?.state ?? readCacheState(dir)));
    try {
      project = trusted ? (read.value as ProjectFile) : projectCodec.parse(read.value, projectPath);
    } catch (error) {
      if (error instanceof CampoError && error.code === 'PROJECT_CORRUPT') {
        throw await describeCorruption(dir, String(error.details?.reason ?? error.message));
      }
      throw error;
    }
    listing = await finishDeletions(
      dir,
      new Set(project.sources.map((summary) => summary.id)),
      listing,
    );
    const db = durableDocument(projectPath, projectCodec, project);
    let edited = 0;
    if (hasTextEditsToFinish(listing)) {
      edited = await finishTextEdits(dir, db.data);
      listing = await relistSources(dir, listing);
    }
    const adopted = await adoptOrphanSources(dir, db.data, listing);
    if (adopted > 0 || edited > 0) {
      await db.write();
      stamp = await stampOf(projectPath);
    }
    if (adopted > 0) notices.push({ kind: 'orphan-sources-recovered', count: adopted });
    const lastBackupAt = await newestAuto;
    // Unless opening changed it (or it is the very object in use), the JSON read is the saved
    // state: stamped lazily.
    const unchanged =
      adopted === 0 && edited === 0 && !trusted ? (read.value as ProjectFile) : undefined;
    const session = new ProjectSession(dir, db, lock, notices, settings, lastBackupAt, unchanged);
    // Coding saves a crash left in the journal go into their layer files before anything reads them.
    const journal = await session.sources.recover(now());
    if (journal.keptAs) {
      notices.push({ kind: 'journal-damaged', lines: journal.damaged, keptAs: journal.keptAs });
    }
    // Opened from the snapshot of this very file: nothing to snapshot; else one is made soon.
    const snapshotOf = read.fromSnapshot && adopted === 0 && edited === 0 ? stamp : null;
    await session.caches.open(stamp, cacheReads, snapshotOf);
    // Damaged codings files met while opening (the journal's checkpoint reads layers).
    for (const aside of session.sources.setAside) {
      notices.push({ kind: 'layer-set-aside', ...aside });
      await session.recount(aside.sourceId);
    }
    if (!snapshotOf) session.caches.scheduleProjectSnapshot();
    session.scheduleBackup();
    return session;
  } catch (error) {
    await lock.release();
    throw error;
  }
}
