import { describe, expect, it } from 'vitest';
import {
  ballotFromEntries,
  checkBallotEntries,
  maxPointsPerIdea,
  rankPoints,
  validateBallot,
  type BallotProblem,
  type NgtRule,
} from '../../../src/shared/domain/ngt';

const ideaIds = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const top3: NgtRule = { kind: 'rank-top-k', k: 3, tieBreak: [] };

const problems = (
  points: Record<string, number>,
  rule: NgtRule = top3,
  mergedIdeaIds?: string[] | Record<string, string>,
  ids: string[] = ideaIds,
): BallotProblem[] => {
  const check = validateBallot({ ideaIds: ids, mergedIdeaIds, points, rule });
  return check.ok ? [] : check.problems;
};

describe('rankPoints and maxPointsPerIdea', () => {
  const top5: NgtRule = { kind: 'rank-top-k', k: 5, tieBreak: [] };

  it('gives K for 1st … 1 for K-th and 0 off the card', () => {
    const rule = { kind: 'rank-top-k', k: 5, tieBreak: [] } as const;
    expect([1, 2, 3, 4, 5, 6].map((p) => rankPoints(rule, p))).toEqual([5, 4, 3, 2, 1, 0]);
    expect([0, -1, 1.5, NaN].map((p) => rankPoints(rule, p))).toEqual([0, 0, 0, 0]);
  });

  it('takes K from the idea count for rank all and half plus one', () => {
    expect(rankPoints({ kind: 'rank-all', tieBreak: [] }, 1, 7)).toBe(7);
    expect(rankPoints({ kind: 'rank-all', tieBreak: [] }, 7, 7)).toBe(1);
    // 9 ideas: K = ceil(9/2) + 1 = 6.
    expect(rankPoints({ kind: 'half-plus-one', tieBreak: [] }, 1, 9)).toBe(6);
    expect(rankPoints({ kind: 'half-plus-one', tieBreak: [] }, 6, 9)).toBe(1);
    expect(rankPoints({ kind: 'half-plus-one', tieBreak: [] }, 7, 9)).toBe(0);
    expect(rankPoints(top5, 1, 3)).toBe(3); // K capped at the idea count
  });

  it('gives 0 for rules without a ranking card', () => {
    expect(rankPoints({ kind: 'multivote', votesPerPerson: 3, tieBreak: [] }, 1, 9)).toBe(0);
    expect(rankPoints({ kind: 'points-pool', pool: 10, tieBreak: [] }, 1, 9)).toBe(0);
  });

  it('defines the most one participant may give one idea', () => {
    expect(maxPointsPerIdea(top5, 12)).toBe(5);
    expect(maxPointsPerIdea(top5, 4)).toBe(4);
    expect(maxPointsPerIdea({ kind: 'rank-all', tieBreak: [] }, 8)).toBe(8);
    const half = { kind: 'half-plus-one', tieBreak: [] } as const;
    expect([1, 2, 3, 4, 9, 10].map((n) => maxPointsPerIdea(half, n))).toEqual([1, 2, 3, 3, 6, 6]);
    expect(maxPointsPerIdea({ kind: 'points-pool', pool: 10, tieBreak: [] }, 4)).toBe(10);
    const capped = { kind: 'points-pool', pool: 10, maxPerIdea: 4, tieBreak: [] } as const;
    expect(maxPointsPerIdea(capped, 4)).toBe(4);
    expect(maxPointsPerIdea({ kind: 'multivote', votesPerPerson: 3, tieBreak: [] }, 9)).toBe(1);
  });
});

