import { assembleTurns, parseSpeakerLines, type ParsedTurn, type Utterance } from './speaker-lines';

/** "Mario Rossi   0:03" or "INT-02 00:01:10": a speaker heading as Teams writes in Word exports. */
const HEADING = /^(.{1,80}?)\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
/** Longer paragraphs are never headings (and HEADING would cost time on long runs of spaces). */
const HEADING_MAX = 120;
const isHeading = (paragraph: string) => paragraph.length <= HEADING_MAX && HEADING.test(paragraph);

/**
 * The text of a Word transcript (paragraphs separated by blank lines, as mammoth extracts them).
 * Teams' Word export puts "Name  0:03" on its own paragraph before what was said; other files
 * use "Name: text" paragraphs. Headings and table cells without a speaker stay as unattributed
 * paragraphs.
 */
export function parseDocxText(raw: string): { text: string; turns: ParsedTurn[] } {
  const paragraphs = raw
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    // Lines of a paragraph joined by one space; split and trim keep it linear in any text.
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join(' '),
    )
    .filter(Boolean);
  const headings = paragraphs.filter(isHeading).length;
  if (headings >= 2 && headings * 3 >= paragraphs.length) {
    const utterances: Utterance[] = [];
    let current: Utterance | null = null;
    for (const paragraph of paragraphs) {
      const match = isHeading(paragraph) ? HEADING.exec(paragraph) : null;
      if (match) {
        const [, name, a, b, c] = match;
        const time =
          c === undefined
            ? Number(a) * 60 + Number(b)
            : Number(a) * 3600 + Number(b) * 60 + Number(c);
        current = { speaker: name!.trim(), text: '', time };
        utterances.push(current);
      } else if (current) current.text = `${current.text} ${paragraph}`.trim();
      else utterances.push({ speaker: '', text: paragraph, time: null });
    }
    return assembleTurns(utterances);
  }
  return parseSpeakerLines(paragraphs.join('\n\n'));
}
