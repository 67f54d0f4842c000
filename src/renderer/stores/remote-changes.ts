import { create } from 'zustand';
import type { CampoEvents } from '../../shared/ipc/types';
import { api } from '../api/client';
import { useAppStore } from './app-store';
import { useCodingStore } from './coding-store';
import { setAsideMessage, useProjectStore } from './project-store';
import { refreshProject } from './core-calls';
import { useSourcesStore } from './sources-store';

/** A cache of the open project being rebuilt in the background (null: none). */
export const useCacheProgress = create<{ progress: CampoEvents['cacheProgress'] | null }>(() => ({
  progress: null,
}));

/** Changes saved by other windows are gathered this long, then shown at once. */
const SETTLE_MS = 120;

/**
 * Keeps this window in step with the others (STORE-V2 §3): when another window (or tab) saves,
 * project.json and the sources this window has loaded are read again, and the coding screen's
 * counts, lists and undo state follow. This window's own saves are already mirrored.
 */
export function connectRemoteChanges(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let project = false;
  const sources = new Set<string>();

  async function apply(): Promise<void> {
    timer = null;
    const sourceIds = [...sources];
    const projectChanged = project;
    sources.clear();
    project = false;
    if (projectChanged) await refreshProject();
    if (sourceIds.length > 0) await useSourcesStore.getState().reloadLoaded(sourceIds);
    const coding = useCodingStore.getState();
    useCodingStore.setState({ version: coding.version + 1 });
    await Promise.all([coding.loadCounts(), coding.loadHistory()]);
  }

  const offChanged = api().on('projectChanged', (change) => {
    if (change.clientId === useAppStore.getState().info?.clientId) return;
    project ||= change.project;
    for (const id of change.sourceIds) sources.add(id);
    timer ??= setTimeout(() => void apply(), SETTLE_MS);
  });
  const offProgress = api().on('cacheProgress', (progress) =>
    useCacheProgress.setState({ progress: progress.fraction >= 1 ? null : progress }),
  );
  const offSetAside = api().on('layerSetAside', (event) =>
    useAppStore
      .getState()
      .notify('error', setAsideMessage(event, useProjectStore.getState().snapshot?.project)),
  );
  return () => {
    offChanged();
    offProgress();
    offSetAside();
    if (timer) clearTimeout(timer);
  };
}
