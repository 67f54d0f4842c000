import { extname, basename } from 'node:path';
import { readDocxText } from '../../../shared/domain/docx-transcript';
import { readSpeakerLines } from '../../../shared/domain/speaker-lines';
import { readSrt, readTimedText, readVtt } from '../../../shared/domain/subtitles';
import {
  draftText,
  type ParsedTurn,
  type TranscriptDraft,
} from '../../../shared/domain/transcript-draft';
import { decodeText, looksBinary } from '../../../shared/domain/text-decoding';
import { CampoError } from '../../../shared/ipc/errors';
import { IMPORT_LIMITS, checkSize } from './limits';
import { runWorker } from './run-worker';
import { inspectZip, looksLikeZip } from './zip-guard';

export const TRANSCRIPT_FORMATS = ['txt', 'vtt', 'srt', 'docx'] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];

/**
 * A transcript read from a file, before speakers are mapped and it is added to a project: its
 * lines (for the preview, where the user may change what is a speaker) and the text and turns
 * they make with the default decisions.
 */
export interface ParsedTranscriptFile {
  format: TranscriptFormat;
  title: string;
  draft: TranscriptDraft;
  text: string;
  turns: ParsedTurn[];
}

const mismatch = (file: string, expected: string) =>
  new CampoError('FILE_TYPE_MISMATCH', `${file} is not ${expected}`, { file, expected });

/** The format a file name claims, or FILE_TYPE_UNSUPPORTED. */
export function transcriptFormatOf(fileName: string): TranscriptFormat {
  const extension = extname(fileName).slice(1).toLowerCase();
  if ((TRANSCRIPT_FORMATS as readonly string[]).includes(extension))
    return extension as TranscriptFormat;
  throw new CampoError('FILE_TYPE_UNSUPPORTED', `Cannot import ${fileName}`, {
    file: basename(fileName),
    supported: '.txt, .vtt, .srt, .docx',
  });
}

/** Decodes a text-format file, refusing binary content whatever its extension says. */
function textOf(bytes: Uint8Array, file: string, expected: string): string {
  if (looksLikeZip(bytes)) throw mismatch(file, expected);
  const { text } = decodeText(bytes);
  if (looksBinary(text)) throw mismatch(file, expected);
  return text;
}

/**
 * Reads a transcript file, treating it as hostile: size cap, content checked against the
 * extension, DOCX unpacked only in a worker with memory and time limits. Nothing is written.
 */
export async function readTranscriptFile(
  bytes: Uint8Array,
  fileName: string,
): Promise<ParsedTranscriptFile> {
  const file = basename(fileName);
  const format = transcriptFormatOf(fileName);
  checkSize(
    file,
    bytes.length,
    format === 'docx' ? IMPORT_LIMITS.docxBytes : IMPORT_LIMITS.textBytes,
  );
  let draft: TranscriptDraft | null;
  if (format === 'docx') {
    if (!looksLikeZip(bytes)) throw mismatch(file, 'DOCX');
    const entries = inspectZip(bytes, file);
    if (!entries.some((entry) => entry.name === 'word/document.xml')) throw mismatch(file, 'DOCX');
    const { text } = await runWorker<{ text: string }>('docx-worker.mjs', { bytes }, file);
    draft = readDocxText(text);
  } else if (format === 'vtt') {
    draft = readVtt(textOf(bytes, file, 'WebVTT'));
    if (!draft) throw mismatch(file, 'WebVTT');
  } else if (format === 'srt') {
    draft = readSrt(textOf(bytes, file, 'SRT'));
    if (!draft) throw mismatch(file, 'SRT');
  } else {
    // A .txt may hold a WebVTT or an old Teams/Stream transcript with its timings.
    const text = textOf(bytes, file, 'testo');
    draft = readVtt(text) ?? readTimedText(text) ?? readSpeakerLines(text);
  }
  const parsed = draftText(draft);
  if (parsed.text.trim() === '')
    throw new CampoError('FILE_EMPTY', `${file} has no text`, { file });
  return { format, title: basename(fileName, extname(fileName)), draft, ...parsed };
}
