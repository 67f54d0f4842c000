import { describe, expect, it } from 'vitest';
import {
  brennanPrediger,
  characterAgreement,
  cohenKappa,
  fleissKappa,
  krippendorffAlpha,
  krippendorffAlphaFromCounts,
  type ReliabilityValue,
} from '../../../src/shared/domain/agreement';
import { deepFreeze } from '../../helpers/deep-freeze';

const _ = null;

describe('cohenKappa', () => {
  it('reproduces the worked example of METHODS §2 (Wikipedia, 50 grant proposals)', () => {
    const result = cohenKappa(
      deepFreeze([
        [20, 5],
        [10, 15],
      ]),
    );
    expect(result.po).toBeCloseTo(0.7, 12);
    expect(result.pe).toBeCloseTo(0.5, 12);
    expect(result.kappa).toBeCloseTo(0.4, 12);
  });

  it('gives different κ for the same 60 % agreement when the marginals differ (Wikipedia)', () => {
    const skewed = cohenKappa([
      [45, 15],
      [25, 15],
    ]);
    const balanced = cohenKappa([
      [25, 35],
      [5, 35],
    ]);
    expect(skewed.po).toBeCloseTo(0.6, 12);
    expect(balanced.po).toBeCloseTo(0.6, 12);
    expect(skewed.kappa).toBeCloseTo(0.06 / 0.46, 12); // 0.1304
    expect(balanced.kappa).toBeCloseTo(0.14 / 0.54, 12); // 0.2593
  });

  it('matches scikit-learn on a three-category table, plain and weighted', () => {
    // sklearn's tests: y1 = 46×0, 44×1, 10×2 against y2 = 50×0, 40×1, 10×2, unit by unit.
    const table = deepFreeze([
      [46, 0, 0],
      [4, 40, 0],
      [0, 0, 10],
    ]);
    expect(cohenKappa(table).kappa).toBeCloseTo(0.9315, 4);
    expect(cohenKappa(table, 'linear').kappa).toBeCloseTo(0.9412, 4);
    expect(cohenKappa(table, 'quadratic').kappa).toBeCloseTo(0.9541, 4);
    // Artstein and Poesio, table 4, as in sklearn's tests.
    expect(
      cohenKappa([
        [46, 0, 0],
        [6, 32, 6],
        [0, 0, 10],
      ]).kappa,
    ).toBeCloseTo(0.8013, 4);
  });

  it('matches a weighted κ worked by hand as 1 − Σ v·observed / Σ v·expected', () => {
    // n = 10, rows 3 3 4, columns 3 3 4. Linear disagreement v = |i − j|/2: observed
    // 0.5 + 0.5 + 1 = 2, expected 0.45 + 1.2 + 0.45 + 0.6 + 1.2 + 0.6 = 4.5 → κ = 1 − 2/4.5 = 5/9.
    // Quadratic v = (|i − j|/2)²: observed 1.5, expected 3.45 → κ = 13/23. Plain: 0.36/0.66 = 6/11.
    const table = [
      [2, 1, 0],
      [0, 2, 1],
      [1, 0, 3],
    ];
    expect(cohenKappa(table, 'linear').kappa).toBeCloseTo(5 / 9, 12);
    expect(cohenKappa(table, 'quadratic').kappa).toBeCloseTo(13 / 23, 12);
    expect(cohenKappa(table, 'none').kappa).toBeCloseTo(6 / 11, 12);
    expect(cohenKappa(table, 'linear').po).toBeCloseTo(0.8, 12); // 1 − 2/10
  });

  it('weights nothing off the diagonal with two categories, so weighted equals plain κ', () => {
    const table = [
      [20, 5],
      [10, 15],
    ];
    expect(cohenKappa(table, 'linear').kappa).toBeCloseTo(0.4, 12);
    expect(cohenKappa(table, 'quadratic').kappa).toBeCloseTo(0.4, 12);
  });

  it('is 1 for perfect agreement and 0 when agreement is what chance predicts', () => {
    expect(
      cohenKappa([
        [7, 0],
        [0, 3],
      ]).kappa,
    ).toBe(1);
    expect(
      cohenKappa([
        [1, 1],
        [1, 1],
      ]).kappa,
    ).toBe(0);
  });

  it('is undefined, not 1, when both coders used one and the same category only', () => {
    for (const weights of ['none', 'linear', 'quadratic'] as const) {
      const result = cohenKappa(
        [
          [0, 0],
          [0, 12],
        ],
        weights,
      );
      expect(result.po).toBe(1);
      expect(result.pe).toBe(1);
      expect(result.kappa).toBeNull();
    }
    expect(cohenKappa([[5]]).kappa).toBeNull(); // a single category
    expect(cohenKappa([[5]], 'linear').kappa).toBeNull();
  });

  it('has nothing to compute on an empty table', () => {
    const result = cohenKappa([
      [0, 0],
      [0, 0],
    ]);
    expect(result.po).toBeNaN();
    expect(result.pe).toBeNaN();
    expect(result.kappa).toBeNull();
  });

  it('refuses a table that is not square or has negative or non-finite cells', () => {
    expect(() => cohenKappa([])).toThrow(RangeError);
    expect(() => cohenKappa([[1, 2], [3]])).toThrow(RangeError);
    expect(() =>
      cohenKappa([
        [1, -2],
        [3, 4],
      ]),
    ).toThrow(RangeError);
    expect(() =>
      cohenKappa([
        [1, NaN],
        [3, 4],
      ]),
    ).toThrow(RangeError);
    expect(() => cohenKappa([[1]], 'cubic' as 'linear')).toThrow(RangeError);
  });
});

