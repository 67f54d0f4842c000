import { describe, expect, it } from 'vitest';
import {
  consensusSpans,
  findDisagreements,
} from '../../../src/shared/domain/agreement-disagreements';
import type { CoderCoding } from '../../../src/shared/domain/agreement-layers';
import { deepFreeze } from '../../helpers/deep-freeze';

const coding = (
  id: string,
  coderId: string,
  codeId: string,
  start: number,
  end: number,
  sourceId = 's1',
): CoderCoding => ({ id, coderId, codeId, sourceId, start, end });

const sources = [
  { id: 's1', length: 200 },
  { id: 's2', length: 200 },
];

describe('findDisagreements', () => {
  it('lists passages one coder coded and the other did not, and passages with other bounds', () => {
    const report = findDisagreements(
      deepFreeze({
        sources,
        codings: [
          coding('a1', 'anna', 'X', 0, 10),
          coding('b1', 'bruno', 'X', 0, 10), // identical: no disagreement
          coding('a2', 'anna', 'X', 20, 40),
          coding('b2', 'bruno', 'X', 25, 40), // other bounds
          coding('a3', 'anna', 'X', 60, 70), // anna only
        ],
      }),
      { coders: ['anna', 'bruno'] },
    );
    expect(report.disagreements).toEqual([
      {
        sourceId: 's1',
        codeId: 'X',
        start: 20,
        end: 40,
        kind: 'extent',
        versions: [
          {
            coderId: 'anna',
            codings: [{ id: 'a2', start: 20, end: 40 }],
            coverage: [{ start: 20, end: 40 }],
          },
          {
            coderId: 'bruno',
            codings: [{ id: 'b2', start: 25, end: 40 }],
            coverage: [{ start: 25, end: 40 }],
          },
        ],
        agreed: 15,
        covered: 20,
        overlap: 0.75,
      },
      {
        sourceId: 's1',
        codeId: 'X',
        start: 60,
        end: 70,
        kind: 'presence',
        versions: [
          {
            coderId: 'anna',
            codings: [{ id: 'a3', start: 60, end: 70 }],
            coverage: [{ start: 60, end: 70 }],
          },
          { coderId: 'bruno', codings: [], coverage: [] },
        ],
        agreed: 0,
        covered: 10,
        overlap: 0,
      },
    ]);
    expect(report.meta).toMatchObject({ method: 'disagreement', coders: ['anna', 'bruno'] });
    expect(report.minDifference).toBe(1);
  });

  it('groups codings that overlap through others into one passage, and compares coverage', () => {
    const report = findDisagreements(
      {
        sources,
        codings: [
          coding('a1', 'a', 'X', 0, 10),
          coding('b1', 'b', 'X', 5, 15),
          coding('a2', 'a', 'X', 12, 20),
          // Same coverage, cut differently: 30–50 for both, so they agree.
          coding('a3', 'a', 'X', 30, 50),
          coding('b2', 'b', 'X', 30, 40),
          coding('b3', 'b', 'X', 40, 50),
        ],
      },
      { coders: ['a', 'b'] },
    );
    expect(report.disagreements).toHaveLength(1);
    expect(report.disagreements[0]).toMatchObject({ start: 0, end: 20, agreed: 8, covered: 20 });
    expect(report.disagreements[0]!.versions[0]!.coverage).toEqual([
      { start: 0, end: 10 },
      { start: 12, end: 20 },
    ]);
    expect(report.disagreements[0]!.versions[1]!.codings).toEqual([
      { id: 'b1', start: 5, end: 15 },
    ]);
  });

  it('keeps touching passages apart', () => {
    const report = findDisagreements(
      { sources, codings: [coding('a1', 'a', 'X', 0, 10), coding('b1', 'b', 'X', 10, 20)] },
      { coders: ['a', 'b'] },
    );
    expect(report.disagreements.map((d) => [d.start, d.end, d.kind])).toEqual([
      [0, 10, 'presence'],
      [10, 20, 'presence'],
    ]);
  });

  it('leaves out differences smaller than minDifference', () => {
    const input = {
      sources,
      codings: [coding('a1', 'a', 'X', 0, 50), coding('b1', 'b', 'X', 0, 52)],
    };
    expect(findDisagreements(input, { coders: ['a', 'b'] }).disagreements).toHaveLength(1);
    expect(
      findDisagreements(input, { coders: ['a', 'b'], minDifference: 3 }).disagreements,
    ).toHaveLength(0);
    expect(() => findDisagreements(input, { coders: ['a', 'b'], minDifference: 0 })).toThrow(
      RangeError,
    );
  });

  it('compares three coders, each document among those who coded it', () => {
    const report = findDisagreements(
      {
        sources: [
          { id: 's1', length: 100 },
          { id: 's2', length: 100, codedBy: ['a', 'c'] },
          { id: 's3', length: 100, codedBy: ['a'] },
        ],
        codings: [
          coding('a1', 'a', 'X', 0, 10),
          coding('b1', 'b', 'X', 0, 10),
          coding('a2', 'a', 'X', 0, 10, 's2'),
          coding('a3', 'a', 'X', 0, 10, 's3'),
        ],
      },
      { coders: ['a', 'b', 'c'] },
    );
    expect(
      report.disagreements.map((d) => [d.sourceId, d.versions.map((v) => v.coderId), d.kind]),
    ).toEqual([
      ['s1', ['a', 'b', 'c'], 'presence'],
      ['s2', ['a', 'c'], 'presence'],
    ]);
    expect(report.disagreements[0]).toMatchObject({ agreed: 0, covered: 10 });
  });

  it('orders by document, then position, then code', () => {
    const report = findDisagreements(
      {
        sources,
        codings: [
          coding('1', 'a', 'Y', 50, 60, 's2'),
          coding('2', 'a', 'Y', 10, 20),
          coding('3', 'a', 'X', 10, 20),
          coding('4', 'a', 'X', 5, 8),
        ],
      },
      { coders: ['a', 'b'], codeIds: ['X', 'Y'] },
    );
    expect(report.disagreements.map((d) => `${d.sourceId}:${d.codeId}@${d.start}`)).toEqual([
      's1:X@5',
      's1:X@10',
      's1:Y@10',
      's2:Y@50',
    ]);
  });
});

describe('consensusSpans', () => {
  const [disagreement] = findDisagreements(
    {
      sources,
      codings: [coding('a1', 'a', 'X', 20, 40), coding('b1', 'b', 'X', 25, 45)],
    },
    { coders: ['a', 'b'] },
  ).disagreements;

  it('takes one coder’s version, all versions united, or none', () => {
    expect(consensusSpans(disagreement!, { accept: 'b' })).toEqual([{ start: 25, end: 45 }]);
    expect(consensusSpans(disagreement!, 'all')).toEqual([{ start: 20, end: 45 }]);
    expect(consensusSpans(disagreement!, 'none')).toEqual([]);
    expect(() => consensusSpans(disagreement!, { accept: 'z' })).toThrow(RangeError);
  });
});
