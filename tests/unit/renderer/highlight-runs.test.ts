import { describe, expect, it } from 'vitest';
import {
  assignLanes,
  codingsByTurn,
  runsIn,
  trimSpan,
} from '../../../src/renderer/features/coding/highlight-runs';
import type { Coding } from '../../../src/shared/model/source';

const coding = (id: string, start: number, end: number): Coding => ({
  id,
  codeId: `code-${id}`,
  start,
  end,
  text: '',
  coderId: 'ev-1',
  memo: '',
  key: false,
  textChanged: false,
  createdAt: '2026-11-24T10:00:00.000Z',
});

describe('highlights of the coding view', () => {
  it('split a turn at every coding boundary, innermost coding first', () => {
    const outer = coding('outer', 0, 20);
    const inner = coding('inner', 5, 10);
    const runs = runsIn([outer, inner], 0, 25);
    expect(runs.map((r) => [r.start, r.end, r.codings.map((c) => c.id)])).toEqual([
      [0, 5, ['outer']],
      [5, 10, ['inner', 'outer']],
      [10, 20, ['outer']],
      [20, 25, []],
    ]);
  });

  it('find the codings of each turn, including one spanning several turns', () => {
    const turns = [
      { start: 0, end: 10 },
      { start: 11, end: 20 },
      { start: 21, end: 30 },
    ];
    const codings = [coding('a', 2, 4), coding('b', 8, 25), coding('c', 21, 22)];
    expect(codingsByTurn(turns, codings).map((list) => list.map((c) => c.id))).toEqual([
      ['a', 'b'],
      ['b'],
      ['b', 'c'],
    ]);
  });

  it('give overlapping codings different margin lanes and reuse freed lanes', () => {
    const lanes = assignLanes([coding('a', 0, 10), coding('b', 5, 15), coding('c', 12, 20)]);
    expect(Object.fromEntries(lanes)).toEqual({ a: 0, b: 1, c: 0 });
  });

  it('widen a selection to whole words and trim the blanks around it', () => {
    const text = 'La città  ha risposto 😀 bene.';
    // "ittà  ha rispo" → "città  ha risposto"
    expect(trimSpan(text, 4, 18)).toEqual({ start: 3, end: 21 });
    expect(text.slice(3, 21)).toBe('città  ha risposto');
    expect(trimSpan(text, 8, 10)).toBeNull();
    const emoji = text.indexOf('😀');
    expect(trimSpan(text, emoji - 1, emoji + 3)).toEqual({ start: emoji, end: emoji + 2 });
  });
});
