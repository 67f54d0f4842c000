import { describe, expect, it } from 'vitest';
import { characterAgreement } from '../../../src/shared/domain/agreement';
import { characterLevelAgreement } from '../../../src/shared/domain/agreement-characters';
import type {
  AgreementSource,
  CoderCoding,
  TextAgreementInput,
} from '../../../src/shared/domain/agreement-layers';
import { deepFreeze } from '../../helpers/deep-freeze';
import { bruteForceCounts, randomLayers } from '../../helpers/agreement-fixtures';

const coding = (
  coderId: string,
  codeId: string,
  start: number,
  end: number,
  sourceId = 's1',
): CoderCoding => ({ coderId, codeId, sourceId, start, end });

const source = (id: string, length: number, extra: Partial<AgreementSource> = {}) => ({
  id,
  length,
  ...extra,
});

describe('characterLevelAgreement (NVivo)', () => {
  it('counts characters coded by both, by one, by neither, and gives NVivo’s κ', () => {
    // A codes 10–40, B 20–50 of 100 characters: both 20, A only 10, B only 10, neither 60.
    // Agreement 80 %; ΣEF = (30·30 + 70·70)/100 = 58 → κ = (80 − 58)/(100 − 58) = 22/42.
    const input: TextAgreementInput = deepFreeze({
      sources: [source('s1', 100)],
      codings: [coding('anna', 'X', 10, 40), coding('bruno', 'X', 20, 50)],
    });
    const report = characterLevelAgreement(input, { coders: ['anna', 'bruno'] });
    const [cell] = report.pairs[0]!.cells;
    expect(cell).toMatchObject({
      sourceId: 's1',
      codeId: 'X',
      counts: { total: 100, both: 20, aOnly: 10, bOnly: 10 },
      undefinedReason: null,
    });
    expect(cell!.percent).toBeCloseTo(80, 12);
    expect(cell!.kappa).toBeCloseTo(22 / 42, 12);
    expect(report.meta).toEqual({
      method: 'character',
      unit: 'character',
      threshold: null,
      minOverlap: null,
      coders: ['anna', 'bruno'],
      sourceIds: ['s1'],
      codeIds: ['X'],
      ignoredCodings: 0,
    });
  });

  it('says "undefined" where neither coder used the code in a document, never 100 % or κ = 1', () => {
    const report = characterLevelAgreement(
      {
        sources: [source('s1', 100), source('s2', 50)],
        codings: [coding('anna', 'X', 0, 10), coding('bruno', 'X', 0, 10)],
      },
      { coders: ['anna', 'bruno'], codeIds: ['X', 'Y'] },
    );
    const cells = report.pairs[0]!.cells;
    expect(cells.map((c) => [c.sourceId, c.codeId])).toEqual([
      ['s1', 'X'],
      ['s1', 'Y'],
      ['s2', 'X'],
      ['s2', 'Y'],
    ]);
    for (const cell of cells.slice(1)) {
      expect(cell).toMatchObject({ percent: null, kappa: null, undefinedReason: 'neither-coded' });
    }
    const y = report.pairs[0]!.byCode.find((code) => code.codeId === 'Y')!;
    expect(y).toMatchObject({ percent: null, kappa: null, undefinedReason: 'neither-coded' });
    expect(y.sourcesUsed).toBe(0);
    expect(cells[0]!.kappa).toBe(1); // perfect agreement where the code was used is 1
  });

  it('leaves κ undefined when both coders coded the whole document, with 100 % agreement', () => {
    const report = characterLevelAgreement(
      { sources: [source('s1', 30)], codings: [coding('a', 'X', 0, 30), coding('b', 'X', 0, 30)] },
      { coders: ['a', 'b'] },
    );
    expect(report.pairs[0]!.cells[0]).toMatchObject({
      percent: 100,
      kappa: null,
      undefinedReason: 'no-variation',
    });
  });

  it('counts a character once however many of a coder’s codings cover it', () => {
    const report = characterLevelAgreement(
      {
        sources: [source('s1', 100)],
        codings: [
          coding('a', 'X', 0, 30),
          coding('a', 'X', 10, 40),
          coding('a', 'X', 40, 50), // touches: 0–50 in all
          coding('b', 'X', 0, 50),
        ],
      },
      { coders: ['a', 'b'] },
    );
    expect(report.pairs[0]!.cells[0]!.counts).toEqual({ total: 100, both: 50, aOnly: 0, bOnly: 0 });
  });

  it('pools per code over documents by summing characters, per document over codes, and overall', () => {
    const report = characterLevelAgreement(
      {
        sources: [source('s1', 100), source('s2', 200)],
        codings: [
          coding('a', 'X', 0, 50, 's1'),
          coding('b', 'X', 0, 40, 's1'),
          coding('a', 'X', 100, 150, 's2'),
          coding('b', 'Y', 0, 10, 's2'),
        ],
      },
      { coders: ['a', 'b'] },
    );
    const pair = report.pairs[0]!;
    const x = pair.byCode.find((code) => code.codeId === 'X')!;
    expect(x.counts).toEqual({ total: 300, both: 40, aOnly: 60, bOnly: 0 });
    expect(x.sourcesUsed).toBe(2);
    expect(x.kappa).toBeCloseTo(characterAgreement(x.counts).kappa!, 12);
    expect(pair.bySource.map((s) => s.counts)).toEqual([
      { total: 200, both: 40, aOnly: 10, bOnly: 0 },
      { total: 400, both: 0, aOnly: 50, bOnly: 10 },
    ]);
    expect(pair.overall.counts).toEqual({ total: 600, both: 40, aOnly: 60, bOnly: 10 });
    expect(pair.overall.percent).toBeCloseTo((40 + 490) / 6, 12);
  });

  it('compares only the documents both coders of a pair coded', () => {
    const report = characterLevelAgreement(
      {
        sources: [
          source('s1', 100, { codedBy: ['a', 'b', 'c'] }),
          source('s2', 100, { codedBy: ['a', 'c'] }),
        ],
        codings: [
          coding('a', 'X', 0, 10),
          coding('a', 'X', 0, 10, 's2'),
          coding('c', 'X', 0, 10, 's2'),
        ],
      },
      { coders: ['a', 'b', 'c'] },
    );
    expect(report.pairs.map((pair) => [pair.coders, pair.sourceIds])).toEqual([
      [['a', 'b'], ['s1']],
      [
        ['a', 'c'],
        ['s1', 's2'],
      ],
      [['b', 'c'], ['s1']],
    ]);
    // b coded s1 and found nothing: that is a disagreement, not missing data.
    expect(report.pairs[0]!.cells[0]!.counts).toEqual({ total: 100, both: 0, aOnly: 10, bOnly: 0 });
  });

  it('treats a coder with codings in a document as having coded it, whatever codedBy says', () => {
    const report = characterLevelAgreement(
      {
        sources: [source('s1', 100, { codedBy: ['a'] })],
        codings: [coding('a', 'X', 0, 10), coding('b', 'X', 0, 10)],
      },
      { coders: ['a', 'b'] },
    );
    expect(report.pairs[0]!.sourceIds).toEqual(['s1']);
  });

  it('clips codings to the text and counts the unusable ones', () => {
    const report = characterLevelAgreement(
      {
        sources: [source('s1', 20)],
        codings: [
          coding('a', 'X', 10, 35), // clipped to 10–20
          coding('b', 'X', 10, 20),
          coding('b', 'X', 25, 30), // beyond the text
          coding('a', 'X', 5, 5), // empty
          coding('a', 'X', 8, 3), // reversed
          coding('z', 'X', 0, 20), // another coder: not part of the comparison
          coding('a', 'X', 0, 20, 'elsewhere'), // another source
        ],
      },
      { coders: ['a', 'b'] },
    );
    expect(report.pairs[0]!.cells[0]!.counts).toEqual({ total: 20, both: 10, aOnly: 0, bOnly: 0 });
    expect(report.meta.ignoredCodings).toBe(3);
  });

  it('lists codes in the order given, or by first appearance', () => {
    const input = {
      sources: [source('s1', 50)],
      codings: [coding('b', 'Y', 0, 5), coding('a', 'X', 0, 5), coding('a', 'Y', 0, 5)],
    };
    expect(characterLevelAgreement(input, { coders: ['a', 'b'] }).meta.codeIds).toEqual(['Y', 'X']);
    const chosen = characterLevelAgreement(input, { coders: ['a', 'b'], codeIds: ['X'] });
    expect(chosen.pairs[0]!.cells.map((cell) => cell.codeId)).toEqual(['X']);
  });

  it('refuses fewer than two coders, repeated coders or sources, and bad lengths', () => {
    const sources = [source('s1', 10)];
    expect(() => characterLevelAgreement({ sources, codings: [] }, { coders: ['a'] })).toThrow(
      RangeError,
    );
    expect(() => characterLevelAgreement({ sources, codings: [] }, { coders: ['a', 'a'] })).toThrow(
      RangeError,
    );
    expect(() =>
      characterLevelAgreement(
        { sources: [...sources, ...sources], codings: [] },
        { coders: ['a', 'b'] },
      ),
    ).toThrow(RangeError);
    expect(() =>
      characterLevelAgreement({ sources: [source('s1', -1)], codings: [] }, { coders: ['a', 'b'] }),
    ).toThrow(RangeError);
  });

  it('agrees with a character-by-character count on random layers', () => {
    let partial = 0; // cells where the coders overlap and also differ: the interesting ones
    for (let seed = 1; seed <= 20; seed += 1) {
      const input = deepFreeze(
        randomLayers(seed, { sources: 3, coders: 3, codes: 4, codings: 40 }),
      );
      const report = characterLevelAgreement(input, { coders: ['c0', 'c1', 'c2'] });
      for (const pair of report.pairs) {
        for (const cell of pair.cells) {
          const expected = bruteForceCounts(input, cell.sourceId, cell.codeId, pair.coders);
          expect(cell.counts, `seed ${seed}`).toEqual(expected);
          if (expected.both > 0 && expected.aOnly + expected.bOnly > 0) partial += 1;
        }
      }
    }
    expect(partial).toBeGreaterThan(50);
  });
});
