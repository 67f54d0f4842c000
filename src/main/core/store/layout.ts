import { join } from 'node:path';
import { CampoError } from '../../../shared/ipc/errors';

/** The files of a project folder (DESIGN §2). */
export const PROJECT_FILE = 'project.json';
export const SOURCES_DIR = 'sources';
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
