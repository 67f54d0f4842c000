import { CampoError } from '../../../shared/ipc/errors';

const MB = 1024 * 1024;

/**
 * What an importer accepts. A 3-hour focus group is about 300 KB of text; the caps are far above
 * real files and far below what could exhaust the machine.
 */
export const IMPORT_LIMITS = {
  textBytes: 20 * MB,
  docxBytes: 50 * MB,
  spreadsheetBytes: 10 * MB,
  /** Sum of the uncompressed sizes in a zip (DOCX, XLSX): a zip bomb stops here. */
  unzippedBytes: 250 * MB,
  workerTimeoutMs: 30_000,
  workerMemoryMb: 512,
  spreadsheetRows: 10_000,
  spreadsheetColumns: 100,
} as const;

/** "12,3 MB" style size for messages. */
export function describeSize(bytes: number): string {
  return bytes >= MB
    ? `${(bytes / MB).toFixed(1).replace('.', ',')} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

/** Refuses an empty file or one above `max` bytes, naming the file. */
export function checkSize(file: string, size: number, max: number): void {
  if (size === 0) throw new CampoError('FILE_EMPTY', `${file} is empty`, { file });
  if (size > max) {
    throw new CampoError('FILE_TOO_LARGE', `${file} is too large`, {
      file,
      size: describeSize(size),
      max: describeSize(max),
    });
  }
}
