import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Handlers } from '../../../shared/ipc/contract';
import { LAST_SAVED_BACKUP_ID, type ProjectSnapshot } from '../../../shared/ipc/types';
import { DEMO_PROJECT_NAME, writeDemoProject } from '../demo';
import { listBackups } from '../store/backups';
import { PROJECT_EXTENSION, PROJECT_FILE } from '../store/layout';
import { createProject, openProject } from '../store/project-store';
import { restoreBackup, restoreLastSaved } from '../store/recovery';
import type { ProjectSession } from '../store/project-session';
import type { CoreState } from './context';
import { grantedParentFolder, grantedProjectFolder } from './path-grants';

type ProjectHandlers = Pick<
  Handlers,
  | 'projectCreate'
  | 'projectOpen'
  | 'projectOpenDemo'
  | 'projectCurrent'
  | 'projectClose'
  | 'projectUpdateMeta'
  | 'backupList'
  | 'backupRestore'
>;

/** Handlers that create, open, close and restore projects. */
export function projectHandlers(state: CoreState): ProjectHandlers {
  const { host } = state;
  const isCurrent = (path: string) =>
    state.session !== null && resolve(state.session.dir) === resolve(path);

  /** Opens a new session first, then closes the old: a failed open leaves the current project open. */
  async function switchTo(open: () => Promise<ProjectSession>): Promise<ProjectSnapshot> {
    const session = await open();
    const previous = state.session;
    if (previous && previous !== session) await previous.close();
    return state.adopt(session);
  }

  return {
    projectCreate: ({ name, parentDir, programme }) => {
      const dir = grantedParentFolder(state, parentDir);
      return switchTo(() =>
        createProject(
          { parentDir: dir, name, meta: programme ? { programme } : {} },
          state.storeOptions,
        ),
      );
    },

    async projectOpen({ path }) {
      if (isCurrent(path))
        return { path: state.session!.dir, project: state.session!.project, notices: [] };
      const dir = await grantedProjectFolder(state, path);
      return switchTo(() => openProject(dir, state.storeOptions));
    },

    async projectOpenDemo() {
      const dir = join(host.defaultProjectsDir, `${DEMO_PROJECT_NAME}${PROJECT_EXTENSION}`);
      if (isCurrent(dir)) return { path: dir, project: state.session!.project, notices: [] };
      const exists = await stat(join(dir, PROJECT_FILE)).then(
        () => true,
        () => false,
      );
      return switchTo(() =>
        exists
          ? openProject(dir, state.storeOptions)
          : writeDemoProject(host.defaultProjectsDir, host.resourcesDir, state.storeOptions),
      );
    },

    async projectCurrent() {
      const session = state.session;
      if (!session || session.isClosed) return null;
      return { path: session.dir, project: session.project, notices: [] };
    },

    async projectClose() {
      await state.closeCurrent();
      host.emit('projectClosed', { reason: 'closed' });
      return null;
    },

    async projectUpdateMeta({ patch, baseRev }) {
      const session = state.requireSession();
      await session.mutate((project) => {
        const meta = project.meta as typeof project.meta & { id: string };
        session.rebase('meta', meta, baseRev, project.meta.title, (draft) => {
          Object.assign(draft, patch);
        });
      });
      if (patch.title) await host.settings.addRecent(session.dir, session.project.meta.title);
      return { path: session.dir, project: session.project, notices: [] };
    },

    backupList: async ({ path }) => listBackups(await grantedProjectFolder(state, path)),

    async backupRestore({ path, backupId }) {
      const dir = await grantedProjectFolder(state, path);
      if (isCurrent(dir)) await state.closeCurrent();
      const { keptAs } =
        backupId === LAST_SAVED_BACKUP_ID
          ? await restoreLastSaved(dir, state.storeOptions)
          : await restoreBackup(dir, backupId, state.storeOptions);
      const snapshot = await switchTo(() => openProject(dir, state.storeOptions));
      return {
        ...snapshot,
        notices: [{ kind: 'restored-from-backup', backupId, keptAs }, ...snapshot.notices],
      };
    },
  };
}
