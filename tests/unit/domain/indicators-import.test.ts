import { describe, expect, it } from 'vitest';
import {
  buildIndicators,
  INDICATOR_FIELDS,
  type IndicatorColumnTarget,
  parseIndicatorNumber,
  parseIndicatorType,
  suggestIndicatorMapping,
} from '../../../src/shared/domain/indicators-import';
import type { Cell } from '../../../src/shared/domain/participants-import';

const fields = (mapping: IndicatorColumnTarget[]) =>
  mapping.map((target) => (target.kind === 'field' ? target.field : null));

describe('suggestIndicatorMapping', () => {
  it('recognises the headers of an Italian monitoring extract', () => {
    expect(
      fields(
        suggestIndicatorMapping([
          'Asse',
          'ID indicatore',
          'Denominazione',
          'Unità di misura',
          'Tipologia',
          'Valore di base',
          'Target 2018',
          'Target 2023',
          'Valore conseguito',
          'Data di riferimento',
          'Fonte',
          'Note',
        ]),
      ),
    ).toEqual([...INDICATOR_FIELDS, null]);
  });

  it('ignores case, accents and punctuation, and accepts the other Italian names', () => {
    expect(
      fields(
        suggestIndicatorMapping([
          ' PRIORITÀ ',
          'codice',
          'Descrizione',
          'UdM',
          'TIPO',
          'Target intermedio',
          'Target finale',
          'Realizzato',
          'Data',
          'Valore obiettivo',
          'U.M.',
        ]),
      ),
    ).toEqual([
      'axis',
      'code',
      'name',
      'unit',
      'type',
      'milestone',
      'target',
      'achieved',
      'referenceDate',
      null, // target already taken by "Target finale"
      null, // unit already taken by "UdM"
    ]);
  });

  it('recognises English headers and leaves unknown or blank ones out', () => {
    expect(
      fields(
        suggestIndicatorMapping([
          'Priority axis',
          'Code',
          'Indicator',
          'Unit',
          'Type',
          'Baseline',
          'Milestone',
          'Target',
          'Achieved',
          'Reference date',
          'Source',
          '',
          'Comments',
        ]),
      ),
    ).toEqual([...INDICATOR_FIELDS, null, null]);
  });

  it("reads «Nome» as the indicator's name, and the user's own choices for a header win", () => {
    // Found by a newcomer walk-through: «Nome» was left out, and every import asked again.
    const headers = ['Codice', 'Nome', 'Descrizione', 'Valore realizzato', 'Note'];
    expect(suggestIndicatorMapping(headers)[1]).toEqual({ kind: 'field', field: 'name' });
    const mine = suggestIndicatorMapping(headers, {
      descrizione: 'name',
      nome: 'ignore',
      note: 'source',
    });
    expect(mine).toEqual([
      { kind: 'field', field: 'code' },
      { kind: 'ignore' },
      { kind: 'field', field: 'name' },
      { kind: 'field', field: 'achieved' },
      { kind: 'field', field: 'source' },
    ]);
  });

  it('gives each field to the first matching column only', () => {
    expect(
      fields(suggestIndicatorMapping(['Indicatore', 'Descrizione', 'Asse', 'Priorità'])),
    ).toEqual(['name', null, 'axis', null]);
  });
});

describe('parseIndicatorNumber', () => {
  it('keeps numbers and reads Italian formats', () => {
    expect(parseIndicatorNumber(42.5)).toBe(42.5);
    expect(parseIndicatorNumber(0)).toBe(0);
    expect(parseIndicatorNumber('1.234,5')).toBe(1234.5);
    expect(parseIndicatorNumber('63,1%')).toBe(63.1);
    expect(parseIndicatorNumber('63,1 %')).toBe(63.1);
    expect(parseIndicatorNumber('€ 50.000.000')).toBe(50_000_000);
    expect(parseIndicatorNumber('50.000.000,00')).toBe(50_000_000);
    expect(parseIndicatorNumber('50.000.000,00 €')).toBe(50_000_000);
    expect(parseIndicatorNumber('EUR 1.500,25')).toBe(1500.25);
    expect(parseIndicatorNumber('1.234')).toBe(1234);
    expect(parseIndicatorNumber('0,75')).toBe(0.75);
    expect(parseIndicatorNumber('-12,5')).toBe(-12.5);
    expect(parseIndicatorNumber('- € 3.000')).toBe(-3000);
    expect(parseIndicatorNumber('1 234 567,8')).toBe(1_234_567.8);
    expect(parseIndicatorNumber('  250  ')).toBe(250);
  });

  it('reads plain and English-grouped numbers', () => {
    expect(parseIndicatorNumber('1234.5')).toBe(1234.5);
    expect(parseIndicatorNumber('12.5')).toBe(12.5);
    expect(parseIndicatorNumber('0.250')).toBe(0.25);
    expect(parseIndicatorNumber('1,234,567.5')).toBe(1_234_567.5);
    expect(parseIndicatorNumber('1.5E+06')).toBe(1_500_000);
  });

  it('treats blanks and "not available" as no value', () => {
    for (const empty of [null, '', '   ', '-', '–', 'n.d.', 'N.D.', 'n/a']) {
      expect(parseIndicatorNumber(empty)).toBeNull();
    }
  });

  it('rejects what is not a number', () => {
    for (const bad of ['circa 100', '1.234.5', '12 34', 'abc', '1,2,3', true, Number.NaN]) {
      expect(parseIndicatorNumber(bad)).toBe('invalid');
    }
  });
});

