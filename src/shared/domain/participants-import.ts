import type { PartnershipType } from '../model/constants';
import { foldAccents, nameKey } from './folding';
import { isCodeTaken, nextParticipantCode } from './pseudonyms';

/** A spreadsheet cell as read from CSV/XLSX (dates already as YYYY-MM-DD). */
export type Cell = string | number | boolean | null;

export const PARTICIPANT_FIELDS = [
  'code',
  'name',
  'role',
  'organisation',
  'territory',
  'partnershipType',
  'consentGiven',
  'consentDate',
  'consentScope',
  'consentNote',
] as const;
export type ParticipantField = (typeof PARTICIPANT_FIELDS)[number];

/** Where a column of the file goes. */
export type ColumnTarget =
  | { kind: 'field'; field: ParticipantField }
  | { kind: 'attribute'; key: string }
  | { kind: 'ignore' };

type AttributeDraft =
  | { key: string; type: 'text'; value: string }
  | { key: string; type: 'number'; value: number }
  | { key: string; type: 'date'; value: string }
  | { key: string; type: 'boolean'; value: boolean };

/** A participant read from a row, ready to be added (the core validates it again). */
export interface ParticipantDraft {
  row: number;
  code: string;
  /** The row had no pseudonym: this is the next free one, given by Campo. */
  generated: boolean;
  name: string;
  role: string;
  organisation: string;
  territory: string;
  partnershipType: PartnershipType | null;
  attributes: AttributeDraft[];
  consent: { given: boolean | null; date: string | null; scope: string; note: string };
}

/** Why a row cannot be imported: catalogue keys with their parameters. */
export interface RowProblem {
  row: number;
  key:
    | 'import.problem.duplicateCode'
    | 'import.problem.sameName'
    | 'import.problem.badPartnership'
    | 'import.problem.badConsent'
    | 'import.problem.badDate'
    | 'import.problem.tooLong';
  params: Record<string, string | number>;
}

