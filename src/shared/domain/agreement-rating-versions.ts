/**
 * Two or more matrices as evaluators' versions of one matrix (issue 19, ratings): the first
 * gives the structure; the others' rows, columns, dimensions and levels are matched to it by
 * label (folded: case, accents and spaces aside), so matrices each evaluator made from the same
 * template compare even though their ids differ. Ids match first, so copies of one matrix (a blind
 * package) compare as they are.
 */
import type { MatrixCell, RatingMatrix } from '../model/matrix';
import { ratingAgreement, type RatingAgreementReport } from './agreement-ratings';

const fold = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('it').replace(/\s+/g, ' ').trim();

/** Other's ids → reference ids, by id first, then by folded label; unmatched ones are dropped. */
function idMap<T extends { id: string }>(
  reference: readonly T[],
  other: readonly T[],
  label: (item: T) => string,
): Map<string, string> {
  const byId = new Set(reference.map((item) => item.id));
  const byLabel = new Map(reference.map((item) => [fold(label(item)), item.id]));
  const map = new Map<string, string>();
  for (const item of other) {
    const id = byId.has(item.id) ? item.id : byLabel.get(fold(label(item)));
    if (id) map.set(item.id, id);
  }
  return map;
}

/** `other` rewritten onto `reference`'s ids; cells it cannot place are counted. */
export function alignMatrix(
  reference: RatingMatrix,
  other: RatingMatrix,
): { matrix: RatingMatrix; unplaced: number } {
  const rows = idMap(reference.rows, other.rows, (r) => r.label);
  const columns = idMap(reference.columns, other.columns, (c) => c.label);
  const dimensions = idMap(reference.dimensions, other.dimensions, (d) => d.label.it);
  const levels = idMap(reference.scale, other.scale, (l) =>
    l.value === null ? `na:${l.label.it}` : `v:${l.value}`,
  );
  let unplaced = 0;
  const cells: MatrixCell[] = [];
  for (const cell of other.cells) {
    const rowId = rows.get(cell.rowId);
    const columnId = columns.get(cell.columnId);
    if (!rowId || !columnId) {
      if (Object.keys(cell.ratings).length > 0) unplaced += 1;
      continue;
    }
    const ratings: Record<string, string> = {};
    for (const [dimension, level] of Object.entries(cell.ratings)) {
      const d = dimensions.get(dimension);
      const l = levels.get(level);
      if (d && l) ratings[d] = l;
      else unplaced += 1;
    }
    cells.push({ ...cell, rowId, columnId, ratings });
  }
  return { matrix: { ...reference, cells }, unplaced };
}

/**
 * Rating agreement of `matrices` (two or more, each one evaluator's version), labelled by their
 * own ids as evaluators. The first is the reference.
 *
 * @throws RangeError with fewer than two matrices.
 */
export function matrixVersionsAgreement(
  matrices: readonly RatingMatrix[],
): RatingAgreementReport & { unplaced: number } {
  if (matrices.length < 2) throw new RangeError('compare at least two matrices');
  const reference = matrices[0]!;
  let unplaced = 0;
  const versions = matrices.map((matrix, i) => {
    if (i === 0) return { evaluatorId: matrix.id, matrix };
    const aligned = alignMatrix(reference, matrix);
    unplaced += aligned.unplaced;
    return { evaluatorId: matrix.id, matrix: aligned.matrix };
  });
  return { ...ratingAgreement(versions), unplaced };
}
