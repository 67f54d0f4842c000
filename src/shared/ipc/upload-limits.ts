import type { HandlerName } from './contract';

/**
 * The largest file of each kind Campo reads, and what that means for a request carrying it:
 * one place, so that the importers' caps, the contract and browser mode's body limit agree.
 * A file within its cap is never stopped by the body limit; a larger one is refused with a
 * message naming the cap (FILE_TOO_LARGE by the importer, REQUEST_TOO_LARGE by browser mode).
 */

const MB = 1024 * 1024;

/** Largest file Campo reads, by kind. */
export const FILE_CAPS = {
  /** A transcript as text (.txt, .vtt, .srt). */
  textBytes: 20 * MB,
  /** A Word transcript (.docx), pictures included. */
  docxBytes: 50 * MB,
  /** A participant list or a monitoring extract (.csv, .xlsx). */
  spreadsheetBytes: 10 * MB,
  /** A REFI-QDA project (.qdpx) or codebook (.qdc). */
  archiveBytes: 200 * MB,
} as const;

/** Length of the base64 text of `bytes` bytes. */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/** Room for the rest of a request (file name, other arguments, JSON). */
const OVERHEAD = 64 * 1024;

/** Body limit of any call not listed below. */
export const DEFAULT_BODY_LIMIT = 25 * MB;

/** The largest file each uploading call accepts, in bytes. */
const UPLOADS: Partial<Record<HandlerName, number>> = {
  transcriptRead: Math.max(FILE_CAPS.textBytes, FILE_CAPS.docxBytes),
  participantsReadFile: FILE_CAPS.spreadsheetBytes,
  indicatorsReadFile: FILE_CAPS.spreadsheetBytes,
  qdpxImport: FILE_CAPS.archiveBytes,
  qdcInspect: FILE_CAPS.archiveBytes,
  qdcImport: FILE_CAPS.archiveBytes,
};

/**
 * Calls carrying a whole text as JSON: 20 million characters (a source's limit) take up to
 * three bytes each in UTF-8, plus 200,000 turns.
 */
const TEXTS: Partial<Record<HandlerName, number>> = {
  transcriptImport: 96 * MB,
  sourceTextUpdate: 64 * MB,
  codebookImport: 32 * MB,
};

/** What a call may send: what `fileCap` accepts as base64, or what its text needs. */
export function requestBodyLimit(name: string): number {
  const upload = UPLOADS[name as HandlerName];
  if (upload !== undefined) return base64Length(upload) + OVERHEAD;
  return TEXTS[name as HandlerName] ?? DEFAULT_BODY_LIMIT;
}

/** The largest file an uploading call accepts (null for other calls). */
export function uploadCap(name: string): number | null {
  return UPLOADS[name as HandlerName] ?? null;
}
