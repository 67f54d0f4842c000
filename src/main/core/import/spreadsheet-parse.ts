import { basename, extname } from 'node:path';
import type { CellObject, WorkSheet } from 'xlsx';
import type { Cell } from '../../../shared/domain/participants-import';
import { decodeText, looksBinary } from '../../../shared/domain/text-decoding';
import { CampoError } from '../../../shared/ipc/errors';
import { damagedFile } from '../../../shared/ipc/refusals';
import { Archive } from '../exchange/qdpx-zip';
import { IMPORT_LIMITS, checkSize, describeSize } from './limits';
import { nestsDeeperThan, longestTextRun } from './xml-scan';
import { looksLikeZip } from './zip-guard';

/**
 * Reading the first sheet of a CSV or XLSX with SheetJS, in the parser process only (see
 * ../isolation/parser-pool.ts): npm's xlsx 0.18.5 has unpatched advisories on its read path
 * (CVE-2023-30533, CVE-2024-22363), and a hostile sheet can make it use gigabytes, so it never
 * runs in the app's own process.
 */

/** What the parser process answers: at most `spreadsheetRows` + 1 rows, cells clipped. */
export interface RawSheet {
  rows: Cell[][];
  truncated: boolean;
}

/** Extension checks that cost nothing: done before a parser process is asked. */
export function precheckSpreadsheet(bytes: Uint8Array, fileName: string): 'csv' | 'xlsx' {
  const file = basename(fileName);
  const extension = extname(fileName).slice(1).toLowerCase();
  if (extension !== 'csv' && extension !== 'xlsx') {
    throw new CampoError('FILE_TYPE_UNSUPPORTED', `Cannot import ${file}`, {
      file,
      supported: '.csv, .xlsx',
    });
  }
  checkSize(file, bytes.length, IMPORT_LIMITS.spreadsheetBytes);
  if ((extension === 'xlsx') !== looksLikeZip(bytes)) {
    const expected = extension.toUpperCase();
    throw new CampoError('FILE_TYPE_MISMATCH', `${file} is not ${expected}`, { file, expected });
  }
  return extension;
}

/**
 * A cell formatted as a percentage shows «45,00 %» and holds 0.45: it is read as the 45 the user
 * sees, as the same sheet saved as CSV gives it (found by a newcomer walk-through: XLSX
 * indicators came in 100 times too small).
 */
function percentAsShown(sheet: WorkSheet): void {
  type Rows = Array<Array<CellObject | undefined> | undefined>;
  // A dense sheet is its rows in SheetJS 0.18 (later versions keep them in !data).
  const rows =
    (sheet as { '!data'?: Rows })['!data'] ?? (Array.isArray(sheet) ? (sheet as Rows) : []);
  for (const row of rows) {
    for (const cell of row ?? []) {
      if (cell?.t !== 'n' || typeof cell.v !== 'number' || typeof cell.z !== 'string') continue;
      // A literal per cent sign, not one quoted or escaped as text in the format.
      if (!/%/.test(cell.z.replace(/"[^"]*"|\\./g, ''))) continue;
      cell.v = Number((cell.v * 100).toPrecision(12));
    }
  }
}

/**
 * Opens an XLSX's archive under the spreadsheet caps and refuses a sheet or shared-strings part
 * holding a "cell" longer than any real one, before SheetJS would spend gigabytes on it.
 */
async function checkXlsx(bytes: Uint8Array, file: string): Promise<void> {
  const archive = new Archive(bytes, file, IMPORT_LIMITS.spreadsheetUnzippedBytes, 'XLSX');
  for (const entry of archive.allEntries()) {
    const xml = /^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/i.test(entry.name);
    const content = await archive.read(entry, IMPORT_LIMITS.spreadsheetUnzippedBytes, {
      keep: false,
    });
    if (!xml) continue;
    const run = longestTextRun(content);
    if (run > IMPORT_LIMITS.spreadsheetTextRunBytes) {
      throw damagedFile(file, 'refusal.textRunTooLong', {
        size: describeSize(run),
        max: describeSize(IMPORT_LIMITS.spreadsheetTextRunBytes),
      });
    }
    if (nestsDeeperThan(content, IMPORT_LIMITS.xmlDepth)) {
      throw damagedFile(file, 'refusal.xmlTooDeep', { max: IMPORT_LIMITS.xmlDepth });
    }
  }
}

function cell(value: unknown): Cell {
  if (value instanceof Date) {
    const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 10);
  }
  if (typeof value === 'string') return value.slice(0, 10_000);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

/** The first sheet's rows, clipped to the import's rows, columns and cell length. */
export async function parseSpreadsheetBytes(
  bytes: Uint8Array,
  fileName: string,
): Promise<RawSheet> {
  const file = basename(fileName);
  const kind = precheckSpreadsheet(bytes, fileName);
  const { spreadsheetRows: maxRows, spreadsheetColumns: maxColumns } = IMPORT_LIMITS;
  let text: string | undefined;
  if (kind === 'xlsx') {
    await checkXlsx(bytes, file);
  } else {
    text = decodeText(bytes).text;
    if (looksBinary(text)) {
      throw new CampoError('FILE_TYPE_MISMATCH', `${file} is not CSV`, { file, expected: 'CSV' });
    }
  }
  const { default: XLSX } = await import('xlsx');
  let rows: unknown[][];
  let cut: boolean;
  try {
    // One row more than kept tells whether the list was cut.
    const sheetRows = maxRows + 2;
    const workbook =
      text !== undefined
        ? XLSX.read(text, { type: 'string', raw: true, cellDates: true, dense: true, sheetRows })
        : XLSX.read(Buffer.from(bytes), {
            type: 'buffer',
            cellDates: true,
            cellFormula: false,
            cellHTML: false,
            cellNF: true,
            dense: true,
            sheetRows,
          });
    const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''];
    if (sheet && text === undefined) percentAsShown(sheet);
    // SheetJS stops at `sheetRows` and keeps the whole sheet's range in !fullref.
    const full = sheet?.['!fullref'];
    cut = full !== undefined && XLSX.utils.decode_range(full).e.r + 1 > sheetRows;
    rows = sheet
      ? XLSX.utils.sheet_to_json<unknown[]>(sheet, {
          header: 1,
          raw: true,
          defval: null,
          blankrows: false,
        })
      : [];
  } catch (error) {
    // The library's own words («Could not find workbook») stay in the details, for a bug
    // report; the user reads what the file is not.
    throw damagedFile(file, 'refusal.notSpreadsheet', {
      detail: String((error as Error)?.message ?? error).slice(0, 200),
    });
  }
  return {
    rows: rows.slice(0, maxRows + 1).map((row) => row.slice(0, maxColumns).map(cell)),
    truncated: cut || rows.length > maxRows + 1,
  };
}
