import { create } from 'zustand';
import type { ExchangeImportSummary } from '../../shared/exchange/import-summary';
import type { PositionUnit } from '../../shared/exchange/positions';
import { CampoError } from '../../shared/ipc/errors';
import {
  LAST_SAVED_BACKUP_ID,
  type OpenNotice,
  type ProjectSnapshot,
  type RecentProject,
  type SaveState,
} from '../../shared/ipc/types';
import type { ProjectFile, ProjectMeta } from '../../shared/model/project';
import { api } from '../api/client';
import { dropNotificationsBefore, notificationMark, useAppStore, type Message } from './app-store';
import { useNavigationStore } from './navigation-store';
import { flushPendingEdits } from './pending-edits';
import { resetProjectScope } from './project-scope';
import { enterProjectInTab } from './tab-memory';
import { metaRev } from './base-revision';

interface ProjectState {
  snapshot: ProjectSnapshot | null;
  saveState: SaveState | null;
  recent: RecentProject[];
  busy: boolean;
  loadCurrent(): Promise<void>;
  loadRecent(): Promise<void>;
  forgetRecent(path: string): Promise<void>;
  create(input: { name: string; parentDir: string; programme?: string }): Promise<boolean>;
  open(path: string): Promise<boolean>;
  /** A REFI-QDA archive (.qdpx) becomes a new project, opened, with a summary of what came in. */
  importQdpx(upload: {
    fileName: string;
    data?: string;
    path?: string;
    unit?: PositionUnit;
  }): Promise<boolean>;
  openDemo(): Promise<boolean>;
  restoreBackup(path: string, backupId: string): Promise<boolean>;
  close(): Promise<void>;
  /** Saves a change of the descriptive data; resolves to whether it was saved. */
  updateMeta(patch: Partial<ProjectMeta>): Promise<boolean>;
  /** Applies a change the core has already saved (used by the domain stores). */
  patchProject(change: (project: ProjectFile) => ProjectFile): void;
}

/** The last part of a path (a kept file named in a notice). */
const fileNameOf = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** What to say of a damaged codings file set aside: whose codings, on which transcript. */
export function setAsideMessage(
  event: { sourceId: string; coderId: string; keptAs: string },
  project: ProjectFile | undefined,
): Message {
  const source = project?.sources.find((summary) => summary.id === event.sourceId)?.title;
  const coder = project?.evaluators.find((member) => member.id === event.coderId)?.name;
  return {
    key: 'notice.layerSetAside',
    params: {
      source: source ?? event.sourceId,
      coder: coder ?? event.coderId,
      file: fileNameOf(event.keptAs),
    },
  };
}

function noticeMessage(notice: OpenNotice, project: ProjectFile): Message {
  switch (notice.kind) {
    case 'layer-set-aside':
      return setAsideMessage(notice, project);
    case 'migrated':
      return { key: 'notice.migrated', params: { from: notice.from, to: notice.to } };
    case 'stale-lock-recovered':
      return { key: 'notice.staleLock', params: { host: notice.host } };
    case 'orphan-sources-recovered':
      return { key: 'notice.orphans', params: { count: notice.count } };
    case 'journal-damaged':
      return {
        key: 'notice.journalDamaged',
        params: { n: notice.lines, file: fileNameOf(notice.keptAs) },
      };
    case 'restored-from-backup':
      if (notice.backupId === LAST_SAVED_BACKUP_ID) return { key: 'notice.restoredLastSaved' };
      // A damaged project.json is kept beside the project; a healthy one went to a backup.
      return { key: notice.keptAs.length > 0 ? 'notice.restored' : 'notice.restoredCopy' };
  }
}

