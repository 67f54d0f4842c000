import { describe, expect, it } from 'vitest';
import {
  distinctPassages,
  onePerPassage,
  withoutRejected,
} from '../../../src/shared/domain/passages';

const at = (
  sourceId: string,
  start: number,
  end: number,
  id = `${sourceId}-${start}`,
  coderId = 'ev-1',
) => ({ sourceId, id, coding: { start, end, coderId } });

describe('passages', () => {
  it('counts overlapping codings of one source once; touching ones and other sources apart', () => {
    expect(distinctPassages([])).toBe(0);
    expect(
      distinctPassages([
        at('a', 10, 20),
        at('a', 12, 18), // inside
        at('a', 20, 25), // touching: another passage
        at('a', 30, 40),
        at('b', 10, 20), // same offsets, another source
      ]),
    ).toBe(4);
  });

  it("keeps one segment per passage, the consensus's when there is one, in the order given", () => {
    const kept = onePerPassage([
      at('b', 0, 9, 'other source'),
      at('a', 1, 5, 'anna'),
      at('a', 2, 6, 'bruno', 'ev-2'),
      at('a', 1, 5, 'agreed', 'consensus'),
      at('a', 8, 12, 'later'),
    ]);
    expect(kept.map((segment) => segment.id)).toEqual(['other source', 'agreed', 'later']);
    expect(onePerPassage([at('a', 1, 5, 'anna'), at('a', 3, 9, 'bruno', 'ev-2')])).toHaveLength(1);
  });

  it('leaves out of a report the codings the lead rejected, of that code and passage only', () => {
    const coding = (id: string, codeId: string, start: number, end: number) =>
      ({ id, codeId, start, end, coderId: 'ev-2' }) as never;
    const sources = [
      {
        id: 'a',
        codings: [
          coding('k1', 'dv1', 10, 30),
          coding('k2', 'dv2', 10, 30),
          coding('k3', 'dv1', 40, 50),
        ],
      },
      { id: 'b', codings: [coding('k4', 'dv1', 10, 30)] },
    ];
    const kept = withoutRejected(sources, [{ sourceId: 'a', codeId: 'dv1', start: 12, end: 28 }]);
    expect(kept.map((source) => source.codings.map((c: { id: string }) => c.id))).toEqual([
      ['k2', 'k3'],
      ['k4'],
    ]);
    expect(withoutRejected(sources, [])).toEqual(sources);
  });
});
