/**
 * Writes the workbook export (src/shared/report/workbook.ts) as an XLSX file with SheetJS.
 * Only SheetJS's write path runs here, in the app's own thread: the advisories on xlsx 0.18.5
 * concern reading untrusted files, which the importer does in a worker.
 */
import XLSX from 'xlsx';
import { translator } from '../../../shared/i18n';
import type { Language } from '../../../shared/model/project';
import {
  safeSheetName,
  type WorkbookCell,
  type WorkbookSheet,
} from '../../../shared/report/workbook';

/** Excel refuses to open a file with a longer text in one cell. */
export const MAX_CELL_TEXT = 32_767;

/** Day and month in the European order in both languages: Italian and English users alike read 18/03/2021. */
const DATE_FORMAT = 'dd/mm/yyyy';

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system as it counts after February 1900 (its fictitious 29th). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Earlier days are off by one in that system (or not representable): written as text. */
const FIRST_SAFE_DAY = Date.UTC(1900, 2, 1);

/**
 * The spreadsheet serial number of a calendar date (yyyy-mm-dd, or the date part of an ISO
 * timestamp as written, i.e. the UTC day), or null when it is not a real date Excel can show.
 */
export function excelDateSerial(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  // Date.UTC rolls 2021-02-30 over to March: such a date is not a date.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (time < FIRST_SAFE_DAY) return null;
  return (time - EXCEL_EPOCH) / DAY_MS;
}

/** Text clipped to what a cell holds, never splitting a surrogate pair. */
function clipped(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  let end = MAX_CELL_TEXT - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * A SheetJS cell. Texts are always string cells (shared strings), never formulas, so "=SUM(A1)"
 * or "+39 02…" stays literal; dates are serial numbers with a date format.
 */
function toCell(value: WorkbookCell | undefined): XLSX.CellObject | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return { t: 's', v: clipped(value) };
  if (typeof value === 'number') return Number.isFinite(value) ? { t: 'n', v: value } : null;
  if (typeof value === 'boolean') return { t: 'b', v: value };
  const serial = excelDateSerial(value.date);
  return serial === null
    ? { t: 's', v: clipped(value.date) }
    : { t: 'n', v: serial, z: DATE_FORMAT };
}

/**
 * One worksheet: header on row 1 with an autofilter, data below, column widths. Dense (an array
 * of rows, which SheetJS writes as it does a sheet keyed "A1"…): a 300,000-row sheet writes in
 * half the time and 256 MB less than as one object keyed by cell address.
 */
function toWorksheet(sheet: WorkbookSheet): XLSX.WorkSheet {
  const lines: ReadonlyArray<readonly WorkbookCell[]> = [sheet.header, ...sheet.rows];
  let columns = 1;
  const rows = lines.map((line) => {
    columns = Math.max(columns, line.length);
    return line.map((value) => toCell(value) ?? undefined);
  });
  const worksheet = rows as unknown as XLSX.WorkSheet;
  const last = { r: lines.length - 1, c: columns - 1 };
  worksheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: last });
  worksheet['!cols'] = sheet.widths.map((wch) => ({ wch }));
  if (sheet.header.length > 0) {
    worksheet['!autofilter'] = {
      ref: XLSX.utils.encode_range({
        s: { r: 0, c: 0 },
        e: { r: lines.length - 1, c: sheet.header.length - 1 },
      }),
    };
  }
  return worksheet;
}

/**
 * The sheets as an XLSX file: numbers, booleans and dates as typed cells (dates shown
 * dd/mm/yyyy), text as literal text, column widths from `widths`, an autofilter on each header
 * row. Sheet names are made valid and unique for Excel. Document properties: the title
 * (`options.title`, else "Dati del progetto" / "Project data") and "Campo" as author.
 * Throws a RangeError for an empty list: an XLSX file needs at least one sheet.
 */
export function workbookToXlsx(
  sheets: readonly WorkbookSheet[],
  language: Language,
  options: { title?: string } = {},
): Buffer {
  if (sheets.length === 0) throw new RangeError('A workbook needs at least one sheet');
  const book = XLSX.utils.book_new();
  const taken = new Set<string>();
  for (const sheet of sheets) {
    XLSX.utils.book_append_sheet(book, toWorksheet(sheet), safeSheetName(sheet.name, taken));
  }
  book.Props = {
    Title: options.title ?? translator(language)('xlsx.props.title'),
    Author: 'Campo',
  };
  // Shared strings: what Excel itself writes, and unambiguously text (not a formula's result).
  return XLSX.write(book, {
    type: 'buffer',
    bookType: 'xlsx',
    bookSST: true,
    compression: true,
  }) as Buffer;
}