describe('validateBallot: rank rules', () => {
  it('accepts exactly K…1, each once, in any order, with zeros for the rest', () => {
    expect(validateBallot({ ideaIds, points: { c: 1, a: 3, f: 2 }, rule: top3 })).toEqual({
      ok: true,
    });
    expect(problems({ a: 3, b: 2, c: 1, d: 0, e: 0 })).toEqual([]);
  });

  it('reports points given twice and the card that is not K…1', () => {
    expect(problems({ a: 3, b: 3, c: 1 })).toEqual([
      { code: 'duplicate-points', points: 3, ideaIds: ['a', 'b'] },
      { code: 'not-a-permutation', expected: [3, 2, 1], given: [3, 3, 1] },
    ]);
  });

  it('reports a short card, a card out of range and one with too many ideas', () => {
    expect(problems({ a: 3, b: 2 })).toEqual([
      { code: 'not-a-permutation', expected: [3, 2, 1], given: [3, 2] },
    ]);
    expect(problems({ a: 4, b: 2, c: 1 })).toEqual([
      { code: 'not-a-permutation', expected: [3, 2, 1], given: [4, 2, 1] },
    ]);
    expect(problems({ a: 3, b: 2, c: 1, d: 1 })).toEqual([
      { code: 'duplicate-points', points: 1, ideaIds: ['c', 'd'] },
      { code: 'not-a-permutation', expected: [3, 2, 1], given: [3, 2, 1, 1] },
    ]);
  });

  it('takes K from the idea count for rank all and half plus one', () => {
    const rankAll: NgtRule = { kind: 'rank-all', tieBreak: [] };
    expect(problems({ a: 3, b: 2, c: 1 }, rankAll, [], ['a', 'b', 'c'])).toEqual([]);
    expect(problems({ a: 3, b: 2, c: 1 }, rankAll)).toEqual([
      { code: 'not-a-permutation', expected: [7, 6, 5, 4, 3, 2, 1], given: [3, 2, 1] },
    ]);
    const half: NgtRule = { kind: 'half-plus-one', tieBreak: [] };
    // 7 ideas: K = ceil(7/2) + 1 = 5.
    expect(problems({ a: 5, b: 4, c: 3, d: 2, e: 1 }, half)).toEqual([]);
    expect(problems({ a: 4, b: 3, c: 2, d: 1 }, half)).toEqual([
      { code: 'not-a-permutation', expected: [5, 4, 3, 2, 1], given: [4, 3, 2, 1] },
    ]);
  });

  it('caps K at the number of ideas for rank top K', () => {
    expect(problems({ a: 2, b: 1 }, top3, [], ['a', 'b'])).toEqual([]);
  });

  it('reports non-integer and negative points', () => {
    expect(problems({ a: 3, b: 1.5, c: 1 })).toEqual([
      { code: 'not-integer', ideaId: 'b', points: 1.5 },
      { code: 'not-a-permutation', expected: [3, 2, 1], given: [3, 1.5, 1] },
    ]);
    expect(problems({ a: 3, b: 2, c: -1 })).toEqual([
      { code: 'negative', ideaId: 'c', points: -1 },
      { code: 'not-a-permutation', expected: [3, 2, 1], given: [3, 2, -1] },
    ]);
    expect(problems({ a: 3, b: 2, c: NaN })).toContainEqual({
      code: 'not-integer',
      ideaId: 'c',
      points: NaN,
    });
  });
});

describe('validateBallot: ideas', () => {
  it('reports an unknown idea', () => {
    expect(problems({ a: 3, b: 2, zz: 1 })).toEqual([{ code: 'unknown-idea', ideaId: 'zz' }]);
  });

  it('reports a merged-away idea, with the idea it went into when known', () => {
    const live = ['a', 'b', 'c', 'd'];
    expect(problems({ a: 3, b: 2, m: 1 }, top3, ['m'], live)).toEqual([
      { code: 'merged-idea', ideaId: 'm' },
    ]);
    expect(problems({ a: 3, b: 2, m: 1 }, top3, { m: 'c' }, live)).toEqual([
      { code: 'merged-idea', ideaId: 'm', into: 'c' },
    ]);
  });

  it('does not count a zero as naming an idea', () => {
    expect(problems({ a: 3, b: 2, c: 1, m: 0, zz: 0 }, top3, ['m'])).toEqual([]);
  });

  it('lists every problem of a ballot at once', () => {
    expect(problems({ a: 3, m: 3, zz: -2 }, top3, { m: 'a' })).toEqual([
      { code: 'merged-idea', ideaId: 'm', into: 'a' },
      { code: 'unknown-idea', ideaId: 'zz' },
      { code: 'negative', ideaId: 'zz', points: -2 },
      { code: 'duplicate-points', points: 3, ideaIds: ['a', 'm'] },
      { code: 'not-a-permutation', expected: [3, 2, 1], given: [3, 3, -2] },
    ]);
  });

  it('does not mutate its input', () => {
    const input = { ideaIds, mergedIdeaIds: { m: 'a' }, points: { a: 3, m: 3 }, rule: top3 };
    const before = structuredClone(input);
    validateBallot(input);
    expect(input).toEqual(before);
  });
});

