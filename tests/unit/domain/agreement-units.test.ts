import { describe, expect, it } from 'vitest';
import { cohenKappa, fleissKappa, krippendorffAlpha } from '../../../src/shared/domain/agreement';
import { BinaryAlpha, BinaryFleiss } from '../../../src/shared/domain/agreement-binary';
import type { AgreementSource, CoderCoding } from '../../../src/shared/domain/agreement-layers';
import { sentenceUnits, unitLevelAgreement } from '../../../src/shared/domain/agreement-units';
import { seededRandom } from '../../helpers/agreement-fixtures';
import { deepFreeze } from '../../helpers/deep-freeze';

const coding = (coderId: string, codeId: string, start: number, end: number, sourceId = 's1') =>
  ({ coderId, codeId, sourceId, start, end }) satisfies CoderCoding;

/** Four speaker turns of ten characters. */
const turns = [0, 10, 20, 30].map((start) => ({ start, end: start + 10 }));
const source = (extra: Partial<AgreementSource> = {}): AgreementSource => ({
  id: 's1',
  length: 40,
  turns,
  ...extra,
});

describe('unitLevelAgreement', () => {
  it('marks the turns a coder’s codings touch and gives Cohen’s κ per pair', () => {
    // a marks turns 1 and 2, b turns 2 and 3: table [[1, 1], [1, 1]], po 0.5, κ 0.
    const report = unitLevelAgreement(
      deepFreeze({
        sources: [source()],
        codings: [coding('a', 'X', 2, 18), coding('b', 'X', 12, 28)],
      }),
      { coders: ['a', 'b'] },
    );
    const [pair] = report.byCode[0]!.pairs;
    expect(pair).toEqual({
      coders: ['a', 'b'],
      units: 4,
      table: [
        [1, 1],
        [1, 1],
      ],
      percent: 50,
      kappa: 0,
      undefinedReason: null,
    });
    expect(report.byCode[0]!.fleiss).toBeNull(); // two coders: Cohen's κ is the statistic
    expect(report.units).toBe(4);
    expect(report.meta).toMatchObject({
      method: 'unit',
      unit: 'turn',
      minOverlap: 1,
      threshold: null,
    });
  });

  it('needs as many shared characters as minOverlap to mark a unit', () => {
    // b's selection spills two characters into turn 2.
    const input = {
      sources: [source()],
      codings: [coding('a', 'X', 0, 10), coding('b', 'X', 0, 12)],
    };
    const loose = unitLevelAgreement(input, { coders: ['a', 'b'] }).byCode[0]!.pairs[0]!;
    expect(loose.table).toEqual([
      [1, 0],
      [1, 2],
    ]);
    const strict = unitLevelAgreement(input, { coders: ['a', 'b'], minOverlap: 3 }).byCode[0]!
      .pairs[0]!;
    expect(strict.table).toEqual([
      [1, 0],
      [0, 3],
    ]);
    expect(strict.kappa).toBe(1);
    expect(() => unitLevelAgreement(input, { coders: ['a', 'b'], minOverlap: 0 })).toThrow(
      RangeError,
    );
  });

  it('gives Fleiss’ κ and Krippendorff’s α for three coders, as the general functions do', () => {
    const codings = [
      coding('a', 'X', 0, 5),
      coding('b', 'X', 0, 5),
      coding('c', 'X', 0, 5),
      coding('a', 'X', 10, 15),
      coding('b', 'X', 10, 15),
      coding('c', 'X', 25, 30),
      coding('b', 'X', 31, 33),
    ];
    const report = unitLevelAgreement(
      { sources: [source()], codings },
      { coders: ['a', 'b', 'c'] },
    );
    const code = report.byCode[0]!;
    // Marks per turn (a, b, c): 111, 110, 001, 010.
    const marks = [
      [1, 1, 0, 0],
      [1, 1, 0, 1],
      [1, 0, 1, 0],
    ];
    const counts = [0, 1, 2, 3].map((u) => {
      const marked = marks.reduce((sum, row) => sum + row[u]!, 0);
      return [marked, 3 - marked];
    });
    const fleiss = fleissKappa(counts);
    expect(code.fleiss).toMatchObject({ units: 4, undefinedReason: null });
    expect(code.fleiss!.pBar).toBeCloseTo(fleiss.pBar, 12);
    expect(code.fleiss!.pe).toBeCloseTo(fleiss.pe, 12);
    expect(code.fleiss!.kappa).toBeCloseTo(fleiss.kappa!, 12);
    expect(code.alpha.value).toBeCloseTo(krippendorffAlpha(marks, 'nominal')!, 12);
    expect(code.pairs.map((pair) => pair.coders)).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
    ]);
    // a 1100 against c 1010: one unit each way, one both, one neither.
    expect(code.pairs[1]!.table).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(code.pairs[1]!.kappa).toBeCloseTo(
      cohenKappa([
        [1, 1],
        [1, 1],
      ]).kappa!,
      12,
    );
  });

  it('treats a coder who did not code a document as missing data, not as “absent”', () => {
    const sources = [
      source(),
      {
        id: 's2',
        length: 20,
        turns: [
          { start: 0, end: 10 },
          { start: 10, end: 20 },
        ],
        codedBy: ['a', 'b'],
      },
    ];
    const codings = [
      coding('a', 'X', 0, 5),
      coding('b', 'X', 0, 5),
      coding('c', 'X', 10, 15),
      coding('a', 'X', 0, 5, 's2'),
      coding('b', 'X', 10, 15, 's2'),
    ];
    const code = unitLevelAgreement({ sources, codings }, { coders: ['a', 'b', 'c'] }).byCode[0]!;
    const _ = null;
    const data = [
      [1, 0, 0, 0, 1, 0],
      [1, 0, 0, 0, 0, 1],
      [0, 1, 0, 0, _, _],
    ];
    expect(code.alpha.units).toBe(6);
    expect(code.alpha.value).toBeCloseTo(krippendorffAlpha(data, 'nominal')!, 12);
    expect(code.fleiss!.units).toBe(4); // only s1 was coded by all three
    expect(code.pairs.map((pair) => pair.units)).toEqual([6, 4, 4]);
  });

  it('pools over codes, each unit × code an item', () => {
    const report = unitLevelAgreement(
      {
        sources: [source()],
        codings: [coding('a', 'X', 0, 5), coding('b', 'X', 0, 5), coding('a', 'Y', 30, 35)],
      },
      { coders: ['a', 'b'] },
    );
    expect(report.overall.pairs[0]!.table).toEqual([
      [1, 1],
      [0, 6],
    ]);
    expect(report.overall.alpha.units).toBe(8);
  });

  it('says "undefined" for a code nobody marked, and lists documents without units', () => {
    const report = unitLevelAgreement(
      {
        sources: [source(), { id: 'doc', length: 100 }],
        codings: [coding('a', 'X', 0, 50, 'doc'), coding('b', 'X', 0, 50, 'doc')],
      },
      { coders: ['a', 'b', 'c'], codeIds: ['X'] },
    );
    expect(report.sourcesWithoutUnits).toEqual(['doc']);
    expect(report.sourceIds).toEqual(['s1']);
    const code = report.byCode[0]!;
    expect(code.pairs[0]).toMatchObject({
      percent: null,
      kappa: null,
      undefinedReason: 'neither-coded',
    });
    expect(code.fleiss).toMatchObject({
      kappa: null,
      pBar: null,
      undefinedReason: 'neither-coded',
    });
    expect(code.alpha).toEqual({ value: null, units: 4, undefinedReason: 'neither-coded' });
  });

  it('uses sentences as units when asked', () => {
    const text = 'Il bando è uscito. Nessuno lo sapeva! Chi doveva dirlo?';
    const sentences = sentenceUnits(text);
    const report = unitLevelAgreement(
      {
        sources: [{ id: 's1', length: text.length, sentences }],
        codings: [coding('a', 'X', 0, 18), coding('b', 'X', 19, 37)],
      },
      { coders: ['a', 'b'], unit: 'sentence' },
    );
    expect(report.meta.unit).toBe('sentence');
    expect(report.byCode[0]!.pairs[0]!.table).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });
});

