import { CampoError } from '../../../shared/ipc/errors';
import { FILE_CAPS } from '../../../shared/ipc/upload-limits';

const MB = 1024 * 1024;

/**
 * What an importer accepts. A 3-hour focus group is about 300 KB of text; the caps are far above
 * real files and far below what could exhaust the machine.
 */
export const IMPORT_LIMITS = {
  textBytes: FILE_CAPS.textBytes,
  docxBytes: FILE_CAPS.docxBytes,
  spreadsheetBytes: FILE_CAPS.spreadsheetBytes,
  /** A REFI-QDA archive read from a path or an upload. */
  archiveBytes: FILE_CAPS.archiveBytes,
  /** Sum of the uncompressed sizes in a zip (DOCX, QDPX): a zip bomb stops here. */
  unzippedBytes: 250 * MB,
  /** A DOCX's word/document.xml once decompressed (a 20-million-character text fits). */
  docxXmlBytes: 100 * MB,
  /** Everything decompressed from an XLSX: 10,000 rows × 100 columns of real cells fit. */
  spreadsheetUnzippedBytes: 100 * MB,
  /**
   * Longest text between two tags in a sheet's XML: Excel's own cell limit is 32,767
   * characters, so a megabyte is never a real cell (and would cost SheetJS gigabytes).
   */
  spreadsheetTextRunBytes: 1 * MB,
  /** Nesting of elements in a DOCX's or XLSX's XML (Word's own stays far below). */
  xmlDepth: 1_000,
  /** What a source may hold (SourceFileSchema) and how many turns an import may bring. */
  sourceCharacters: 20_000_000,
  turns: 200_000,
  /** Memory of the parser process; past it the parser dies and the file is refused. */
  parserMemoryMb: 1024,
  /** Time a parser may take, by kind of file; past it the parser is killed and the file refused. */
  textTimeoutMs: 15_000,
  docxTimeoutMs: 30_000,
  spreadsheetTimeoutMs: 20_000,
  qdpxTimeoutMs: 120_000,
  /**
   * Codes one codebook import may bring, and how deep they may nest: 100,000 codes import in a
   * few seconds; far more would make every later save of project.json slow.
   */
  codes: 100_000,
  codeDepth: 100,
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
