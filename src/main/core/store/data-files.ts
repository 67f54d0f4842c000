import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { errnoOf } from './fs-errors';
import { PROJECT_FILE, SOURCES_DIR, isSafeId } from './layout';

/**
 * Which files of a project folder are its data: what a snapshot copies, a restore puts back (and
 * removes when the snapshot lacks it), and `campo info` checks. Backups, the lock, temporary and
 * set-aside files are not data. A new kind of record file is added here once, and snapshots,
 * restores and pruning follow.
 */

/** Data files at the root of the project folder. */
export const DATA_ROOT_FILES: readonly string[] = [PROJECT_FILE];

/** Folders holding one JSON file per record (`sources/<id>.json`). */
export const DATA_FOLDERS: readonly string[] = [SOURCES_DIR];

/** True for a data file's path relative to the project folder, with `/` separators. */
export function isDataFile(relative: string): boolean {
  if (DATA_ROOT_FILES.includes(relative)) return true;
  const slash = relative.indexOf('/');
  if (slash < 0 || !DATA_FOLDERS.includes(relative.slice(0, slash))) return false;
  const name = relative.slice(slash + 1);
  return name.endsWith('.json') && isSafeId(name.slice(0, -'.json'.length));
}

/**
 * The data files present in a project folder, relative to it, the root files first, then each
 * folder's files by name. A missing folder has none.
 */
export async function projectDataFiles(projectDir: string): Promise<string[]> {
  const files = [...DATA_ROOT_FILES];
  for (const folder of DATA_FOLDERS) {
    const names = await readdir(join(projectDir, folder)).catch((error: unknown) => {
      if (errnoOf(error) === 'ENOENT') return [] as string[];
      throw error;
    });
    for (const name of names.sort()) {
      if (isDataFile(`${folder}/${name}`)) files.push(`${folder}/${name}`);
    }
  }
  return files;
}