/** Wikipedia's Fleiss example: 10 subjects, 14 raters, 5 categories. */
const FLEISS_WIKIPEDIA = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

describe('fleissKappa', () => {
  it('reproduces the worked example of METHODS §2 (Wikipedia: P̄ 0.378, P̄e 0.213, κ 0.210)', () => {
    const result = fleissKappa(deepFreeze(FLEISS_WIKIPEDIA));
    expect(result.pBar).toBeCloseTo(0.378, 3);
    expect(result.pe).toBeCloseTo(0.213, 3);
    expect(result.kappa).toBeCloseTo(0.21, 3);
  });

  it('equals Scott’s π with two raters', () => {
    // Six subjects, agreement on five: po = 5/6; pooled proportions 7/12 and 5/12.
    const counts = [
      [2, 0],
      [0, 2],
      [2, 0],
      [0, 2],
      [2, 0],
      [1, 1],
    ];
    const pe = (7 / 12) ** 2 + (5 / 12) ** 2;
    expect(fleissKappa(counts).kappa).toBeCloseTo((5 / 6 - pe) / (1 - pe), 12);
  });

  it('is 1 for perfect agreement and undefined when every rating is in one category', () => {
    expect(
      fleissKappa([
        [3, 0],
        [0, 3],
        [3, 0],
      ]).kappa,
    ).toBe(1);
    const single = fleissKappa([
      [0, 4],
      [0, 4],
    ]);
    expect(single.pBar).toBe(1);
    expect(single.kappa).toBeNull();
  });

  it('has nothing to compute without subjects, and refuses unequal raters or a single rater', () => {
    expect(fleissKappa([]).kappa).toBeNull();
    expect(fleissKappa([]).pBar).toBeNaN();
    expect(() =>
      fleissKappa([
        [2, 1],
        [1, 1],
      ]),
    ).toThrow(RangeError);
    expect(() =>
      fleissKappa([
        [1, 0],
        [0, 1],
      ]),
    ).toThrow(RangeError);
    expect(() => fleissKappa([[2, 1], [3]])).toThrow(RangeError);
    expect(() =>
      fleissKappa([
        [3, -1],
        [1, 1],
      ]),
    ).toThrow(RangeError);
  });
});

