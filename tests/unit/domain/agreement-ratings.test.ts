import { describe, expect, it } from 'vitest';
import { cohenKappa, krippendorffAlpha } from '../../../src/shared/domain/agreement';
import { ratingAgreement } from '../../../src/shared/domain/agreement-ratings';
import type { MatrixCell, RatingMatrix } from '../../../src/shared/model/matrix';
import { deepFreeze } from '../../helpers/deep-freeze';

const _ = null;

/** Basso 1, Medio 2, Alto 3, n.a. — the integration matrix's scale. */
const SCALE: RatingMatrix['scale'] = [
  { id: 'basso', label: { it: 'Basso', en: 'Low' }, value: 1 },
  { id: 'medio', label: { it: 'Medio', en: 'Medium' }, value: 2 },
  { id: 'alto', label: { it: 'Alto', en: 'High' }, value: 3 },
  { id: 'na', label: { it: 'n.a.', en: 'n.a.' }, value: null },
];
const ROWS = ['ot8', 'ot9'];
const COLUMNS = ['fesr', 'feasr', 'pon'];

/**
 * A matrix rated by one evaluator: `ratings[dimension]` lists level ids row by row (OT8 × FESR,
 * FEASR, PON, then OT9 × …); null leaves the cell unrated.
 */
function rated(
  ratings: Record<string, (string | null)[]>,
  extraCells: MatrixCell[] = [],
): RatingMatrix {
  const cells: MatrixCell[] = [];
  ROWS.forEach((rowId, r) =>
    COLUMNS.forEach((columnId, c) => {
      const cellRatings: Record<string, string> = {};
      for (const [dimension, levels] of Object.entries(ratings)) {
        const level = levels[r * COLUMNS.length + c];
        if (level) cellRatings[dimension] = level;
      }
      cells.push({ rowId, columnId, ratings: cellRatings, rationale: '', evidence: [] });
    }),
  );
  return {
    id: 'integration',
    title: 'Matrice di integrazione',
    template: 'integration',
    rows: ROWS.map((id) => ({ id, label: id.toUpperCase(), note: '' })),
    columns: COLUMNS.map((id) => ({ id, label: id.toUpperCase(), note: '' })),
    dimensions: [
      { id: 'coord', label: { it: 'Coordinamento', en: 'Coordination' } },
      { id: 'compl', label: { it: 'Complementarietà', en: 'Complementarity' } },
    ],
    scale: SCALE,
    cells: [...cells, ...extraCells],
  };
}

