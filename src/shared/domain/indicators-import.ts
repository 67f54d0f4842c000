import type { Indicator } from '../model/project';
import { foldAccents } from './folding';
import { indicatorKey } from './indicators-match';
import { asIsoDate, type Cell } from './participants-import';

/** The indicator fields a column of a monitoring extract can fill, in display order. */
export const INDICATOR_FIELDS = [
  'axis',
  'code',
  'name',
  'unit',
  'type',
  'baseline',
  'milestone',
  'target',
  'achieved',
  'referenceDate',
  'source',
] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

/** Where a column of the extract goes. */
export type IndicatorColumnTarget = { kind: 'ignore' } | { kind: 'field'; field: IndicatorField };

/** An indicator read from a row, ready to be added (the core gives it an id and validates it). */
export type IndicatorDraft = Omit<Indicator, 'id'>;

/** At most this many indicators are read from one extract. */
export const MAX_IMPORTED_INDICATORS = 5_000;

/** Why a row was left out (every problem of a row is reported; the row is then skipped). */
export interface IndicatorRowProblem {
  /** The spreadsheet row the user sees: header = 1, first data row = 2. */
  rowNumber: number;
  kind:
    | 'missing-name'
    | 'invalid-number'
    | 'invalid-type'
    | 'invalid-date'
    | 'too-long'
    | 'too-many'
    | 'repeated';
  /** The field at fault (not for 'missing-name', 'too-many' and 'repeated'). */
  field?: IndicatorField;
  /** The offending cell as text; for 'repeated', the indicator's code or name. */
  value?: string;
  /**
   * The maximum length ('too-long') or number of indicators ('too-many'); for 'repeated', the
   * row that already named the indicator.
   */
  limit?: number;
}

type NumberField = 'baseline' | 'milestone' | 'target' | 'achieved';
const NUMBER_FIELDS: readonly NumberField[] = ['baseline', 'milestone', 'target', 'achieved'];
type TextField = 'axis' | 'code' | 'name' | 'unit' | 'source';
/** Maximum lengths, as in IndicatorSchema. */
const TEXT_LIMITS: Record<TextField, number> = {
  axis: 100,
  code: 40,
  name: 1_000,
  unit: 60,
  source: 1_000,
};
const MAX_DATE_LENGTH = 20;

const normal = (value: string) =>
  foldAccents(value)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const text = (cell: Cell | undefined) =>
  cell === null || cell === undefined ? '' : String(cell).trim();

/** Header names (already normalised: no accents, lower case, punctuation → space). */
const SYNONYMS: Record<IndicatorField, string[]> = {
  axis: ['asse', 'asse prioritario', 'priorita', 'axis', 'priority', 'priority axis'],
  code: [
    'codice',
    'codice indicatore',
    'cod indicatore',
    'id indicatore',
    'id',
    'code',
    'indicator code',
    'indicator id',
  ],
  name: [
    'indicatore',
    'denominazione',
    'descrizione',
    'nome indicatore',
    'denominazione indicatore',
    'descrizione indicatore',
    'nome',
    'titolo',
    'titolo indicatore',
    'indicator',
    'indicator name',
    'name',
    'description',
  ],
  unit: ['unita di misura', 'udm', 'u m', 'unita', 'unit', 'unit of measure', 'measurement unit'],
  type: ['tipo', 'tipologia', 'tipo indicatore', 'tipologia indicatore', 'type', 'indicator type'],
  baseline: ['valore di base', 'valore base', 'baseline', 'baseline value'],
  milestone: ['target intermedio', 'target 2018', 'target 2024', 'milestone', 'valore intermedio'],
  target: [
    'target finale',
    'target 2023',
    'target 2029',
    'valore obiettivo',
    'target',
    'final target',
    'target value',
  ],
  achieved: [
    'valore realizzato',
    'valore conseguito',
    'valore raggiunto',
    'realizzato',
    'conseguito',
    'achieved',
    'achieved value',
    'actual value',
  ],
  referenceDate: ['data di riferimento', 'data riferimento', 'data', 'reference date', 'date'],
  source: ['fonte', 'fonte dati', 'fonte del dato', 'fonte dei dati', 'source', 'data source'],
};

/** A header as matching compares it: accents, case and punctuation aside. */
export const indicatorHeaderKey = (header: string): string => normal(header);

/**
 * Guesses where each column goes from its header (Italian or English, accents and case
 * ignored); `remembered` (by indicatorHeaderKey) are the user's own choices for a header, from
 * an earlier import, and win. Each field is given to the first matching column only; the rest
 * are ignored.
 */