const normal = (text: string) =>
  foldAccents(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const SYNONYMS: Record<ParticipantField, string[]> = {
  code: ['pseudonimo', 'codice', 'code', 'pseudonym', 'id', 'codice partecipante'],
  name: ['nome', 'nominativo', 'name', 'nome e cognome', 'cognome e nome'],
  role: ['ruolo', 'role', 'funzione', 'qualifica', 'incarico'],
  organisation: [
    'organizzazione',
    'ente',
    'organisation',
    'organization',
    'istituzione',
    'organismo',
  ],
  territory: ['territorio', 'comune', 'territory', 'area', 'provincia'],
  partnershipType: [
    'partenariato',
    'tipo partenariato',
    'tipo di partenariato',
    'tipologia partenariato',
    'tipologia di partenariato',
    'partnership',
    'partnership type',
  ],
  consentGiven: ['consenso', 'consent', 'consenso dato', 'consenso informato'],
  consentDate: ['data consenso', 'consent date', 'data del consenso'],
  consentScope: ['ambito consenso', 'consent scope', 'ambito'],
  consentNote: ['note consenso', 'consent note'],
};

/** The built-in field a column's header names (Italian or English), if any. */
export function fieldNamedBy(header: string): ParticipantField | null {
  const wanted = normal(header);
  if (wanted === '') return null;
  return PARTICIPANT_FIELDS.find((field) => SYNONYMS[field].includes(wanted)) ?? null;
}

/** How the guess reads the file beyond its headers. */
export interface MappingOptions {
  /** The file's rows: a partnership column whose values are not Campo's types stays an attribute. */
  rows?: ReadonlyArray<readonly Cell[]>;
  /**
   * The key of an attribute whose header names a built-in field ("Ruolo" → "Ruolo (attributo)"),
   * so that the two are not taken for one another on screen.
   */
  attributeNamed?: (header: string) => string;
}

/**
 * Guesses where each column goes from its header (Italian or English); others become attributes.
 * A column named like a field that is taken already, or a partnership column with values that
 * are not Campo's types, becomes an attribute named apart from the field.
 */
export function suggestColumnMapping(
  headers: readonly string[],
  options: MappingOptions = {},
): ColumnTarget[] {
  const used = new Set<ParticipantField>();
  const apart = options.attributeNamed ?? ((header: string) => header);
  return headers.map((header, column) => {
    const field = fieldNamedBy(header);
    if (field === null) {
      return normal(header) === '' ? { kind: 'ignore' } : { kind: 'attribute', key: header.trim() };
    }
    const unfit =
      field === 'partnershipType' && unknownPartnerships(options.rows ?? [], column).length > 0;
    if (used.has(field) || unfit) return { kind: 'attribute', key: apart(header.trim()) };
    used.add(field);
    return { kind: 'field', field };
  });
}

/**
 * Campo's partnership types (the partnership principle: public authorities, economic and social
 * partners, civil society) as evaluators write them. «Privato» is left out on purpose: a
 * company may be an economic partner or not.
 */
const PARTNERSHIPS: Record<string, PartnershipType> = {
  istituzionale: 'istituzionale',
  'partenariato istituzionale': 'istituzionale',
  'pubblica amministrazione': 'istituzionale',
  'autorita pubblica': 'istituzionale',
  'ente pubblico': 'istituzionale',
  institutional: 'istituzionale',
  'public authority': 'istituzionale',
  'economico sociale': 'economico-sociale',
  'partenariato economico sociale': 'economico-sociale',
  'parti sociali': 'economico-sociale',
  'parti economiche e sociali': 'economico-sociale',
  'socio economico': 'economico-sociale',
  'economic and social': 'economico-sociale',
  'economic social': 'economico-sociale',
  'economic and social partners': 'economico-sociale',
  'societa civile': 'societa-civile',
  'terzo settore': 'societa-civile',
  'civil society': 'societa-civile',
  'third sector': 'societa-civile',
};

/** The partnership type a cell names, null when it is empty, 'unknown' when it names none. */
function partnershipOf(cell: Cell | undefined): PartnershipType | null | 'unknown' {
  const value = normal(text(cell));
  if (value === '') return null;
  return PARTNERSHIPS[value] ?? 'unknown';
}

/** The values of a column that are not one of Campo's partnership types, as written, once each. */
export function unknownPartnerships(
  rows: ReadonlyArray<readonly Cell[]>,
  column: number,
): string[] {
  const unknown = new Set<string>();
  for (const row of rows) {
    if (partnershipOf(row[column]) === 'unknown') unknown.add(text(row[column]));
  }
  return [...unknown];
}
const YES = new Set(['si', 'sì', 'yes', 'y', 'true', 'vero', 'x', '1']);
const NO = new Set(['no', 'n', 'false', 'falso', '0']);

const text = (cell: Cell | undefined) =>
  cell === null || cell === undefined ? '' : String(cell).trim();

function asBoolean(cell: Cell | undefined): boolean | null | 'invalid' {
  if (typeof cell === 'boolean') return cell;
  const value = normal(text(cell));
  if (value === '') return null;
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return 'invalid';
}

/** YYYY-MM-DD from an ISO date or an Italian D/M/YYYY; null if empty, 'invalid' otherwise. */
export function asIsoDate(cell: Cell | undefined): string | null | 'invalid' {
  const value = text(cell);
  if (value === '') return null;
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value);
  const italian = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (italian) [d, m, y] = [Number(italian[1]), Number(italian[2]), Number(italian[3])];
  else return 'invalid';
  if (y < 100) y += 2000;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return 'invalid';
  return date.toISOString().slice(0, 10);
}

function asNumber(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return cell;
  const value = text(cell)
    .replace(/\.(?=\d{3}(\D|$))/g, '')
    .replace(',', '.');
  return value !== '' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : null;
}

/** The type of a free attribute column: number, date or yes/no when every filled cell is one. */
function attributeType(cells: (Cell | undefined)[]): AttributeDraft['type'] {
  const filled = cells.filter((cell) => text(cell) !== '');
  if (filled.length === 0) return 'text';
  if (filled.every((cell) => asNumber(cell) !== null)) return 'number';
  if (filled.every((cell) => !['invalid', null].includes(asIsoDate(cell)))) return 'date';
  if (filled.every((cell) => typeof asBoolean(cell) === 'boolean')) return 'boolean';
  return 'text';
}

const LIMITS: Partial<Record<ParticipantField, number>> = {
  code: 40,
  name: 300,
  role: 300,
  organisation: 300,
  territory: 300,
};

