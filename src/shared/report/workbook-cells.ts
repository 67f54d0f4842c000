/** What the workbook's sheet builders share: the context they read and small cell helpers. */
import { retrieveSegments, type Segment, type CodedSource } from '../domain/coding-analysis';
import { codePath, questionsOfCodes } from '../domain/codebook-tree';
import { formatNumber, translator, type Translate } from '../i18n';
import type { Language, Participant, ProjectFile } from '../model/project';
import type { WorkbookCell, WorkbookSheet } from './workbook';

/** Everything a sheet builder reads, computed once for the whole workbook. */
export interface WorkbookContext {
  project: ProjectFile;
  corpus: readonly CodedSource[];
  language: Language;
  t: Translate;
  /** Participants by id. */
  participants: ReadonlyMap<string, Participant>;
  /** Every coded segment, in source order (sources as given, codings by start). */
  segments: readonly Segment[];
  /** "Parent > Child" of every code, by code id. */
  paths: ReadonlyMap<string, string>;
  /** The DV code (DV1) each code answers, by code id; absent when none. */
  questionCodes: ReadonlyMap<string, string>;
  /** The participant's pseudonym, or null for no or an unknown participant. */
  pseudonym(id: string | null): string | null;
}

/** Between the names of a code path, as in the codebook CSV. */
export const PATH_SEPARATOR = ' > ';

/** Builds the context of one workbook. */
export function workbookContext(
  project: ProjectFile,
  corpus: readonly CodedSource[],
  language: Language,
): WorkbookContext {
  const participants = new Map(project.participants.map((p) => [p.id, p]));
  const paths = new Map(
    project.codes.map((code) => [
      code.id,
      codePath(project.codes, code.id)
        .map((each) => each.name)
        .join(PATH_SEPARATOR),
    ]),
  );
  const questionCode = new Map(project.questions.map((q) => [q.id, q.code]));
  const questionCodes = new Map<string, string>();
  for (const [codeId, questionId] of questionsOfCodes(project.codes)) {
    const code = questionId === null ? undefined : questionCode.get(questionId);
    if (code !== undefined) questionCodes.set(codeId, code);
  }
  return {
    project,
    corpus,
    language,
    t: translator(language),
    participants,
    segments: retrieveSegments(corpus, project.codes, project.participants, {}),
    paths,
    questionCodes,
    pseudonym: (id) => (id === null ? null : (participants.get(id)?.code ?? null)),
  };
}

// Widths in characters: wide enough for the header, capped so long texts wrap in one column.
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** Characters a cell needs (its longest line). */
function cellLength(cell: WorkbookCell): number {
  if (cell === null) return 0;
  if (typeof cell === 'string') {
    return Math.max(0, ...cell.split('\n').map((line) => Array.from(line).length));
  }
  if (typeof cell === 'number') return String(cell).length;
  if (typeof cell === 'boolean') return 5;
  return 10;
}

/** A sheet with its column widths fitted to the header and the data. */
export function sheet(name: string, header: string[], rows: WorkbookCell[][]): WorkbookSheet {
  const widths = header.map((title, column) => {
    let longest = cellLength(title);
    for (const row of rows) {
      // A column at its widest is done; a text no longer than the longest cannot be longer.
      if (longest + 2 >= MAX_WIDTH) break;
      const cell = row[column] ?? null;
      if (typeof cell === 'string' && cell.length <= longest) continue;
      longest = Math.max(longest, cellLength(cell));
    }
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });
  return { name, header, rows, widths };
}

/** '' as an empty cell, so a blank field reads as blank, not as an empty string. */
export const textOrEmpty = (text: string | null | undefined): string | null =>
  text === null || text === undefined || text.trim() === '' ? null : text;

/** A number or an empty cell (null, NaN, infinities). */
export const numberOrEmpty = (value: number | null | undefined): number | null =>
  value === null || value === undefined || !Number.isFinite(value) ? null : value;

/** Rounded to `digits` decimals (the export's precision), or an empty cell. */
export function rounded(value: number | null | undefined, digits: number): number | null {
  const number = numberOrEmpty(value);
  if (number === null) return null;
  const factor = 10 ** digits;
  return Math.round(number * factor) / factor;
}

/** Distinct non-blank values in order, joined with ", "; an empty cell when none. */
export function joined(values: readonly string[]): string | null {
  const distinct = [...new Set(values.map((value) => value.trim()).filter((v) => v !== ''))];
  return distinct.length === 0 ? null : distinct.join(', ');
}

/** A date as text (18/03/2021), for cells that join several values. */
export function dateText(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** A number as text in the workbook's language (1.234,5), for joined cells. */
export const numberText = (value: number, language: Language) => formatNumber(value, language, 6);
