import { mkdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CampoError } from '../../../shared/ipc/errors';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/model/project';
import {
  backupFilePath,
  backupFiles,
  createSnapshot,
  listBackups,
  projectDataFiles,
  readBackupFile,
} from './backups';
import { layerCodec, projectCodec, sourceCodec } from './codecs';
import { readJsonFile, writeFileDurable } from './durable-file';
import type { DocumentCodec } from './json-document';
import { toUserFsError } from './fs-errors';
import { CACHE_DIR, CODINGS_DIR, PROJECT_FILE } from './layout';
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
  return new CampoError('PROJECT_CORRUPT', `${PROJECT_FILE} cannot be read: ${reason}`, {
    path: dir,
    file: PROJECT_FILE,
    reason,
    backups: backups.map((backup) => ({
      id: backup.id,
      createdAt: backup.createdAt,
      kind: backup.kind,
    })),
  });
}

/** Where a damaged file is kept when a backup replaces it: project.json → project.corrupt-<time>.json */
function keptCorruptPath(path: string, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
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

/**
 * Puts the files of a backup back in place. A damaged file is kept beside it under a
 * `.corrupt-<time>` name, never overwritten; a healthy project is first snapshotted
 * ("pre-restore") so the restore itself can be undone.
 */
export async function restoreBackup(
  dir: string,
  backupId: string,
  options: StoreOptions = {},
): Promise<{ keptAs: string[] }> {
  const now = options.now ?? (() => new Date());
  const { lock } = await ProjectLock.acquire(dir, options.lock);
  try {
    const files = await backupFiles(dir, backupId);
    const projectHealthy = (await isUsable(join(dir, PROJECT_FILE), 'project')) === true;
    if (projectHealthy) {
      const version = schemaVersionOf(JSON.parse(await readFile(join(dir, PROJECT_FILE), 'utf8')));
      await createSnapshot(dir, 'pre-restore', version, now());
    }
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
      await writeFileDurable(target, await readFile(backupFilePath(dir, backupId, file)));
    }
    // Derived from the files just replaced: rebuilt at the next open.
    await rm(join(dir, CACHE_DIR), { recursive: true, force: true });
    if (projectHealthy) {
      // Going back in time: sources made after the backup leave (they are in the pre-restore snapshot).
      const wanted = new Set(files);
      for (const file of await projectDataFiles(dir)) {
        if (!wanted.has(file)) await unlink(join(dir, file));
      }
    }
    return { keptAs };
  } catch (error) {
    throw toUserFsError(error, dir);
  } finally {
    await lock.release();
  }
}
