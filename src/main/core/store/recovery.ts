import { mkdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CampoError } from '../../../shared/ipc/errors';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/model/project';
import type { OpenNotice } from '../../../shared/ipc/types';
import {
  backupFilePath,
  backupFiles,
  backupIsComplete,
  createSnapshot,
  listBackups,
  projectDataFiles,
  readBackupFile,
} from './backups';
import { layerCodec, projectCodec, sourceCodec } from './codecs';
import { fsyncDirectory, readJsonFile, writeFileDurable } from './durable-file';
import { serializeDocument, type DocumentCodec } from './json-document';
import { readLastSavedProject } from './project-snapshot';
import { errnoOf, toUserFsError } from './fs-errors';
import { CACHE_DIR, CODINGS_DIR, PROJECT_FILE, fileNameTime } from './layout';
import { layerJournalPath } from './layer-journal';
import { settleLayerJournal } from './source-store';
import { ProjectLock } from './lock';
import { schemaVersionOf } from './migrations';
import type { StoreOptions } from './project-store';

/**
 * True when Campo can open this parsed JSON: an older version (a migration will bring it up to
 * date) or the current one passing its schema. A newer version is not openable.
 */
function isOpenable(raw: unknown, codec: DocumentCodec<unknown>): boolean {
  if (schemaVersionOf(raw) < CURRENT_SCHEMA_VERSION) return true;
  try {
    codec.parse(raw, '');
    return true;
  } catch {
    return false;
  }
}

/** Backups whose project.json Campo can open, newest first (at most `max`). */
export async function usableBackups(dir: string, max = 5) {
  const usable = [];
  for (const backup of await listBackups(dir)) {
    const read = await readBackupFile(dir, backup.id, PROJECT_FILE);
    if (read.status !== 'ok' || !isOpenable(read.value, projectCodec)) continue;
    usable.push(backup);
    if (usable.length >= max) break;
  }
  return usable;
}

/**
 * The error for a project.json that cannot be opened, carrying the backups that could replace
 * it so the UI can offer "restore the backup of 10:30" in one click.
 */
export async function describeCorruption(dir: string, reason: string): Promise<CampoError> {
  const backups = await usableBackups(dir);
  const lastSaved = await lastSavedCopy(dir);
  return new CampoError('PROJECT_CORRUPT', `${PROJECT_FILE} cannot be read: ${reason}`, {
    path: dir,
    file: PROJECT_FILE,
    reason,
    lastSaved: lastSaved ? { savedAt: lastSaved.savedAt.toISOString() } : null,
    backups: backups.map((backup) => ({
      id: backup.id,
      createdAt: backup.createdAt,
      kind: backup.kind,
    })),
  });
}

/**
 * The copy of the last project.json a session read or wrote (`cache/project.snapshot`), when
 * Campo can open it: usually far newer than the newest backup, which may be minutes or hours old.
 */
async function lastSavedCopy(dir: string): Promise<{ value: unknown; savedAt: Date } | null> {
  const copy = await readLastSavedProject(dir).catch(() => null);
  return copy && isOpenable(copy.value, projectCodec) ? copy : null;
}

/**
 * Puts the last saved copy of project.json (see `lastSavedCopy`) in place of a damaged one. Only
 * project.json changes: the transcripts, the codings and their journal are the project's own,
 * newer than any backup. The damaged file is first copied beside it under a `.corrupt-<time>`
 * name; each write replaces its file whole, so a kill leaves the damaged project.json (and the
 * dialog again) or the restored one.
 */
export async function restoreLastSaved(
  dir: string,
  options: StoreOptions = {},
): Promise<{ keptAs: string[] }> {
  const now = options.now ?? (() => new Date());
  const { lock } = await ProjectLock.acquire(dir, options.lock);
  try {
    const copy = await lastSavedCopy(dir);
    if (!copy) {
      throw new CampoError('BACKUP_NOT_FOUND', 'No last saved copy of project.json', {
        backupId: 'last-saved',
      });
    }
    const target = join(dir, PROJECT_FILE);
    const keptAs: string[] = [];
    if ((await isUsable(target, 'project')) === false) {
      const kept = keptCorruptPath(target, now());
      await writeFileDurable(kept, await readFile(target));
      keptAs.push(kept);
    }
    await writeFileDurable(target, serializeDocument(copy.value));
    // Made from the damaged file's predecessors: rebuilt at the next open.
    await rm(join(dir, CACHE_DIR), { recursive: true, force: true });
    return { keptAs };
  } catch (error) {
    throw toUserFsError(error, dir);
  } finally {
    await lock.release();
  }
}

/** Where a damaged file is kept when a backup replaces it: project.json → project.corrupt-<time>.json */
function keptCorruptPath(path: string, at: Date): string {
  const stamp = fileNameTime(at);
  return join(dirname(path), `${basename(path, '.json')}.corrupt-${stamp}.json`);
}

/** True when a file holds a document Campo can open (current or older, migratable version). */
async function isUsable(
  path: string,
  kind: 'project' | 'source' | 'layer',
): Promise<boolean | 'missing'> {
  const read = await readJsonFile(path);
  if (read.status === 'missing') return 'missing';
  if (read.status !== 'ok') return false;
  const codec = kind === 'project' ? projectCodec : kind === 'source' ? sourceCodec : layerCodec;
  return isOpenable(read.value, codec as DocumentCodec<unknown>);
}

/** Where a restore under way is written down, so that a restore cut short is finished. */
export const RESTORE_JOURNAL = '.restore.json';

