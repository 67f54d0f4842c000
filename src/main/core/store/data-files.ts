import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { errnoOf } from './fs-errors';
import { CODINGS_DIR, PROJECT_FILE, SOURCES_DIR, isSafeId } from './layout';

/**
 * Which files of a project folder are its data: what a snapshot copies, a restore puts back (and
 * removes when the snapshot lacks it), and `campo info` checks. Backups, the lock, temporary and
 * set-aside files are not data. A new kind of record file is added here once, and snapshots,
 * restores and pruning follow. The caches (`cache/`) are not data: they are rebuilt from it.
 */

/** Data files at the root of the project folder. */
export const DATA_ROOT_FILES: readonly string[] = [PROJECT_FILE];

/** Folders holding one JSON file per record (`sources/<id>.json`). */
export const DATA_FOLDERS: readonly string[] = [SOURCES_DIR];

/** Folders holding a folder per source of one JSON file per evaluator (`codings/<source>/<evaluator>.json`). */
export const LAYER_FOLDERS: readonly string[] = [CODINGS_DIR];

const isJsonOfId = (name: string) =>
  name.endsWith('.json') && isSafeId(name.slice(0, -'.json'.length));

/** True for a data file's path relative to the project folder, with `/` separators. */
export function isDataFile(relative: string): boolean {
  if (DATA_ROOT_FILES.includes(relative)) return true;
  const parts = relative.split('/');
  if (parts.length === 2) return DATA_FOLDERS.includes(parts[0]!) && isJsonOfId(parts[1]!);
  if (parts.length === 3)
    return LAYER_FOLDERS.includes(parts[0]!) && isSafeId(parts[1]!) && isJsonOfId(parts[2]!);
  return false;
}

/** Names in a folder, sorted; none when it does not exist. */
async function namesIn(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch((error: unknown) => {
    const code = errnoOf(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return [] as string[];
    throw error;
  });
  return names.sort();
}

/**
 * The data files present in a project folder, relative to it, the root files first, then each
 * folder's files by name. A missing folder has none.
 */
export async function projectDataFiles(projectDir: string): Promise<string[]> {
  const files = [...DATA_ROOT_FILES];
  for (const folder of DATA_FOLDERS) {
    for (const name of await namesIn(join(projectDir, folder))) {
      if (isDataFile(`${folder}/${name}`)) files.push(`${folder}/${name}`);
    }
  }
  for (const folder of LAYER_FOLDERS) {
    for (const source of await namesIn(join(projectDir, folder))) {
      if (!isSafeId(source)) continue;
      for (const name of await namesIn(join(projectDir, folder, source))) {
        const file = `${folder}/${source}/${name}`;
        if (isDataFile(file)) files.push(file);
      }
    }
  }
  return files;
}
