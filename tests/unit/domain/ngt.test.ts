import { describe, expect, it } from 'vitest';
import {
  scoreBallots,
  type NgtBallot,
  type NgtRule,
  type NgtScoreRow,
} from '../../../src/shared/domain/ngt';

const ballot = (participant: string, points: Record<string, number>): NgtBallot => ({
  participant,
  points,
});

/** [ideaId, total, votes, topVotes, rank] per row, in result order. */
const table = (rows: NgtScoreRow[]) =>
  rows.map((row) => [row.ideaId, row.total, row.votes, row.topVotes, row.rank]);

const row = (rows: NgtScoreRow[], ideaId: string) => rows.find((r) => r.ideaId === ideaId)!;

describe('scoreBallots: freerangelearner example (METHODS §1)', () => {
  // 4 people rank 5 items 5…1: A = 5,4,5,3 · B = 3,5,2,5 · C = 4,3,3,4 · D = 2,2,4,1 · E = 1,1,1,2.
  const ballots = [
    ballot('p1', { A: 5, B: 3, C: 4, D: 2, E: 1 }),
    ballot('p2', { A: 4, B: 5, C: 3, D: 2, E: 1 }),
    ballot('p3', { A: 5, B: 2, C: 3, D: 4, E: 1 }),
    ballot('p4', { A: 3, B: 5, C: 4, D: 1, E: 2 }),
  ];
  const ideaIds = ['E', 'D', 'C', 'B', 'A'];

  it('gives the published totals A 17, B 15, C 14, D 9, E 5 under rank top 5', () => {
    const rows = scoreBallots({
      ideaIds,
      ballots,
      rule: { kind: 'rank-top-k', k: 5, tieBreak: [] },
    });
    expect(table(rows)).toEqual([
      ['A', 17, 4, 2, 1],
      ['B', 15, 4, 2, 2],
      ['C', 14, 4, 0, 3],
      ['D', 9, 4, 0, 4],
      ['E', 5, 4, 0, 5],
    ]);
    const a = row(rows, 'A');
    expect(a.meanPoints).toBe(4.25);
    expect(a.pctOfMax).toBe(85); // 17 / (5 × 4)
    expect(a.shareOfPoints).toBeCloseTo((17 / 60) * 100, 12); // 4 ballots × 15 points
    expect(row(rows, 'E').pctOfMax).toBe(25);
    expect(rows.reduce((sum, r) => sum + r.shareOfPoints, 0)).toBeCloseTo(100, 12);
  });

  it('scores the same under rank all (5 ideas, 5…1)', () => {
    const rows = scoreBallots({ ideaIds, ballots, rule: { kind: 'rank-all', tieBreak: [] } });
    expect(rows.map((r) => [r.ideaId, r.total, r.rank])).toEqual([
      ['A', 17, 1],
      ['B', 15, 2],
      ['C', 14, 3],
      ['D', 9, 4],
      ['E', 5, 5],
    ]);
  });

  it('does not mutate its input', () => {
    const input = { ideaIds, ballots, rule: { kind: 'rank-top-k', k: 5, tieBreak: ['votes'] } };
    const before = structuredClone(input);
    scoreBallots(input as { ideaIds: string[]; ballots: NgtBallot[]; rule: NgtRule });
    expect(input).toEqual(before);
  });
});