/** Wikipedia's Krippendorff example: 3 coders × 15 units with gaps. */
const ALPHA_WIKIPEDIA: ReliabilityValue[][] = [
  [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
];

/** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers × 12 units. */
const ALPHA_KRIPPENDORFF_2011: ReliabilityValue[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

describe('krippendorffAlpha', () => {
  it('reproduces the worked example of METHODS §2 (Wikipedia: nominal 0.691, interval 0.811)', () => {
    const data = deepFreeze(ALPHA_WIKIPEDIA);
    expect(krippendorffAlpha(data, 'nominal')).toBeCloseTo(0.691358, 6);
    expect(krippendorffAlpha(data, 'interval')).toBeCloseTo(0.810845, 6);
  });

  it('reproduces Krippendorff’s own example at all four levels', () => {
    const data = deepFreeze(ALPHA_KRIPPENDORFF_2011);
    expect(krippendorffAlpha(data, 'nominal')).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(data, 'ordinal')).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(data, 'interval')).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(data, 'ratio')).toBeCloseTo(0.797, 3);
  });

  it('matches α worked by hand for two coders', () => {
    // Values 1 1 2 2 3 4: Σ o·δ² = 2, Σ n_c n_k δ² = 82, n = 6 → 1 − 5·2/82 = 36/41.
    expect(
      krippendorffAlpha(
        [
          [1, 2, 3],
          [1, 2, 4],
        ],
        'interval',
      ),
    ).toBeCloseTo(36 / 41, 12);
    // Binary, one disagreement in six units: 1 − 11·2/70 = 24/35.
    expect(
      krippendorffAlpha(
        [
          [0, 1, 0, 1, 0, 1],
          [0, 1, 0, 1, 0, 0],
        ],
        'nominal',
      ),
    ).toBeCloseTo(24 / 35, 12);
  });

  it('takes labels at the nominal level (1 and "1" are different values)', () => {
    const labels = [
      ['pos', 'neg', 'neu', _],
      ['pos', 'neg', 'neu', 'pos'],
      ['pos', 'neg', 'pos', 'pos'],
    ];
    expect(krippendorffAlpha(labels, 'nominal')).toBeCloseTo(0.722222, 6);
    expect(
      krippendorffAlpha(
        [
          [1, 2],
          ['1', 2],
        ],
        'nominal',
      ),
    ).toBeLessThan(1);
  });

  it('ranks ordinal values only by order, and ties weigh by how often they occur', () => {
    const stretched = ALPHA_KRIPPENDORFF_2011.map((row) =>
      row.map((value) => (value === null ? null : (value as number) ** 3 + 10)),
    );
    expect(krippendorffAlpha(stretched, 'ordinal')).toBeCloseTo(
      krippendorffAlpha(ALPHA_KRIPPENDORFF_2011, 'ordinal')!,
      12,
    );
    expect(krippendorffAlpha(stretched, 'interval')).not.toBeCloseTo(0.849, 3);
  });

  it('drops units with fewer than two values', () => {
    const withLoners = ALPHA_WIKIPEDIA.map((row, coder) => [...row, coder === 0 ? 9 : null]);
    expect(krippendorffAlpha(withLoners, 'nominal')).toBeCloseTo(0.691358, 6);
  });

  it('is 1 for perfect agreement and undefined without variation or without pairable units', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 2, 3],
          [1, 2, 3],
          [1, _, 3],
        ],
        'interval',
      ),
    ).toBe(1);
    expect(
      krippendorffAlpha(
        [
          [2, 2, 2],
          [2, 2, _],
        ],
        'nominal',
      ),
    ).toBeNull();
    expect(
      krippendorffAlpha(
        [
          [1, _],
          [_, 2],
        ],
        'nominal',
      ),
    ).toBeNull();
    expect(krippendorffAlpha([], 'nominal')).toBeNull();
    expect(
      krippendorffAlpha(
        [
          [0, 0],
          [0, 0],
        ],
        'ratio',
      ),
    ).toBeNull();
  });

  it('refuses ragged data, labels beyond nominal, negative ratios and non-finite values', () => {
    expect(() => krippendorffAlpha([[1, 2], [1]], 'nominal')).toThrow(RangeError);
    expect(() =>
      krippendorffAlpha(
        [
          ['a', 'b'],
          ['a', 'b'],
        ],
        'ordinal',
      ),
    ).toThrow(RangeError);
    expect(() =>
      krippendorffAlpha(
        [
          [-1, 2],
          [1, 2],
        ],
        'ratio',
      ),
    ).toThrow(RangeError);
    expect(() =>
      krippendorffAlpha(
        [
          [NaN, 2],
          [1, 2],
        ],
        'interval',
      ),
    ).toThrow(RangeError);
  });
});

