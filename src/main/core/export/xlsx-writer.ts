/**
 * Writes the workbook export (src/shared/report/workbook.ts) as an XLSX file, streaming each
 * sheet's XML into the zip as its rows are made. SheetJS, which wrote it before, builds the whole
 * workbook and each sheet's XML in memory: at 3,000 transcripts (300,000 coded segments) that
 * ran out of an 8 GB laptop's 2 GB heap and closed the app, and SheetJS's community edition has
 * no streaming writer. SheetJS still reads what the importer is given, and the tests read these
 * files back with it and with LibreOffice.
 */
import { translator } from '../../../shared/i18n';
import { ZipWriter } from '../exchange/zip-writer';
import { exportMemoryGuard } from './memory-guard';
import type { Language } from '../../../shared/model/project';
import {
  safeSheetName,
  type WorkbookCell,
  type WorkbookSheet,
} from '../../../shared/report/workbook';
import {
  appPropsXml,
  columnName,
  columnWidth,
  contentTypesXml,
  corePropsXml,
  FROZEN_HEADER,
  packageRelsXml,
  rangeRef,
  SST_OPEN,
  STYLE,
  stylesXml,
  textElement,
  workbookRelsXml,
  workbookXml,
  WORKSHEET_OPEN,
  type SheetEntry,
} from './xlsx-parts';

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

/** Progress is told every this many rows. */
const PROGRESS_ROWS = 2_000;

/**
 * The shared strings table: each distinct text once, cells refer to it by index (what Excel
 * itself writes; a shared string is text, never a formula's result).
 */
class SharedStrings {
  private readonly index = new Map<string, number>();
  /** String cells written, repeats included. */
  count = 0;

  indexOf(text: string): number {
    this.count += 1;
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.index.size;
      this.index.set(text, at);
    }
    return at;
  }

  get unique(): number {
    return this.index.size;
  }

  /** The texts in index order (a Map iterates in insertion order). */
  texts(): IterableIterator<string> {
    return this.index.keys();
  }
}

/**
 * One cell's XML, or '' for no value. Texts are shared strings, so "=SUM(A1)" or "+39 02…" stays
 * literal; dates are serial numbers with the date style.
 */
function cellXml(ref: string, value: WorkbookCell | undefined, strings: SharedStrings): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    return `<c r="${ref}" t="s"><v>${strings.indexOf(clipped(value))}</v></c>`;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : '';
  }
  if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  const serial = excelDateSerial(value.date);
  return serial === null
    ? `<c r="${ref}" t="s"><v>${strings.indexOf(clipped(value.date))}</v></c>`
    : `<c r="${ref}" s="${STYLE.date}"><v>${serial}</v></c>`;
}

/** The header row, in bold. */
function headerXml(header: readonly string[], strings: SharedStrings): string {
  const cells = header.map(
    (text, column) =>
      `<c r="${columnName(column)}1" s="${STYLE.header}" t="s"><v>${strings.indexOf(clipped(text))}</v></c>`,
  );
  return `<row r="1">${cells.join('')}</row>`;
}

/** The autofilter's range of a sheet with a header row: the header and every data row. */
function filterRefOf(sheet: WorkbookSheet): string | null {
  return sheet.header.length > 0 ? rangeRef(sheet.rows.length, sheet.header.length - 1) : null;
}

/**
 * One worksheet, written row by row: header on row 1 (bold, frozen, with an autofilter), data
 * below, column widths.
 */