describe('scoreBallots: ties under rank top 3', () => {
  // Hand tally (3, 2, 1 points): a 3+3 = 6 (2 votes, 2 top) · b 2+2+1+1 = 6 (4 votes, 0 top) ·
  // c 3+1 = 4 (2, 1) · d 2+2 = 4 (2, 0) · g 1+1+2 = 4 (3, 0) · e 3 (1, 1) · f 3 (1, 1) · h none.
  const ballots = [
    ballot('p1', { a: 3, b: 2, g: 1 }),
    ballot('p2', { a: 3, b: 2, g: 1 }),
    ballot('p3', { c: 3, d: 2, b: 1 }),
    ballot('p4', { e: 3, d: 2, b: 1 }),
    ballot('p5', { f: 3, g: 2, c: 1 }),
  ];
  const ideaIds = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  const score = (tieBreak: NgtRule['tieBreak']) =>
    scoreBallots({ ideaIds, ballots, rule: { kind: 'rank-top-k', k: 3, tieBreak } });

  it('breaks ties by votes, then top votes; remaining ties share a rank', () => {
    expect(table(score(['votes', 'top-votes']))).toEqual([
      ['b', 6, 4, 0, 1],
      ['a', 6, 2, 2, 2],
      ['g', 4, 3, 0, 3],
      ['c', 4, 2, 1, 4],
      ['d', 4, 2, 0, 5],
      ['e', 3, 1, 1, 6],
      ['f', 3, 1, 1, 6],
      ['h', 0, 0, 0, 8],
    ]);
  });

  it('applies tie-breaks in the given order', () => {
    expect(score(['top-votes', 'votes']).map((r) => [r.ideaId, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['g', 4],
      ['d', 5],
      ['e', 6],
      ['f', 6],
      ['h', 8],
    ]);
  });

  it('without tie-breaks uses competition ranking on the total, stable by ideaIds', () => {
    expect(score([]).map((r) => [r.ideaId, r.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
      ['d', 3],
      ['g', 3],
      ['e', 6],
      ['f', 6],
      ['h', 8],
    ]);
  });

  it('reports mean points, % of maximum and share, with 0 for an idea nobody chose', () => {
    const rows = score(['votes']);
    expect(row(rows, 'b').meanPoints).toBe(1.5);
    expect(row(rows, 'a').meanPoints).toBe(3);
    expect(row(rows, 'a').pctOfMax).toBeCloseTo(40, 12); // 6 / (3 × 5)
    expect(row(rows, 'a').shareOfPoints).toBeCloseTo(20, 12); // 6 / 30
    expect(row(rows, 'h')).toEqual({
      ideaId: 'h',
      total: 0,
      votes: 0,
      topVotes: 0,
      // No votes, no mean (walk-through 10: a 0 in the workbook read as a score).
      meanPoints: null,
      pctOfMax: 0,
      shareOfPoints: 0,
      rank: 8,
    });
  });

  it('gives "1, 2, 2, 4"', () => {
    const rows = scoreBallots({
      ideaIds: ['w', 'x', 'y', 'z'],
      ballots: [ballot('p1', { w: 2, x: 1 }), ballot('p2', { w: 2, y: 1 })],
      rule: { kind: 'rank-top-k', k: 2, tieBreak: ['votes', 'top-votes'] },
    });
    expect(rows.map((r) => [r.ideaId, r.total, r.rank])).toEqual([
      ['w', 4, 1],
      ['x', 1, 2],
      ['y', 1, 2],
      ['z', 0, 4],
    ]);
  });
});

describe('scoreBallots: other rules and edge cases', () => {
  it('rank all: 3 ideas, 3…1 points', () => {
    const rows = scoreBallots({
      ideaIds: ['x', 'y', 'z'],
      ballots: [ballot('p1', { x: 3, y: 2, z: 1 }), ballot('p2', { y: 3, z: 2, x: 1 })],
      rule: { kind: 'rank-all', tieBreak: [] },
    });
    expect(table(rows)).toEqual([
      ['y', 5, 2, 1, 1],
      ['x', 4, 2, 1, 2],
      ['z', 3, 2, 0, 3],
    ]);
    expect(row(rows, 'y').pctOfMax).toBeCloseTo((5 / 6) * 100, 12);
  });

  it('half plus one: 5 ideas → K = ceil(5/2) + 1 = 4, so 4 is the top vote', () => {
    const rows = scoreBallots({
      ideaIds: ['a', 'b', 'c', 'd', 'e'],
      ballots: [ballot('p1', { a: 4, b: 3, c: 2, d: 1 }), ballot('p2', { c: 4, d: 3, e: 2, b: 1 })],
      rule: { kind: 'half-plus-one', tieBreak: ['top-votes'] },
    });
    // a, b and d tie on 4 points; a has a top (4-point) vote, b and d none and stay tied.
    expect(table(rows)).toEqual([
      ['c', 6, 2, 1, 1],
      ['a', 4, 1, 1, 2],
      ['b', 4, 2, 0, 3],
      ['d', 4, 2, 0, 3],
      ['e', 2, 1, 0, 5],
    ]);
    expect(row(rows, 'c').pctOfMax).toBeCloseTo((6 / 8) * 100, 12);
  });

  it("points pool with a cap: a first place is each participant's highest, shared when tied; % of max uses the cap", () => {
    const rows = scoreBallots({
      ideaIds: ['a', 'b', 'c', 'd'],
      ballots: [
        ballot('p1', { a: 5, b: 3, c: 2 }),
        ballot('p2', { a: 5, c: 5 }),
        ballot('p3', { b: 4, c: 4, d: 2 }),
      ],
      rule: { kind: 'points-pool', pool: 10, maxPerIdea: 5, tieBreak: ['votes'] },
    });
    expect(table(rows)).toEqual([
      ['c', 11, 3, 2, 1],
      ['a', 10, 2, 2, 2],
      ['b', 7, 2, 1, 3],
      ['d', 2, 1, 0, 4],
    ]);
    const c = row(rows, 'c');
    expect(c.meanPoints).toBeCloseTo(11 / 3, 12);
    expect(c.pctOfMax).toBeCloseTo((11 / 15) * 100, 12); // 5 per idea × 3 participants
    expect(c.shareOfPoints).toBeCloseTo((11 / 30) * 100, 12);
  });

  it("points pool without a cap: each participant's favourite is a first place, whatever its points", () => {
    const rows = scoreBallots({
      ideaIds: ['a', 'b'],
      ballots: [ballot('p1', { a: 10 }), ballot('p2', { a: 4, b: 6 })],
      rule: { kind: 'points-pool', pool: 10, tieBreak: [] },
    });
    expect(table(rows)).toEqual([
      ['a', 14, 2, 1, 1],
      ['b', 6, 1, 1, 2],
    ]);
    expect(row(rows, 'a').pctOfMax).toBe(70); // 14 / (10 × 2)
  });

  it('points pool: three participants with three favourites give one first place each (walk-through count)', () => {
    const rows = scoreBallots({
      ideaIds: ['alfa', 'beta', 'gamma'],
      ballots: [
        ballot('p1', { alfa: 6, beta: 3, gamma: 1 }),
        ballot('p2', { alfa: 2, beta: 7, gamma: 1 }),
        ballot('p3', { alfa: 1, beta: 3, gamma: 6 }),
      ],
      rule: { kind: 'points-pool', pool: 10, tieBreak: ['top-votes'] },
    });
    expect(table(rows)).toEqual([
      ['beta', 13, 3, 1, 1],
      ['alfa', 9, 3, 1, 2],
      ['gamma', 8, 3, 1, 3],
    ]);
  });

  it('points pool: first places break a tie on the total, though nobody gave an idea the whole pool', () => {
    const rows = scoreBallots({
      ideaIds: ['b', 'a', 'c'],
      ballots: [
        ballot('p1', { a: 6, b: 4 }),
        ballot('p2', { a: 6, b: 4 }),
        ballot('p3', { a: 2, b: 6, c: 2 }),
      ],
      rule: { kind: 'points-pool', pool: 10, tieBreak: ['top-votes'] },
    });
    expect(table(rows)).toEqual([
      ['a', 14, 3, 2, 1],
      ['b', 14, 3, 1, 2],
      ['c', 2, 1, 0, 3],
    ]);
  });

  it('multivote: every vote is a top vote, % of max is the share of participants', () => {
    const rows = scoreBallots({
      ideaIds: ['a', 'b', 'c', 'd'],
      ballots: [
        ballot('p1', { a: 1, b: 1 }),
        ballot('p2', { a: 1, c: 1 }),
        ballot('p3', { a: 1, b: 1 }),
      ],
      rule: { kind: 'multivote', votesPerPerson: 2, tieBreak: [] },
    });
    expect(table(rows)).toEqual([
      ['a', 3, 3, 3, 1],
      ['b', 2, 2, 2, 2],
      ['c', 1, 1, 1, 3],
      ['d', 0, 0, 0, 4],
    ]);
    expect(row(rows, 'a').pctOfMax).toBe(100);
    expect(row(rows, 'b').pctOfMax).toBeCloseTo((2 / 3) * 100, 12);
    expect(row(rows, 'a').shareOfPoints).toBe(50);
  });

  it('ignores points to unlisted ideas, zeros, and repeated idea ids', () => {
    const rows = scoreBallots({
      ideaIds: ['a', 'b', 'a'],
      ballots: [ballot('p1', { a: 2, b: 0, gone: 1 }), ballot('p2', { b: 1, a: 0 })],
      rule: { kind: 'rank-top-k', k: 2, tieBreak: [] },
    });
    expect(table(rows)).toEqual([
      ['a', 2, 1, 1, 1],
      ['b', 1, 1, 0, 2],
    ]);
    expect(row(rows, 'a').shareOfPoints).toBeCloseTo((2 / 3) * 100, 12);
  });

  it('with no ballots everything is 0 and every idea shares rank 1', () => {
    const rows = scoreBallots({
      ideaIds: ['a', 'b'],
      ballots: [],
      rule: { kind: 'rank-top-k', k: 5, tieBreak: ['votes'] },
    });
    expect(rows.map((r) => [r.ideaId, r.total, r.pctOfMax, r.shareOfPoints, r.rank])).toEqual([
      ['a', 0, 0, 0, 1],
      ['b', 0, 0, 0, 1],
    ]);
  });
});
