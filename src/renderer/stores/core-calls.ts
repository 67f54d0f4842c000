import { CampoError } from '../../shared/ipc/errors';
import { api } from '../api/client';
import { useAppStore, type Message } from './app-store';
import { useProjectStore } from './project-store';
import { useSourcesStore } from './sources-store';

/** Runs a core call; an error becomes a notification and the result null. */
export async function attempt<T>(action: () => Promise<T>): Promise<T | null> {
  try {
    return await action();
  } catch (error) {
    useAppStore.getState().notifyError(error);
    if (isStale(error)) await refreshAfterStale();
    return null;
  }
}

/** A change refused because another window changed the same value meanwhile (STORE-V2 §3). */
export function isStale(error: unknown): boolean {
  return error instanceof CampoError && error.code === 'STALE_CHANGE';
}

/** What a refused stale change leaves: the window shows the saved version again. */
async function refreshAfterStale(): Promise<void> {
  await refreshProject();
  await useSourcesStore.getState().reloadLoaded();
}

/** Reloads project.json after changes that touch several collections at once. */
export async function refreshProject(): Promise<void> {
  const snapshot = await api().projectCurrent();
  if (snapshot) useProjectStore.getState().patchProject(() => snapshot.project);
}

/**
 * Runs a deletion. The core also removes what pointed at the deleted item, so on success the
 * whole project is reloaded, then the user is told. Resolves to whether it was deleted.
 */
export async function deleteThenRefresh(
  run: () => Promise<unknown>,
  notice: Message,
): Promise<boolean> {
  try {
    await run();
  } catch (error) {
    useAppStore.getState().notifyError(error);
    return false;
  }
  await refreshProject();
  useAppStore.getState().notify('info', notice);
  return true;
}
