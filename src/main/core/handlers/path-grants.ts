import { resolve } from 'node:path';
import { CampoError } from '../../../shared/ipc/errors';
import type { CoreState } from './context';

/**
 * Paths from the renderer are not trusted. In the desktop app a path the core reads or writes
 * must be one the user gave in a native dialog a moment ago: the dialog's answer is granted here,
 * in the main process, and the renderer can only hand it back. Projects the user opened before
 * (the recent list, kept in the main process) and the default projects folder are known too.
 * In browser mode there are no native dialogs: files come in as uploads and exports go out as
 * downloads, so no file path is accepted at all; folders are those the user chose in the app.
 */

/** What a dialog answer lets the renderer ask for. */
export type GrantKind = 'open-file' | 'save-file' | 'folder';

/** How long a dialog's answer may be used. */
const GRANT_TTL_MS = 10 * 60_000;

/** Dialog answers, by kind and path; files are used once, folders until they expire. */
export class PathGrants {
  private readonly grants = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  private key(kind: GrantKind, path: string): string {
    return `${kind}\u0000${resolve(path)}`;
  }

  /** Records the path a dialog answered with. */
  grant(kind: GrantKind, path: string): void {
    for (const [key, expires] of this.grants) if (expires <= this.now()) this.grants.delete(key);
    this.grants.set(this.key(kind, path), this.now() + GRANT_TTL_MS);
  }

  /**
   * True while the grant lasts; a file grant is used up by asking, unless `keep` (a file read
   * once to review it, then again to import it).
   */
  use(kind: GrantKind, path: string, keep = false): boolean {
    const key = this.key(kind, path);
    const expires = this.grants.get(key);
    if (expires === undefined || expires <= this.now()) return false;
    if (kind !== 'folder' && !keep) this.grants.delete(key);
    return true;
  }
}

function refused(path: string): CampoError {
  return new CampoError('PATH_NOT_GRANTED', `Path not granted: ${path}`, { path });
}

/** The export target (null: the bytes go back, browser download) the user chose in a dialog. */
export function grantedSaveTarget(state: CoreState, target: string | null): string | null {
  if (target === null) return null;
  if (state.host.host === 'electron' && state.grants.use('save-file', target)) return target;
  throw refused(target);
}

/** A file to read that the user chose in the native open dialog. */
export function grantedOpenFile(
  state: CoreState,
  path: string,
  { keep = false }: { keep?: boolean } = {},
): string {
  if (state.host.host === 'electron' && state.grants.use('open-file', path, keep)) return path;
  throw refused(path);
}

/**
 * A folder to open as a project (or restore): in the desktop app one the user picked, one of
 * their recent projects, or the open one.
 */
export async function grantedProjectFolder(state: CoreState, path: string): Promise<string> {
  const dir = resolve(path);
  if (state.host.host !== 'electron') return dir;
  const recent = await state.host.settings.recent();
  const known =
    state.grants.use('folder', dir) ||
    recent.some((project) => resolve(project.path) === dir) ||
    (state.session !== null && resolve(state.session.dir) === dir);
  if (!known) throw refused(path);
  // Valid as long as the user works with it (a damaged project is restored after opening).
  state.grants.grant('folder', dir);
  return dir;
}

/** A folder to create a project in: in the desktop app one the user picked, or the default. */
export function grantedParentFolder(state: CoreState, path: string): string {
  const dir = resolve(path);
  if (state.host.host !== 'electron') return dir;
  if (dir === resolve(state.host.defaultProjectsDir) || state.grants.use('folder', dir)) return dir;
  throw refused(path);
}