/** What a restore journal records: everything needed to do the restore again from the start. */
interface RestoreJournal {
  app: 'campo';
  backupId: string;
  /** Data files the backup lacks are removed (not when project.json was damaged: no snapshot). */
  removeOthers: boolean;
  startedAt: string;
}

function isJournal(value: unknown): value is RestoreJournal {
  const journal = value as Partial<RestoreJournal> | null;
  return (
    journal?.app === 'campo' &&
    typeof journal.backupId === 'string' &&
    typeof journal.removeOthers === 'boolean'
  );
}

/**
 * Puts the backup's files in place and removes the data files it lacks. Doing it twice gives the
 * same folder, so a restore cut short is finished by doing it again.
 */
async function applyRestore(
  dir: string,
  journal: RestoreJournal,
  now: () => Date,
): Promise<string[]> {
  const files = await backupFiles(dir, journal.backupId);
  const keptAs: string[] = [];
  for (const file of files) {
    const target = join(dir, file);
    const kind =
      file === PROJECT_FILE ? 'project' : file.startsWith(`${CODINGS_DIR}/`) ? 'layer' : 'source';
    const usable = await isUsable(target, kind);
    if (usable === false) {
      const kept = keptCorruptPath(target, now());
      await rename(target, kept);
      keptAs.push(kept);
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFileDurable(target, await readFile(backupFilePath(dir, journal.backupId, file)));
  }
  // Coding saves of the state replaced (written into its layer files before the pre-restore
  // snapshot): replayed now, they would bring that state back over the backup's.
  await unlink(layerJournalPath(dir)).catch((error: unknown) => {
    if (errnoOf(error) !== 'ENOENT') throw error;
  });
  // Derived from the files just replaced: rebuilt at the next open.
  await rm(join(dir, CACHE_DIR), { recursive: true, force: true });
  if (journal.removeOthers) {
    // Going back in time: data made after the backup leaves (it is in the pre-restore snapshot).
    const wanted = new Set(files);
    const folders = new Set<string>();
    for (const file of await projectDataFiles(dir)) {
      if (wanted.has(file)) continue;
      await unlink(join(dir, file)).catch((error: unknown) => {
        if (errnoOf(error) !== 'ENOENT') throw error;
      });
      folders.add(dirname(join(dir, file)));
    }
    for (const folder of folders) await fsyncDirectory(folder);
  }
  return keptAs;
}

async function removeJournal(dir: string): Promise<void> {
  await unlink(join(dir, RESTORE_JOURNAL)).catch((error: unknown) => {
    if (errnoOf(error) !== 'ENOENT') throw error;
  });
  await fsyncDirectory(dir);
}

/** The backup a restore cut short was restoring, or null when none was under way. */
export async function pendingRestore(dir: string): Promise<string | null> {
  const read = await readJsonFile(join(dir, RESTORE_JOURNAL));
  return read.status === 'ok' && isJournal(read.value) ? read.value.backupId : null;
}

/**
 * Finishes a restore that a crash or a kill cut short (its journal is still there): the project
 * becomes the backup, whole. Called with the project's lock held, before anything reads it.
 * Returns the notice to show, or null when no restore was under way.
 */
export async function finishInterruptedRestore(
  dir: string,
  now: () => Date = () => new Date(),
): Promise<OpenNotice | null> {
  const read = await readJsonFile(join(dir, RESTORE_JOURNAL));
  if (read.status === 'missing') return null;
  // The journal is written whole before the first file changes: an unreadable one changed nothing.
  if (read.status !== 'ok' || !isJournal(read.value)) {
    await removeJournal(dir);
    return null;
  }
  const keptAs = await applyRestore(dir, read.value, now);
  await removeJournal(dir);
  return { kind: 'restored-from-backup', backupId: read.value.backupId, keptAs };
}

/**
 * Puts the files of a backup back in place, all or nothing: a healthy project is first
 * snapshotted ("pre-restore") so the restore itself can be undone, then a journal naming the
 * backup is written, the files are replaced, and the journal removed. Killed before the journal,
 * nothing changed; after it, the next open (or restore) finishes the restore. A damaged file is
 * kept beside it under a `.corrupt-<time>` name, never overwritten.
 */
export async function restoreBackup(
  dir: string,
  backupId: string,
  options: StoreOptions = {},
): Promise<{ keptAs: string[] }> {
  const now = options.now ?? (() => new Date());
  const { lock } = await ProjectLock.acquire(dir, options.lock);
  try {
    await finishInterruptedRestore(dir, now);
    // The pre-restore snapshot copies layer files: they first take in the coding journal.
    await settleLayerJournal(dir);
    if (!(await backupIsComplete(dir, backupId))) {
      throw new CampoError('BACKUP_NOT_FOUND', `Backup ${backupId} is incomplete`, { backupId });
    }
    const projectHealthy = (await isUsable(join(dir, PROJECT_FILE), 'project')) === true;
    if (projectHealthy) {
      const version = schemaVersionOf(JSON.parse(await readFile(join(dir, PROJECT_FILE), 'utf8')));
      await createSnapshot(dir, 'pre-restore', version, now());
    }
    const journal: RestoreJournal = {
      app: 'campo',
      backupId,
      removeOthers: projectHealthy,
      startedAt: now().toISOString(),
    };
    await writeFileDurable(join(dir, RESTORE_JOURNAL), `${JSON.stringify(journal)}\n`);
    const keptAs = await applyRestore(dir, journal, now);
    await removeJournal(dir);
    return { keptAs };
  } catch (error) {
    throw toUserFsError(error, dir);
  } finally {
    await lock.release();
  }
}