describe('sentenceUnits', () => {
  it('ends a sentence at . ! ? … before a space or at a line break, keeping numbers whole', () => {
    const text =
      'Primo punto. Costo 1.234,5 euro! «Davvero?» Sì…\nNuova riga senza punto\n\n  Fine.';
    const sentences = sentenceUnits(text).map(({ start, end }) => text.slice(start, end));
    expect(sentences).toEqual([
      'Primo punto.',
      'Costo 1.234,5 euro!',
      '«Davvero?»',
      'Sì…',
      'Nuova riga senza punto',
      'Fine.',
    ]);
    expect(sentenceUnits('')).toEqual([]);
  });
});

describe('binary accumulators', () => {
  it('give the same Fleiss’ κ and α as the general functions on random judgements', () => {
    const random = seededRandom(7);
    let defined = 0;
    for (let trial = 0; trial < 20; trial += 1) {
      const raters = 2 + Math.floor(random() * 4);
      const units = 5 + Math.floor(random() * 30);
      const data = Array.from({ length: raters }, () =>
        Array.from({ length: units }, () => (random() < 0.1 ? null : random() < 0.4 ? 1 : 0)),
      );
      const alpha = new BinaryAlpha();
      const fleiss = new BinaryFleiss(raters);
      const complete: number[][] = [];
      for (let u = 0; u < units; u += 1) {
        const values = data.map((row) => row[u]).filter((value) => value !== null);
        const marked = values.filter((value) => value === 1).length;
        alpha.add(marked, values.length - marked);
        if (values.length === raters) {
          fleiss.add(marked);
          complete.push([marked, raters - marked]);
        }
      }
      expectSame(alpha.result().value, krippendorffAlpha(data, 'nominal'));
      expectSame(fleiss.result().kappa, complete.length === 0 ? null : fleissKappa(complete).kappa);
      defined += alpha.result().value === null ? 0 : 1;
    }
    expect(defined).toBeGreaterThan(15);
  });
});

/** Both null, or both numbers equal to 12 decimals. */
function expectSame(actual: number | null, expected: number | null) {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 12);
}
