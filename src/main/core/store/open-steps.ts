/**
 * The steps of opening a project that settle what interrupted writes left (see openProject in
 * project-store.ts). The project folder and its sources folder are listed once, so that each
 * step whose traces are absent costs nothing: at L the sources folder holds a thousand names,
 * and it was read four times per open.
 */
import { readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProjectFile } from '../../../shared/model/project';
import { MERGE_STAGING_DIR } from '../team/merge-journal';
import { removePartialSnapshots } from './backups';
import { sourceCodec } from './codecs';
import { isTempFileName, readJsonFile, type JsonRead } from './durable-file';
import { hasTextEdits } from './edit-journal';
import type { FileStamp } from './file-stamp';
import { toUserFsError } from './fs-errors';
import {
  CACHE_DIR,
  LOCK_FILE,
  MIGRATION_STAGING_DIR,
  PROJECT_FILE,
  SOURCES_DIR,
  isSafeId,
} from './layout';
import { summariseSource } from './project-session';
import { readProjectSnapshot } from './project-snapshot';
import { RESTORE_JOURNAL } from './recovery';

/** The names in a project folder and in its sources folder, as listed at open. */
export interface ProjectListing {
  root: ReadonlySet<string>;
  sources: string[];
}

/** The names in the project folder. */
export function listRoot(dir: string): Promise<Set<string>> {
  return readdir(dir).then(
    (names) => new Set(names),
    (error: unknown) => {
      throw toUserFsError(error, dir);
    },
  );
}

/** The names in the sources folder (none when it cannot be read). */
export function listSources(dir: string): Promise<string[]> {
  return readdir(join(dir, SOURCES_DIR)).catch(() => [] as string[]);
}

/** Lists the project folder and its sources folder (together). */
export async function listProject(dir: string): Promise<ProjectListing> {
  const [root, sources] = await Promise.all([listRoot(dir), listSources(dir)]);
  return { root, sources };
}

/** Relists the sources folder after a step that may have changed it. */
export async function relistSources(dir: string, listing: ProjectListing): Promise<ProjectListing> {
  return { root: listing.root, sources: await listSources(dir) };
}

/** True when a merge, a restore or a migration left something to finish (or to clear). */
export function hasUnfinishedWork(root: ReadonlySet<string>): {
  merge: boolean;
  restore: boolean;
  migration: boolean;
} {
  return {
    // The staging folder, or its `.partial` twin.
    merge: [...root].some((name) => name.startsWith(MERGE_STAGING_DIR)),
    restore: root.has(RESTORE_JOURNAL),
    migration: root.has(MIGRATION_STAGING_DIR),
  };
}

const leftover = (name: string) => isTempFileName(name) || name.startsWith(`${LOCK_FILE}.stale-`);

/**
 * Deletes what interrupted writes left: temp files (in the project, sources and cache folders),
 * set-aside stale locks and unfinished snapshots (never read: only completed snapshots are
 * listed). Only called while holding the lock, so nothing is being written meanwhile. Returns
 * the listing without what it deleted.
 */
export async function removeLeftovers(
  dir: string,
  listing: ProjectListing,
): Promise<ProjectListing> {
  const remove = (folder: string, names: Iterable<string>) =>
    Promise.all(
      [...names].filter(leftover).map((name) => unlink(join(folder, name)).catch(() => undefined)),
    );
  const cache = join(dir, CACHE_DIR);
  await Promise.all([
    remove(dir, listing.root),
    remove(join(dir, SOURCES_DIR), listing.sources),
    // The cache's own temp files (its files are replaced by a rename too): a few names.
    readdir(cache).then(
      (names) => remove(cache, names),
      () => undefined,
    ),
    removePartialSnapshots(dir),
  ]);
  return {
    root: new Set([...listing.root].filter((name) => !leftover(name))),
    sources: listing.sources.filter((name) => !leftover(name)),
  };
}

const DELETED = '.deleted.json';

/**
 * Finishes deletions a crash interrupted: a set-aside source still listed in project.json goes
 * back in place (the deletion was not saved), one no longer listed is removed. Returns the
 * sources folder's listing afterwards.
 */
export async function finishDeletions(
  dir: string,
  listed: ReadonlySet<string>,
  listing: ProjectListing,
): Promise<ProjectListing> {
  let changed = false;
  for (const name of listing.sources) {
    const id = name.endsWith(DELETED) ? name.slice(0, -DELETED.length) : null;
    if (!id || !isSafeId(id)) continue;
    const aside = join(dir, SOURCES_DIR, name);
    if (listed.has(id)) await rename(aside, join(dir, SOURCES_DIR, `${id}.json`));
    else await unlink(aside);
    changed = true;
  }
  return changed ? relistSources(dir, listing) : listing;
}

/** True when the sources folder holds a text correction a crash interrupted. */
export const hasTextEditsToFinish = (listing: ProjectListing) => hasTextEdits(listing.sources);

/**
 * Lists in project.json the source files it does not know (left by an interrupted save).
 * `listing` must be current: taken after the deletions and text corrections were finished.
 */
export async function adoptOrphanSources(
  dir: string,
  project: ProjectFile,
  listing: ProjectListing,
): Promise<number> {
  const known = new Set(project.sources.map((summary) => summary.id));
  const orphans = listing.sources.filter((name) => {
    const id = name.endsWith('.json') ? name.slice(0, -5) : '';
    return isSafeId(id) && !known.has(id);
  });
  let adopted = 0;
  for (const name of orphans.sort()) {
    const file = `${SOURCES_DIR}/${name}`;
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

/** project.json read and parsed, and whether the value came from the cache's snapshot. */
export type ProjectRead = JsonRead & { fromSnapshot: boolean };

/**
 * project.json as parsed, stamped `stamp` just before: from cache/project.snapshot when that
 * holds this very file (see project-snapshot.ts), else read and parsed.
 */
export async function readProjectFile(dir: string, stamp: FileStamp | null): Promise<ProjectRead> {
  const snapshot = await readProjectSnapshot(dir, stamp);
  if (snapshot !== undefined) return { status: 'ok', value: snapshot, fromSnapshot: true };
  return { ...(await readJsonFile(join(dir, PROJECT_FILE))), fromSnapshot: false };
}
