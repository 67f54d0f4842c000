/** A turn found in a plain-text transcript; offsets point into the returned text (UTF-16). */
export interface ParsedTurn {
  speaker: string;
  start: number;
  end: number;
  /** Seconds from the start, when the line carried a [hh:mm:ss] timestamp. */
  time: number | null;
}

const TURN_LINE = /^(?:\[(\d{1,2}):(\d{2}):(\d{2})\]\s*)?([^:\n[\]]{1,60}?):\s+(.*)$/u;

/**
 * Reads a transcript written as one turn per line, `[00:01:23] INT-02: text` or `INT-02: text`.
 * The resulting text holds the utterances only, one paragraph per turn; the speakers and times
 * live in the turns. Lines that do not start a turn continue the previous one.
 */
export function parseSpeakerLines(input: string): { text: string; turns: ParsedTurn[] } {
  const paragraphs: Array<{ speaker: string; time: number | null; lines: string[] }> = [];
  for (const rawLine of input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')) {
    const line = rawLine.trimEnd();
    if (line.trim() === '') continue;
    const match = TURN_LINE.exec(line);
    if (match) {
      const [, hh, mm, ss, speaker, said] = match;
      const time = hh === undefined ? null : Number(hh) * 3600 + Number(mm) * 60 + Number(ss);
      paragraphs.push({ speaker: speaker!.trim(), time, lines: [said!.trim()] });
    } else if (paragraphs.length > 0) {
      paragraphs.at(-1)!.lines.push(line.trim());
    } else {
      paragraphs.push({ speaker: '', time: null, lines: [line.trim()] });
    }
  }
  let text = '';
  const turns: ParsedTurn[] = [];
  for (const paragraph of paragraphs) {
    if (text !== '') text += '\n';
    const start = text.length;
    text += paragraph.lines.join(' ');
    turns.push({ speaker: paragraph.speaker, start, end: text.length, time: paragraph.time });
  }
  return { text, turns };
}
