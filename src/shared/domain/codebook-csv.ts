import type { Code, EvaluationQuestion } from '../model/project';
import { codeTreeOrder, colourPicker } from './codebook-tree';
import {
  detectSeparator,
  formatCsvRow,
  neutraliseFormulaCell,
  parseCsv,
  restoreFormulaCell,
  type CsvRecord,
  type CsvSeparator,
} from './csv';
import { foldAccents } from './folding';

/** Between the names of a path in the `parent` column: "Root > Child". */
const PATH_SEPARATOR = ' > ';
// Schema limits (CodeSchema), so an imported row never makes the project invalid.
const MAX_NAME = 300;
const MAX_DESCRIPTION = 20_000;

/**
 * The codebook as CSV for spreadsheets: header `name;parent;description;colour;question`,
 * `;`-separated (what Italian Excel expects), fields quoted when needed, parent as the full
 * path "Root > Child", question as the DV code. Tree order. Lines end with CRLF; no BOM (the
 * caller adds one for Excel).
 */
export function codebookToCsv(
  codes: readonly Code[],
  questions: readonly Pick<EvaluationQuestion, 'id' | 'code'>[],
): string {
  const questionCodes = new Map(questions.map((question) => [question.id, question.code]));
  const rows = [['name', 'parent', 'description', 'colour', 'question']];
  const names: string[] = [];
  for (const { code, depth } of codeTreeOrder(codes)) {
    // Tree order lists every parent right before its subtree: the path is the names above.
    names.length = depth;
    const parent = names.join(PATH_SEPARATOR);
    names.push(code.name);
    const question = code.questionId === null ? '' : (questionCodes.get(code.questionId) ?? '');
    rows.push([code.name, parent, code.description, code.colour, question]);
  }
  // Names such as "=HYPERLINK(…)" must stay text when the file is opened in a spreadsheet.
  return rows.map((row) => `${formatCsvRow(row.map(neutraliseFormulaCell), ';')}\r\n`).join('');
}

/** A problem found in an imported codebook, by 1-based line number. */
export interface CodebookProblem {
  line: number;
  problem: 'missing-name' | 'bad-colour' | 'unknown-question' | 'no-header';
  value: string;
}

/** A column of a codebook CSV. */
export type CodebookColumn = 'name' | 'parent' | 'description' | 'colour' | 'question';
type Column = CodebookColumn;

const HEADERS: Record<Column, string[]> = {
  name: ['name', 'nome', 'code', 'codice'],
  parent: ['parent', 'padre', 'genitore', 'parent path', 'percorso'],
  description: ['description', 'descrizione'],
  colour: ['colour', 'color', 'colore'],
  question: ['question', 'domanda', 'dv', 'domanda di valutazione', 'evaluation question'],
};

const key = (text: string) => foldAccents(text).replace(/\s+/g, ' ').trim();

/** Where each known column is, from the header's names (English or Italian). */
export function headerColumns(header: CsvRecord | undefined): Map<CodebookColumn, number> {
  const columns = new Map<Column, number>();
  header?.cells.forEach((cell, index) => {
    const column = (Object.keys(HEADERS) as Column[]).find((c) => HEADERS[c].includes(key(cell)));
    if (column && !columns.has(column)) columns.set(column, index);
  });
  return columns;
}

/** The names of a parent path cell ("Root > Child"), as the import reads them. */
export function parentPathNames(cell: string): string[] {
  return cell
    .split(PATH_SEPARATOR.trim())
    .map((part) => part.trim())
    .filter(Boolean);
}

/** `#rrggbb` in lower case from "#RRGGBB", "rrggbb" or "#rgb"; null when it is not a colour. */
function parseColour(text: string): string | null {
  const hex = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(text.trim())?.[1]?.toLowerCase();
  if (hex === undefined) return null;
  return hex.length === 3 ? `#${[...hex].map((digit) => digit + digit).join('')}` : `#${hex}`;
}

/**
 * Codes read from a CSV (`;`, `,` or tab separated, detected from the header; quoted fields;
 * header names in English or Italian: nome, padre, descrizione, colore, domanda) merged into
 * `existing`: a row whose path (parent path + name, compared without case/accents) exists
 * updates that code's description/colour/question when given; a new path creates the code
 * (and any missing parent on the path). Existing codes are never removed, and a code that
 * follows its question keeps its question link. New codes get the least-used palette colour
 * when the row gives none, and `followsQuestion` false.
 *
 * Problems are reported by line: a row without a name is skipped ('missing-name'); a row with
 * a colour that is not hex `#rrggbb` ('bad-colour'; `#rgb` and a missing `#` are accepted) or
 * a DV code the project does not have ('unknown-question') is still imported, without that
 * value. Blank rows are ignored; names and descriptions are cut to the schema's limits. A file without a name column
 * imports nothing ('no-header'). `updated` counts existing codes that changed.
 */
export function importCodebookCsv(
  existing: readonly Code[],
  csv: string,
  questions: readonly Pick<EvaluationQuestion, 'id' | 'code'>[],
  newId: () => string,
): CodebookMerge {
  return mergeCodebookRecords(existing, readCodebookRecords(csv), questions, newId);
}

/** A codebook CSV split into records: the part of an import that reads untrusted text. */
export interface CodebookRecords {
  separator: CsvSeparator;
  records: CsvRecord[];
}