describe('krippendorffAlphaFromCounts', () => {
  it('gives the same α as the reliability matrix it counts', () => {
    // Wikipedia's example as counts of the values 1, 2, 3, 4 per unit.
    const counts = [
      [1, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 2, 0, 0],
      [2, 0, 0, 0],
      [0, 0, 2, 0],
      [0, 0, 2, 1],
      [0, 0, 0, 3],
      [1, 0, 1, 0],
      [0, 2, 0, 0],
      [2, 0, 0, 0],
      [2, 0, 0, 0],
      [0, 0, 2, 0],
      [0, 0, 2, 0],
      [0, 0, 0, 0],
      [0, 0, 1, 1],
    ];
    const values = [1, 2, 3, 4];
    expect(krippendorffAlphaFromCounts(deepFreeze(counts), values, 'nominal')).toBeCloseTo(
      0.691358,
      6,
    );
    expect(krippendorffAlphaFromCounts(counts, values, 'interval')).toBeCloseTo(0.810845, 6);
  });

  it('refuses counts that do not fit the values', () => {
    expect(() => krippendorffAlphaFromCounts([[1, 1, 0]], [0, 1], 'nominal')).toThrow(RangeError);
    expect(() => krippendorffAlphaFromCounts([[1, -1]], [0, 1], 'nominal')).toThrow(RangeError);
    expect(() => krippendorffAlphaFromCounts([[1, 1]], [1, 1], 'nominal')).toThrow(RangeError);
  });
});

describe('characterAgreement (NVivo)', () => {
  it('is Cohen’s κ on the 2 × 2 table of characters, with agreement as a percentage', () => {
    const counts = deepFreeze({ total: 100, both: 20, aOnly: 5, bOnly: 10 });
    const result = characterAgreement(counts);
    expect(result.percent).toBeCloseTo(85, 12); // (20 + 65) / 100
    expect(result.kappa).toBeCloseTo(
      cohenKappa([
        [20, 5],
        [10, 65],
      ]).kappa!,
      12,
    );
    expect(result.kappa).toBeCloseTo(0.625, 12); // (85 − 60) / (100 − 60)
  });

  it('leaves κ undefined when neither coder coded, or both coded everything', () => {
    expect(characterAgreement({ total: 500, both: 0, aOnly: 0, bOnly: 0 })).toEqual({
      percent: 100,
      kappa: null,
    });
    expect(characterAgreement({ total: 500, both: 500, aOnly: 0, bOnly: 0 }).kappa).toBeNull();
  });

  it('is 0 when one coder coded everything and the other part of it', () => {
    const result = characterAgreement({ total: 10, both: 4, aOnly: 6, bOnly: 0 });
    expect(result.percent).toBe(40);
    expect(result.kappa).toBe(0);
  });

  it('has nothing to compute in an empty document, and refuses impossible counts', () => {
    expect(characterAgreement({ total: 0, both: 0, aOnly: 0, bOnly: 0 }).percent).toBeNaN();
    expect(() => characterAgreement({ total: 10, both: 5, aOnly: 5, bOnly: 1 })).toThrow(
      RangeError,
    );
    expect(() => characterAgreement({ total: 10, both: -1, aOnly: 0, bOnly: 0 })).toThrow(
      RangeError,
    );
  });
});

describe('brennanPrediger', () => {
  it('corrects for chance as if the k categories were equally likely', () => {
    expect(brennanPrediger(0.9, 2)).toBeCloseTo(0.8, 12);
    expect(brennanPrediger(0.5, 2)).toBeCloseTo(0, 12);
    expect(brennanPrediger(0.2, 5)).toBeCloseTo(0, 12);
    expect(brennanPrediger(0.8, 10)).toBeCloseTo((0.8 - 0.1) / 0.9, 12);
    expect(brennanPrediger(1, 5)).toBe(1);
  });

  it('cannot correct with a single category, and refuses impossible input', () => {
    expect(brennanPrediger(1, 1)).toBeNaN();
    expect(() => brennanPrediger(1.2, 3)).toThrow(RangeError);
    expect(() => brennanPrediger(0.5, 0)).toThrow(RangeError);
    expect(() => brennanPrediger(0.5, 2.5)).toThrow(RangeError);
  });
});
