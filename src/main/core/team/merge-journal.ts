/**
 * Writing a merge (issue 18) so that a crash at any point leaves the project as before or fully
 * merged: every new file is staged in `merge-staging.partial/`, with a list of the files to
 * remove; renaming the folder to `merge-staging/` is the commit; then each staged file is renamed
 * over its target and the removals done. Opening a project finishes a committed journal (the
 * step is idempotent: a file already moved is no longer in the staging folder) and throws away
 * an uncommitted one.
 */
import { mkdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fsyncDirectory, writeFileDurable } from '../store/durable-file';
import { isDataFile as isDataFilePath } from '../store/data-files';
import { CODINGS_DIR, SOURCES_DIR } from '../store/layout';

export const MERGE_STAGING_DIR = 'merge-staging';
const PARTIAL = `${MERGE_STAGING_DIR}.partial`;
const LIST = 'journal.json';

/** A test seam: called at each step (the kill test stops the process there). */
export type MergeStepHook = (step: string) => void | Promise<void>;

export interface MergeWrite {
  /** Files to write, relative to the project folder (project.json, sources/…, codings/…). */
  files: Map<string, string | Uint8Array>;
  /** Sources whose document and layers the merge removes. */
  removedSources: string[];
}

interface Journal {
  files: string[];
  removedSources: string[];
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Stages every file, commits, then applies: see the module comment. */
export async function writeMerge(
  dir: string,
  write: MergeWrite,
  hook?: MergeStepHook,
): Promise<void> {
  const partial = join(dir, PARTIAL);
  await rm(partial, { recursive: true, force: true });
  const folders = new Set<string>();
  for (const [file, data] of write.files) {
    if (!isDataFilePath(file)) throw new Error(`Not a project data file: ${file}`);
    const target = join(partial, file);
    await mkdir(dirname(target), { recursive: true });
    folders.add(dirname(target));
    await writeFileDurable(target, data);
    await hook?.(`staged:${file}`);
  }
  const journal: Journal = { files: [...write.files.keys()], removedSources: write.removedSources };
  await writeFileDurable(join(partial, LIST), `${JSON.stringify(journal)}\n`);
  for (const folder of folders) await fsyncDirectory(folder);
  await hook?.('staged');
  await rename(partial, join(dir, MERGE_STAGING_DIR));
  await fsyncDirectory(dir);
  await hook?.('committed');
  await finishMerge(dir, hook);
}

/**
 * Finishes a committed merge journal (moves the staged files over their targets, removes the
 * removed sources, deletes the journal) and deletes an uncommitted one. Returns true when a
 * committed journal was finished.
 */
export async function finishMerge(dir: string, hook?: MergeStepHook): Promise<boolean> {
  await rm(join(dir, PARTIAL), { recursive: true, force: true });
  const staging = join(dir, MERGE_STAGING_DIR);
  if (!(await exists(join(staging, LIST)))) {
    await rm(staging, { recursive: true, force: true });
    return false;
  }
  const journal = JSON.parse(await readFile(join(staging, LIST), 'utf8')) as Journal;
  // project.json last: until it moves, the project reads as before apart from new files.
  const files = journal.files.filter(isDataFilePath).sort((a, b) => {
    const rank = (file: string) => (file === 'project.json' ? 1 : 0);
    return rank(a) - rank(b);
  });
  const touched = new Set<string>();
  for (const file of files) {
    const from = join(staging, file);
    if (!(await exists(from))) continue; // moved before a crash
    const to = join(dir, file);
    await mkdir(dirname(to), { recursive: true });
    await rename(from, to);
    touched.add(dirname(to));
    await hook?.(`moved:${file}`);
  }
  for (const folder of touched) await fsyncDirectory(folder);
  for (const id of journal.removedSources) {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) continue;
    await unlink(join(dir, SOURCES_DIR, `${id}.json`)).catch(() => undefined);
    await rm(join(dir, CODINGS_DIR, id), { recursive: true, force: true });
  }
  await hook?.('applied');
  await rm(staging, { recursive: true, force: true });
  await fsyncDirectory(dir);
  return true;
}
