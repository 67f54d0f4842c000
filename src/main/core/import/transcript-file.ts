import { basename } from 'node:path';
import { CampoError } from '../../../shared/ipc/errors';
import { damagedFile } from '../../../shared/ipc/refusals';
import { runIsolated } from '../isolation/parser-pool';
import { IMPORT_LIMITS } from './limits';
import {
  precheckTranscript,
  type ParsedTranscriptFile,
  type TranscriptFormat,
} from './transcript-parse';

export {
  TRANSCRIPT_FORMATS,
  transcriptFormatOf,
  type ParsedTranscriptFile,
  type TranscriptFormat,
} from './transcript-parse';

/**
 * What comes back from the parser process is checked before the app keeps it: a text no longer
 * than a source may hold, turns inside it, speakers of a sane length.
 */
function checked(parsed: ParsedTranscriptFile, file: string, format: TranscriptFormat) {
  const { text, turns, draft } = parsed;
  const valid =
    parsed.format === format &&
    typeof draft === 'object' &&
    draft !== null &&
    Array.isArray(draft.lines) &&
    draft.lines.length <= IMPORT_LIMITS.turns &&
    typeof text === 'string' &&
    text.length <= IMPORT_LIMITS.sourceCharacters &&
    Array.isArray(turns) &&
    turns.length <= IMPORT_LIMITS.turns &&
    turns.every(
      (turn) =>
        Number.isInteger(turn.start) &&
        Number.isInteger(turn.end) &&
        turn.start >= 0 &&
        turn.start <= turn.end &&
        turn.end <= text.length &&
        typeof turn.speaker === 'string',
    );
  if (!valid) throw damagedFile(file, 'refusal.unexpectedContent');
  return {
    ...parsed,
    turns: turns.map((turn) => ({ ...turn, speaker: turn.speaker.slice(0, 200) })),
  };
}

/**
 * Reads a transcript file, treating it as hostile: size cap and content checked against the
 * extension here, then every byte parsed in a parser process with memory and time limits (see
 * isolation/parser-pool.ts). Nothing is written.
 */
export async function readTranscriptFile(
  bytes: Uint8Array,
  fileName: string,
): Promise<ParsedTranscriptFile> {
  const file = basename(fileName);
  const format = precheckTranscript(bytes, fileName);
  const parsed = await runIsolated(
    'transcript',
    { bytes, fileName },
    {
      file,
      timeoutMs: format === 'docx' ? IMPORT_LIMITS.docxTimeoutMs : IMPORT_LIMITS.textTimeoutMs,
    },
  );
  if (parsed.text.trim() === '')
    throw new CampoError('FILE_EMPTY', `${file} has no text`, { file });
  return checked(parsed, file, format);
}
