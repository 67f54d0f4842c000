import { basename, extname } from 'node:path';
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
import { damagedFile } from '../../../shared/ipc/refusals';
import { Archive } from '../exchange/qdpx-zip';
import { IMPORT_LIMITS, checkSize, describeSize } from './limits';
import { nestsDeeperThan } from './xml-scan';
import { looksLikeZip } from './zip-guard';

/**
 * Reading a transcript file in the process that runs it: the parser process (see
 * ../isolation/parser-pool.ts) for files a user picked, the app itself only for Campo's own demo
 * files. Nothing is written.
 */

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

/** A plain text file, named in the user's language by the message. */
const PLAIN_TEXT = 'text';

const mismatch = (file: string, expected: string) =>
  new CampoError('FILE_TYPE_MISMATCH', `${file} is not ${expected}`, {
    file,
    expected,
    ...(expected === PLAIN_TEXT ? { expectedKey: 'import.plainText' } : {}),
  });

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

/** Size, format and zip checks that cost nothing: done before a parser process is asked. */
export function precheckTranscript(bytes: Uint8Array, fileName: string): TranscriptFormat {
  const file = basename(fileName);
  const format = transcriptFormatOf(fileName);
  checkSize(
    file,
    bytes.length,
    format === 'docx' ? IMPORT_LIMITS.docxBytes : IMPORT_LIMITS.textBytes,
  );
  if ((format === 'docx') !== looksLikeZip(bytes)) {
    throw mismatch(file, { docx: 'DOCX', vtt: 'WebVTT', srt: 'SRT', txt: PLAIN_TEXT }[format]);
  }
  return format;
}

/** FILE_TOO_LARGE for a text longer than a source may hold (sizes as characters). */
function textTooLarge(file: string, text: string): CampoError {
  return new CampoError('FILE_TOO_LARGE', `${file}: text too large`, {
    file,
    size: describeSize(text.length),
    max: describeSize(IMPORT_LIMITS.sourceCharacters),
  });
}

/** Decodes a text-format file, refusing binary content whatever its extension says. */
function textOf(bytes: Uint8Array, file: string, expected: string): string {
  const { text } = decodeText(bytes);
  if (looksBinary(text)) throw mismatch(file, expected);
  return text;
}

/**
 * The text of a DOCX, with every cap applied before mammoth sees it: the archive's directory
 * (zip slip, declared total), each entry inflated no further than it declares (a lying entry is a
 * zip bomb), word/document.xml no larger than a source could ever need, and the text mammoth
 * returns no longer than a source may hold.
 */
export async function docxRawText(bytes: Uint8Array, file: string): Promise<string> {
  const archive = new Archive(bytes, file, IMPORT_LIMITS.unzippedBytes, 'DOCX');
  const document = archive.find('word/document.xml');
  if (!document) throw mismatch(file, 'DOCX');
  for (const entry of archive.allEntries()) {
    const cap = entry === document ? IMPORT_LIMITS.docxXmlBytes : IMPORT_LIMITS.unzippedBytes;
    const content = await archive.read(entry, cap, { keep: false });
    // mammoth walks the XML recursively: nesting that would overflow its stack is refused.
    if (entry === document && nestsDeeperThan(content, IMPORT_LIMITS.xmlDepth)) {
      throw damagedFile(file, 'refusal.xmlTooDeep', { max: IMPORT_LIMITS.xmlDepth });
    }
  }
  const { default: mammoth } = await import('mammoth');
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    throw damagedFile(file, 'refusal.parserError', {
      detail: String((error as Error)?.message ?? error).slice(0, 200),
    });
  }
  if (text.length > IMPORT_LIMITS.sourceCharacters) throw textTooLarge(file, text);
  return text;
}

/**
 * Reads a transcript from its bytes: size cap, content checked against the extension, DOCX
 * through `docxRawText`, text formats decoded and split into turns by linear-time parsers.
 * Refuses more turns than an import may bring.
 */
export async function parseTranscriptBytes(
  bytes: Uint8Array,
  fileName: string,
): Promise<ParsedTranscriptFile> {
  const file = basename(fileName);
  const format = precheckTranscript(bytes, fileName);
  let draft: TranscriptDraft | null;
  if (format === 'docx') {
    draft = readDocxText(await docxRawText(bytes, file));
  } else if (format === 'vtt') {
    draft = readVtt(textOf(bytes, file, 'WebVTT'));
    if (!draft) throw mismatch(file, 'WebVTT');
  } else if (format === 'srt') {
    draft = readSrt(textOf(bytes, file, 'SRT'));
    if (!draft) throw mismatch(file, 'SRT');
  } else {
    // A .txt may hold a WebVTT or an old Teams/Stream transcript with its timings.
    const text = textOf(bytes, file, PLAIN_TEXT);
    draft = readVtt(text) ?? readTimedText(text) ?? readSpeakerLines(text);
  }
  if (draft.lines.length > IMPORT_LIMITS.turns) {
    throw damagedFile(file, 'refusal.tooManyTurns', { max: IMPORT_LIMITS.turns });
  }
  const parsed = draftText(draft);
  if (parsed.text.trim() === '')
    throw new CampoError('FILE_EMPTY', `${file} has no text`, { file });
  if (parsed.text.length > IMPORT_LIMITS.sourceCharacters) throw textTooLarge(file, parsed.text);
  if (parsed.turns.length > IMPORT_LIMITS.turns) {
    throw damagedFile(file, 'refusal.tooManyTurns', { max: IMPORT_LIMITS.turns });
  }
  return { format, title: basename(fileName, extname(fileName)), draft, ...parsed };
}
