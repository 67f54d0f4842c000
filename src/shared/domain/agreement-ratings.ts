/**
 * Agreement of evaluators who rated the same rating matrix independently (an integration matrix,
 * the contribution to Europe 2020): ordinal α and weighted κ per dimension, and the cells where
 * they differ, to discuss before the team's rating is settled.
 */
import type { MatrixCell, RatingMatrix } from '../model/matrix';
import { cohenKappa, krippendorffAlpha } from './agreement';
import { indexPairs, type UndefinedReason } from './agreement-layers';
import { levelOf } from './matrix';

/** One evaluator's version of the matrix. */
export interface EvaluatorRatings {
  evaluatorId: string;
  matrix: RatingMatrix;
}

/** Two evaluators on one dimension. */
export interface RatingPairAgreement {
  evaluators: [string, string];
  /** Cells both rated with a level that has a value (n.a. and unrated cells left out). */
  cells: number;
  /** Cells rated with the same value, over `cells`, 0–100; null without cells. */
  percent: number | null;
  /** Weighted κ, agreement weights 1 − |i − j|/(k − 1) on the scale's values in order. */
  kappaLinear: number | null;
  /** Weighted κ, agreement weights 1 − ((i − j)/(k − 1))². */
  kappaQuadratic: number | null;
  /** 'no-data' (no cell both rated) or 'no-variation' (one value only); null when defined. */
  undefinedReason: UndefinedReason | null;
  /** table[i][j]: cells the first evaluator rated `values[i]` and the second `values[j]`. */
  table: number[][];
}

/** How each evaluator filled a dimension. */
export interface EvaluatorCoverage {
  evaluatorId: string;
  /** Cells rated with a level that has a value. */
  rated: number;
  /** Cells rated n.a.: missing data for α and κ. */
  notApplicable: number;
  /** Cells without a rating (or with a level not on the scale): missing data too. */
  unrated: number;
}

/** The agreement on one dimension (coordination, complementarity …). */
export interface DimensionAgreement {
  dimensionId: string;
  /** Cells of the matrix: rows × columns. */
  cells: number;
  /** Cells with a valued rating from at least two evaluators: the units of α. */
  pairable: number;
  /** Krippendorff's α, ordinal, on the levels' values; null when undefined (see the reason). */
  alphaOrdinal: number | null;
  alphaUndefinedReason: UndefinedReason | null;
  /** One per pair of evaluators, in the order given. */
  pairs: RatingPairAgreement[];
  coverage: EvaluatorCoverage[];
}

/** One evaluator's rating of a cell. */
export interface CellRating {
  evaluatorId: string;
  /** The level id; null when the evaluator did not rate the cell. */
  levelId: string | null;
  /** The level's value; null for n.a. or unrated. */
  value: number | null;
  notApplicable: boolean;
}

/** A cell the evaluators rated differently. */
export interface RatingDifference {
  dimensionId: string;
  rowId: string;
  columnId: string;
  /**
   * 'level': two or more different levels with a value; else 'not-applicable': someone said n.a.
   * and someone gave a valued level; else 'unrated': someone left the cell empty.
   */
  kind: 'level' | 'not-applicable' | 'unrated';
  /** Every evaluator's rating, in the order given. */
  ratings: CellRating[];
  /** Highest minus lowest value among the valued ratings; null with fewer than two. */
  spread: number | null;
}

/** What {@link ratingAgreement} returns. */
export interface RatingAgreementReport {
  meta: {
    method: 'ratings';
    /** The evaluators, in the order given; the first one's matrix is the reference structure. */
    evaluators: string[];
    matrixId: string;
    /** The distinct values of the scale's levels, ascending: the κ categories. */
    values: number[];
    /** n.a. and unrated cells are missing data, left out of α and κ (and listed as differences). */
    notApplicable: 'missing';
    /** Cells of other versions whose row or column is not in the reference matrix: ignored. */
    unmatchedCells: number;
  };
  dimensions: DimensionAgreement[];
  /** By dimension, then row, then column, in matrix order. */
  differences: RatingDifference[];
}

/**
 * Compares two or more evaluators' versions of one rating matrix. The first version gives the
 * structure (rows, columns, dimensions, scale); the others' cells are matched by row and column
 * id and their levels by id on that scale. Per dimension: Krippendorff's α at the ordinal level
 * over all evaluators, and for each pair percent agreement and Cohen's weighted κ (linear and
 * quadratic) on the scale's values. An "n.a." level, like an empty cell, is missing data: left
 * out of α and κ, and stated in `coverage`; a cell one evaluator rated n.a. and another rated is
 * still listed among the differences.
 *
 * @throws RangeError with fewer than two versions or a repeated evaluator id.
 */