/** What merging a codebook CSV gives: the new codebook and what changed. */
export interface CodebookMerge {
  codes: Code[];
  added: number;
  updated: number;
  problems: CodebookProblem[];
}

/** The records of a codebook CSV, its separator detected from the header. */
export function readCodebookRecords(csv: string): CodebookRecords {
  const separator = detectSeparator(csv);
  return { separator, records: parseCsv(csv, separator) };
}

/** `importCodebookCsv` on records already read (see `readCodebookRecords`). */
export function mergeCodebookRecords(
  existing: readonly Code[],
  { separator, records }: CodebookRecords,
  questions: readonly Pick<EvaluationQuestion, 'id' | 'code'>[],
  newId: () => string,
): CodebookMerge {
  const codes = [...existing];
  const problems: CodebookProblem[] = [];
  const [header, ...rows] = records;
  const columns = headerColumns(header);
  if (!header || !columns.has('name')) {
    const value = header ? header.cells.join(separator) : '';
    problems.push({ line: header?.line ?? 1, problem: 'no-header', value });
    return { codes, added: 0, updated: 0, problems };
  }

  // Folded full paths ("root > child") of every code, so a parent is found by its whole path
  // even when a name itself holds " > ".
  const byPath = new Map<string, number>();
  const pathKey = (parentKey: string, name: string) =>
    parentKey === '' ? key(name) : `${parentKey}${PATH_SEPARATOR}${key(name)}`;
  const indexOf = new Map(codes.map((code, index) => [code.id, index]));
  const keys: string[] = [];
  for (const { code, depth } of codeTreeOrder(codes)) {
    keys.length = depth;
    keys.push(pathKey(keys[depth - 1] ?? '', code.name));
    const path = keys[depth] as string;
    if (!byPath.has(path)) byPath.set(path, indexOf.get(code.id) as number);
  }
  const questionIds = new Map(questions.map((question) => [key(question.code), question.id]));
  const added = new Set<string>();
  const updated = new Set<string>();
  const colours = colourPicker(codes);

  const create = (name: string, parentId: string | null, parentKey: string): number => {
    const code: Code = {
      id: newId(),
      name,
      description: '',
      colour: colours.next(),
      parentId,
      questionId: null,
      followsQuestion: false,
      quickKey: null,
    };
    codes.push(code);
    added.add(code.id);
    byPath.set(pathKey(parentKey, name), codes.length - 1);
    return codes.length - 1;
  };

  /** The code at a parent path, created (with its own missing parents) when absent. */
  const parentAt = (parentPath: string): { id: string | null; key: string } => {
    const whole = key(parentPath);
    if (whole === '') return { id: null, key: '' };
    const found = byPath.get(whole);
    if (found !== undefined) return { id: (codes[found] as Code).id, key: whole };
    let parent: { id: string | null; key: string } = { id: null, key: '' };
    for (const part of parentPathNames(parentPath)) {
      const name = part.slice(0, MAX_NAME);
      const index = byPath.get(pathKey(parent.key, name)) ?? create(name, parent.id, parent.key);
      parent = { id: (codes[index] as Code).id, key: pathKey(parent.key, name) };
    }
    return parent;
  };

  const cell = (cells: string[], column: Column) => {
    const index = columns.get(column);
    return index === undefined ? '' : restoreFormulaCell(cells[index] ?? '').trim();
  };

  for (const { line, cells } of rows) {
    // Spreadsheets save empty rows as ";;;;".
    if (cells.every((text) => text.trim() === '')) continue;
    const name = cell(cells, 'name').replace(/\s+/g, ' ').slice(0, MAX_NAME);
    if (name === '') {
      problems.push({ line, problem: 'missing-name', value: cells.join(separator) });
      continue;
    }
    const description = cell(cells, 'description').slice(0, MAX_DESCRIPTION);
    const colourText = cell(cells, 'colour');
    const colour = colourText === '' ? null : parseColour(colourText);
    if (colourText !== '' && colour === null) {
      problems.push({ line, problem: 'bad-colour', value: colourText });
    }
    const questionText = cell(cells, 'question');
    const questionId = questionText === '' ? null : (questionIds.get(key(questionText)) ?? null);
    if (questionText !== '' && questionId === null) {
      problems.push({ line, problem: 'unknown-question', value: questionText });
    }

    const parent = parentAt(cell(cells, 'parent'));
    const index = byPath.get(pathKey(parent.key, name)) ?? create(name, parent.id, parent.key);
    const before = codes[index] as Code;
    const after: Code = {
      ...before,
      description: description === '' ? before.description : description,
      // Same colour in other case is no change.
      colour: colour === null || colour === before.colour.toLowerCase() ? before.colour : colour,
      questionId: questionId === null || before.followsQuestion ? before.questionId : questionId,
    };
    if (
      after.description !== before.description ||
      after.colour !== before.colour ||
      after.questionId !== before.questionId
    ) {
      codes[index] = after;
      if (after.colour !== before.colour) {
        colours.remove(before.colour);
        colours.add(after.colour);
      }
      if (!added.has(after.id)) updated.add(after.id);
    }
  }
  return { codes, added: added.size, updated: updated.size, problems };
}
