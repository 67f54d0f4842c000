/**
 * The project's data as a workbook (XLSX export): one sheet per table, headers in the chosen
 * language, typed cells. Pure: the main process turns the sheets into a file
 * (src/main/core/export/xlsx-writer.ts).
 *
 * Participants appear only by pseudonym: their `name` is never read into a cell, and any free
 * text that mentions a participant's name (a source title, a quotation, a memo) has it replaced
 * by the pseudonym, as the report does.
 */
import type { TextAgreementInput } from '../domain/agreement-layers';
import type { CodedSource } from '../domain/coding-analysis';
import type { Language, ProjectFile } from '../model/project';
import { anonymiser } from './anonymise';
import { agreementSheet } from './workbook-agreement';
import { ratingAgreementSheet } from './workbook-rating-agreement';
import { workbookContext, type WorkbookContext } from './workbook-cells';
import {
  codebookSheet,
  codesByParticipantSheet,
  frameworkSheet,
  segmentsSheet,
} from './workbook-coding';
import { ngtBallotsSheet, ngtIdeasSheet, ngtResultsSheet } from './workbook-ngt';
import { matrixSummariesSheet } from './workbook-matrix-summaries';
import { indicatorsSheet, matricesSheet } from './workbook-tables';

/** A cell: text, number, boolean, a calendar date (ISO yyyy-mm-dd, or a full ISO timestamp → its date), or empty. */
export type WorkbookCell = string | number | boolean | { date: string } | null;

/** One sheet: its name, the header row, the data rows (as long as the header or shorter). */
export interface WorkbookSheet {
  name: string;
  header: string[];
  rows: WorkbookCell[][];
  /** column widths in characters */
  widths: number[];
}

/** Excel's limits on sheet names: 31 characters, none of these. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const SHEET_NAME_MAX = 31;

/**
 * A name Excel accepts for a sheet: forbidden characters as spaces, no leading or trailing
 * apostrophe, at most 31 characters (whole characters: an emoji is never cut in half), and
 * different from every name in `taken` regardless of case (" (2)" … appended). The chosen name
 * is added to `taken`.
 */
export function safeSheetName(name: string, taken: Set<string>): string {
  const clean = name
    .replace(SHEET_NAME_FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim();
  const fit = (text: string, room: number) => Array.from(text).slice(0, room).join('').trim();
  const base = fit(clean, SHEET_NAME_MAX) || 'Sheet';
  const lower = new Set([...taken].map((each) => each.toLowerCase()));
  let chosen = base;
  for (let n = 2; lower.has(chosen.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    chosen = fit(base, SHEET_NAME_MAX - suffix.length) + suffix;
  }
  taken.add(chosen);
  return chosen;
}

/**
 * How a long build gives way to other work: `pause` lets the caller's event loop run (the main
 * process serves every window from it), `onRows` follows the coded segments, which are most of
 * the work at 3,000 transcripts.
 */
export interface WorkbookPace {
  pause(): Promise<void>;
  onRows?(done: number, total: number): void;
}

/** A build that never gives way (tests, small projects). */
export const UNPACED: WorkbookPace = { pause: () => Promise.resolve() };

/**
 * The project's data as sheets, in this order: coded segments, codebook, codes × participants,
 * framework matrix, NGT ideas, NGT ballots, NGT results, rating matrices, their summaries,
 * indicators, coding reliability (intercoder agreement), rating agreement (the comparisons kept
 * for the report). Every sheet is present, with its header row, even when it has no data, so the
 * workbook always has the same shape. Sheet names are valid for Excel and unique.
 */
export async function buildWorkbook(
  input: {
    project: ProjectFile;
    corpus: readonly CodedSource[];
    language: Language;
    /** The coder layers for the agreement sheet. */
    agreementInput: TextAgreementInput;
  },
  pace: WorkbookPace = UNPACED,
): Promise<WorkbookSheet[]> {
  const context = workbookContext(input.project, input.corpus, input.language);
  await pace.pause();
  const sheets = [await segmentsSheet(context, pace)];
  for (const build of [
    codebookSheet,
    codesByParticipantSheet,
    frameworkSheet,
    ngtIdeasSheet,
    ngtBallotsSheet,
    ngtResultsSheet,
    matricesSheet,
    matrixSummariesSheet,
    indicatorsSheet,
    (c: WorkbookContext) => agreementSheet(c, input.agreementInput),
    ratingAgreementSheet,
  ]) {
    sheets.push(build(context));
    await pace.pause();
  }
  // One last pass over every text, so no sheet can forget to hide a name. The rows are the
  // builders' own arrays: changed in place, not copied (300,000 rows at 3,000 transcripts).
  // The coders' names stand: «Carla Conti» codes, whatever surname a participant shares.
  const anonymise = anonymiser(input.project.participants, {
    keep: input.project.evaluators.map((evaluator) => evaluator.name),
  });
  const taken = new Set<string>();
  for (const sheet of sheets) {
    sheet.name = safeSheetName(sheet.name, taken);
    sheet.header = sheet.header.map(anonymise);
    for (const row of sheet.rows) {
      for (let column = 0; column < row.length; column++) {
        const cell = row[column];
        if (typeof cell === 'string') row[column] = anonymise(cell);
      }
    }
    await pace.pause();
  }
  return sheets;
}
