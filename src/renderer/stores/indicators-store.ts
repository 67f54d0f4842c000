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
  importMany(indicators: HandlerArgs<'indicatorsImport'>['indicators']): Promise<number>;
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
  async importMany(indicators) {
    const added = await attempt(() => api().indicatorsImport({ indicators }));
    if (!added) return 0;
    setIndicators((all) => [...all, ...added]);
    useAppStore
      .getState()
      .notify('success', { key: 'indicators.imported', params: { n: added.length } });
    return added.length;
  },
}));
