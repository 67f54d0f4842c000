import { create } from 'zustand';
import type { HandlerArgs } from '../../shared/ipc/contract';
import type { SpreadsheetPreview } from '../../shared/ipc/types';
import type { Indicator } from '../../shared/model/project';
import { api } from '../api/client';
import type { FileUpload } from '../api/files';
import { useAppStore } from './app-store';
import { baseRevOf } from './base-revision';
import { attempt, deleteThenRefresh } from './core-calls';
import { useProjectStore } from './project-store';

type IndicatorPatch = HandlerArgs<'indicatorUpdate'>['patch'];

interface IndicatorsState {
  add(fields: { name: string; axis: string }): Promise<Indicator | null>;
  /** Saves a change; resolves to false when it was refused. */
  update(id: string, patch: IndicatorPatch): Promise<boolean>;
  remove(indicator: Indicator): Promise<boolean>;
  readFile(upload: FileUpload): Promise<SpreadsheetPreview | null>;
  /** Applies a previewed import; resolves to false when it was refused. */
  importMany(args: HandlerArgs<'indicatorsImport'>): Promise<boolean>;
  /** Takes back an import (offered by the notification the import leaves). */
  undoImport(importId: string): Promise<boolean>;
}

const setIndicators = (change: (indicators: Indicator[]) => Indicator[]) =>
  useProjectStore
    .getState()
    .patchProject((project) => ({ ...project, indicators: change(project.indicators) }));

/** The programme's indicators: saved by the core, mirrored in the project. */
export const useIndicatorsStore = create<IndicatorsState>(() => ({
  async add(fields) {
    const added = await attempt(() => api().indicatorAdd(fields));
    if (added) setIndicators((all) => [...all, added]);
    return added;
  },
  async update(id, patch) {
    const baseRev = baseRevOf('indicator', id);
    const saved = await attempt(() => api().indicatorUpdate({ id, patch, baseRev }));
    if (saved) setIndicators((all) => all.map((i) => (i.id === id ? saved : i)));
    return saved !== null;
  },
  remove: (indicator) =>
    deleteThenRefresh(() => api().indicatorDelete({ id: indicator.id }), {
      key: 'indicators.deleted',
      params: { name: indicator.name },
    }),
  readFile: (upload) => attempt(() => api().indicatorsReadFile(upload)),
  async importMany(args) {
    const result = await attempt(() => api().indicatorsImport(args));
    if (!result) return false;
    const updated = new Map(result.updated.map((indicator) => [indicator.id, indicator]));
    setIndicators((all) => [...all.map((i) => updated.get(i.id) ?? i), ...result.added]);
    const { importId } = result;
    // Only the last import can be undone: an earlier one's offer goes.
    const app = useAppStore.getState();
    for (const shown of app.notifications) {
      if ('key' in shown.message && shown.message.key === 'indicators.imported')
        app.dismiss(shown.id);
    }
    app.notify(
      'success',
      {
        key: 'indicators.imported',
        params: { added: result.added.length, updated: result.updated.length },
      },
      [
        {
          label: 'indicators.importUndo',
          run: () => void useIndicatorsStore.getState().undoImport(importId),
        },
      ],
    );
    return true;
  },
  async undoImport(importId) {
    const indicators = await attempt(() => api().indicatorsImportUndo({ importId }));
    if (!indicators) return false;
    setIndicators(() => indicators);
    useAppStore.getState().notify('success', { key: 'indicators.importUndone' });
    return true;
  },
}));