describe('parseIndicatorType', () => {
  it('reads Italian and English names and codes', () => {
    expect(parseIndicatorType('Finanziario')).toBe('financial');
    expect(parseIndicatorType('financial')).toBe('financial');
    expect(parseIndicatorType('F')).toBe('financial');
    expect(parseIndicatorType('Output')).toBe('output');
    expect(parseIndicatorType('di output')).toBe('output');
    expect(parseIndicatorType('Realizzazione')).toBe('output');
    expect(parseIndicatorType('CO')).toBe('output');
    expect(parseIndicatorType('Risultato')).toBe('result');
    expect(parseIndicatorType('RESULT')).toBe('result');
    expect(parseIndicatorType('cr')).toBe('result');
  });

  it('returns null when blank and invalid otherwise', () => {
    expect(parseIndicatorType(null)).toBeNull();
    expect(parseIndicatorType('  ')).toBeNull();
    expect(parseIndicatorType('impatto')).toBe('invalid');
    expect(parseIndicatorType('constructor')).toBe('invalid');
    expect(parseIndicatorType(3)).toBe('invalid');
  });
});

describe('buildIndicators', () => {
  const headers = [
    'Asse',
    'Codice',
    'Indicatore',
    'UdM',
    'Tipo',
    'Valore di base',
    'Target 2018',
    'Target 2023',
    'Valore realizzato',
    'Data di riferimento',
    'Fonte',
    'Note',
  ];
  const rows: Cell[][] = [
    // row 2: good, Italian formats and an Excel date serial
    [
      ' I ',
      'CO01',
      ' Numero di imprese che ricevono un sostegno ',
      'imprese',
      'Realizzazione',
      0,
      '120',
      '1.500',
      '1.234',
      45291,
      'SIRGS',
      'x',
    ],
    // row 3: good, type blank (→ output), n.d. values, dd/mm/yyyy date
    ['II', 'IR02', 'Tasso di occupazione', '%', '', '63,1%', 'n.d.', '-', '', '31/12/2022', '', ''],
    // row 4: no name
    ['II', 'X', '', '', 'Risultato', '1', '', '', '', '', '', ''],
    // row 5: wholly blank
    [null, '', '  ', null, null, null, null, null, null, null, null, null],
    // row 6: invalid number and invalid type
    ['III', 'F1', 'Spesa certificata', 'euro', 'impatto', '€ 1.000', '', 'molti', '', '', '', ''],
    // row 7: good, financial, text date kept
    [
      'III',
      'F2',
      'Spesa certificata',
      '€',
      'Finanziario',
      null,
      '€ 5.000.000',
      '50.000.000,00',
      12_345_678.9,
      '2023-12-31',
      'RdC',
      null,
    ],
    // row 8: a footer in the notes column only: reported as having no name
    ['', '', '', '', '', '', '', '', '', '', '', 'Fonte: elaborazione su dati SIRGS'],
    // row 9: good, a free-text date and a short row
    ['IV', 'R3', 'Studenti raggiunti', 'persone', 'CR', '10', '20', '30', '25', 'II trim. 2023'],
  ];

  it('imports the good rows of a mixed extract and reports the bad ones', () => {
    const result = buildIndicators(rows, suggestIndicatorMapping(headers));
    expect(result.indicators).toEqual([
      {
        axis: 'I',
        code: 'CO01',
        name: 'Numero di imprese che ricevono un sostegno',
        unit: 'imprese',
        type: 'output',
        baseline: 0,
        milestone: 120,
        target: 1500,
        achieved: 1234,
        referenceDate: '2023-12-31',
        source: 'SIRGS',
      },
      {
        axis: 'II',
        code: 'IR02',
        name: 'Tasso di occupazione',
        unit: '%',
        type: 'output',
        baseline: 63.1,
        milestone: null,
        target: null,
        achieved: null,
        referenceDate: '2022-12-31',
        source: '',
      },
      {
        axis: 'III',
        code: 'F2',
        name: 'Spesa certificata',
        unit: '€',
        type: 'financial',
        baseline: null,
        milestone: 5_000_000,
        target: 50_000_000,
        achieved: 12_345_678.9,
        referenceDate: '2023-12-31',
        source: 'RdC',
      },
      {
        axis: 'IV',
        code: 'R3',
        name: 'Studenti raggiunti',
        unit: 'persone',
        type: 'result',
        baseline: 10,
        milestone: 20,
        target: 30,
        achieved: 25,
        referenceDate: 'II trim. 2023',
        source: '',
      },
    ]);
    expect(result.problems).toEqual([
      { rowNumber: 4, kind: 'missing-name' },
      { rowNumber: 6, kind: 'invalid-type', field: 'type', value: 'impatto' },
      { rowNumber: 6, kind: 'invalid-number', field: 'target', value: 'molti' },
      { rowNumber: 8, kind: 'missing-name' },
    ]);
  });

  it('does not change its inputs', () => {
    const frozenRows = Object.freeze(rows.map((row) => Object.freeze([...row])));
    const mapping = Object.freeze(suggestIndicatorMapping(headers));
    const copy = JSON.stringify(frozenRows);
    buildIndicators(frozenRows, mapping);
    expect(JSON.stringify(frozenRows)).toBe(copy);
  });

  it('ignores blank rows silently, and counts rows from firstRow', () => {
    const result = buildIndicators(
      [[], [null, null], ['', '  '], [null, 'Indicatore A'], [true, '']],
      [
        { kind: 'field', field: 'code' },
        { kind: 'field', field: 'name' },
      ],
      5,
    );
    expect(result.indicators.map((indicator) => indicator.name)).toEqual(['Indicatore A']);
    expect(result.problems).toEqual([{ rowNumber: 9, kind: 'missing-name' }]);
  });

  it('turns Excel date serials into ISO dates and keeps whole years', () => {
    const dates = [45291, 45291.75, 43465, 61, 1, 2023, '2023-06-30T00:00:00.000Z', '1/2/2024'];
    const result = buildIndicators(
      dates.map((date, i) => [`Indicatore ${i + 1}`, date]),
      [
        { kind: 'field', field: 'name' },
        { kind: 'field', field: 'referenceDate' },
      ],
    );
    expect(result.indicators.map((indicator) => indicator.referenceDate)).toEqual([
      '2023-12-31',
      '2023-12-31',
      '2018-12-31',
      '1900-03-01',
      '1900-01-01',
      '2023',
      '2023-06-30',
      '2024-02-01',
    ]);
  });

  it('refuses a date no calendar has, and keeps a period as written', () => {
    const result = buildIndicators(
      [
        ['A', '13/13/2020'],
        ['B', '31/02/2021'],
        ['C', '2020-13-01'],
        ['D', '2020-11'],
        ['E', 'I sem. 2021'],
      ],
      [
        { kind: 'field', field: 'name' },
        { kind: 'field', field: 'referenceDate' },
      ],
    );
    expect(
      result.problems.map((problem) => [problem.rowNumber, problem.kind, problem.value]),
    ).toEqual([
      [2, 'invalid-date', '13/13/2020'],
      [3, 'invalid-date', '31/02/2021'],
      [4, 'invalid-date', '2020-13-01'],
    ]);
    expect(result.indicators.map((indicator) => indicator.referenceDate)).toEqual([
      '2020-11',
      'I sem. 2021',
    ]);
  });

  it('rejects dates and texts too long for the schema', () => {
    const result = buildIndicators(
      [['Indicatore', 'dato provvisorio al 31 dicembre 2023', 'C'.repeat(41)]],
      [
        { kind: 'field', field: 'name' },
        { kind: 'field', field: 'referenceDate' },
        { kind: 'field', field: 'code' },
      ],
    );
    expect(result.indicators).toEqual([]);
    expect(result.problems).toEqual([
      { rowNumber: 2, kind: 'too-long', field: 'code', limit: 40 },
      {
        rowNumber: 2,
        kind: 'invalid-date',
        field: 'referenceDate',
        value: 'dato provvisorio al 31 dicembre 2023',
      },
    ]);
  });

  it('reads the first column mapped to a field and defaults unmapped fields', () => {
    const result = buildIndicators(
      [['Primo', 'Secondo', 'ignorato']],
      [{ kind: 'field', field: 'name' }, { kind: 'field', field: 'name' }, { kind: 'ignore' }],
    );
    expect(result.indicators).toEqual([
      {
        axis: '',
        code: '',
        name: 'Primo',
        unit: '',
        type: 'output',
        baseline: null,
        milestone: null,
        target: null,
        achieved: null,
        referenceDate: '',
        source: '',
      },
    ]);
  });

  it('stops after 5,000 indicators', () => {
    const many: Cell[][] = Array.from({ length: 5_003 }, (_, i) => [`Indicatore ${i + 1}`]);
    const result = buildIndicators(many, [{ kind: 'field', field: 'name' }]);
    expect(result.indicators).toHaveLength(5_000);
    expect(result.indicators.at(-1)?.name).toBe('Indicatore 5000');
    expect(result.problems).toEqual([{ rowNumber: 5_002, kind: 'too-many', limit: 5_000 }]);
  });

  it('maps a suggested English extract end to end', () => {
    const result = buildIndicators(
      [['1', 'RCO01', 'Enterprises supported', 'enterprises', 'output', '0', '50', '200', '75.5']],
      suggestIndicatorMapping([
        'Priority',
        'Indicator ID',
        'Indicator name',
        'Unit of measure',
        'Indicator type',
        'Baseline',
        'Milestone',
        'Target',
        'Achieved',
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(result.indicators[0]).toMatchObject({
      axis: '1',
      code: 'RCO01',
      name: 'Enterprises supported',
      unit: 'enterprises',
      type: 'output',
      baseline: 0,
      milestone: 50,
      target: 200,
      achieved: 75.5,
    });
  });
});