export function suggestIndicatorMapping(
  headers: readonly string[],
  remembered: Readonly<Record<string, IndicatorField | 'ignore'>> = {},
): IndicatorColumnTarget[] {
  const used = new Set<IndicatorField>();
  // The user's own choices first, so a guess for an earlier column cannot take their field.
  const mine = headers.map((header): IndicatorColumnTarget | null => {
    const chosen = remembered[normal(header)];
    if (chosen === undefined) return null;
    if (chosen === 'ignore' || used.has(chosen)) return { kind: 'ignore' };
    used.add(chosen);
    return { kind: 'field', field: chosen };
  });
  return headers.map((header, index) => {
    if (mine[index]) return mine[index];
    const wanted = normal(header);
    const field = INDICATOR_FIELDS.find((f) => !used.has(f) && SYNONYMS[f].includes(wanted));
    if (wanted === '' || !field) return { kind: 'ignore' };
    used.add(field);
    return { kind: 'field', field };
  });
}

const NOT_AVAILABLE = new Set(['', '-', '--', '–', '—', 'n.d.', 'n.d', 'nd', 'n/d', 'n.a.', 'n/a']);

/** The number in a run of digits and separators, or null if it is not a well-formed one. */
function readDigits(body: string): number | null {
  if (/^\d+$/.test(body)) return Number(body);
  const single = /^(\d*)([.,])(\d+)$/.exec(body);
  if (single) {
    const [, whole = '', separator, decimals = ''] = single;
    // "1.234" is a thousand in an Italian extract; "1234.5", "12.5" and "0.250" are decimals.
    if (separator === '.' && decimals.length === 3 && /^[1-9]\d{0,2}$/.test(whole))
      return Number(whole + decimals);
    return Number(`${whole || '0'}.${decimals}`);
  }
  if (/^[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(body))
    return Number(body.replace(/\./g, '').replace(',', '.'));
  if (/^[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(body)) return Number(body.replace(/,/g, ''));
  if (/^\d+(\.\d+)?e[+-]?\d+$/.test(body)) return Number(body);
  return null;
}

/**
 * Reads a value of an indicator: numbers as they are; text in Italian format ("1.234,5",
 * "63,1%", "€ 50.000.000", "50.000.000,00") or plain ("1234.5"). A lone dot followed by three
 * digits is a thousands separator ("1.234" → 1234), as in Italian. Blank, "-" and "n.d." are
 * null (no value); anything else is 'invalid'.
 */
export function parseIndicatorNumber(cell: Cell): number | null | 'invalid' {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'invalid';
  if (typeof cell === 'boolean') return 'invalid';
  const raw = text(cell).toLowerCase();
  if (NOT_AVAILABLE.has(raw)) return null;
  const currency = /^(?:€|euro|eur)\s*/;
  let body = raw.replace(currency, '').replace(/\s*(?:€|euro|eur|%)$/, '');
  let negative = false;
  const sign = /^[-+\u2212]\s*/.exec(body);
  if (sign) {
    negative = !sign[0].startsWith('+');
    body = body.slice(sign[0].length).replace(currency, '');
  }
  const value = readDigits(body.replace(/(\d)\s(?=\d{3}(?!\d))/g, '$1'));
  if (value === null) return 'invalid';
  return negative && value !== 0 ? -value : value;
}

const TYPES = new Map<string, Indicator['type']>([
  ...['finanziario', 'finanziaria', 'indicatore finanziario', 'financial', 'fin', 'f'].map(
    (name) => [name, 'financial'] as const,
  ),
  ...[
    'output',
    'di output',
    'realizzazione',
    'di realizzazione',
    'indicatore di output',
    'co',
    'o',
  ].map((name) => [name, 'output'] as const),
  ...['risultato', 'di risultato', 'indicatore di risultato', 'result', 'cr', 'r'].map(
    (name) => [name, 'result'] as const,
  ),
]);

/**
 * Reads the type of an indicator in Italian or English ("finanziario", "di output",
 * "realizzazione", "risultato", "F", "CO", "CR"…); null when blank (the caller then uses
 * 'output'), 'invalid' otherwise.
 */
export function parseIndicatorType(cell: Cell): Indicator['type'] | null | 'invalid' {
  if (typeof cell === 'number' || typeof cell === 'boolean') return 'invalid';
  const value = normal(text(cell));
  if (value === '') return null;
  return TYPES.get(value) ?? 'invalid';
}

const DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const LAST_EXCEL_SERIAL = 2_958_465; // 9999-12-31

/**
 * The reference date as stored: Excel serial numbers and ISO or dd/mm/yyyy text become
 * YYYY-MM-DD; whole numbers 1900–2100 are years; other text is kept if short enough.
 */
function readReferenceDate(cell: Cell | undefined): string | 'invalid' {
  if (typeof cell === 'number' && Number.isFinite(cell)) {
    if (Number.isInteger(cell) && cell >= 1900 && cell <= 2100) return String(cell);
    if (cell >= 1 && cell < LAST_EXCEL_SERIAL + 1) {
      const serial = Math.floor(cell);
      // Excel counts a 29 February 1900 that never was: serials before it are one day later.
      const days = serial < 60 ? serial + 1 : serial;
      return new Date(EXCEL_EPOCH + days * DAY).toISOString().slice(0, 10);
    }
  }
  const value = text(cell);
  const iso = asIsoDate(value);
  if (iso !== null && iso !== 'invalid') return iso;
  // Three numbers are a date, or nothing: "13/13/2020" kept as a period would pass for one,
  // and the indicator form refuses it (parseReferencePeriod).
  if (/^\d+\s*[/.-]\s*\d+\s*[/.-]\s*\d+$/.test(value)) return 'invalid';
  return value.length <= MAX_DATE_LENGTH ? value : 'invalid';
}

/**
 * Turns the rows of a monitoring extract into indicators by the column mapping. Wholly blank
 * rows are skipped silently; a row without a name, with an unreadable number, type or date, or
 * with a text too long is reported and left out, and so is a row naming an indicator an earlier
 * row named (indicatorKey). `filled[i]` lists the fields indicator i had a value for (an update
 * changes only those: indicators-match.ts). After {@link MAX_IMPORTED_INDICATORS}
 * indicators a 'too-many' problem is reported and the remaining rows are ignored.
 * `firstRow` is the spreadsheet row number of rows[0] (2 when the header is row 1).
 */
export function buildIndicators(
  rows: readonly (readonly Cell[])[],
  mapping: readonly IndicatorColumnTarget[],
  firstRow = 2,
): { indicators: IndicatorDraft[]; filled: IndicatorField[][]; problems: IndicatorRowProblem[] } {
  const indicators: IndicatorDraft[] = [];
  const filled: IndicatorField[][] = [];
  const problems: IndicatorRowProblem[] = [];
  const seen = new Map<string, number>();
  const columns = new Map<IndicatorField, number>();
  mapping.forEach((target, index) => {
    if (target.kind === 'field' && !columns.has(target.field)) columns.set(target.field, index);
  });
  const cellOf = (row: readonly Cell[], field: IndicatorField): Cell | undefined => {
    const index = columns.get(field);
    return index === undefined ? undefined : row[index];
  };

  for (const [index, row] of rows.entries()) {
    const rowNumber = firstRow + index;
    if (row.every((cell) => text(cell) === '')) continue;
    const rowProblems: IndicatorRowProblem[] = [];
    const field = (name: TextField) => text(cellOf(row, name));

    if (field('name') === '') rowProblems.push({ rowNumber, kind: 'missing-name' });
    for (const [name, limit] of Object.entries(TEXT_LIMITS) as [TextField, number][]) {
      if (field(name).length > limit)
        rowProblems.push({ rowNumber, kind: 'too-long', field: name, limit });
    }
    const type = parseIndicatorType(cellOf(row, 'type') ?? null);
    if (type === 'invalid')
      rowProblems.push({
        rowNumber,
        kind: 'invalid-type',
        field: 'type',
        value: text(cellOf(row, 'type')),
      });
    const values = {} as Record<NumberField, number | null>;
    for (const name of NUMBER_FIELDS) {
      const value = parseIndicatorNumber(cellOf(row, name) ?? null);
      if (value === 'invalid')
        rowProblems.push({
          rowNumber,
          kind: 'invalid-number',
          field: name,
          value: text(cellOf(row, name)),
        });
      values[name] = value === 'invalid' ? null : value;
    }
    const referenceDate = readReferenceDate(cellOf(row, 'referenceDate'));
    if (referenceDate === 'invalid')
      rowProblems.push({
        rowNumber,
        kind: 'invalid-date',
        field: 'referenceDate',
        value: text(cellOf(row, 'referenceDate')),
      });

    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    if (indicators.length === MAX_IMPORTED_INDICATORS) {
      problems.push({ rowNumber, kind: 'too-many', limit: MAX_IMPORTED_INDICATORS });
      break;
    }
    const key = indicatorKey({ code: field('code'), axis: field('axis'), name: field('name') });
    const first = seen.get(key);
    if (first !== undefined) {
      const value = field('code') || field('name');
      problems.push({ rowNumber, kind: 'repeated', value, limit: first });
      continue;
    }
    seen.set(key, rowNumber);
    filled.push([...columns.keys()].filter((name) => text(cellOf(row, name)) !== ''));
    indicators.push({
      axis: field('axis'),
      code: field('code'),
      name: field('name'),
      unit: field('unit'),
      type: type === 'invalid' || type === null ? 'output' : type,
      ...values,
      referenceDate: referenceDate === 'invalid' ? '' : referenceDate,
      source: field('source'),
    });
  }
  return { indicators, filled, problems };
}
