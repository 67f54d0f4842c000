import { create } from 'zustand';
import type { HandlerArgs } from '../../shared/ipc/contract';
import type { RatingMatrix } from '../../shared/model/matrix';
import { api } from '../api/client';
import { attempt, refreshProject } from './core-calls';
import { upsertInProject } from './project-store';
import { resetOnProjectChange } from './project-scope';
import { baseRevOf } from './base-revision';

interface MatrixState {
  selectedId: string | null;
  /** The cell with the keyboard focus, and the dimension that 1/2/3/n rate. */
  active: { rowId: string; columnId: string } | null;
  dimensionId: string | null;
  select(id: string | null): void;
  focus(cell: { rowId: string; columnId: string } | null): void;
  setDimension(id: string): void;
  add(template: 'integration' | 'europe2020'): Promise<void>;
  remove(id: string): Promise<void>;
  rate(args: HandlerArgs<'ratingCellSet'>): Promise<void>;
  updateCell(args: HandlerArgs<'ratingCellUpdate'>): Promise<void>;
  updateMatrix(args: HandlerArgs<'ratingMatrixUpdate'>): Promise<void>;
}

const mirror = (matrix: RatingMatrix) => upsertInProject('matrices', matrix);

/** Rating matrices: the one shown, the cell being rated, and the saved changes mirrored. */
export const useMatrixStore = create<MatrixState>((set) => {
  async function run(call: () => Promise<RatingMatrix>) {
    const matrix = await attempt(call);
    if (matrix) mirror(matrix);
    return matrix;
  }
  return {
    selectedId: null,
    active: null,
    dimensionId: null,
    select: (id) => set({ selectedId: id, active: null, dimensionId: null }),
    focus: (cell) => set({ active: cell }),
    setDimension: (id) => set({ dimensionId: id }),
    async add(template) {
      const matrix = await run(() => api().ratingMatrixAdd({ template }));
      if (matrix) set({ selectedId: matrix.id, active: null, dimensionId: null });
    },
    async remove(id) {
      if ((await attempt(() => api().ratingMatrixDelete({ matrixId: id }))) !== null) {
        await refreshProject();
        set({ selectedId: null });
      }
    },
    async rate(args) {
      await run(() =>
        api().ratingCellSet({ ...args, baseRev: baseRevOf('matrix', args.matrixId) }),
      );
    },
    async updateCell(args) {
      await run(() =>
        api().ratingCellUpdate({ ...args, baseRev: baseRevOf('matrix', args.matrixId) }),
      );
    },
    async updateMatrix(args) {
      await run(() =>
        api().ratingMatrixUpdate({ ...args, baseRev: baseRevOf('matrix', args.matrixId) }),
      );
    },
  };
});

resetOnProjectChange(useMatrixStore);
