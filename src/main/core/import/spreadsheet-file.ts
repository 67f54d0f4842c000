import { basename, extname } from 'node:path';
import { z } from 'zod';
import type { Cell } from '../../../shared/domain/participants-import';
import { decodeText, looksBinary } from '../../../shared/domain/text-decoding';
import { CampoError } from '../../../shared/ipc/errors';
import { IMPORT_LIMITS, checkSize } from './limits';
import { runWorker } from './run-worker';
import { inspectZip, looksLikeZip } from './zip-guard';

const WorkerRowsSchema = z.object({
  rows: z
    .array(
      z
        .array(z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]))
        .max(IMPORT_LIMITS.spreadsheetColumns),
    )
    .max(IMPORT_LIMITS.spreadsheetRows + 1),
  truncated: z.boolean(),
});

/** The header row and the data rows of a spreadsheet (participant list, monitoring extract). */
export interface SpreadsheetRows {
  headers: string[];
  rows: Cell[][];
  truncated: boolean;
}

/**
 * Reads the first sheet of a CSV or XLSX file (a participant list, a monitoring extract). The spreadsheet parser runs in a
 * worker with a size cap, a memory cap and a time limit, and what it returns is validated.
 */
export async function readSpreadsheetRows(
  bytes: Uint8Array,
  fileName: string,
): Promise<SpreadsheetRows> {
  const file = basename(fileName);
  const extension = extname(fileName).slice(1).toLowerCase();
  if (extension !== 'csv' && extension !== 'xlsx') {
    throw new CampoError('FILE_TYPE_UNSUPPORTED', `Cannot import ${file}`, {
      file,
      supported: '.csv, .xlsx',
    });
  }
  checkSize(file, bytes.length, IMPORT_LIMITS.spreadsheetBytes);
  const limits = {
    maxRows: IMPORT_LIMITS.spreadsheetRows,
    maxColumns: IMPORT_LIMITS.spreadsheetColumns,
  };
  let input: object;
  if (extension === 'xlsx') {
    if (!looksLikeZip(bytes))
      throw new CampoError('FILE_TYPE_MISMATCH', `${file} is not XLSX`, { file, expected: 'XLSX' });
    inspectZip(bytes, file);
    input = { bytes, ...limits };
  } else {
    const { text } = decodeText(bytes);
    if (looksLikeZip(bytes) || looksBinary(text)) {
      throw new CampoError('FILE_TYPE_MISMATCH', `${file} is not CSV`, { file, expected: 'CSV' });
    }
    input = { text, ...limits };
  }
  const answer = WorkerRowsSchema.safeParse(await runWorker('xlsx-worker.mjs', input, file));
  if (!answer.success)
    throw new CampoError('FILE_DAMAGED', `${file}: unexpected content`, {
      file,
      reason: 'contenuto inatteso',
    });
  const [header = [], ...rows] = answer.data.rows;
  if (rows.length === 0) throw new CampoError('FILE_EMPTY', `${file} has no data rows`, { file });
  return {
    headers: header.map((cell) => (cell === null ? '' : String(cell))),
    rows,
    truncated: answer.data.truncated,
  };
}
