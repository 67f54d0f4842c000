import { describe, expect, it } from 'vitest';
import { matrixVersionsAgreement } from '../../../src/shared/domain/agreement-rating-versions';
import { integrationTemplate } from '../../../src/shared/domain/matrix-templates';
import type { RatingMatrix } from '../../../src/shared/model/matrix';
import { projectCore } from '../../helpers/core';

let n = 0;
/** An integration matrix made from the template with fresh ids, rated on coordination. */
function matrix(
  id: string,
  levels: Array<'Basso' | 'Medio' | 'Alto' | 'n.a.' | null>,
): RatingMatrix {
  const template = integrationTemplate(() => `${id}-${++n}`);
  const coordination = template.dimensions[0]!.id;
  const level = (label: string) => template.scale.find((l) => l.label.it === label)!.id;
  return {
    id,
    ...template,
    cells: levels.flatMap((rating, i) =>
      rating === null
        ? []
        : [
            {
              rowId: template.rows[i]!.id,
              columnId: template.columns[0]!.id,
              ratings: { [coordination]: level(rating) },
              rationale: '',
              evidence: [],
            },
          ],
    ),
  } as RatingMatrix;
}

describe('evaluators’ versions of one rating matrix', () => {
  it('matches matrices made separately from the same template by label and compares them', () => {
    // Column POR FESR, rows OT8…OT11. Anna: B M A A; Bruno: B M M A → 3 of 4 agree.
    const anna = matrix('anna', ['Basso', 'Medio', 'Alto', 'Alto']);
    const bruno = matrix('bruno', ['Basso', 'Medio', 'Medio', 'Alto']);
    const report = matrixVersionsAgreement([anna, bruno]);
    expect(report.unplaced).toBe(0);
    expect(report.meta.unmatchedCells).toBe(0);
    const coordination = report.dimensions[0]!;
    expect(coordination.pairs[0]!.cells).toBe(4);
    expect(coordination.pairs[0]!.percent).toBe(75);
    // Linear weights on 1,2,3: po = (3 + 0,5) / 4 = 0,875; marginals A (1,1,2), B (1,2,1):
    // pe = Σ w·pA·pB = 0,25·0,5 + 0,25·0,75 + 0,5·0,5 = 0,5625 → κ = 0,3125 / 0,4375 = 5/7.
    expect(coordination.pairs[0]!.kappaLinear).toBeCloseTo(5 / 7, 10);
    expect(report.differences).toHaveLength(1);
    expect(report.differences[0]).toMatchObject({ kind: 'level', spread: 1 });
    expect(report.differences[0]!.rowId).toBe(anna.rows[2]!.id);
  });

  it('is reachable from the app: two matrices of the project, rated in two windows', async () => {
    const { call, core } = await projectCore();
    const a = await call('ratingMatrixAdd', { template: 'integration', title: 'Integrazione – A' });
    const b = await call('ratingMatrixAdd', { template: 'integration', title: 'Integrazione – B' });
    const rate = async (m: RatingMatrix, row: number, label: string) => {
      const level = m.scale.find((l) => l.label.it === label)!.id;
      await call('ratingCellSet', {
        matrixId: m.id,
        rowId: m.rows[row]!.id,
        columnId: m.columns[0]!.id,
        dimensionId: m.dimensions[0]!.id,
        levelId: level,
      });
    };
    await rate(a, 0, 'Alto');
    await rate(b, 0, 'Basso');
    await rate(a, 1, 'Medio');
    await rate(b, 1, 'Medio');
    const report = await call('ratingAgreementCompute', { matrixIds: [a.id, b.id] });
    expect(report.meta.evaluators).toEqual([a.id, b.id]);
    expect(report.dimensions[0]!.pairs[0]).toMatchObject({ cells: 2, percent: 50 });
    expect(report.differences).toHaveLength(1);
    expect(report.differences[0]!.spread).toBe(2);
    await core.shutdown();
  });
});
