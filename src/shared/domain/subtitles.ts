import { assembleTurns, splitSpeaker, type ParsedTurn, type Utterance } from './speaker-lines';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** A numeric character reference's character; U+FFFD for none (past U+10FFFF, a surrogate). */
function codePoint(point: number): string {
  const valid = point <= 0x10ffff && !(point >= 0xd800 && point <= 0xdfff);
  return valid ? String.fromCodePoint(point) : '\uFFFD';
}

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (match, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return codePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return codePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? match;
  });
}

/** "01:02:03.450", "02:03.450" or "01:02:03,450" (SRT) in seconds. */
export function parseCueTime(value: string): number | null {
  const match = /^(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})$/.exec(value.trim());
  if (!match) return null;
  const [, h, m, s, ms] = match;
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + Number(ms!.padEnd(3, '0')) / 1000;
}

const TIMING = /^(\S+)\s+-->\s+(\S+)/;

/** Utterances of one cue's payload: `<v Name>…</v>` voice spans, or a "Name: text" prefix. */
function cueUtterances(payload: string, time: number | null): Utterance[] {
  const voices = [
    ...payload.matchAll(/<v(?:\.[^\s<>]*)?\s+([^<>]+)>([\s\S]*?)(?:<\/v>|(?=<v[\s.])|$)/g),
  ];
  const clean = (text: string) =>
    decodeEntities(text.replace(/<[^<>]*>/g, ''))
      .replace(/\s+/g, ' ')
      .trim();
  if (voices.length > 0) {
    return voices.map((voice) => ({ speaker: voice[1]!.trim(), text: clean(voice[2]!), time }));
  }
  return [{ ...splitSpeaker(clean(payload)), time }];
}

/**
 * WebVTT as Teams, Zoom and Meet export it: cue times kept, `<v Speaker>` voice tags or
 * "Speaker: text" payloads become turns, consecutive cues of one speaker are merged.
 * Returns null when the text is not WebVTT.
 */
export function parseVtt(input: string): { text: string; turns: ParsedTurn[] } | null {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/^WEBVTT(?:[ \t].*)?(?:\n|$)/.test(text)) return null;
  const utterances: Utterance[] = [];
  for (const block of text.split(/\n{2,}/).slice(1)) {
    const lines = block.split('\n').filter((line) => line.trim() !== '');
    const timingIndex = lines.findIndex((line) => TIMING.test(line));
    if (timingIndex < 0 || /^(NOTE|STYLE|REGION)\b/.test(lines[0] ?? '')) continue;
    const time = parseCueTime(TIMING.exec(lines[timingIndex]!)![1]!);
    utterances.push(...cueUtterances(lines.slice(timingIndex + 1).join(' '), time));
  }
  return assembleTurns(utterances, { mergeSameSpeaker: true });
}

/**
 * SubRip (.srt): numbered cues with "00:00:01,000 --> 00:00:04,000" timings; speakers from a
 * "Speaker: text" or "[Speaker] text" prefix. Returns null when no cue timing is found.
 */
export function parseSrt(input: string): { text: string; turns: ParsedTurn[] } | null {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const utterances: Utterance[] = [];
  let cues = 0;
  for (const block of text.split(/\n{2,}/)) {
    const lines = block.split('\n').filter((line) => line.trim() !== '');
    const timingIndex = lines.findIndex(
      (line) => TIMING.test(line) && parseCueTime(TIMING.exec(line)![1]!) !== null,
    );
    if (timingIndex < 0) continue;
    cues += 1;
    const time = parseCueTime(TIMING.exec(lines[timingIndex]!)![1]!);
    const payload = decodeEntities(
      lines
        .slice(timingIndex + 1)
        .join(' ')
        .replace(/<[^<>]*>|\{\\[^{}]*\}/g, ''),
    );
    const bracketed = /^\[([^\]]{1,60})\]\s*(.*)$/.exec(payload.trim());
    utterances.push(
      bracketed
        ? { speaker: bracketed[1]!.trim(), text: bracketed[2]!, time }
        : { ...splitSpeaker(payload.trim()), time },
    );
  }
  return cues === 0 ? null : assembleTurns(utterances, { mergeSameSpeaker: true });
}
