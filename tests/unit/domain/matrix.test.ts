import { describe, expect, it } from 'vitest';
import { heatLevel, levelOf, summariseMatrix } from '../../../src/shared/domain/matrix';
import type { MatrixCell, RatingMatrix, ScaleLevel } from '../../../src/shared/model/matrix';

const level = (id: string, value: number | null): ScaleLevel => ({
  id,
  label: { it: id, en: id },
  value,
});

/** Basso 1, Medio 2, Alto 3, n.a. */
const SCALE: ScaleLevel[] = [
  level('basso', 1),
  level('medio', 2),
  level('alto', 3),
  level('na', null),
];

const cell = (rowId: string, columnId: string, ratings: Record<string, string>): MatrixCell => ({
  rowId,
  columnId,
  ratings,
  rationale: '',
  evidence: [],
});

const matrix = (
  rowIds: string[],
  columnIds: string[],
  cells: MatrixCell[],
  dimensionIds: string[] = ['coord'],
): RatingMatrix => ({
  id: 'm1',
  title: 'Integration',
  template: 'integration',
  rows: rowIds.map((id) => ({ id, label: id.toUpperCase(), note: '' })),
  columns: columnIds.map((id) => ({ id, label: id.toUpperCase(), note: '' })),
  dimensions: dimensionIds.map((id) => ({ id, label: { it: id, en: id } })),
  scale: SCALE,
  cells,
});

const counts = (basso: number, medio: number, alto: number, na: number) => ({
  basso,
  medio,
  alto,
  na,
});

/** An expected tally; `c` is the counts of basso, medio, alto, n.a. */
const tally = (
  mean: number | null,
  rated: number,
  notApplicable: number,
  unrated: number,
  c: [number, number, number, number],
) => ({ mean, rated, notApplicable, unrated, counts: counts(...c) });

/**
 * 4 × 5, dimension "coord" (B = basso 1, M = medio 2, A = alto 3, N = n.a., - = unrated):
 *
 *        c1 c2 c3 c4 c5
 *   r1   A  M  B  N  -    (r1c5 absent from cells)
 *   r2   M  M  A  A  B
 *   r3   N  N  -  B  M    (r3c3 has no ratings)
 *   r4   -  A  A  M  N    (r4c1 names an unknown level)
 */
const CODES: Record<string, string> = { B: 'basso', M: 'medio', A: 'alto', N: 'na' };
const GRID = ['AMBN-', 'MMAAB', 'NN-BM', '-AAMN'];
const ROWS = ['r1', 'r2', 'r3', 'r4'];
const COLUMNS = ['c1', 'c2', 'c3', 'c4', 'c5'];
const gridCells = (): MatrixCell[] => {
  const cells: MatrixCell[] = [];
  GRID.forEach((line, r) => {
    [...line].forEach((code, c) => {
      const rowId = ROWS[r] ?? '';
      const columnId = COLUMNS[c] ?? '';
      const levelId = CODES[code];
      if (levelId !== undefined) cells.push(cell(rowId, columnId, { coord: levelId }));
    });
  });
  cells.push(cell('r3', 'c3', {}));
  cells.push(cell('r4', 'c1', { coord: 'altissimo' }));
  return cells;
};

