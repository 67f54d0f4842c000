import { describe, expect, it } from 'vitest';
import { cohenKappa } from '../../../src/shared/domain/agreement';
import { characterLevelAgreement } from '../../../src/shared/domain/agreement-characters';
import { findDisagreements } from '../../../src/shared/domain/agreement-disagreements';
import type { CoderCoding, TextAgreementInput } from '../../../src/shared/domain/agreement-layers';
import { segmentLevelAgreement } from '../../../src/shared/domain/agreement-segments';
import { unitLevelAgreement } from '../../../src/shared/domain/agreement-units';
import { bruteForceCounts, marks, seededRandom } from '../../helpers/agreement-fixtures';
import { deepFreeze } from '../../helpers/deep-freeze';

/**
 * A three-hour focus group: 300,000 characters in 12,000 turns of 25, two coders with 5,000
 * codings each. Code X is a regular pattern whose figures are known in advance: 3,000 blocks of
 * 100 characters; anna codes 0–60 of every block; bruno codes the same in even blocks and 30–90
 * in odd ones. Code Y is 2,000 random codings per coder, checked against per-character counts.
 * The functions sweep intervals; only the test's reference works character by character.
 */
const LENGTH = 300_000;
const BLOCKS = 3_000;

function bigTranscript(): TextAgreementInput {
  const codings: CoderCoding[] = [];
  for (let i = 0; i < BLOCKS; i += 1) {
    const base = i * 100;
    codings.push({ coderId: 'anna', codeId: 'X', sourceId: 'fg', start: base, end: base + 60 });
    const shift = i % 2 === 0 ? 0 : 30;
    codings.push({
      coderId: 'bruno',
      codeId: 'X',
      sourceId: 'fg',
      start: base + shift,
      end: base + shift + 60,
    });
  }
  const random = seededRandom(2026);
  for (let i = 0; i < 4_000; i += 1) {
    const start = Math.floor(random() * LENGTH);
    const end = Math.min(LENGTH, start + 1 + Math.floor(random() * 500));
    codings.push({ coderId: i % 2 ? 'anna' : 'bruno', codeId: 'Y', sourceId: 'fg', start, end });
  }
  const turns = Array.from({ length: LENGTH / 25 }, (_, t) => ({
    start: t * 25,
    end: t * 25 + 25,
  }));
  return { sources: [{ id: 'fg', length: LENGTH, turns }], codings };
}

describe('agreement on a 300,000-character transcript with thousands of codings', () => {
  const input = deepFreeze(bigTranscript());
  const coders = ['anna', 'bruno'];

  it('counts characters exactly', () => {
    const pair = characterLevelAgreement(input, { coders }).pairs[0]!;
    const [x, y] = pair.byCode;
    expect(x!.counts).toEqual({ total: LENGTH, both: 135_000, aOnly: 45_000, bOnly: 45_000 });
    expect(y!.counts).toEqual(bruteForceCounts(input, 'fg', 'Y', ['anna', 'bruno']));
    expect(pair.overall.counts.total).toBe(2 * LENGTH);
    // ΣEF = (180,000² + 120,000²)/300,000 = 156,000; TA = 135,000 + 75,000 = 210,000.
    expect(x!.percent).toBeCloseTo(70, 12);
    expect(x!.kappa).toBeCloseTo((210_000 - 156_000) / (300_000 - 156_000), 12);
  });

  it('matches segments: the even blocks agree, the odd ones overlap by a third', () => {
    const pair = segmentLevelAgreement(input, { coders, codeIds: ['X'] }).pairs[0]!;
    expect(pair.cells[0]).toMatchObject({
      segments: [3_000, 3_000],
      agreeing: [1_500, 1_500],
      percent: 50,
    });
    const loose = segmentLevelAgreement(input, { coders, codeIds: ['X'], threshold: 0.3 });
    expect(loose.pairs[0]!.cells[0]!.agreeing).toEqual([3_000, 3_000]);
  });

  it('marks turns: anna 0–2 of each block, bruno 0–2 in even blocks and 1–3 in odd ones', () => {
    const report = unitLevelAgreement(input, { coders });
    const [x, y] = report.byCode;
    expect(report.units).toBe(12_000);
    expect(x!.pairs[0]!.table).toEqual([
      [7_500, 1_500],
      [1_500, 1_500],
    ]);
    expect(x!.pairs[0]!.kappa).toBeCloseTo(
      cohenKappa([
        [7_500, 1_500],
        [1_500, 1_500],
      ]).kappa!,
      12,
    );
    // Y against turns marked character by character.
    const anna = marks(input, 'fg', 'Y', 'anna');
    const bruno = marks(input, 'fg', 'Y', 'bruno');
    const table = [
      [0, 0],
      [0, 0],
    ];
    for (let t = 0; t < LENGTH / 25; t += 1) {
      const a = anna.subarray(t * 25, t * 25 + 25).includes(1) ? 0 : 1;
      const b = bruno.subarray(t * 25, t * 25 + 25).includes(1) ? 0 : 1;
      table[a]![b]! += 1;
    }
    expect(y!.pairs[0]!.table).toEqual(table);
  });

  it('lists every odd block as a disagreement, and every differing character in one passage', () => {
    const { disagreements } = findDisagreements(input, { coders });
    const x = disagreements.filter((d) => d.codeId === 'X');
    expect(x).toHaveLength(1_500);
    expect(x.every((d) => d.kind === 'extent' && d.agreed === 30 && d.covered === 90)).toBe(true);
    expect(x[0]).toMatchObject({ start: 100, end: 190 });
    const y = disagreements.filter((d) => d.codeId === 'Y');
    const counts = bruteForceCounts(input, 'fg', 'Y', ['anna', 'bruno']);
    const differing = y.reduce((sum, d) => sum + d.covered - d.agreed, 0);
    expect(differing).toBe(counts.aOnly + counts.bOnly);
  });
});