describe('ratingAgreement', () => {
  it('gives ordinal α and weighted κ per dimension, as the general functions do', () => {
    const anna = rated({ coord: ['basso', 'medio', 'alto', 'basso', 'medio', 'alto'] });
    const bruno = rated({ coord: ['basso', 'medio', 'medio', 'basso', 'alto', 'alto'] });
    const report = ratingAgreement(
      deepFreeze([
        { evaluatorId: 'anna', matrix: anna },
        { evaluatorId: 'bruno', matrix: bruno },
      ]),
    );
    const coord = report.dimensions[0]!;
    const table = [
      [2, 0, 0],
      [0, 1, 1],
      [0, 1, 1],
    ];
    expect(coord.pairs[0]).toMatchObject({ evaluators: ['anna', 'bruno'], cells: 6, table });
    expect(coord.pairs[0]!.percent).toBeCloseTo((4 / 6) * 100, 12);
    expect(coord.pairs[0]!.kappaLinear).toBeCloseTo(cohenKappa(table, 'linear').kappa!, 12);
    expect(coord.pairs[0]!.kappaQuadratic).toBeCloseTo(cohenKappa(table, 'quadratic').kappa!, 12);
    expect(coord.alphaOrdinal).toBeCloseTo(
      krippendorffAlpha(
        [
          [1, 2, 3, 1, 2, 3],
          [1, 2, 2, 1, 3, 3],
        ],
        'ordinal',
      )!,
      12,
    );
    expect(coord).toMatchObject({ cells: 6, pairable: 6, alphaUndefinedReason: null });
    expect(report.meta).toEqual({
      method: 'ratings',
      evaluators: ['anna', 'bruno'],
      matrixId: 'integration',
      values: [1, 2, 3],
      notApplicable: 'missing',
      unmatchedCells: 0,
    });
    // The complementarity dimension was not rated by anyone: nothing to compute.
    expect(report.dimensions[1]).toMatchObject({
      alphaOrdinal: null,
      alphaUndefinedReason: 'no-data',
      pairable: 0,
    });
    expect(report.dimensions[1]!.pairs[0]).toMatchObject({
      percent: null,
      undefinedReason: 'no-data',
    });
  });

  it('lists the cells where the evaluators differ, in matrix order, with each one’s level', () => {
    const report = ratingAgreement([
      {
        evaluatorId: 'anna',
        matrix: rated({ coord: ['basso', 'na', 'alto', 'basso', 'medio', 'alto'] }),
      },
      {
        evaluatorId: 'bruno',
        matrix: rated({ coord: ['alto', 'medio', 'alto', _, 'medio', 'alto'] }),
      },
    ]);
    expect(report.differences.map((d) => [d.rowId, d.columnId, d.kind, d.spread])).toEqual([
      ['ot8', 'fesr', 'level', 2],
      ['ot8', 'feasr', 'not-applicable', null],
      ['ot9', 'fesr', 'unrated', null],
    ]);
    expect(report.differences[1]!.ratings).toEqual([
      { evaluatorId: 'anna', levelId: 'na', value: null, notApplicable: true },
      { evaluatorId: 'bruno', levelId: 'medio', value: 2, notApplicable: false },
    ]);
  });

  it('treats n.a. and unrated cells as missing data, and says how many', () => {
    const report = ratingAgreement([
      {
        evaluatorId: 'anna',
        matrix: rated({ coord: ['basso', 'na', 'alto', 'basso', 'medio', 'alto'] }),
      },
      {
        evaluatorId: 'bruno',
        matrix: rated({ coord: ['basso', 'medio', 'alto', _, 'medio', 'medio'] }),
      },
    ]);
    const coord = report.dimensions[0]!;
    expect(coord.pairs[0]!.cells).toBe(4);
    expect(coord.pairable).toBe(4);
    expect(coord.alphaOrdinal).toBeCloseTo(
      krippendorffAlpha(
        [
          [1, _, 3, 1, 2, 3],
          [1, 2, 3, _, 2, 2],
        ],
        'ordinal',
      )!,
      12,
    );
    expect(coord.coverage).toEqual([
      { evaluatorId: 'anna', rated: 5, notApplicable: 1, unrated: 0 },
      { evaluatorId: 'bruno', rated: 5, notApplicable: 0, unrated: 1 },
    ]);
  });

  it('compares three evaluators: α over all of them, κ for every pair', () => {
    const report = ratingAgreement([
      {
        evaluatorId: 'a',
        matrix: rated({ coord: ['basso', 'medio', 'alto', 'basso', 'medio', 'alto'] }),
      },
      {
        evaluatorId: 'b',
        matrix: rated({ coord: ['basso', 'medio', 'alto', 'medio', 'medio', 'alto'] }),
      },
      { evaluatorId: 'c', matrix: rated({ coord: ['basso', 'alto', 'alto', _, 'medio', 'alto'] }) },
    ]);
    const coord = report.dimensions[0]!;
    expect(coord.pairs.map((pair) => [pair.evaluators, pair.cells])).toEqual([
      [['a', 'b'], 6],
      [['a', 'c'], 5],
      [['b', 'c'], 5],
    ]);
    expect(coord.alphaOrdinal).toBeCloseTo(
      krippendorffAlpha(
        [
          [1, 2, 3, 1, 2, 3],
          [1, 2, 3, 2, 2, 3],
          [1, 3, 3, _, 2, 3],
        ],
        'ordinal',
      )!,
      12,
    );
  });

  it('is undefined, not 1, when everyone gave the same level everywhere', () => {
    const same = rated({ coord: ['medio', 'medio', 'medio', 'medio', 'medio', 'medio'] });
    const report = ratingAgreement([
      { evaluatorId: 'a', matrix: same },
      { evaluatorId: 'b', matrix: same },
    ]);
    expect(report.dimensions[0]).toMatchObject({
      alphaOrdinal: null,
      alphaUndefinedReason: 'no-variation',
    });
    expect(report.dimensions[0]!.pairs[0]).toMatchObject({
      percent: 100,
      kappaLinear: null,
      kappaQuadratic: null,
      undefinedReason: 'no-variation',
    });
    expect(report.differences).toEqual([]);
  });

  it('weighs κ on the scale’s values in order, whatever order the scale lists them in', () => {
    const base = rated({ coord: ['basso', 'medio', 'alto', 'basso', 'medio', 'alto'] });
    const other = rated({ coord: ['medio', 'medio', 'alto', 'basso', 'alto', 'alto'] });
    const shuffled = (matrix: RatingMatrix): RatingMatrix => ({
      ...matrix,
      scale: [SCALE[3]!, SCALE[2]!, SCALE[0]!, SCALE[1]!],
    });
    const inOrder = ratingAgreement([
      { evaluatorId: 'a', matrix: base },
      { evaluatorId: 'b', matrix: other },
    ]);
    const outOfOrder = ratingAgreement([
      { evaluatorId: 'a', matrix: shuffled(base) },
      { evaluatorId: 'b', matrix: shuffled(other) },
    ]);
    expect(outOfOrder.dimensions[0]!.pairs[0]!.kappaLinear).toBeCloseTo(
      inOrder.dimensions[0]!.pairs[0]!.kappaLinear!,
      12,
    );
    expect(outOfOrder.meta.values).toEqual([1, 2, 3]);
  });

  it('follows the first version’s structure and counts the cells that do not fit it', () => {
    const stray: MatrixCell = {
      rowId: 'ot12',
      columnId: 'fesr',
      ratings: { coord: 'alto' },
      rationale: '',
      evidence: [],
    };
    const report = ratingAgreement([
      { evaluatorId: 'a', matrix: rated({ coord: ['basso', _, _, _, _, _] }) },
      { evaluatorId: 'b', matrix: rated({ coord: ['molto-alto', _, _, _, _, _] }, [stray]) },
    ]);
    expect(report.meta.unmatchedCells).toBe(1);
    // A level that is not on the scale is no rating at all.
    expect(report.differences[0]).toMatchObject({
      rowId: 'ot8',
      columnId: 'fesr',
      kind: 'unrated',
    });
  });

  it('refuses fewer than two evaluators or the same evaluator twice', () => {
    const matrix = rated({ coord: [] });
    expect(() => ratingAgreement([{ evaluatorId: 'a', matrix }])).toThrow(RangeError);
    expect(() =>
      ratingAgreement([
        { evaluatorId: 'a', matrix },
        { evaluatorId: 'a', matrix },
      ]),
    ).toThrow(RangeError);
  });
});
