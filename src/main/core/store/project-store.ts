import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CampoError } from '../../../shared/ipc/errors';
import type { OpenNotice } from '../../../shared/ipc/types';
import {
  CURRENT_SCHEMA_VERSION,
  ProjectFileSchema,
  type ProjectFile,
  type ProjectMeta,
} from '../../../shared/model/project';
import { createSnapshot, listBackups, projectDataFiles, removePartialSnapshots } from './backups';
import { projectCodec, sourceCodec } from './codecs';
import { fsyncDirectory, isTempFileName, readJsonFile, writeFileDurable } from './durable-file';
import { errnoOf, toUserFsError } from './fs-errors';
import { durableDocument, serializeDocument } from './json-document';
import {
  PROJECT_FILE,
  SOURCES_DIR,
  BACKUPS_DIR,
  LOCK_FILE,
  isSafeId,
  projectFolderName,
} from './layout';
import { ProjectLock, type LockOptions } from './lock';
import { migrateFolder, schemaVersionOf } from './migrations';
import { ProjectSession, summariseSource } from './project-session';
import { describeCorruption, finishInterruptedRestore } from './recovery';

export interface StoreOptions {
  lock?: LockOptions;
  /** Minimum time between automatic snapshots (default 10 minutes). */
  backupIntervalMs?: number;
  now?: () => Date;
  newId?: () => string;
}

const DEFAULT_BACKUP_INTERVAL_MS = 10 * 60 * 1000;

function resolved(options: StoreOptions) {
  return {
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? randomUUID,
    backupIntervalMs: options.backupIntervalMs ?? DEFAULT_BACKUP_INTERVAL_MS,
  };
}

/** Creates `<parentDir>/<name>.campo/` with an empty project and opens it. */
export async function createProject(
  input: { parentDir: string; name: string; meta?: Partial<ProjectMeta> },
  options: StoreOptions = {},
): Promise<ProjectSession> {
  const { now, newId, backupIntervalMs } = resolved(options);
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
    const db = durableDocument(join(dir, PROJECT_FILE), projectCodec, project);
    await db.write();
    await fsyncDirectory(input.parentDir);
    return new ProjectSession(dir, db, lock, [], { now, backupIntervalMs }, 0);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/**
 * Deletes what interrupted writes left: temp files, set-aside stale locks and unfinished
 * snapshots (never read: only completed snapshots are listed). Only called while holding the
 * lock, so nothing is being written meanwhile.
 */
async function removeLeftovers(dir: string): Promise<void> {
  for (const folder of [dir, join(dir, SOURCES_DIR)]) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names) {
      if (isTempFileName(name) || name.startsWith(`${LOCK_FILE}.stale-`)) {
        await unlink(join(folder, name)).catch(() => undefined);
      }
    }
  }
  await removePartialSnapshots(dir);
}

/** Reads every source file as raw JSON (for a migration). */
async function readRawSources(dir: string): Promise<Map<string, Record<string, unknown>>> {
  const sources = new Map<string, Record<string, unknown>>();
  for (const file of (await projectDataFiles(dir)).slice(1)) {
    const read = await readJsonFile(join(dir, file));
    if (read.status !== 'ok') {
      throw sourceCodec.unparsable(
        join(dir, file),
        read.status === 'missing' ? 'missing' : read.reason,
      );
    }
    sources.set(basename(file, '.json'), read.value as Record<string, unknown>);
  }
  return sources;
}

/**
 * Migrates the folder on disk: snapshot first, migrate the raw JSON in memory, validate all of
 * it, then write the sources and, last, project.json (its version marks the migration done).
 */
async function migrateOnDisk(
  dir: string,
  rawProject: unknown,
  context: { now: () => Date; newId: () => string },
): Promise<OpenNotice> {
  const from = schemaVersionOf(rawProject);
  const sources = await readRawSources(dir);
  const backup = await createSnapshot(dir, 'pre-migration', from, context.now());
  const migrated = migrateFolder(
    { project: rawProject as Record<string, unknown>, sources },
    { newId: context.newId, now: () => context.now().toISOString() },
  );
  const project = projectCodec.parse(migrated.project, join(dir, PROJECT_FILE));
  const checkedSources = [...migrated.sources].map(([id, raw]) => {
    if (!isSafeId(id)) throw new CampoError('PROJECT_CORRUPT', `Bad source id ${id}`, { file: id });
    return [id, sourceCodec.parse(raw, join(dir, SOURCES_DIR, `${id}.json`))] as const;
  });
  await mkdir(join(dir, SOURCES_DIR), { recursive: true });
  for (const [id, source] of checkedSources) {
    await writeFileDurable(join(dir, SOURCES_DIR, `${id}.json`), serializeDocument(source));
  }
  await writeFileDurable(join(dir, PROJECT_FILE), serializeDocument(project));
  return { kind: 'migrated', from, to: CURRENT_SCHEMA_VERSION, backupId: backup.id };
}

