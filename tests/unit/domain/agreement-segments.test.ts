import { describe, expect, it } from 'vitest';
import type { CoderCoding } from '../../../src/shared/domain/agreement-layers';
import {
  DEFAULT_SEGMENT_THRESHOLD,
  segmentLevelAgreement,
  segmentOverlap,
  segmentsOf,
} from '../../../src/shared/domain/agreement-segments';
import { randomLayers } from '../../helpers/agreement-fixtures';
import { deepFreeze } from '../../helpers/deep-freeze';

const coding = (coderId: string, codeId: string, start: number, end: number, sourceId = 's1') =>
  ({ coderId, codeId, sourceId, start, end }) satisfies CoderCoding;

const sources = [{ id: 's1', length: 1_000 }];

/** The single cell of a one-code, one-document comparison of coders a and b. */
const cellOf = (codings: CoderCoding[], threshold?: number) =>
  segmentLevelAgreement(deepFreeze({ sources, codings }), {
    coders: ['a', 'b'],
    ...(threshold === undefined ? {} : { threshold }),
  }).pairs[0]!.cells[0]!;

describe('segmentOverlap', () => {
  it('is the characters in common over the characters in either segment', () => {
    expect(segmentOverlap({ start: 0, end: 100 }, { start: 5, end: 100 })).toBe(0.95);
    expect(segmentOverlap({ start: 0, end: 60 }, { start: 30, end: 90 })).toBeCloseTo(30 / 90, 12);
    expect(segmentOverlap({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(0);
    // A short segment inside a long one: 10 of 100, whichever coder made which.
    expect(segmentOverlap({ start: 40, end: 50 }, { start: 0, end: 100 })).toBe(0.1);
  });
});

describe('segmentsOf', () => {
  it('joins a coder’s overlapping codings into one segment and keeps touching ones apart', () => {
    const segments = segmentsOf([
      { start: 0, end: 10 },
      { start: 5, end: 15 },
      { start: 15, end: 20 },
      { start: 30, end: 40 },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 15 },
      { start: 15, end: 20 },
      { start: 30, end: 40 },
    ]);
  });
});

describe('segmentLevelAgreement (MAXQDA)', () => {
  it('agrees when the overlap reaches the threshold (90 % by default) and not below it', () => {
    expect(DEFAULT_SEGMENT_THRESHOLD).toBe(0.9);
    const close = cellOf([coding('a', 'X', 0, 100), coding('b', 'X', 5, 100)]);
    expect(close).toMatchObject({ segments: [1, 1], agreeing: [1, 1], percent: 100 });
    const apart = cellOf([coding('a', 'X', 0, 100), coding('b', 'X', 0, 89)]);
    expect(apart).toMatchObject({ segments: [1, 1], agreeing: [0, 0], percent: 0 });
    expect(cellOf([coding('a', 'X', 0, 100), coding('b', 'X', 0, 89)], 0.85).agreeing).toEqual([
      1, 1,
    ]);
  });

  it('counts an overlap exactly at the threshold as agreement, despite floating point', () => {
    expect(cellOf([coding('a', 'X', 0, 10), coding('b', 'X', 0, 9)]).agreeing).toEqual([1, 1]);
    expect(cellOf([coding('a', 'X', 0, 10), coding('b', 'X', 0, 7)], 0.7).agreeing).toEqual([1, 1]);
  });

  it('counts the segments of both coders: a segment the other coder lacks lowers the percentage', () => {
    const cell = cellOf([
      coding('a', 'X', 0, 50),
      coding('a', 'X', 100, 150),
      coding('b', 'X', 0, 50),
    ]);
    expect(cell).toMatchObject({ segments: [2, 1], agreeing: [1, 1] });
    expect(cell.percent).toBeCloseTo((2 / 3) * 100, 12);
  });

  it('judges each segment against the best of the other coder’s segments', () => {
    // b split the passage in two: neither half covers 90 % of a's segment, and a's covers
    // less than 90 % of the union with each half.
    const cell = cellOf([
      coding('a', 'X', 0, 100),
      coding('b', 'X', 0, 50),
      coding('b', 'X', 50, 100),
    ]);
    expect(cell).toMatchObject({ segments: [1, 2], agreeing: [0, 0], percent: 0 });
  });

  it('joins a coder’s overlapping codings before comparing', () => {
    const cell = cellOf([
      coding('a', 'X', 0, 60),
      coding('a', 'X', 40, 100),
      coding('b', 'X', 0, 100),
    ]);
    expect(cell).toMatchObject({ segments: [1, 1], agreeing: [1, 1], percent: 100 });
  });

  it('gives Brennan–Prediger’s κn overall, with k the codes that have segments', () => {
    const report = segmentLevelAgreement(
      {
        sources,
        codings: [
          coding('a', 'X', 0, 100),
          coding('b', 'X', 0, 100),
          coding('a', 'Y', 200, 300),
          coding('b', 'Y', 200, 300),
          coding('a', 'Y', 400, 500),
          coding('b', 'Y', 600, 700),
        ],
      },
      { coders: ['a', 'b'], codeIds: ['X', 'Y', 'Z'] },
    );
    const { overall, byCode } = report.pairs[0]!;
    expect(byCode.map((code) => code.percent)).toEqual([100, 50, null]);
    expect(byCode[2]!.undefinedReason).toBe('neither-coded');
    expect(overall).toMatchObject({ segments: [3, 3], agreeing: [2, 2], categories: 2 });
    expect(overall.percent).toBeCloseTo((4 / 6) * 100, 12);
    expect(overall.kappaN).toBeCloseTo((4 / 6 - 1 / 2) / (1 - 1 / 2), 12);
    expect(report.meta).toMatchObject({ method: 'segment', unit: 'segment', threshold: 0.9 });
  });

  it('leaves κn undefined with a single code, and everything undefined where nothing was coded', () => {
    const single = segmentLevelAgreement(
      { sources, codings: [coding('a', 'X', 0, 10), coding('b', 'X', 0, 10)] },
      { coders: ['a', 'b'] },
    ).pairs[0]!.overall;
    expect(single).toMatchObject({
      percent: 100,
      kappaN: null,
      kappaUndefinedReason: 'single-category',
    });
    const none = segmentLevelAgreement(
      { sources, codings: [] },
      { coders: ['a', 'b'], codeIds: ['X'] },
    ).pairs[0]!;
    expect(none.cells[0]).toMatchObject({ percent: null, undefinedReason: 'neither-coded' });
    expect(none.overall).toMatchObject({ kappaN: null, kappaUndefinedReason: 'neither-coded' });
    const uncoded = segmentLevelAgreement(
      { sources: [{ id: 's1', length: 10, codedBy: ['a'] }], codings: [] },
      { coders: ['a', 'b'], codeIds: ['X'] },
    ).pairs[0]!;
    expect(uncoded.cells).toEqual([]);
    expect(uncoded.overall).toMatchObject({ percent: null, undefinedReason: 'no-data' });
  });

  it('refuses a threshold outside (0, 1]', () => {
    for (const threshold of [0, -0.5, 1.5, NaN]) {
      expect(() =>
        segmentLevelAgreement({ sources, codings: [] }, { coders: ['a', 'b'], threshold }),
      ).toThrow(RangeError);
    }
  });

  it('agrees with a pairwise, character-by-character reference on random layers', () => {
    let agreeing = 0;
    for (let seed = 1; seed <= 15; seed += 1) {
      const input = deepFreeze(
        randomLayers(seed, { sources: 2, coders: 2, codes: 3, codings: 30 }),
      );
      for (const threshold of [0.5, 0.8, 0.9]) {
        const pair = segmentLevelAgreement(input, { coders: ['c0', 'c1'], threshold }).pairs[0]!;
        for (const cell of pair.cells) {
          const first = referenceSegments(input, cell, 'c0');
          const second = referenceSegments(input, cell, 'c1');
          const expected = [
            agreeingByCharacters(first, second, threshold),
            agreeingByCharacters(second, first, threshold),
          ];
          expect(cell.segments, `seed ${seed}`).toEqual([first.length, second.length]);
          expect(cell.agreeing, `seed ${seed} threshold ${threshold}`).toEqual(expected);
          agreeing += expected[0]! + expected[1]!;
        }
      }
    }
    expect(agreeing).toBeGreaterThan(20);
  });
});

/**
 * A coder's segments the slow way: each coding as a character set, joined with any other that
 * shares a character, until nothing changes.
 */
function referenceSegments(
  input: { codings: readonly CoderCoding[]; sources: readonly { id: string; length: number }[] },
  cell: { sourceId: string; codeId: string },
  coderId: string,
): Set<number>[] {
  const length = input.sources.find((source) => source.id === cell.sourceId)!.length;
  let sets = input.codings
    .filter(
      (c) => c.coderId === coderId && c.sourceId === cell.sourceId && c.codeId === cell.codeId,
    )
    .map((c) => {
      const set = new Set<number>();
      for (let i = Math.max(0, c.start); i < Math.min(length, c.end); i += 1) set.add(i);
      return set;
    })
    .filter((set) => set.size > 0);
  let merged = true;
  while (merged) {
    merged = false;
    outer: for (let i = 0; i < sets.length; i += 1) {
      for (let j = i + 1; j < sets.length; j += 1) {
        if ([...sets[i]!].some((char) => sets[j]!.has(char))) {
          sets = [
            ...sets.filter((_, k) => k !== i && k !== j),
            new Set([...sets[i]!, ...sets[j]!]),
          ];
          merged = true;
          break outer;
        }
      }
    }
  }
  return sets;
}

/** How many of `mine` have a segment in `theirs` whose character sets overlap by the threshold. */
function agreeingByCharacters(mine: Set<number>[], theirs: Set<number>[], threshold: number) {
  return mine.filter((segment) =>
    theirs.some((other) => {
      const shared = [...segment].filter((char) => other.has(char)).length;
      return shared / (segment.size + other.size - shared) >= threshold - 1e-12;
    }),
  ).length;
}
