import { describe, expect, it } from 'vitest';
import { summariseRatings, type NgtRating } from '../../../src/shared/domain/ngt';

describe('summariseRatings', () => {
  const summarise = (values: number[], threshold = 7, consensusShare = 70) =>
    summariseRatings({
      ideaIds: ['x'],
      ratings: values.map((value, i) => ({ participant: `p${i}`, values: { x: value } })),
      threshold,
      consensusShare,
    })[0]!;

  it('computes QUARTILE.INC quartiles, median and sample SD for [1, 2, 3, 4]', () => {
    const s = summarise([4, 1, 3, 2], 3, 50);
    expect(s).toMatchObject({ ideaId: 'x', n: 4, mean: 2.5, median: 2.5, q1: 1.75, q3: 3.25 });
    expect(s.iqr).toBe(1.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 12); // 1.2909944…
    expect(s.shareAtLeast).toBe(50);
    expect(s.consensus).toBe(true); // exactly at the consensus share
  });

  it('matches hand-computed statistics for [2, 9, 4, 7, 7, 10]', () => {
    const s = summarise([2, 9, 4, 7, 7, 10], 7, 70);
    expect(s).toMatchObject({ n: 6, mean: 6.5, median: 7, q1: 4.75, q3: 8.5, iqr: 3.75 });
    expect(s.sd).toBeCloseTo(Math.sqrt(45.5 / 5), 12); // 3.0166206…
    expect(s.shareAtLeast).toBeCloseTo((4 / 6) * 100, 12);
    expect(s.consensus).toBe(false); // 66.7 % < 70 %
  });

  it('decides consensus on both sides of the consensus share', () => {
    // [6, 7, 8, 9, 10]: 4 of 5 ratings are 7 or more = 80 %.
    const values = [6, 7, 8, 9, 10];
    expect(summarise(values, 7, 80)).toMatchObject({ shareAtLeast: 80, consensus: true });
    expect(summarise(values, 7, 81)).toMatchObject({ shareAtLeast: 80, consensus: false });
    expect(summarise(values, 8, 80)).toMatchObject({ shareAtLeast: 60, consensus: false });
    expect(summarise(values)).toMatchObject({ median: 8, q1: 7, q3: 9, iqr: 2 });
    expect(summarise(values).sd).toBeCloseTo(Math.sqrt(2.5), 12);
  });

  it('with one rating gives SD 0 and all quantiles equal to it', () => {
    expect(summarise([8])).toEqual({
      ideaId: 'x',
      n: 1,
      mean: 8,
      median: 8,
      sd: 0,
      q1: 8,
      q3: 8,
      iqr: 0,
      shareAtLeast: 100,
      consensus: true,
    });
  });

  it('skips missing and non-finite values; an unrated idea has n 0 and null statistics', () => {
    const ratings: NgtRating[] = [
      { participant: 'p1', values: { a: 3, b: 9 } },
      { participant: 'p2', values: { a: 5, b: NaN } },
      { participant: 'p3', values: { a: 10 } },
    ];
    const before = structuredClone(ratings);
    const [a, b, c] = summariseRatings({
      ideaIds: ['a', 'b', 'c'],
      ratings,
      threshold: 7,
      consensusShare: 70,
    });
    expect(ratings).toEqual(before);
    expect(a).toMatchObject({ n: 3, mean: 6, median: 5, q1: 4, q3: 7.5, iqr: 3.5 });
    expect(a!.shareAtLeast).toBeCloseTo(100 / 3, 12);
    expect(b).toMatchObject({ n: 1, mean: 9, sd: 0, shareAtLeast: 100, consensus: true });
    expect(c).toEqual({
      ideaId: 'c',
      n: 0,
      mean: null,
      median: null,
      sd: null,
      q1: null,
      q3: null,
      iqr: null,
      shareAtLeast: null,
      consensus: false,
    });
  });
});
