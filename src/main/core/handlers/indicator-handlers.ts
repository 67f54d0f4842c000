import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../../shared/ipc/contract';
import { IndicatorSchema } from '../../../shared/model/project';
import { readSpreadsheetRows } from '../import/spreadsheet-file';
import { findById, type CoreState } from './context';

type IndicatorHandlers = Pick<
  Handlers,
  'indicatorAdd' | 'indicatorUpdate' | 'indicatorDelete' | 'indicatorsReadFile' | 'indicatorsImport'
>;

/** Indicators: added, edited field by field, deleted. */
export function indicatorHandlers(state: CoreState): IndicatorHandlers {
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

    async indicatorsImport({ indicators }) {
      const session = state.requireSession();
      const ids = indicators.map(() => randomUUID());
      await session.mutate((project) => {
        indicators.forEach((fields, index) =>
          project.indicators.push(IndicatorSchema.parse({ ...fields, id: ids[index]! })),
        );
      });
      return ids.map((id) => findById(session.project.indicators, id, 'indicator'));
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
