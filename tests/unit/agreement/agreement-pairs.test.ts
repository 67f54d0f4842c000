import { describe, expect, it } from 'vitest';
import type { Disagreement } from '../../../src/shared/domain/agreement-disagreements';
import {
  choiceSpans,
  disagreementEntries,
  isCodeChoice,
} from '../../../src/shared/domain/agreement-pairs';

/** A disagreement on `codeId` over [start, end), coded by `by` (the others in `coders` did not). */
function item(
  codeId: string,
  start: number,
  end: number,
  by: Record<string, [number, number] | null>,
  sourceId = 's1',
): Disagreement {
  const versions = Object.entries(by).map(([coderId, span]) => ({
    coderId,
    codings: [],
    coverage: span ? [{ start: span[0], end: span[1] }] : [],
  }));
  const coded = versions.filter((v) => v.coverage.length > 0).length;
  return {
    sourceId,
    codeId,
    start,
    end,
    kind: coded === versions.length ? 'extent' : 'presence',
    versions,
    agreed: 0,
    covered: end - start,
    overlap: 0,
  };
}

describe('«the same passage, another code» as one choice', () => {
  it('pairs DV1 by one coder with DV2 by the other on the same passage, and nothing else', () => {
    const list = [
      item('dv1', 0, 40, { anna: [0, 40], bruno: null }),
      item('dv2', 2, 40, { anna: null, bruno: [2, 40] }),
      // Another passage of the same source: alone.
      item('dv1', 100, 140, { anna: [100, 140], bruno: null }),
      // Both coded DV3 with other bounds: an extent disagreement, never half of a choice.
      item('dv3', 100, 150, { anna: [100, 150], bruno: [110, 150] }),
      // The same passage in another source.
      item('dv2', 100, 140, { anna: null, bruno: [100, 140] }, 's2'),
    ];
    expect(disagreementEntries(list)).toEqual([
      { items: [0, 1] },
      { items: [2] },
      { items: [3] },
      { items: [4] },
    ]);
  });

  it('is no choice when a coder gave both codes, when the passages barely touch, or when one code is left to nobody', () => {
    const dv1 = item('dv1', 0, 40, { anna: [0, 40], bruno: null });
    expect(isCodeChoice(dv1, item('dv2', 0, 40, { anna: [0, 40], bruno: null }))).toBe(false);
    expect(isCodeChoice(dv1, item('dv2', 35, 80, { anna: null, bruno: [35, 80] }))).toBe(false);
    // Three coders: Carla coded neither code, so «keep Anna's or Bruno's» is not the whole story.
    const three = item('dv1', 0, 40, { anna: [0, 40], bruno: null, carla: null });
    expect(
      isCodeChoice(three, item('dv2', 0, 40, { anna: null, bruno: [0, 40], carla: null })),
    ).toBe(false);
    expect(
      isCodeChoice(three, item('dv2', 0, 40, { anna: null, bruno: [0, 40], carla: [0, 30] })),
    ).toBe(true);
  });

  it('turns the lead’s choice into a decision on each code', () => {
    const pair = [
      item('dv1', 0, 40, { anna: [0, 40], bruno: null }),
      item('dv2', 2, 40, { anna: null, bruno: [2, 40] }),
    ];
    expect(choiceSpans(pair, { accept: 'bruno' })).toEqual([[], [{ start: 2, end: 40 }]]);
    expect(choiceSpans(pair, { accept: 'anna' })).toEqual([[{ start: 0, end: 40 }], []]);
    expect(choiceSpans(pair, 'all')).toEqual([[{ start: 0, end: 40 }], [{ start: 2, end: 40 }]]);
    expect(choiceSpans(pair, 'none')).toEqual([[], []]);
    // A single disagreement decides as before.
    expect(choiceSpans([pair[0]!], { accept: 'anna' })).toEqual([[{ start: 0, end: 40 }]]);
  });
});