/** The open project: lifecycle (create, open, close, recover) and its save state. */
export const useProjectStore = create<ProjectState>((set, get) => {
  const app = () => useAppStore.getState();

  /** Runs an open-like call; shows notices, or the recovery dialog for a damaged project. */
  async function opening(run: () => Promise<ProjectSnapshot>, path?: string): Promise<boolean> {
    set({ busy: true });
    const mark = notificationMark();
    try {
      // What was typed in the project still open is saved before another one takes its place.
      await flushPendingEdits();
      const snapshot = await run();
      resetProjectScope();
      dropNotificationsBefore(mark);
      enterProjectInTab(snapshot.project.id);
      set({ snapshot, saveState: null });
      useNavigationStore.getState().go('overview');
      app().closeDialog();
      for (const notice of snapshot.notices) {
        // Work that could not be read back stays on screen until the user has read it.
        const lasting = notice.kind === 'journal-damaged' || notice.kind === 'layer-set-aside';
        app().notify(lasting ? 'error' : 'info', noticeMessage(notice, snapshot.project));
      }
      void get().loadRecent();
      return true;
    } catch (error) {
      if (error instanceof CampoError && error.code === 'PROJECT_CORRUPT') {
        app().openDialog({
          kind: 'recovery',
          path: String(error.details?.path ?? path ?? ''),
          error: error.toWire(),
        });
      } else {
        app().notifyError(error);
      }
      return false;
    } finally {
      set({ busy: false });
    }
  }

  return {
    snapshot: null,
    saveState: null,
    recent: [],
    busy: false,

    async loadCurrent() {
      const snapshot = await api().projectCurrent();
      // A reload: the window goes back to where it was in this project.
      enterProjectInTab(snapshot?.project.id ?? null);
      set({ snapshot });
      if (snapshot) useNavigationStore.getState().resume();
    },
    async loadRecent() {
      set({ recent: await api().recentList() });
    },
    async forgetRecent(path) {
      set({ recent: await api().recentForget({ path }) });
    },
    create: (input) => opening(() => api().projectCreate(input)),
    open: (path) => opening(() => api().projectOpen({ path }), path),
    async importQdpx(upload) {
      let summary: ExchangeImportSummary | null = null;
      const opened = await opening(async () => {
        const result = await api().qdpxImport({ ...upload, parentDir: null });
        summary = result.summary;
        return result.snapshot;
      });
      if (opened && summary)
        app().notify('success', { key: 'exchange.imported', params: { ...(summary as object) } });
      return opened;
    },
    openDemo: () => opening(() => api().projectOpenDemo()),
    restoreBackup: (path, backupId) => opening(() => api().backupRestore({ path, backupId }), path),

    async close() {
      const mark = notificationMark();
      try {
        await flushPendingEdits();
        await api().projectClose();
        resetProjectScope();
        dropNotificationsBefore(mark);
        set({ snapshot: null, saveState: null });
        void get().loadRecent();
      } catch (error) {
        app().notifyError(error);
      }
    },

    async updateMeta(patch) {
      try {
        set({ snapshot: await api().projectUpdateMeta({ patch, baseRev: metaRev() }) });
        return true;
      } catch (error) {
        app().notifyError(error);
        return false;
      }
    },

    patchProject(change) {
      const snapshot = get().snapshot;
      if (snapshot) set({ snapshot: { ...snapshot, project: change(snapshot.project) } });
    },
  };
});

/** Keeps the store in step with the core's events (save states, a project closed elsewhere). */
export function connectProjectEvents(): () => void {
  const offSave = api().on('saveState', (saveState) => useProjectStore.setState({ saveState }));
  const offClosed = api().on('projectClosed', ({ reason }) => {
    // A close asked for here was already applied; its event, arriving later over the event
    // stream, must not close the project opened since.
    if (reason !== 'lock-lost') return;
    resetProjectScope();
    useProjectStore.setState({ snapshot: null, saveState: null });
    useAppStore.getState().notify('error', { key: 'notice.lockLost' });
  });
  return () => {
    offSave();
    offClosed();
  };
}

/** Collections of project.json whose items the stores replace one by one after a save. */
type ItemCollection = 'sessions' | 'ngtSessions' | 'matrices';

/** Puts `item` as the core saved it into the project snapshot: replaced by id, or appended. */
export function upsertInProject<K extends ItemCollection>(
  key: K,
  item: ProjectFile[K][number],
): void {
  useProjectStore.getState().patchProject((project) => {
    const items = project[key] as Array<{ id: string }>;
    const next = items.some((other) => other.id === item.id)
      ? items.map((other) => (other.id === item.id ? item : other))
      : [...items, item];
    return { ...project, [key]: next };
  });
}
