import { copyFile, link, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CampoError } from '../../../shared/ipc/errors';
import type { BackupInfo } from '../../../shared/ipc/types';
import { APP_VERSION } from '../../../shared/version';
import { fsyncDirectory, readJsonFile, writeFileDurable, type JsonRead } from './durable-file';
import { errnoOf, toUserFsError } from './fs-errors';
import { DATA_FOLDERS, isDataFile, projectDataFiles } from './data-files';
import { BACKUPS_DIR, PROJECT_FILE, fileNameTime } from './layout';

export { projectDataFiles } from './data-files';

type BackupKind = BackupInfo['kind'];
const KINDS: readonly BackupKind[] = ['auto', 'pre-migration', 'pre-restore', 'pre-merge'];
const MANIFEST = 'manifest.json';
const PARTIAL_SUFFIX = '.partial';
/** A snapshot being deleted: renamed first, so a half-deleted one is never listed. */
const PRUNING_SUFFIX = '.pruning';
const BACKUP_ID =
  /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-(auto|pre-migration|pre-restore|pre-merge)$/;

/** What a snapshot records of each live file, to tell next time whether it changed. */
interface ManifestEntry {
  file: string;
  size: number;
  mtimeMs: number;
  ino: number;
}

interface Manifest {
  app: 'campo';
  id: string;
  kind: BackupKind;
  createdAt: string;
  schemaVersion: number;
  appVersion: string;
  files: string[];
  entries?: ManifestEntry[];
}

/** The newest complete snapshot's manifest, to reuse its copies of unchanged files. */
async function newestManifest(root: string): Promise<Manifest | null> {
  const names = (await readdir(root).catch(() => [] as string[])).filter((name) =>
    BACKUP_ID.test(name),
  );
  for (const name of names.sort().reverse()) {
    const read = await readJsonFile(join(root, name, MANIFEST));
    if (read.status === 'ok' && Array.isArray((read.value as Manifest).entries))
      return read.value as Manifest;
  }
  return null;
}