describe('summariseMatrix', () => {
  it('summarises a 4 × 5 matrix computed by hand', () => {
    const summary = summariseMatrix(matrix(ROWS, COLUMNS, gridCells()));
    expect(summary.dimensions).toHaveLength(1);
    const [coord] = summary.dimensions;
    expect(coord?.dimensionId).toBe('coord');

    expect(coord?.rows.map((row) => row.id)).toEqual(ROWS);
    expect(coord?.rows.map(({ mean: _mean, ...rest }) => rest)).toEqual([
      { id: 'r1', rated: 3, notApplicable: 1, unrated: 1, counts: counts(1, 1, 1, 1) },
      { id: 'r2', rated: 5, notApplicable: 0, unrated: 0, counts: counts(1, 2, 2, 0) },
      { id: 'r3', rated: 2, notApplicable: 2, unrated: 1, counts: counts(1, 1, 0, 2) },
      { id: 'r4', rated: 3, notApplicable: 1, unrated: 1, counts: counts(0, 1, 2, 1) },
    ]);
    const rowMeans = coord?.rows.map((row) => row.mean) ?? [];
    expect(rowMeans[0]).toBe(2); // (3 + 2 + 1) / 3
    expect(rowMeans[1]).toBe(2.2); // (2 + 2 + 3 + 3 + 1) / 5
    expect(rowMeans[2]).toBe(1.5); // (1 + 2) / 2
    expect(rowMeans[3]).toBeCloseTo(8 / 3, 12); // (3 + 3 + 2) / 3

    expect(coord?.columns.map(({ mean: _mean, ...rest }) => rest)).toEqual([
      { id: 'c1', rated: 2, notApplicable: 1, unrated: 1, counts: counts(0, 1, 1, 1) },
      { id: 'c2', rated: 3, notApplicable: 1, unrated: 0, counts: counts(0, 2, 1, 1) },
      { id: 'c3', rated: 3, notApplicable: 0, unrated: 1, counts: counts(1, 0, 2, 0) },
      { id: 'c4', rated: 3, notApplicable: 1, unrated: 0, counts: counts(1, 1, 1, 1) },
      { id: 'c5', rated: 2, notApplicable: 1, unrated: 1, counts: counts(1, 1, 0, 1) },
    ]);
    const columnMeans = coord?.columns.map((column) => column.mean) ?? [];
    expect(columnMeans[0]).toBe(2.5); // (3 + 2) / 2
    expect(columnMeans[1]).toBeCloseTo(7 / 3, 12); // (2 + 2 + 3) / 3
    expect(columnMeans[2]).toBeCloseTo(7 / 3, 12); // (1 + 3 + 3) / 3
    expect(columnMeans[3]).toBe(2); // (3 + 1 + 2) / 3
    expect(columnMeans[4]).toBe(1.5); // (1 + 2) / 2

    const { mean, ...overall } = coord?.overall ?? { mean: undefined };
    expect(overall).toEqual({
      rated: 13,
      notApplicable: 4,
      unrated: 3,
      counts: counts(3, 5, 5, 4),
    });
    expect(mean).toBeCloseTo(28 / 13, 12);

    // Colouring the means: 2, 2.2, 1.5 (tie upward) → medio, 8/3 → alto, 28/13 ≈ 2.15 → medio.
    expect(rowMeans.map((value) => heatLevel(value, SCALE)?.id)).toEqual([
      'medio',
      'medio',
      'medio',
      'alto',
    ]);
    // 2.5 → alto (tie upward), 7/3 → medio, 2 → medio, 1.5 → medio (tie upward).
    expect(columnMeans.map((value) => heatLevel(value, SCALE)?.id)).toEqual([
      'alto',
      'medio',
      'medio',
      'medio',
      'medio',
    ]);
    expect(heatLevel(mean ?? null, SCALE)?.id).toBe('medio');
  });

  it('counts n.a. apart and leaves it out of means', () => {
    const summary = summariseMatrix(
      matrix(
        ['r1'],
        ['c1', 'c2', 'c3'],
        [
          cell('r1', 'c1', { coord: 'alto' }),
          cell('r1', 'c2', { coord: 'na' }),
          cell('r1', 'c3', { coord: 'na' }),
        ],
      ),
    );
    expect(summary.dimensions[0]?.rows).toEqual([{ id: 'r1', ...tally(3, 1, 2, 0, [0, 0, 1, 2]) }]);
    expect(summary.dimensions[0]?.columns[1]).toEqual({
      id: 'c2',
      ...tally(null, 0, 1, 0, [0, 0, 0, 1]),
    });
    expect(summary.dimensions[0]?.overall).toEqual(tally(3, 1, 2, 0, [0, 0, 1, 2]));
  });

  it('gives an empty row a null mean and all its cells unrated', () => {
    const summary = summariseMatrix(
      matrix(['r1', 'empty'], ['c1', 'c2'], [cell('r1', 'c1', { coord: 'medio' })]),
    );
    const [coord] = summary.dimensions;
    expect(coord?.rows[1]).toEqual({ id: 'empty', ...tally(null, 0, 0, 2, [0, 0, 0, 0]) });
    expect(coord?.columns[1]).toEqual({ id: 'c2', ...tally(null, 0, 0, 2, [0, 0, 0, 0]) });
    expect(coord?.overall).toEqual(tally(2, 1, 0, 3, [0, 1, 0, 0]));
  });

  it('handles a matrix without rows or columns', () => {
    const summary = summariseMatrix(matrix([], [], []));
    expect(summary).toEqual({
      dimensions: [
        {
          dimensionId: 'coord',
          rows: [],
          columns: [],
          overall: tally(null, 0, 0, 0, [0, 0, 0, 0]),
        },
      ],
    });
    const noColumns = summariseMatrix(matrix(['r1'], [], []));
    expect(noColumns.dimensions[0]?.rows[0]?.unrated).toBe(0);
    expect(noColumns.dimensions[0]?.rows[0]?.mean).toBeNull();
  });

  it('summarises two dimensions independently, in matrix order', () => {
    const summary = summariseMatrix(
      matrix(
        ['r1', 'r2'],
        ['c1', 'c2'],
        [
          cell('r1', 'c1', { coord: 'alto', compl: 'basso' }),
          cell('r1', 'c2', { coord: 'medio', compl: 'na' }),
          cell('r2', 'c1', { coord: 'basso' }),
          cell('r2', 'c2', { compl: 'alto', other: 'alto' }),
        ],
        ['coord', 'compl'],
      ),
    );
    expect(summary.dimensions.map((dimension) => dimension.dimensionId)).toEqual([
      'coord',
      'compl',
    ]);
    const [coord, compl] = summary.dimensions;
    expect(coord?.rows.map((row) => [row.id, row.mean, row.rated, row.unrated])).toEqual([
      ['r1', 2.5, 2, 0],
      ['r2', 1, 1, 1],
    ]);
    expect(coord?.columns.map((column) => [column.id, column.mean])).toEqual([
      ['c1', 2],
      ['c2', 2],
    ]);
    expect(coord?.overall).toEqual(tally(2, 3, 0, 1, [1, 1, 1, 0]));
    expect(compl?.rows).toEqual([
      { id: 'r1', ...tally(1, 1, 1, 0, [1, 0, 0, 1]) },
      { id: 'r2', ...tally(3, 1, 0, 1, [0, 0, 1, 0]) },
    ]);
    expect(compl?.columns.map((column) => [column.id, column.mean, column.notApplicable])).toEqual([
      ['c1', 1, 0],
      ['c2', 3, 1],
    ]);
    expect(compl?.overall).toEqual(tally(2, 2, 1, 1, [1, 0, 1, 1]));
  });

  it('ignores unknown levels, unknown dimensions, stray cells and duplicates', () => {
    const summary = summariseMatrix(
      matrix(
        ['r1'],
        ['c1', 'c2', 'c3'],
        [
          cell('r1', 'c1', { coord: 'altissimo' }),
          cell('r1', 'c2', { coord: 'medio' }),
          cell('r1', 'c2', { coord: 'alto' }), // duplicate: the first cell counts
          cell('r1', 'c3', { elsewhere: 'alto' }),
          cell('r9', 'c1', { coord: 'alto' }), // row not in the matrix
          cell('r1', 'c9', { coord: 'alto' }), // column not in the matrix
        ],
        ['coord', 'constructor'],
      ),
    );
    expect(summary.dimensions[0]?.rows).toEqual([{ id: 'r1', ...tally(2, 1, 0, 2, [0, 1, 0, 0]) }]);
    // A dimension id that is also an Object.prototype key is not read off the prototype.
    expect(summary.dimensions[1]?.overall.unrated).toBe(3);
  });

  it('does not modify the matrix', () => {
    const input = matrix(ROWS, COLUMNS, gridCells());
    const copy = structuredClone(input);
    summariseMatrix(input);
    expect(input).toEqual(copy);
  });
});

