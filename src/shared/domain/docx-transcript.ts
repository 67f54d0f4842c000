import { readSpeakerLines } from './speaker-lines';
import { draftText, type ParsedTurn, type TranscriptDraft } from './transcript-draft';

/**
 * The lines of a Word transcript (paragraphs separated by blank lines, as mammoth extracts them;
 * a line break inside a paragraph is a line too). Every line is a paragraph: Word files are not
 * hard-wrapped. Teams' Word export puts "Name  0:03" on its own paragraph before what was said;
 * meeting notes put "@0:25 - Name (email)"; other files use "Name: text" paragraphs.
 */
export function readDocxText(raw: string): TranscriptDraft {
  return readSpeakerLines(raw, 'docx');
}

/** The text and turns of a Word transcript with the default decisions. */
export function parseDocxText(raw: string): { text: string; turns: ParsedTurn[] } {
  return draftText(readDocxText(raw));
}
