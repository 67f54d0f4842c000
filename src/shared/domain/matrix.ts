import type { MatrixCell, RatingMatrix, ScaleLevel } from '../model/matrix';

/**
 * Tally of the ratings of a set of cells in one dimension (METHODS §3): levels with a numeric
 * `value` (Basso 1, Medio 2, Alto 3 …) enter the mean, "n.a." levels (`value` null) are counted
 * apart, cells without a usable rating are unrated. `rated + notApplicable + unrated` is always
 * the number of cells tallied.
 */
export interface RatingTally {
  /** Mean of the numeric values of the rated cells; null when no cell has a numeric level. */
  mean: number | null;
  /** Cells whose level has a numeric value. */
  rated: number;
  /** Cells rated with an "n.a." level (value null): left out of the mean. */
  notApplicable: number;
  /**
   * Cells without a rating in the dimension: absent from `cells`, with no entry for the
   * dimension, or naming a level that is not on the scale.
   */
  unrated: number;
  /** Cells per level id, every level of the scale present (0 when unused), in scale order. */
  counts: Record<string, number>;
}

/** The tally of one row or one column, with its id. */
export interface LineSummary extends RatingTally {
  /** The row's or column's id. */
  id: string;
}

/** The summary of one dimension of a matrix (coordination, complementarity …). */
export interface DimensionSummary {
  dimensionId: string;
  /** One per row of the matrix, in matrix order; each tallies the row's cells across columns. */
  rows: LineSummary[];
  /** One per column of the matrix, in matrix order; each tallies the column's cells. */
  columns: LineSummary[];
  /** All rows × columns cells. */
  overall: RatingTally;
}

/** What {@link summariseMatrix} returns: one summary per dimension, in matrix order. */
export interface MatrixSummary {
  dimensions: DimensionSummary[];
}

/** Level ids to levels; the first level wins when an id is repeated. */
function levelsById(scale: readonly ScaleLevel[]): Map<string, ScaleLevel> {
  const levels = new Map<string, ScaleLevel>();
  for (const level of scale) if (!levels.has(level.id)) levels.set(level.id, level);
  return levels;
}

/** The level id a cell names for a dimension, ignoring inherited keys ("constructor" …). */
function ratingOf(cell: Pick<MatrixCell, 'ratings'>, dimensionId: string): string | undefined {
  return Object.hasOwn(cell.ratings, dimensionId) ? cell.ratings[dimensionId] : undefined;
}

/**
 * The level a cell has in a dimension, or null when it has none: no rating for the dimension,
 * a dimension that is not the matrix's, or a level id that is not on the scale. An "n.a." level
 * is returned as such (its `value` is null).
 */
export function levelOf(
  matrix: Pick<RatingMatrix, 'dimensions' | 'scale'>,
  cell: Pick<MatrixCell, 'ratings'>,
  dimensionId: string,
): ScaleLevel | null {
  if (!matrix.dimensions.some((dimension) => dimension.id === dimensionId)) return null;
  const levelId = ratingOf(cell, dimensionId);
  if (levelId === undefined) return null;
  return matrix.scale.find((level) => level.id === levelId) ?? null;
}

/** Mutable running tally behind a {@link RatingTally}. */
interface Accumulator {
  sum: number;
  rated: number;
  notApplicable: number;
  unrated: number;
  counts: Record<string, number>;
}

function newAccumulator(levelIds: readonly string[]): Accumulator {
  const counts: Record<string, number> = {};
  for (const id of levelIds) counts[id] = 0;
  return { sum: 0, rated: 0, notApplicable: 0, unrated: 0, counts };
}

function add(accumulator: Accumulator, level: ScaleLevel | null): void {
  if (level === null) {
    accumulator.unrated += 1;
    return;
  }
  accumulator.counts[level.id] = (accumulator.counts[level.id] ?? 0) + 1;
  if (level.value === null) {
    accumulator.notApplicable += 1;
  } else {
    accumulator.rated += 1;
    accumulator.sum += level.value;
  }
}