/** Copies a file and flushes the copy: a backup must not vanish in the power cut it is for. */
async function copyDurably(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  const handle = await open(to, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Snapshots the project into backups/<id>/. Every file is an independent copy of the live one
 * (a hard link to a live file would share its fate if it were damaged in place). Files unchanged
 * since the previous snapshot (same size, time and inode; Campo replaces a file on every write)
 * are hard-linked to that snapshot's copy instead of copied again, so a snapshot of a large
 * project costs little more than its changed files. The snapshot is built under a temporary name
 * and appears complete, with its manifest, or not at all.
 */
export async function createSnapshot(
  projectDir: string,
  kind: BackupKind,
  schemaVersion: number,
  at: Date = new Date(),
): Promise<BackupInfo> {
  const root = join(projectDir, BACKUPS_DIR);
  // Two snapshots in the same millisecond get distinct names.
  let stamp = at.getTime();
  const idAt = (time: number) => `${fileNameTime(new Date(time))}-${kind}`;
  while (
    await stat(join(root, idAt(stamp))).then(
      () => true,
      () => false,
    )
  )
    stamp += 1;
  const id = idAt(stamp);
  const partial = join(root, `${id}${PARTIAL_SUFFIX}`);
  try {
    for (const folder of DATA_FOLDERS) await mkdir(join(partial, folder), { recursive: true });
    const created = new Set<string>();
    const previous = await newestManifest(root);
    const previousEntries = new Map((previous?.entries ?? []).map((entry) => [entry.file, entry]));
    const files = await projectDataFiles(projectDir);
    const entries: ManifestEntry[] = [];
    for (const file of files) {
      const from = join(projectDir, file);
      const to = join(partial, file);
      const folder = dirname(to);
      if (!created.has(folder)) {
        await mkdir(folder, { recursive: true });
        created.add(folder);
      }
      const info = await stat(from);
      const entry = { file, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
      const before = previousEntries.get(file);
      const unchanged =
        before &&
        before.size === entry.size &&
        before.mtimeMs === entry.mtimeMs &&
        before.ino === entry.ino;
      if (unchanged && previous) {
        await link(join(root, previous.id, file), to).catch(() => copyDurably(from, to));
      } else {
        await copyDurably(from, to);
      }
      entries.push(entry);
    }
    const manifest: Manifest = {
      app: 'campo',
      id,
      kind,
      createdAt: new Date(stamp).toISOString(),
      schemaVersion,
      appVersion: APP_VERSION,
      files,
      entries,
    };
    await writeFileDurable(join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const folder of created) await fsyncDirectory(folder);
    for (const folder of DATA_FOLDERS) await fsyncDirectory(join(partial, folder));
    await rename(partial, join(root, id));
    await fsyncDirectory(root);
    return toInfo(manifest);
  } catch (error) {
    await rm(partial, { recursive: true, force: true }).catch(() => undefined);
    throw toUserFsError(error, root);
  }
}

function toInfo(manifest: Manifest): BackupInfo {
  return {
    id: manifest.id,
    kind: manifest.kind,
    createdAt: manifest.createdAt,
    schemaVersion: manifest.schemaVersion,
    files: manifest.files.length,
  };
}

/** Complete snapshots of a project, newest first. Snapshots without a manifest are ignored. */
export async function listBackups(projectDir: string): Promise<BackupInfo[]> {
  const root = join(projectDir, BACKUPS_DIR);
  const names = await readdir(root).catch((error: unknown) => {
    if (errnoOf(error) === 'ENOENT') return [] as string[];
    throw toUserFsError(error, root);
  });
  const backups: BackupInfo[] = [];
  for (const name of names) {
    if (!BACKUP_ID.test(name)) continue;
    const read = await readJsonFile(join(root, name, MANIFEST));
    if (read.status !== 'ok') continue;
    const manifest = read.value as Partial<Manifest>;
    if (manifest.id !== name || !KINDS.includes(manifest.kind as BackupKind)) continue;
    if (!Array.isArray(manifest.files)) continue;
    backups.push(toInfo(manifest as Manifest));
  }
  return backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * The project folder `dir` is a backup of (a folder in that project's backups/), or null. A
 * snapshot is not opened to work in, nor offered as a project: that would change what it keeps.
 */
export async function backupOwner(dir: string): Promise<string | null> {
  const parent = dirname(dir);
  if (basename(parent) !== BACKUPS_DIR) return null;
  const project = dirname(parent);
  return stat(join(project, PROJECT_FILE)).then(
    () => project,
    () => null,
  );
}

/**
 * When the newest complete snapshot of `kind` was taken (ms since 1970; 0 when there is none),
 * as opening needs it to schedule the next: from its name, which is its creation time, without
 * reading its manifest (a list of every file: 0.4 MB at L). Complete means its manifest exists.
 */
export async function newestBackupTime(projectDir: string, kind: BackupKind): Promise<number> {
  const root = join(projectDir, BACKUPS_DIR);
  const names = (await readdir(root).catch(() => [] as string[]))
    .filter((name) => BACKUP_ID.test(name) && name.endsWith(`-${kind}`))
    .sort()
    .reverse();
  for (const name of names) {
    const complete = await stat(join(root, name, MANIFEST)).then(
      () => true,
      () => false,
    );
    const time = Date.parse(timeOfId(name));
    if (complete && Number.isFinite(time)) return time;
  }
  return 0;
}

/** The creation time an id names: "2026-12-04T21-18-45-966Z-auto" → "2026-12-04T21:18:45.966Z". */
function timeOfId(id: string): string {
  const [date, time] = id.slice(0, 24).split('T') as [string, string];
  const [hours, minutes, seconds, millis] = time.slice(0, -1).split('-');
  return `${date}T${hours}:${minutes}:${seconds}.${millis}Z`;
}

/** The list of files a snapshot holds; refuses ids that are not snapshot names. */
export async function backupFiles(projectDir: string, backupId: string): Promise<string[]> {
  if (!BACKUP_ID.test(backupId)) {
    throw new CampoError('BACKUP_NOT_FOUND', `No backup ${backupId}`, { backupId });
  }
  const read = await readJsonFile(join(projectDir, BACKUPS_DIR, backupId, MANIFEST));
  if (read.status !== 'ok' || !Array.isArray((read.value as Manifest).files)) {
    throw new CampoError('BACKUP_NOT_FOUND', `No backup ${backupId}`, { backupId });
  }
  return (read.value as Manifest).files.filter(isDataFile);
}

/** True when every file a snapshot lists is there (a restore of anything less is refused). */
export async function backupIsComplete(projectDir: string, backupId: string): Promise<boolean> {
  for (const file of await backupFiles(projectDir, backupId)) {
    const present = await stat(backupFilePath(projectDir, backupId, file)).then(
      (info) => info.isFile(),
      () => false,
    );
    if (!present) return false;
  }
  return true;
}

/** Reads one file of a snapshot as JSON. */
export function readBackupFile(
  projectDir: string,
  backupId: string,
  file: string,
): Promise<JsonRead> {
  return readJsonFile(join(projectDir, BACKUPS_DIR, backupId, file));
}

/** Absolute path of one file inside a snapshot. */
export function backupFilePath(projectDir: string, backupId: string, file: string): string {
  return join(projectDir, BACKUPS_DIR, backupId, file);
}

/**
 * Removes what interrupted backup work left (returns the names): snapshots a crash cut short
 * (`.partial`), snapshots a crash cut short while pruning them (`.pruning`), and snapshot folders
 * without a manifest, which only an interrupted deletion by an older Campo leaves (a snapshot gets
 * its name together with its manifest). Only called while holding the project's lock.
 */
export async function removePartialSnapshots(projectDir: string): Promise<string[]> {
  const root = join(projectDir, BACKUPS_DIR);
  const removed: string[] = [];
  for (const name of await readdir(root).catch(() => [] as string[])) {
    let leftover = name.endsWith(PARTIAL_SUFFIX) || name.endsWith(PRUNING_SUFFIX);
    if (!leftover && BACKUP_ID.test(name)) {
      // The manifest is written last: a snapshot without one was cut short. Only its presence
      // counts here (reading it, a list of every file, would slow every open down).
      leftover = !(await stat(join(root, name, MANIFEST)).then(
        () => true,
        (error: unknown) => errnoOf(error) !== 'ENOENT',
      ));
    }
    if (!leftover) continue;
    await rm(join(root, name), { recursive: true, force: true });
    removed.push(name);
  }
  if (removed.length > 0) await fsyncDirectory(root);
  return removed;
}

/** Deletes a snapshot: renamed aside at once (never listed again), then removed. */
async function removeSnapshot(root: string, id: string): Promise<void> {
  const aside = join(root, `${id}${PRUNING_SUFFIX}`);
  await rename(join(root, id), aside);
  await fsyncDirectory(root);
  await rm(aside, { recursive: true, force: true });
}

/**
 * Keeps the newest `keepRecent` automatic snapshots and, beyond them, the newest one of each of
 * the last `keepDays` days. Pre-migration and pre-restore snapshots are never removed.
 * Leftovers of interrupted snapshots are removed too.
 */
export async function pruneBackups(
  projectDir: string,
  { keepRecent = 10, keepDays = 14 }: { keepRecent?: number; keepDays?: number } = {},
): Promise<string[]> {
  const root = join(projectDir, BACKUPS_DIR);
  const removed = await removePartialSnapshots(projectDir);
  const autos = (await listBackups(projectDir)).filter((backup) => backup.kind === 'auto');
  const days = new Set<string>();
  for (const [index, backup] of autos.entries()) {
    const day = backup.createdAt.slice(0, 10);
    const keepAsDaily = !days.has(day) && days.size < keepDays;
    days.add(day);
    if (index < keepRecent || keepAsDaily) continue;
    await removeSnapshot(root, backup.id);
    removed.push(backup.id);
  }
  return removed;
}
