import { create } from 'zustand';
import type { HandlerArgs } from '../../shared/ipc/contract';
import type { RatingMatrix } from '../../shared/model/matrix';
import { api } from '../api/client';
import { useAppStore } from './app-store';
import { attempt, refreshProject } from './core-calls';
import { upsertInProject, useProjectStore } from './project-store';
import { resetOnProjectChange } from './project-scope';
import { baseRevOf } from './base-revision';

/** A rating given from the grid, with what the cell held before: what Ctrl+Z gives back. */
export interface RatingChange {
  matrixId: string;
  rowId: string;
  columnId: string;
  dimensionId: string;
  before: string | null;
  after: string | null;
}

/** How many ratings Ctrl+Z can take back (this window, this project). */
const RATING_UNDO_DEPTH = 50;

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
  /** Ratings given here, newest last (see `undoRating`). */
  ratingHistory: RatingChange[];
  /**
   * Takes back the newest rating given here (a stray digit over «Alto»): the cell gets what it
   * held, unless it changed since (another window), which is refused and said.
   */
  undoRating(): Promise<'undone' | 'changed' | 'nothing'>;
  updateCell(args: HandlerArgs<'ratingCellUpdate'>): Promise<void>;
  updateMatrix(args: HandlerArgs<'ratingMatrixUpdate'>): Promise<void>;
  /** Gives a scale without n.a. one (offered when n is pressed on such a matrix). */
  addNa(matrixId: string): Promise<void>;
}

const mirror = (matrix: RatingMatrix) => upsertInProject('matrices', matrix);

/** The level a cell holds now for a dimension, as this window shows it. */
function ratingNow(matrixId: string, rowId: string, columnId: string, dimensionId: string) {
  const matrix = useProjectStore
    .getState()
    .snapshot?.project.matrices.find((candidate) => candidate.id === matrixId);
  const cell = matrix?.cells.find((c) => c.rowId === rowId && c.columnId === columnId);
  return cell?.ratings[dimensionId] ?? null;
}

/** Rating matrices: the one shown, the cell being rated, and the saved changes mirrored. */
export const useMatrixStore = create<MatrixState>((set, get) => {
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
      const matrix = await run(() =>
        api().ratingMatrixAdd({ template, language: useAppStore.getState().language }),
      );
      if (matrix) set({ selectedId: matrix.id, active: null, dimensionId: null });
    },
    async remove(id) {
      if ((await attempt(() => api().ratingMatrixDelete({ matrixId: id }))) !== null) {
        await refreshProject();
        set({ selectedId: null });
      }
    },
    ratingHistory: [],
    async rate(args) {
      const before = ratingNow(args.matrixId, args.rowId, args.columnId, args.dimensionId);
      const saved = await run(() =>
        api().ratingCellSet({ ...args, baseRev: baseRevOf('matrix', args.matrixId) }),
      );
      if (!saved || before === args.levelId) return;
      const change: RatingChange = {
        matrixId: args.matrixId,
        rowId: args.rowId,
        columnId: args.columnId,
        dimensionId: args.dimensionId,
        before,
        after: args.levelId,
      };
      set({ ratingHistory: [...get().ratingHistory, change].slice(-RATING_UNDO_DEPTH) });
    },
    async undoRating() {
      const change = get().ratingHistory.at(-1);
      if (!change) return 'nothing';
      set({ ratingHistory: get().ratingHistory.slice(0, -1) });
      const { matrixId, rowId, columnId, dimensionId } = change;
      if (ratingNow(matrixId, rowId, columnId, dimensionId) !== change.after) return 'changed';
      const saved = await run(() =>
        api().ratingCellSet({
          matrixId,
          rowId,
          columnId,
          dimensionId,
          levelId: change.before,
          baseRev: baseRevOf('matrix', matrixId),
        }),
      );
      return saved ? 'undone' : 'nothing';
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
    async addNa(matrixId) {
      await run(() => api().ratingScaleAddNa({ matrixId }));
    },
  };
});

resetOnProjectChange(useMatrixStore);