/**
 * Turns spreadsheet rows into participants by the column mapping. Rows with a problem are
 * reported and left out; empty rows are skipped; missing pseudonyms are generated (INT-nn).
 * `firstRow` is the spreadsheet row number of rows[0], so problems name the row the user sees.
 */
export function buildParticipants(
  rows: readonly (readonly Cell[])[],
  mapping: readonly ColumnTarget[],
  existing: readonly { id: string; code: string; name?: string }[],
  firstRow = 2,
): { drafts: ParticipantDraft[]; problems: RowProblem[] } {
  const drafts: ParticipantDraft[] = [];
  const problems: RowProblem[] = [];
  const column = (field: ParticipantField) =>
    mapping.findIndex((target) => target.kind === 'field' && target.field === field);
  const types = mapping.map((target, index) =>
    target.kind === 'attribute' ? attributeType(rows.map((row) => row[index])) : 'text',
  );
  const taken = [...existing];
  // Who has each name already: a row without a pseudonym naming one of them is that person
  // again (the same list imported twice), not a new participant with the next pseudonym.
  const named = new Map<string, string>();
  for (const participant of existing) {
    const key = nameKey(participant.name ?? '');
    if (key !== '' && !named.has(key)) named.set(key, participant.code);
  }
  rows.forEach((row, index) => {
    const rowNumber = firstRow + index;
    if (row.every((cell) => text(cell) === '')) return;
    const field = (name: ParticipantField) => text(row[column(name)]);
    const rowProblems: RowProblem[] = [];
    for (const [name, max] of Object.entries(LIMITS) as [ParticipantField, number][]) {
      if (field(name).length > max)
        rowProblems.push({
          row: rowNumber,
          key: 'import.problem.tooLong',
          params: { field: name, max },
        });
    }
    const generated = field('code') === '';
    const personKey = nameKey(field('name'));
    const sameName = generated ? named.get(personKey) : undefined;
    if (sameName !== undefined) {
      rowProblems.push({
        row: rowNumber,
        key: 'import.problem.sameName',
        params: { code: sameName },
      });
    }
    const code = field('code') || nextParticipantCode(taken);
    if (
      isCodeTaken(
        taken.map((p, i) => ({ id: String(i), code: p.code })),
        code,
      )
    ) {
      rowProblems.push({ row: rowNumber, key: 'import.problem.duplicateCode', params: { code } });
    }
    const partnership = partnershipOf(row[column('partnershipType')]);
    const partnershipType = partnership === 'unknown' ? null : partnership;
    if (partnership === 'unknown') {
      rowProblems.push({
        row: rowNumber,
        key: 'import.problem.badPartnership',
        params: { value: field('partnershipType') },
      });
    }
    const given = asBoolean(row[column('consentGiven')]);
    if (given === 'invalid')
      rowProblems.push({
        row: rowNumber,
        key: 'import.problem.badConsent',
        params: { value: field('consentGiven') },
      });
    const date = asIsoDate(row[column('consentDate')]);
    if (date === 'invalid')
      rowProblems.push({
        row: rowNumber,
        key: 'import.problem.badDate',
        params: { value: field('consentDate') },
      });
    const attributes: AttributeDraft[] = [];
    mapping.forEach((target, i) => {
      if (target.kind !== 'attribute' || text(row[i]) === '') return;
      const type = types[i]!;
      if (type === 'number') attributes.push({ key: target.key, type, value: asNumber(row[i])! });
      else if (type === 'date')
        attributes.push({ key: target.key, type, value: asIsoDate(row[i]) as string });
      else if (type === 'boolean')
        attributes.push({ key: target.key, type, value: asBoolean(row[i]) as boolean });
      else attributes.push({ key: target.key, type, value: text(row[i]).slice(0, 2000) });
    });
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      return;
    }
    taken.push({ id: `row-${rowNumber}`, code });
    if (personKey !== '' && !named.has(personKey)) named.set(personKey, code);
    drafts.push({
      row: rowNumber,
      code,
      generated,
      name: field('name'),
      role: field('role'),
      organisation: field('organisation'),
      territory: field('territory'),
      partnershipType,
      attributes,
      consent: {
        given: given === 'invalid' ? null : given,
        date: date === 'invalid' ? null : date,
        scope: field('consentScope').slice(0, 2000),
        note: field('consentNote').slice(0, 2000),
      },
    });
  });
  return { drafts, problems };
}
