import { readCodebookRecords } from '../../../shared/domain/codebook-csv';
import { parseCodebook, parseQdpx, type QdpxLimits } from '../exchange/qdpx-read';
import { checkCodebookRecords } from '../import/codebook-caps';
import { parseSpreadsheetBytes } from '../import/spreadsheet-parse';
import { parseTranscriptBytes } from '../import/transcript-parse';

/**
 * Everything that reads a file a user picked, by name: these run only in the parser process
 * (parser-child.ts), where a timeout can stop them and running out of memory kills nothing but
 * that process. The app asks for them with `runIsolated` (parser-pool.ts).
 */
export const PARSER_JOBS = {
  transcript: (input: { bytes: Uint8Array; fileName: string }) =>
    parseTranscriptBytes(input.bytes, input.fileName),
  spreadsheet: (input: { bytes: Uint8Array; fileName: string }) =>
    parseSpreadsheetBytes(input.bytes, input.fileName),
  qdpx: (input: { bytes: Uint8Array; fileName: string; limits?: Partial<QdpxLimits> }) =>
    parseQdpx(input.bytes, input.fileName, input.limits),
  codebook: (input: { bytes: Uint8Array; fileName: string; limits?: Partial<QdpxLimits> }) =>
    parseCodebook(input.bytes, input.fileName, input.limits),
  codebookCsv: (input: { csv: string }) => {
    const read = readCodebookRecords(input.csv);
    checkCodebookRecords(read, 'CSV');
    return read;
  },
};

export type ParserJob = keyof typeof PARSER_JOBS;
export type ParserJobInput<J extends ParserJob> = Parameters<(typeof PARSER_JOBS)[J]>[0];
export type ParserJobOutput<J extends ParserJob> = Awaited<ReturnType<(typeof PARSER_JOBS)[J]>>;

/** A request to the parser process. */
export interface ParserRequest {
  id: number;
  job: ParserJob;
  input: unknown;
}

/** The parser process's answers: ready once, then one per request. */
export type ParserMessage =
  | { ready: true }
  | {
      id: number;
      ok: true;
      value: unknown;
      /** Peak resident memory of the parser process so far, in bytes. */
      maxRssBytes: number;
    }
  | {
      id: number;
      ok: false;
      error: { code: string; message: string; details?: Record<string, unknown> };
    };
