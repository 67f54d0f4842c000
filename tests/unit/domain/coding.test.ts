import { describe, expect, it } from 'vitest';
import {
  adjustCoding,
  applyCoding,
  codingsAt,
  joinSegments,
  mergeCodings,
  uncodeRange,
  type NewCoding,
} from '../../../src/shared/domain/coding';
import type { Coding } from '../../../src/shared/model/source';

const TEXT =
  'INT-01: Il laboratorio 👩‍🔬 ha cambiato tutto.\r\nINT-02: In città ci fidavamo; nella citta\u0300 vecchia no.\r\nFine.';

function at(text: string, passage: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(passage, from);
  if (start === -1) throw new Error(`"${passage}" not in text`);
  return { start, end: start + passage.length };
}

function request(codeId: string, span: { start: number; end: number }, extra = {}): NewCoding {
  return {
    id: `${codeId}-${span.start}`,
    codeId,
    coderId: 'anna',
    createdAt: '2024-05-01T10:00:00Z',
    ...span,
    ...extra,
  };
}

function coding(codeId: string, start: number, end: number, extra: Partial<Coding> = {}): Coding {
  return {
    id: `${codeId}-${start}`,
    codeId,
    start,
    end,
    text: TEXT.slice(start, end),
    coderId: 'anna',
    memo: '',
    key: false,
    textChanged: false,
    createdAt: '2024-05-01T10:00:00Z',
    ...extra,
  };
}

describe('applyCoding', () => {
  it('reads back exactly the coded passage around emoji, accents and CRLF', () => {
    const passages = ['👩‍🔬', 'città', 'citta\u0300', 'tutto.\r\nINT-02', 'laboratorio 👩‍🔬 ha'];
    let codings: Coding[] = [];
    for (const passage of passages) {
      codings = applyCoding(codings, TEXT, request(`code-${passage}`, at(TEXT, passage)));
    }
    expect(codings).toHaveLength(passages.length);
    for (const c of codings) {
      expect(TEXT.slice(c.start, c.end)).toBe(c.text);
      expect(passages).toContain(c.text);
    }
    const emoji = codings.find((c) => c.text === '👩‍🔬')!;
    expect(emoji.end - emoji.start).toBe(5);
    const nfd = codings.find((c) => c.text === 'citta\u0300')!;
    expect(nfd.end - nfd.start).toBe(6);
    expect(codings.map((c) => c.start)).toEqual(
      [...codings.map((c) => c.start)].sort((a, b) => a - b),
    );
  });

  it('refuses empty, reversed, negative, fractional and out-of-range spans', () => {
    const bad = [
      { start: 3, end: 3 },
      { start: 5, end: 2 },
      { start: -1, end: 4 },
      { start: 1.5, end: 4 },
      { start: 0, end: TEXT.length + 1 },
    ];
    for (const span of bad)
      expect(() => applyCoding([], TEXT, request('a', span))).toThrow(RangeError);
    expect(applyCoding([], TEXT, request('a', { start: 0, end: TEXT.length }))[0]!.text).toBe(TEXT);
  });

  it('keeps overlapping codings of different codes separate, sorted by start then end', () => {
    const codings = applyCoding(
      [coding('a', 10, 30), coding('b', 10, 20)],
      TEXT,
      request('c', { start: 5, end: 25 }),
    );
    expect(codings.map((c) => [c.codeId, c.start, c.end])).toEqual([
      ['c', 5, 25],
      ['b', 10, 20],
      ['a', 10, 30],
    ]);
  });

  it('unites overlapping codings of the same code under the earliest-created one', () => {
    const older = coding('a', 10, 20, {
      id: 'older',
      memo: 'prima nota',
      createdAt: '2024-05-01T09:59:59.500Z',
    });
    const keyed = coding('a', 30, 40, { id: 'keyed', key: true, memo: 'seconda nota' });
    const other = coding('b', 12, 35);
    const codings = applyCoding(
      [keyed, other, older],
      TEXT,
      request('a', { start: 15, end: 32 }, { memo: 'nuova' }),
    );
    expect(codings).toHaveLength(2);
    const united = codings.find((c) => c.codeId === 'a')!;
    expect(united).toMatchObject({ id: 'older', coderId: 'anna', start: 10, end: 40, key: true });
    expect(united.createdAt).toBe('2024-05-01T09:59:59.500Z');
    expect(united.memo).toBe('prima nota\n\nseconda nota\n\nnuova');
    expect(united.text).toBe(TEXT.slice(10, 40));
    expect(codings.find((c) => c.codeId === 'b')).toBe(other);
  });

  it("never unites another coder's coding: each coder's layer is theirs", () => {
    const bruno = coding('a', 10, 20, { id: 'bruno-a', coderId: 'bruno' });
    const codings = applyCoding([bruno], TEXT, request('a', { start: 15, end: 30 }));
    expect(codings.map((c) => [c.id, c.coderId, c.start, c.end])).toEqual([
      ['bruno-a', 'bruno', 10, 20],
      ['a-15', 'anna', 15, 30],
    ]);
    // Joining after a code merge keeps the layers apart too.
    const joined = joinSegments([...codings, coding('a', 25, 40, { id: 'anna-2' })], TEXT);
    expect(joined.map((c) => [c.coderId, c.start, c.end])).toEqual([
      ['bruno', 10, 20],
      ['anna', 15, 40],
    ]);
  });

  it('unites touching codings but not ones a character apart', () => {
    const touching = applyCoding([coding('a', 10, 20)], TEXT, request('a', { start: 20, end: 25 }));
    expect(touching.map((c) => [c.start, c.end])).toEqual([[10, 25]]);
    const apart = applyCoding([coding('a', 10, 20)], TEXT, request('a', { start: 21, end: 25 }));
    expect(apart.map((c) => [c.start, c.end])).toEqual([
      [10, 20],
      [21, 25],
    ]);
  });

  it('bridges two codings, keeps a flagged one apart and never mutates its inputs', () => {
    const flagged = coding('a', 40, 50, { text: 'old words', textChanged: true });
    const input = Object.freeze([coding('a', 0, 8), coding('a', 12, 20), flagged]);
    const before = structuredClone(input);
    const codings = applyCoding(input, TEXT, request('a', { start: 5, end: 45 }));
    expect(codings.map((c) => [c.start, c.end, c.textChanged])).toEqual([
      [0, 45, false],
      [40, 50, true],
    ]);
    expect(input).toEqual(before);
  });
});

