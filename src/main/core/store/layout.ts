import { join } from 'node:path';
import { CampoError } from '../../../shared/ipc/errors';

/** The files of a project folder (DESIGN §2). */
export const PROJECT_FILE = 'project.json';
export const SOURCES_DIR = 'sources';
/** Coder layers: codings/<sourceId>/<evaluatorId>.json (STORE-V2 §1). */
export const CODINGS_DIR = 'codings';
/** The coding journal: saves not yet written into their layer files (STORE-V2 §6). */
export const LAYER_JOURNAL_FILE = 'codings.journal';
/** Rebuildable caches; never backed up (STORE-V2 §4). */
export const CACHE_DIR = 'cache';
/** Where the v1 → v2 migration stages the new source documents before its commit. */
export const MIGRATION_STAGING_DIR = 'migrate-v2';
export const BACKUPS_DIR = 'backups';
export const LOCK_FILE = '.lock';
/** Suffix of the folder of a project ("Valutazione RAV 2021.campo"). */
export const PROJECT_EXTENSION = '.campo';

/** Ids that may name a file: no separators, no dots, nothing a path could be built from. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** True when `id` can be used as a file name inside the project. */
export function isSafeId(id: string): boolean {
  return SAFE_ID.test(id);
}

/** Path of a source file; refuses ids that could escape the sources folder. */
export function sourceFilePath(projectDir: string, sourceId: string): string {
  if (!isSafeId(sourceId)) {
    throw new CampoError('NOT_FOUND', `Invalid source id: ${sourceId}`, { id: sourceId });
  }
  return join(projectDir, SOURCES_DIR, `${sourceId}.json`);
}

/** Where a source file waits while it is being deleted (never adopted as a source). */
export function deletedSourcePath(sourcePath: string): string {
  return sourcePath.replace(/\.json$/, '.deleted.json');
}

/** The journal of a text correction under way: the new source document (STORE-V2 §5). */
export function sourceEditPath(projectDir: string, sourceId: string): string {
  return sourceFilePath(projectDir, sourceId).replace(/\.json$/, '.edit.json');
}

/** The folder of a source's coder layers. */
export function layersDir(projectDir: string, sourceId: string): string {
  if (!isSafeId(sourceId)) {
    throw new CampoError('NOT_FOUND', `Invalid source id: ${sourceId}`, { id: sourceId });
  }
  return join(projectDir, CODINGS_DIR, sourceId);
}

/** Path of one evaluator's layer of a source; refuses ids that could escape the folder. */
export function layerFilePath(projectDir: string, sourceId: string, coderId: string): string {
  if (!isSafeId(coderId)) {
    throw new CampoError('VALIDATION', `Invalid evaluator id: ${coderId}`, { id: coderId });
  }
  return join(layersDir(projectDir, sourceId), `${coderId}.json`);
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A folder name for a project title, valid on Windows, macOS and Linux: accents kept, reserved
 * characters replaced, no trailing dots or spaces.
 */
export function projectFolderName(title: string): string {
  let name = title
    .normalize('NFC')
    .replace(/[<>:"/\\|?*]/g, '-')
    .replace(/\p{Cc}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/g, '')
    .slice(0, 100)
    .trim();
  if (name === '' || WINDOWS_RESERVED.test(name)) name = `Progetto ${name}`.trim();
  return name.endsWith(PROJECT_EXTENSION) ? name : `${name}${PROJECT_EXTENSION}`;
}

/** A moment as it goes into a file or folder name: 2026-12-05T20-58-05-962Z (no `:` or `.`). */
export function fileNameTime(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}