/**
 * Finishes deletions a crash interrupted: a set-aside source still listed in project.json goes
 * back in place (the deletion was not saved), one no longer listed is removed.
 */
async function finishDeletions(dir: string, project: ProjectFile): Promise<void> {
  const listed = new Set(project.sources.map((summary) => summary.id));
  const names = await readdir(join(dir, SOURCES_DIR)).catch(() => [] as string[]);
  for (const name of names) {
    const id = name.endsWith('.deleted.json') ? name.slice(0, -'.deleted.json'.length) : null;
    if (!id || !isSafeId(id)) continue;
    const aside = join(dir, SOURCES_DIR, name);
    if (listed.has(id)) await rename(aside, join(dir, SOURCES_DIR, `${id}.json`));
    else await unlink(aside);
  }
}

/** Lists in project.json the source files it does not know (left by an interrupted save). */
async function adoptOrphanSources(dir: string, project: ProjectFile): Promise<number> {
  const known = new Set(project.sources.map((summary) => summary.id));
  let adopted = 0;
  for (const file of (await projectDataFiles(dir)).slice(1)) {
    const id = basename(file, '.json');
    if (known.has(id)) continue;
    const read = await readJsonFile(join(dir, file));
    if (read.status !== 'ok') continue;
    try {
      project.sources.push(summariseSource(sourceCodec.parse(read.value, file), []));
      adopted += 1;
    } catch {
      // An unreadable orphan stays on disk untouched; `campo info` reports it.
    }
  }
  return adopted;
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
  const { now, newId, backupIntervalMs } = resolved(options);
  const projectPath = join(dir, PROJECT_FILE);
  const info = await stat(dir).catch((error: unknown) => {
    throw toUserFsError(error, dir);
  });
  if (!info.isDirectory())
    throw new CampoError('NOT_A_PROJECT', `${dir} is not a folder`, { path: dir });
  const hasProjectFile = await stat(projectPath).then(
    () => true,
    () => false,
  );
  if (!hasProjectFile && (await listBackups(dir)).length === 0) {
    throw new CampoError('NOT_A_PROJECT', `${dir} has no ${PROJECT_FILE}`, { path: dir });
  }

  const { lock, tookOverFrom } = await ProjectLock.acquire(dir, options.lock);
  try {
    await removeLeftovers(dir);
    const notices: OpenNotice[] = [];
    const restored = await finishInterruptedRestore(dir, now);
    if (restored) notices.push(restored);
    if (tookOverFrom) {
      notices.push({
        kind: 'stale-lock-recovered',
        host: tookOverFrom.host,
        pid: tookOverFrom.pid,
        since: tookOverFrom.createdAt,
      });
    }
    let read = await readJsonFile(projectPath);
    if (read.status === 'ok' && schemaVersionOf(read.value) < CURRENT_SCHEMA_VERSION) {
      notices.push(await migrateOnDisk(dir, read.value, { now, newId }));
      read = await readJsonFile(projectPath);
    }
    if (read.status !== 'ok') {
      throw await describeCorruption(dir, read.status === 'missing' ? 'missing' : read.reason);
    }
    let project: ProjectFile;
    try {
      project = projectCodec.parse(read.value, projectPath);
    } catch (error) {
      if (error instanceof CampoError && error.code === 'PROJECT_CORRUPT') {
        throw await describeCorruption(dir, String(error.details?.reason ?? error.message));
      }
      throw error;
    }
    await finishDeletions(dir, project);
    const db = durableDocument(projectPath, projectCodec, project);
    const adopted = await adoptOrphanSources(dir, db.data);
    if (adopted > 0) {
      await db.write();
      notices.push({ kind: 'orphan-sources-recovered', count: adopted });
    }
    const newestAuto = (await listBackups(dir)).find((backup) => backup.kind === 'auto');
    const lastBackupAt = newestAuto ? Date.parse(newestAuto.createdAt) : 0;
    const session = new ProjectSession(
      dir,
      db,
      lock,
      notices,
      { now, backupIntervalMs },
      lastBackupAt,
    );
    session.scheduleBackup();
    return session;
  } catch (error) {
    await lock.release();
    throw error;
  }
}