describe('applyCoding places a new coding where a full sort would', () => {
  it('gives the stable sort by start then end, for sorted and unsorted lists, ties included', () => {
    const text = 'x'.repeat(200);
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const codings: Coding[] = Array.from({ length: random(12) }, (_, i) => {
        const start = random(20) * 5;
        return {
          id: `c${round}-${i}`,
          codeId: `code-${random(3)}`,
          coderId: `coder-${random(2)}`,
          start,
          end: start + 1 + random(3) * 5,
          text: '',
          memo: '',
          key: false,
          textChanged: random(5) === 0,
          createdAt: `2026-01-0${1 + random(9)}T00:00:00.000Z`,
        };
      });
      if (round % 2 === 0) codings.sort((a, b) => a.start - b.start || a.end - b.end);
      const start = random(20) * 5;
      const fresh: NewCoding = {
        id: `new-${round}`,
        codeId: `code-${random(3)}`,
        coderId: `coder-${random(2)}`,
        start,
        end: start + 1 + random(3) * 5,
        createdAt: '2026-01-05T00:00:00.000Z',
      };
      const result = applyCoding(codings, text, fresh);
      // What a full stable sort gives: the codings kept, in their input order, then the new one.
      const rest = codings.filter((c) => result.includes(c));
      const added = result.filter((c) => !codings.includes(c));
      expect(added).toHaveLength(1);
      const expected = [...rest, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
      expect(result.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    }
  });
});

describe('uncodeRange', () => {
  const ids = () => {
    let n = 0;
    return () => `new-${++n}`;
  };

  it('splits a coding that spans the range on both sides, each part reading its own text', () => {
    const whole = coding('a', 8, 60, { memo: 'nota', key: true, coderId: 'bruno' });
    const codings = uncodeRange([whole], TEXT, 'a', 20, 30, ids());
    expect(codings).toEqual([
      { ...whole, end: 20, text: TEXT.slice(8, 20) },
      { ...whole, id: 'new-1', start: 30, text: TEXT.slice(30, 60) },
    ]);
  });

  it('trims codings at either edge, removes covered ones and leaves other codes alone', () => {
    const other = coding('b', 0, 100);
    const codings = uncodeRange(
      [coding('a', 5, 15), coding('a', 18, 22), coding('a', 25, 40), other],
      TEXT,
      'a',
      10,
      30,
      ids(),
    );
    expect(codings.map((c) => [c.codeId, c.start, c.end, c.text])).toEqual([
      ['b', 0, 100, TEXT.slice(0, 100)],
      ['a', 5, 10, TEXT.slice(5, 10)],
      ['a', 30, 40, TEXT.slice(30, 40)],
    ]);
    expect(codings.find((c) => c.codeId === 'a' && c.start === 30)!.id).toBe('a-25');
  });

  it('uncodes exactly an emoji out of a longer coding', () => {
    const emoji = at(TEXT, '👩‍🔬');
    const outer = at(TEXT, 'laboratorio 👩‍🔬 ha');
    const codings = uncodeRange(
      [coding('a', outer.start, outer.end)],
      TEXT,
      'a',
      emoji.start,
      emoji.end,
      ids(),
    );
    expect(codings.map((c) => c.text)).toEqual(['laboratorio ', ' ha']);
  });
});

describe('joinSegments and mergeCodings', () => {
  it('merges two codes, joining their overlapping and adjacent segments', () => {
    const codings = mergeCodings(
      [
        coding('fiducia', 0, 10, { memo: 'A' }),
        coding('trust', 8, 20, { memo: 'B', createdAt: '2024-04-01T00:00:00Z', id: 'early' }),
        coding('trust', 20, 25, { memo: 'A' }),
        coding('trust', 40, 50),
        coding('altro', 5, 45),
      ],
      TEXT,
      'trust',
      'fiducia',
    );
    expect(codings.map((c) => [c.codeId, c.start, c.end])).toEqual([
      ['fiducia', 0, 25],
      ['altro', 5, 45],
      ['fiducia', 40, 50],
    ]);
    expect(codings[0]).toMatchObject({ id: 'early', memo: 'B\n\nA', text: TEXT.slice(0, 25) });
  });

  it('joins a chain of same-code segments and leaves lone ones untouched', () => {
    const lone = coding('a', 60, 70);
    const codings = joinSegments(
      [coding('a', 8, 12), lone, coding('a', 0, 5), coding('a', 3, 8)],
      TEXT,
    );
    expect(codings.map((c) => [c.start, c.end])).toEqual([
      [0, 12],
      [60, 70],
    ]);
    expect(codings[1]).toBe(lone);
  });
});

describe('adjustCoding and codingsAt', () => {
  it('re-reads the text, clears the flag and refuses bad spans', () => {
    const flagged = coding('a', 0, 5, { text: 'whatever', textChanged: true });
    const span = at(TEXT, 'città');
    expect(adjustCoding(flagged, TEXT, span.start, span.end)).toEqual({
      ...flagged,
      ...span,
      text: 'città',
      textChanged: false,
    });
    expect(() => adjustCoding(flagged, TEXT, 4, 4)).toThrow(RangeError);
    expect(() => adjustCoding(flagged, TEXT, 0, TEXT.length + 1)).toThrow(RangeError);
  });

  it('lists the codings covering an offset, innermost first, end exclusive', () => {
    const codings = [coding('outer', 0, 50), coding('inner', 10, 20), coding('mid', 5, 30)];
    expect(codingsAt(codings, 15).map((c) => c.codeId)).toEqual(['inner', 'mid', 'outer']);
    expect(codingsAt(codings, 20).map((c) => c.codeId)).toEqual(['mid', 'outer']);
    expect(codingsAt(codings, 50)).toEqual([]);
  });
});
