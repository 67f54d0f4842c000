import { api } from '../../api/client';
import { useAppStore } from '../../stores/app-store';
import { useProjectStore } from '../../stores/project-store';
import { useQdpxImportStore } from '../../stores/qdpx-import-store';

/**
 * "Open project…": the system dialog where the host has one (Electron), the in-app folder
 * browser otherwise (browser mode).
 */
export async function chooseAndOpenProject(): Promise<void> {
  const app = useAppStore.getState();
  if (!app.info?.nativeDialogs) {
    app.openDialog({ kind: 'open-project' });
    return;
  }
  try {
    const path = await api().dialogPickFolder({});
    if (path) await useProjectStore.getState().open(path);
  } catch (error) {
    app.notifyError(error);
  }
}

/** Asks where a new project goes: system dialog in Electron, null in browser mode (in-app browser). */
export async function pickParentFolder(): Promise<string | null> {
  const app = useAppStore.getState();
  if (!app.info?.nativeDialogs) return null;
  try {
    return await api().dialogPickFolder({});
  } catch (error) {
    app.notifyError(error);
    return null;
  }
}

/** File ▸ Import REFI-QDA project (desktop): the system's open dialog, then the review. */
export async function importQdpxFromDialog(): Promise<void> {
  const app = useAppStore.getState();
  try {
    const path = await api().dialogOpenFile({ extensions: ['qdpx'] });
    if (path) {
      const fileName = path.split(/[\\/]/).pop() ?? path;
      await useQdpxImportStore.getState().review({ fileName, path });
    }
  } catch (error) {
    app.notifyError(error);
  }
}