describe('validateBallot: points pool and multivote', () => {
  const pool: NgtRule = { kind: 'points-pool', pool: 10, tieBreak: [] };
  const cappedPool: NgtRule = { kind: 'points-pool', pool: 10, maxPerIdea: 4, tieBreak: [] };
  const multivote: NgtRule = { kind: 'multivote', votesPerPerson: 2, tieBreak: [] };

  it('accepts a pool spent in full, in part, or stacked on one idea', () => {
    expect(problems({ a: 6, b: 4 }, pool)).toEqual([]);
    expect(problems({ a: 3 }, pool)).toEqual([]);
    expect(problems({ a: 10 }, pool)).toEqual([]);
    expect(problems({ a: 4, b: 4, c: 2 }, cappedPool)).toEqual([]);
  });

  it('reports an overspent pool', () => {
    expect(problems({ a: 6, b: 5 }, pool)).toEqual([
      { code: 'pool-overspent', given: 11, pool: 10 },
    ]);
  });

  it('reports points over the cap per idea', () => {
    expect(problems({ a: 5, b: 4 }, cappedPool)).toEqual([
      { code: 'over-max-per-idea', ideaId: 'a', points: 5, max: 4 },
    ]);
  });

  it('reports non-integer and negative points in a pool', () => {
    expect(problems({ a: 2.5, b: -1 }, pool)).toEqual([
      { code: 'not-integer', ideaId: 'a', points: 2.5 },
      { code: 'negative', ideaId: 'b', points: -1 },
    ]);
  });

  it('accepts up to V single votes', () => {
    expect(problems({ a: 1, b: 1 }, multivote)).toEqual([]);
    expect(problems({ a: 1, b: 0 }, multivote)).toEqual([]);
  });

  it('reports too many votes and more than one vote on an idea', () => {
    expect(problems({ a: 1, b: 1, c: 1 }, multivote)).toEqual([
      { code: 'too-many-votes', given: 3, allowed: 2 },
    ]);
    expect(problems({ a: 2 }, multivote)).toEqual([
      { code: 'over-max-per-idea', ideaId: 'a', points: 2, max: 1 },
    ]);
  });
});

describe('ballotFromEntries', () => {
  it('turns a list of entries into points', () => {
    expect(
      ballotFromEntries([
        { ideaId: 'a', points: 3 },
        { ideaId: 'b', points: 2 },
        { ideaId: 'c', points: 1 },
      ]),
    ).toEqual({ ok: true, points: { a: 3, b: 2, c: 1 } });
    expect(ballotFromEntries([])).toEqual({ ok: true, points: {} });
  });

  it('reports each idea named twice, once', () => {
    expect(
      ballotFromEntries([
        { ideaId: 'a', points: 3 },
        { ideaId: 'b', points: 2 },
        { ideaId: 'a', points: 1 },
        { ideaId: 'b', points: 0 },
        { ideaId: 'a', points: 2 },
      ]),
    ).toEqual({
      ok: false,
      problems: [
        { code: 'idea-twice', ideaId: 'a' },
        { code: 'idea-twice', ideaId: 'b' },
      ],
    });
  });

  it('checks a card whole: an idea named twice and an unknown one are both reported', () => {
    const rule: NgtRule = { kind: 'rank-top-k', k: 3, tieBreak: [] };
    const card = (ideaIds: string[]) => ideaIds.map((ideaId, i) => ({ ideaId, points: 3 - i }));
    expect(
      checkBallotEntries({ entries: card(['i7', 'i7', '?I99']), ideaIds: ['i1', 'i7'], rule }),
    ).toEqual({
      ok: false,
      problems: [
        { code: 'idea-twice', ideaId: 'i7' },
        { code: 'unknown-idea', ideaId: '?I99' },
      ],
    });
    expect(
      checkBallotEntries({ entries: card(['i7', 'i1', 'i2']), ideaIds: ['i1', 'i2', 'i7'], rule }),
    ).toEqual({ ok: true, points: { i7: 3, i1: 2, i2: 1 } });
  });

  it('says a place left empty at once, beside an idea named twice and a merged one', () => {
    // Walk-through 10: the empty 1-point place was said only once the repeat was fixed.
    const rule: NgtRule = { kind: 'rank-top-k', k: 5, tieBreak: [] };
    const ideaIds = ['i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7'];
    const entries = ['i1', 'i1', 'i7', 'i3'].map((ideaId, i) => ({ ideaId, points: 5 - i }));
    expect(checkBallotEntries({ entries, ideaIds, mergedIdeaIds: { i7: 'i1' }, rule })).toEqual({
      ok: false,
      problems: [
        { code: 'idea-twice', ideaId: 'i1' },
        { code: 'merged-idea', ideaId: 'i7', into: 'i1' },
        { code: 'empty-places', points: [1] },
      ],
    });
  });

  it('keeps an id that is also an Object property name as a plain key', () => {
    const result = ballotFromEntries([{ ideaId: '__proto__', points: 1 }]);
    expect(result.ok && Object.hasOwn(result.points, '__proto__')).toBe(true);
    expect(
      validateBallot({
        ideaIds: ['__proto__'],
        points: result.ok ? result.points : {},
        rule: top3,
      }),
    ).toEqual({ ok: true });
  });
});
