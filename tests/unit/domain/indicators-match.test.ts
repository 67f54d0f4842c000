import { describe, expect, it } from 'vitest';
import {
  buildIndicators,
  type IndicatorColumnTarget,
} from '../../../src/shared/domain/indicators-import';
import { indicatorKey, planIndicatorImport } from '../../../src/shared/domain/indicators-match';
import { IndicatorSchema, type Indicator } from '../../../src/shared/model/project';

const mapping: IndicatorColumnTarget[] = (
  ['code', 'name', 'milestone', 'achieved', 'referenceDate'] as const
).map((field) => ({ kind: 'field', field }));

const indicator = (fields: Partial<Indicator> & { id: string; name: string }): Indicator =>
  IndicatorSchema.parse(fields);

describe('indicatorKey', () => {
  it('is the code when there is one, whatever its case and spacing', () => {
    expect(indicatorKey({ code: ' co01 ', axis: 'I', name: 'A' })).toBe(
      indicatorKey({ code: 'CO01', axis: 'II', name: 'B' }),
    );
  });

  it('is the axis and the name when there is no code, accents and case aside', () => {
    expect(indicatorKey({ code: '', axis: 'I', name: 'Attività  svolte' })).toBe(
      indicatorKey({ code: '', axis: 'i', name: 'attivita svolte' }),
    );
    expect(indicatorKey({ code: '', axis: 'I', name: 'A' })).not.toBe(
      indicatorKey({ code: '', axis: 'II', name: 'A' }),
    );
  });
});

describe('planIndicatorImport', () => {
  const existing = [
    indicator({
      id: 'i1',
      code: 'CO01',
      name: 'Disoccupati',
      milestone: 800,
      achieved: 700,
      source: 'vecchio.csv',
    }),
    indicator({
      id: 'i2',
      code: 'CR06',
      name: 'Occupati a sei mesi',
      milestone: 40,
      achieved: 11.1,
    }),
  ];

  it('a second import of the same extract adds nothing and changes nothing', () => {
    const rows = [
      ['CO01', 'Disoccupati', 800, 700, ''],
      ['CR06', 'Occupati a sei mesi', 40, 11.1, ''],
    ];
    const { indicators, filled } = buildIndicators(rows, mapping);
    const plan = planIndicatorImport(indicators, filled, existing, 'vecchio.csv');
    expect(plan.fresh).toEqual([]);
    expect(plan.outcomes).toEqual(['same', 'same']);
    expect(plan.matched.map(({ indicator, patch }) => [indicator.id, patch])).toEqual([
      ['i1', {}],
      ['i2', {}],
    ]);
  });

  it('a newer extract updates the values it gives, keeps those it leaves blank, and adds new codes', () => {
    const rows = [
      ['co01', 'Disoccupati', '', 950, '31/12/2024'],
      ['CO09', 'Inattivi', 100, 20, ''],
    ];
    const { indicators, filled } = buildIndicators(rows, mapping);
    const plan = planIndicatorImport(indicators, filled, existing, 'dicembre.csv');
    expect(plan.outcomes).toEqual(['update', 'new']);
    expect(plan.matched).toHaveLength(1);
    expect(plan.matched[0]!.indicator.id).toBe('i1');
    // The code keeps its case; the milestone left blank is not erased.
    expect(plan.matched[0]!.patch).toEqual({
      achieved: 950,
      referenceDate: '2024-12-31',
      source: 'dicembre.csv',
    });
    expect(plan.fresh).toEqual([
      expect.objectContaining({ code: 'CO09', name: 'Inattivi', source: 'dicembre.csv' }),
    ]);
  });

  it('keeps the source a row gives', () => {
    const withSource: IndicatorColumnTarget[] = [...mapping, { kind: 'field', field: 'source' }];
    const { indicators, filled } = buildIndicators(
      [['CR06', 'Occupati a sei mesi', 40, 12, '', 'SIU regionale']],
      withSource,
    );
    const plan = planIndicatorImport(indicators, filled, existing, 'file.csv');
    expect(plan.matched[0]!.patch).toEqual({ achieved: 12, source: 'SIU regionale' });
  });
});

describe('buildIndicators with repeated rows', () => {
  it('leaves out a row naming an indicator an earlier row named, saying which', () => {
    const result = buildIndicators(
      [
        ['CO01', 'Disoccupati', 800, 700, ''],
        ['CO02', 'Inattivi', 1, 1, ''],
        ['co01', 'Disoccupati (bis)', 900, 710, ''],
      ],
      mapping,
    );
    expect(result.indicators.map((draft) => draft.code)).toEqual(['CO01', 'CO02']);
    expect(result.problems).toEqual([{ rowNumber: 4, kind: 'repeated', value: 'co01', limit: 2 }]);
  });
});