async function writeSheet(
  write: (text: string) => Promise<void>,
  sheet: WorkbookSheet,
  entry: SheetEntry,
  strings: SharedStrings,
  onRows: (written: number) => void,
): Promise<void> {
  let columns = Math.max(1, sheet.header.length);
  for (const row of sheet.rows) columns = Math.max(columns, row.length);
  const lastRow = sheet.rows.length;
  const hasHeader = sheet.header.length > 0;
  const columnNames = Array.from({ length: columns }, (_, column) => columnName(column));
  await write(WORKSHEET_OPEN);
  await write(`<dimension ref="${rangeRef(lastRow, columns - 1)}"/>`);
  if (hasHeader) await write(FROZEN_HEADER);
  if (sheet.widths.length > 0) {
    const cols = sheet.widths.map(
      (width, column) =>
        `<col min="${column + 1}" max="${column + 1}" width="${columnWidth(width)}" customWidth="1"/>`,
    );
    await write(`<cols>${cols.join('')}</cols>`);
  }
  await write('<sheetData>');
  if (hasHeader) await write(headerXml(sheet.header, strings));
  for (let index = 0; index < sheet.rows.length; index++) {
    const row = sheet.rows[index]!;
    const number = index + 2;
    let cells = '';
    for (let column = 0; column < row.length; column++) {
      cells += cellXml(`${columnNames[column]}${number}`, row[column], strings);
    }
    await write(`<row r="${number}">${cells}</row>`);
    if ((index + 1) % PROGRESS_ROWS === 0) onRows(PROGRESS_ROWS);
  }
  onRows(sheet.rows.length % PROGRESS_ROWS);
  await write('</sheetData>');
  if (entry.filterRef) await write(`<autoFilter ref="${entry.filterRef}"/>`);
  await write('</worksheet>');
}

/**
 * The sheets as an XLSX file: numbers, booleans and dates as typed cells (dates shown
 * dd/mm/yyyy), text as literal text, column widths from `widths`, a bold, frozen header row with
 * an autofilter. Sheet names are made valid and unique for Excel. Document properties: the title
 * (`options.title`, else "Dati del progetto" / "Project data") and "Campo" as author.
 * Throws a RangeError for an empty list: an XLSX file needs at least one sheet, and
 * OUT_OF_MEMORY rather than fill the heap (memory-guard.ts).
 */
export async function workbookToXlsx(
  sheets: readonly WorkbookSheet[],
  language: Language,
  options: { title?: string; now?: Date; onProgress?: (fraction: number) => void } = {},
): Promise<Buffer> {
  if (sheets.length === 0) throw new RangeError('A workbook needs at least one sheet');
  const zip = new ZipWriter(options.now ?? new Date());
  const taken = new Set<string>();
  const entries: SheetEntry[] = sheets.map((sheet) => ({
    name: safeSheetName(sheet.name, taken),
    filterRef: filterRefOf(sheet),
  }));
  const title = options.title ?? translator(language)('xlsx.props.title');
  const text = (value: string) => Buffer.from(value, 'utf8');
  // The package's fixed parts first, where tools that sniff a file's type look for them.
  zip.addFile('[Content_Types].xml', text(contentTypesXml(sheets.length)));
  zip.addFile('_rels/.rels', text(packageRelsXml()));
  zip.addFile('docProps/core.xml', text(corePropsXml(title, 'Campo')));
  zip.addFile('docProps/app.xml', text(appPropsXml()));
  zip.addFile('xl/workbook.xml', text(workbookXml(entries)));
  zip.addFile('xl/_rels/workbook.xml.rels', text(workbookRelsXml(sheets.length)));
  zip.addFile('xl/styles.xml', text(stylesXml(DATE_FORMAT)));
  const strings = new SharedStrings();
  // Progress: the rows, then the shared strings, weighed as much as the rows together.
  const rows = sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
  let done = 0;
  const memory = exportMemoryGuard();
  const onRows = (written: number) => {
    memory.check();
    done += written;
    options.onProgress?.(Math.min(1, done / Math.max(1, 2 * rows)));
  };
  for (const [index, sheet] of sheets.entries()) {
    await zip.addStreamedFile(`xl/worksheets/sheet${index + 1}.xml`, (write) =>
      writeSheet(write, sheet, entries[index]!, strings, onRows),
    );
  }
  // Last: only now is every text known.
  await zip.addStreamedFile('xl/sharedStrings.xml', async (write) => {
    await write(SST_OPEN(strings.count, strings.unique));
    let written = 0;
    for (const text of strings.texts()) {
      await write(`<si>${textElement(text)}</si>`);
      written += 1;
      if (written % PROGRESS_ROWS === 0) onRows((PROGRESS_ROWS * rows) / strings.unique);
    }
    await write('</sst>');
  });
  options.onProgress?.(1);
  return zip.finish();
}