describe('levelOf', () => {
  const m = matrix(['r1'], ['c1'], [], ['coord', 'compl']);

  it('returns the level a cell has in a dimension, n.a. included', () => {
    expect(levelOf(m, cell('r1', 'c1', { coord: 'medio' }), 'coord')).toEqual(level('medio', 2));
    expect(levelOf(m, cell('r1', 'c1', { coord: 'na' }), 'coord')).toEqual(level('na', null));
  });

  it('returns null without a usable rating', () => {
    expect(levelOf(m, cell('r1', 'c1', { coord: 'medio' }), 'compl')).toBeNull();
    expect(levelOf(m, cell('r1', 'c1', { coord: 'altissimo' }), 'coord')).toBeNull();
    expect(levelOf(m, cell('r1', 'c1', { other: 'alto' }), 'other')).toBeNull();
    expect(levelOf(m, cell('r1', 'c1', {}), 'coord')).toBeNull();
    expect(levelOf(matrix([], [], [], ['toString']), cell('r1', 'c1', {}), 'toString')).toBeNull();
  });
});

describe('heatLevel', () => {
  it('maps a value to the nearest numeric level', () => {
    expect(heatLevel(1, SCALE)?.id).toBe('basso');
    expect(heatLevel(1.49, SCALE)?.id).toBe('basso');
    expect(heatLevel(1.51, SCALE)?.id).toBe('medio');
    expect(heatLevel(2.4, SCALE)?.id).toBe('medio');
    expect(heatLevel(3, SCALE)?.id).toBe('alto');
  });

  it('rounds ties upward', () => {
    expect(heatLevel(1.5, SCALE)?.id).toBe('medio');
    expect(heatLevel(2.5, SCALE)?.id).toBe('alto');
    // Same tie with the scale in descending order.
    expect(heatLevel(1.5, [...SCALE].reverse())?.id).toBe('medio');
    // Ties within floating-point noise: 0.15 is not exactly between 0.1 and 0.2.
    expect(heatLevel(0.15, [level('low', 0.1), level('high', 0.2)])?.id).toBe('high');
  });

  it('clamps values beyond the scale', () => {
    expect(heatLevel(0, SCALE)?.id).toBe('basso');
    expect(heatLevel(-7, SCALE)?.id).toBe('basso');
    expect(heatLevel(12, SCALE)?.id).toBe('alto');
  });

  it('returns the first of levels sharing a value', () => {
    expect(heatLevel(2, [level('a', 2), level('b', 2), level('c', 1)])?.id).toBe('a');
  });

  it('returns null for no value or no numeric level', () => {
    expect(heatLevel(null, SCALE)).toBeNull();
    expect(heatLevel(Number.NaN, SCALE)).toBeNull();
    expect(heatLevel(Number.POSITIVE_INFINITY, SCALE)).toBeNull();
    expect(heatLevel(2, [level('na', null), level('nd', null)])).toBeNull();
    expect(heatLevel(2, [])).toBeNull();
  });
});
