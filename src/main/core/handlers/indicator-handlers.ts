import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../../shared/ipc/contract';
import { CampoError } from '../../../shared/ipc/errors';
import { IndicatorSchema, type Indicator } from '../../../shared/model/project';
import { readSpreadsheetRows } from '../import/spreadsheet-file';
import { findById, type CoreState } from './context';

type IndicatorHandlers = Pick<
  Handlers,
  | 'indicatorAdd'
  | 'indicatorUpdate'
  | 'indicatorDelete'
  | 'indicatorsReadFile'
  | 'indicatorsImport'
  | 'indicatorsImportUndo'
>;

/** The last import of a project, as it can be taken back. */
interface LastImport {
  importId: string;
  dir: string;
  /** Each indicator the import added or changed, with the revision it left. */
  touched: Array<{ id: string; rev: number; label: string; before: Indicator | null }>;
}

/** Indicators: added, edited field by field, deleted. */
export function indicatorHandlers(state: CoreState): IndicatorHandlers {
  let lastImport: LastImport | null = null;
  return {
    async indicatorAdd(fields) {
      const session = state.requireSession();
      const id = randomUUID();
      await session.mutate((project) => {
        project.indicators.push(IndicatorSchema.parse({ ...fields, id }));
      });
      return findById(session.project.indicators, id, 'indicator');
    },
    async indicatorUpdate({ id, patch, baseRev }) {
      const session = state.requireSession();
      await session.mutate((project) => {
        const indicator = findById(project.indicators, id, 'indicator');
        session.rebase('indicator', indicator, baseRev, indicator.name, (draft) => {
          Object.assign(draft, patch);
        });
      });
      return findById(session.project.indicators, id, 'indicator');
    },
    indicatorsReadFile: ({ fileName, data }) =>
      readSpreadsheetRows(Buffer.from(data, 'base64'), fileName),

    async indicatorsImport({ indicators, updates }) {
      const session = state.requireSession();
      const ids = indicators.map(() => randomUUID());
      const before = new Map<string, Indicator>();
      await session.mutate((project) => {
        for (const { id, patch, baseRev } of updates) {
          const indicator = findById(project.indicators, id, 'indicator');
          before.set(id, structuredClone(indicator));
          session.rebase('indicator', indicator, baseRev, indicator.name, (draft) => {
            Object.assign(draft, patch);
          });
        }
        indicators.forEach((fields, index) =>
          project.indicators.push(IndicatorSchema.parse({ ...fields, id: ids[index]! })),
        );
      });
      const find = (id: string) => findById(session.project.indicators, id, 'indicator');
      const touched = [...before.keys(), ...ids].map((id) => {
        const indicator = find(id);
        const label = indicator.code || indicator.name;
        return { id, rev: indicator.rev ?? 0, label, before: before.get(id) ?? null };
      });
      const importId = randomUUID();
      lastImport = { importId, dir: session.dir, touched };
      return { importId, added: ids.map(find), updated: [...before.keys()].map(find) };
    },

    async indicatorsImportUndo({ importId }) {
      const session = state.requireSession();
      const undo = lastImport;
      if (!undo || undo.importId !== importId || undo.dir !== session.dir)
        throw new CampoError('IMPORT_UNDO_GONE', 'Not the last import', { importId });
      await session.mutate((project) => {
        // Changed or deleted since: the undo would overwrite, or bring back, someone's work.
        const changed = undo.touched.flatMap(({ id, rev, label }) => {
          const now = project.indicators.find((indicator) => indicator.id === id);
          return now && now.rev === rev ? [] : [label];
        });
        if (changed.length > 0)
          throw new CampoError('IMPORT_UNDO_REFUSED', 'Changed since the import', {
            names: changed.slice(0, 5).join(', '),
            count: changed.length,
          });
        const added = new Set(undo.touched.filter((t) => !t.before).map((t) => t.id));
        project.indicators = project.indicators.filter((indicator) => !added.has(indicator.id));
        for (const { id, before } of undo.touched) {
          if (!before) continue;
          const indicator = findById(project.indicators, id, 'indicator');
          const { rev: _rev, updatedAt: _at, updatedBy: _by, ...content } = before;
          Object.assign(indicator, content);
        }
      });
      lastImport = null;
      return session.project.indicators;
    },

    async indicatorDelete({ id }) {
      const session = state.requireSession();
      await session.mutate((project) => {
        findById(project.indicators, id, 'indicator');
        project.indicators = project.indicators.filter((i) => i.id !== id);
      });
      return null;
    },
  };
}