export function ratingAgreement(versions: readonly EvaluatorRatings[]): RatingAgreementReport {
  const evaluators = versions.map((version) => version.evaluatorId);
  if (versions.length < 2 || new Set(evaluators).size !== evaluators.length) {
    throw new RangeError('compare at least two distinct evaluators');
  }
  const reference = versions[0]!.matrix;
  const values = [
    ...new Set(reference.scale.flatMap((level) => (level.value === null ? [] : [level.value]))),
  ].sort((a, b) => a - b);
  const category = new Map(values.map((value, i) => [value, i]));
  const rowIds = new Set(reference.rows.map((row) => row.id));
  const columnIds = new Set(reference.columns.map((column) => column.id));
  let unmatchedCells = 0;
  const cellMaps = versions.map(({ matrix }, v) => {
    const cells = new Map<string, MatrixCell>();
    for (const cell of matrix.cells) {
      if (!rowIds.has(cell.rowId) || !columnIds.has(cell.columnId)) {
        if (v > 0) unmatchedCells += 1;
        continue;
      }
      const key = `${cell.rowId}\u0000${cell.columnId}`;
      if (!cells.has(key)) cells.set(key, cell);
    }
    return cells;
  });
  const positions = reference.rows.flatMap((row) =>
    reference.columns.map((column) => ({ rowId: row.id, columnId: column.id })),
  );
  const pairs = indexPairs(evaluators.length);
  const differences: RatingDifference[] = [];

  const dimensions = reference.dimensions.map((dimension): DimensionAgreement => {
    const grid = positions.map(({ rowId, columnId }) =>
      versions.map(({ evaluatorId }, v): CellRating => {
        const cell = cellMaps[v]!.get(`${rowId}\u0000${columnId}`);
        const level = cell ? levelOf(reference, cell, dimension.id) : null;
        return {
          evaluatorId,
          levelId: level?.id ?? null,
          value: level?.value ?? null,
          notApplicable: level !== null && level.value === null,
        };
      }),
    );
    grid.forEach((ratings, p) => {
      const difference = differenceOf(ratings);
      if (difference)
        differences.push({ dimensionId: dimension.id, ...positions[p]!, ...difference });
    });
    const data = versions.map((_, v) => grid.map((ratings) => ratings[v]!.value));
    const alphaOrdinal = krippendorffAlpha(data, 'ordinal');
    const pairable = grid.filter((ratings) => ratings.filter((r) => r.value !== null).length >= 2);
    return {
      dimensionId: dimension.id,
      cells: positions.length,
      pairable: pairable.length,
      alphaOrdinal,
      alphaUndefinedReason:
        alphaOrdinal !== null ? null : pairable.length === 0 ? 'no-data' : 'no-variation',
      pairs: pairs.map(([a, b]) => pairAgreement(grid, a, b, evaluators, values.length, category)),
      coverage: versions.map(({ evaluatorId }, v) => ({
        evaluatorId,
        rated: grid.filter((ratings) => ratings[v]!.value !== null).length,
        notApplicable: grid.filter((ratings) => ratings[v]!.notApplicable).length,
        unrated: grid.filter((ratings) => ratings[v]!.levelId === null).length,
      })),
    };
  });
  return {
    meta: {
      method: 'ratings',
      evaluators,
      matrixId: reference.id,
      values,
      notApplicable: 'missing',
      unmatchedCells,
    },
    dimensions,
    differences,
  };
}

function pairAgreement(
  grid: readonly CellRating[][],
  a: number,
  b: number,
  evaluators: readonly string[],
  k: number,
  category: ReadonlyMap<number, number>,
): RatingPairAgreement {
  const table = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let cells = 0;
  for (const ratings of grid) {
    const first = ratings[a]!.value;
    const second = ratings[b]!.value;
    if (first === null || second === null) continue;
    table[category.get(first)!]![category.get(second)!]! += 1;
    cells += 1;
  }
  const pair: [string, string] = [evaluators[a]!, evaluators[b]!];
  if (cells === 0) {
    return {
      evaluators: pair,
      cells,
      percent: null,
      kappaLinear: null,
      kappaQuadratic: null,
      undefinedReason: 'no-data',
      table,
    };
  }
  const linear = cohenKappa(table, 'linear').kappa;
  const quadratic = cohenKappa(table, 'quadratic').kappa;
  return {
    evaluators: pair,
    cells,
    percent: cohenKappa(table).po * 100,
    kappaLinear: linear,
    kappaQuadratic: quadratic,
    undefinedReason: linear === null ? 'no-variation' : null,
    table,
  };
}

/** The kind and spread of a cell's difference, or null when every evaluator gave the same. */
function differenceOf(
  ratings: CellRating[],
): Omit<RatingDifference, 'dimensionId' | 'rowId' | 'columnId'> | null {
  if (new Set(ratings.map((rating) => rating.levelId)).size <= 1) return null;
  const valued = ratings.flatMap((rating) => (rating.value === null ? [] : [rating.value]));
  let kind: RatingDifference['kind'] = 'level'; // also two levels with the same value
  if (new Set(valued).size < 2) {
    if (valued.length > 0 && ratings.some((rating) => rating.notApplicable))
      kind = 'not-applicable';
    else if (ratings.some((rating) => rating.levelId === null)) kind = 'unrated';
  }
  const spread = valued.length >= 2 ? Math.max(...valued) - Math.min(...valued) : null;
  return { kind, ratings, spread };
}