function toTally(accumulator: Accumulator): RatingTally {
  return {
    mean: accumulator.rated === 0 ? null : accumulator.sum / accumulator.rated,
    rated: accumulator.rated,
    notApplicable: accumulator.notApplicable,
    unrated: accumulator.unrated,
    counts: accumulator.counts,
  };
}

/**
 * Summarises a rating matrix per dimension (METHODS §3): for every row, every column and the
 * whole matrix, the mean of the numeric level values (Basso 1, Medio 2, Alto 3 — the mapping is
 * the scale's `value`s, to be printed under the table), the number of rated, "n.a." and unrated
 * cells, and the count of each level. "n.a." cells are counted apart and left out of means.
 *
 * Every row × column pair is a cell: pairs missing from `cells` are unrated. Ratings naming a
 * level that is not on the scale are unrated; ratings for dimensions that are not the matrix's
 * are ignored. Cells whose row or column is not in the matrix are ignored; when several cells
 * share a row and a column, the first one counts. Row, column, dimension and level ids are
 * assumed unique (for a repeated level id, the first level counts). The matrix is not modified.
 */
export function summariseMatrix(matrix: RatingMatrix): MatrixSummary {
  const levels = levelsById(matrix.scale);
  const levelIds = [...levels.keys()];
  const columnIds = new Set(matrix.columns.map((column) => column.id));
  const cellAt = new Map<string, Map<string, MatrixCell>>();
  for (const row of matrix.rows) cellAt.set(row.id, new Map());
  for (const cell of matrix.cells) {
    const rowCells = cellAt.get(cell.rowId);
    if (rowCells === undefined || !columnIds.has(cell.columnId)) continue;
    if (!rowCells.has(cell.columnId)) rowCells.set(cell.columnId, cell);
  }

  const dimensions = matrix.dimensions.map((dimension): DimensionSummary => {
    const rows = matrix.rows.map((row) => ({ id: row.id, tally: newAccumulator(levelIds) }));
    const columns = matrix.columns.map((column) => ({
      id: column.id,
      tally: newAccumulator(levelIds),
    }));
    const overall = newAccumulator(levelIds);
    for (const row of rows) {
      const rowCells = cellAt.get(row.id);
      for (const column of columns) {
        const cell = rowCells?.get(column.id);
        const levelId = cell === undefined ? undefined : ratingOf(cell, dimension.id);
        const level = levelId === undefined ? null : (levels.get(levelId) ?? null);
        add(row.tally, level);
        add(column.tally, level);
        add(overall, level);
      }
    }
    return {
      dimensionId: dimension.id,
      rows: rows.map(({ id, tally }) => ({ id, ...toTally(tally) })),
      columns: columns.map(({ id, tally }) => ({ id, ...toTally(tally) })),
      overall: toTally(overall),
    };
  });
  return { dimensions };
}

/** Distances closer than this count as equal when looking for the nearest level. */
const TIE_TOLERANCE = 1e-9;

/**
 * The scale level nearest to a value, for colouring a mean (heat map): the numeric level whose
 * `value` is closest to `value`; on a tie (e.g. 1.5 between Basso 1 and Medio 2, within 1e-9)
 * the higher level wins. Values beyond the scale map to its lowest or highest level; levels
 * with the same value resolve to the first in scale order. "n.a." levels are never returned.
 * Null when `value` is null or not finite, or the scale has no numeric level.
 */
export function heatLevel(value: number | null, scale: readonly ScaleLevel[]): ScaleLevel | null {
  if (value === null || !Number.isFinite(value)) return null;
  let best: ScaleLevel | null = null;
  let bestValue = 0;
  let bestDistance = Infinity;
  for (const level of scale) {
    if (level.value === null) continue;
    const distance = Math.abs(level.value - value);
    const closer = distance < bestDistance - TIE_TOLERANCE;
    const tieUpward = Math.abs(distance - bestDistance) <= TIE_TOLERANCE && level.value > bestValue;
    if (best === null || closer || tieUpward) {
      best = level;
      bestValue = level.value;
      bestDistance = distance;
    }
  }
  return best;
}
