import { randomUUID } from 'node:crypto';
import { europe2020Template, integrationTemplate } from '../../../shared/domain/matrix-templates';
import type { Handlers } from '../../../shared/ipc/contract';
import type { MatrixCell, RatingMatrix } from '../../../shared/model/matrix';
import type { ProjectFile } from '../../../shared/model/project';
import { findById, type CoreState } from './context';

type MatrixHandlers = Pick<
  Handlers,
  | 'ratingMatrixAdd'
  | 'ratingMatrixUpdate'
  | 'ratingMatrixDelete'
  | 'ratingScaleAddNa'
  | 'ratingCellSet'
  | 'ratingCellUpdate'
>;

/** The cell at row × column, created empty when it has no data yet. */
function cellOf(matrix: RatingMatrix, rowId: string, columnId: string): MatrixCell {
  findById(matrix.rows, rowId, 'row');
  findById(matrix.columns, columnId, 'column');
  let cell = matrix.cells.find((c) => c.rowId === rowId && c.columnId === columnId);
  if (!cell) {
    cell = { rowId, columnId, ratings: {}, rationale: '', evidence: [] };
    matrix.cells.push(cell);
  }
  return cell;
}

/** Rating matrices: created from a template, rated cell by cell, with rationale and evidence. */
export function matrixHandlers(state: CoreState): MatrixHandlers {
  /**
   * Applies `edit` to one matrix and returns it as saved; with `baseRev`, an edit made on an
   * older revision is merged with what others saved since (another cell, another dimension),
   * or refused when both changed the same value (STORE-V2 §3).
   */
  async function change(
    matrixId: string,
    edit: (matrix: RatingMatrix, project: ProjectFile) => void,
    baseRev?: number,
  ) {
    const session = state.requireSession();
    await session.mutate((project) => {
      const matrix = findById(project.matrices, matrixId, 'matrix');
      if (baseRev === undefined) edit(matrix, project);
      else session.rebase('matrix', matrix, baseRev, matrix.title, (draft) => edit(draft, project));
    });
    return findById(session.project.matrices, matrixId, 'matrix');
  }
  return {
    async ratingMatrixAdd({ template, title, language }) {
      const session = state.requireSession();
      const base =
        template === 'integration'
          ? integrationTemplate(randomUUID, language)
          : europe2020Template(randomUUID, language);
      const id = randomUUID();
      await session.mutate((project) => {
        // Two matrices of one template must be told apart in the tabs: "… (2)".
        const taken = new Set(project.matrices.map((m) => m.title));
        let unique = title ?? base.title;
        for (let n = 2; taken.has(unique); n++) unique = `${title ?? base.title} (${n})`;
        project.matrices.push({ ...base, title: unique, id, cells: [] });
      });
      return findById(session.project.matrices, id, 'matrix');
    },

    ratingMatrixUpdate: ({ matrixId, patch, baseRev }) =>
      change(
        matrixId,
        (matrix) => {
          Object.assign(matrix, patch);
          const rows = new Set(matrix.rows.map((row) => row.id));
          const columns = new Set(matrix.columns.map((column) => column.id));
          matrix.cells = matrix.cells.filter((c) => rows.has(c.rowId) && columns.has(c.columnId));
        },
        baseRev,
      ),

    async ratingMatrixDelete({ matrixId }) {
      const session = state.requireSession();
      await session.mutate((project) => {
        findById(project.matrices, matrixId, 'matrix');
        project.matrices = project.matrices.filter((m) => m.id !== matrixId);
      });
      return null;
    },

    ratingScaleAddNa: ({ matrixId }) =>
      change(matrixId, (matrix) => {
        if (matrix.scale.some((level) => level.value === null)) return;
        matrix.scale.push({ id: randomUUID(), label: { it: 'n.a.', en: 'n.a.' }, value: null });
      }),

    ratingCellSet: ({ matrixId, rowId, columnId, dimensionId, levelId, baseRev }) =>
      change(
        matrixId,
        (matrix) => {
          findById(matrix.dimensions, dimensionId, 'dimension');
          if (levelId) findById(matrix.scale, levelId, 'level');
          const cell = cellOf(matrix, rowId, columnId);
          if (levelId) cell.ratings[dimensionId] = levelId;
          else delete cell.ratings[dimensionId];
        },
        baseRev,
      ),

    ratingCellUpdate: ({ matrixId, rowId, columnId, patch, baseRev }) =>
      change(
        matrixId,
        (matrix, project) => {
          for (const evidence of patch.evidence ?? []) {
            if (evidence.kind === 'segment' || evidence.kind === 'source') {
              findById(project.sources, evidence.sourceId, 'source');
            }
            if (evidence.kind === 'session')
              findById(project.sessions, evidence.sessionId, 'session');
          }
          Object.assign(cellOf(matrix, rowId, columnId), patch);
        },
        baseRev,
      ),
  };
}
