import { basename } from 'node:path';
import { z } from 'zod';
import type { Cell } from '../../../shared/domain/participants-import';
import { CampoError } from '../../../shared/ipc/errors';
import { damagedFile } from '../../../shared/ipc/refusals';
import { runIsolated } from '../isolation/parser-pool';
import { IMPORT_LIMITS } from './limits';
import { precheckSpreadsheet } from './spreadsheet-parse';

const RowsSchema = z.object({
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
 * Reads the first sheet of a CSV or XLSX file (a participant list, a monitoring extract). The
 * spreadsheet parser runs in a parser process with size caps, a memory cap and a time limit
 * (see isolation/parser-pool.ts), and what it returns is validated.
 */
export async function readSpreadsheetRows(
  bytes: Uint8Array,
  fileName: string,
): Promise<SpreadsheetRows> {
  const file = basename(fileName);
  precheckSpreadsheet(bytes, fileName);
  const answer = RowsSchema.safeParse(
    await runIsolated(
      'spreadsheet',
      { bytes, fileName },
      { file, timeoutMs: IMPORT_LIMITS.spreadsheetTimeoutMs },
    ),
  );
  if (!answer.success) throw damagedFile(file, 'refusal.unexpectedContent');
  const [header = [], ...rows] = answer.data.rows;
  if (rows.length === 0) {
    // A header alone is not "empty" to whoever wrote it: say what is missing.
    const headed = header.some((cell) => cell !== null && String(cell).trim() !== '');
    throw new CampoError('FILE_EMPTY', `${file} has no data rows`, {
      file,
      content: headed ? 'headerOnly' : 'nothing',
    });
  }
  return {
    headers: header.map((cell) => (cell === null ? '' : String(cell))),
    rows,
    truncated: answer.data.truncated,
  };
}
