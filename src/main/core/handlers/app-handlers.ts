import { readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Handlers } from '../../../shared/ipc/contract';
import { CampoError } from '../../../shared/ipc/errors';
import type { FolderEntry } from '../../../shared/ipc/types';
import { APP_VERSION } from '../../../shared/version';
import { toUserFsError } from '../store/fs-errors';
import { backupOwner } from '../store/backups';
import { PROJECT_FILE } from '../store/layout';
import { currentClient } from '../caller';
import type { CoreState } from './context';

type AppHandlers = Pick<
  Handlers,
  | 'appInfo'
  | 'settingsUpdate'
  | 'recentList'
  | 'recentForget'
  | 'dialogPickFolder'
  | 'dialogSaveFile'
  | 'foldersList'
>;

/** True when `path` holds a project (its project.json), and is not one of a project's backups. */
async function isProjectFolder(path: string): Promise<boolean> {
  if (await backupOwner(path)) return false;
  return stat(join(path, PROJECT_FILE)).then(
    () => true,
    () => false,
  );
}

/** Subfolders of `path` (hidden ones left out), marking those that are Campo projects. */
async function listFolders(path: string): Promise<FolderEntry[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch((error: unknown) => {
    throw toUserFsError(error, path);
  });
  const folders = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
  const listed = await Promise.all(
    folders.map(async (entry) => {
      const full = join(path, entry.name);
      return { name: entry.name, path: full, isProject: await isProjectFolder(full) };
    }),
  );
  return listed.sort((a, b) => a.name.localeCompare(b.name, 'it'));
}

/** Application-level handlers: info, settings, recent projects, folder picking. */
export function appHandlers(state: CoreState): AppHandlers {
  const { host } = state;
  return {
    async appInfo() {
      return {
        version: APP_VERSION,
        host: host.host,
        platform: process.platform,
        nativeDialogs: Boolean(host.pickFolder),
        defaultProjectsDir: host.defaultProjectsDir,
        settings: host.settings.settings,
        clientId: currentClient(),
      };
    },
    settingsUpdate: (patch) => host.settings.update(patch),
    recentList: () => host.settings.recent(),
    recentForget: ({ path }) => host.settings.forgetRecent(path),
    async dialogPickFolder({ title }) {
      if (!host.pickFolder) {
        throw new CampoError('UNSUPPORTED', 'This host has no native dialogs');
      }
      const picked = await host.pickFolder(title);
      if (picked) state.grants.grant('folder', picked);
      return picked;
    },
    async dialogSaveFile({ fileName, data }) {
      if (!host.saveFile) {
        throw new CampoError('UNSUPPORTED', 'This host has no native dialogs');
      }
      return host.saveFile(fileName, Buffer.from(data, 'base64'));
    },
    async foldersList({ path }) {
      // The in-app folder browser is browser mode's dialog; the desktop app has the system's.
      if (host.host === 'electron') {
        throw new CampoError('UNSUPPORTED', 'The desktop app uses the native dialogs');
      }
      let target = resolve(path ?? host.defaultProjectsDir);
      if (
        !path &&
        !(await stat(target).then(
          (s) => s.isDirectory(),
          () => false,
        ))
      )
        target = homedir();
      const parent = dirname(target) === target ? null : dirname(target);
      const [entries, isProject] = await Promise.all([
        listFolders(target),
        isProjectFolder(target),
      ]);
      return { path: target, parent, isProject, entries };
    },
  };
}
