import { doubtsOf, splitSpeaker } from './speaker-lines';
import {
  draftText,
  type ParsedTurn,
  type TranscriptDraft,
  type TranscriptLine,
  type TranscriptWarning,
} from './transcript-draft';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,20}|#x[0-9a-f]{1,16}|\w{1,10});/gi, (match, name: string) => {
    const point =
      name[0] !== '#'
        ? null
        : name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : Number(name.slice(1));
    if (point === null) return ENTITIES[name.toLowerCase()] ?? match;
    return point <= 0x10ffff && !(point >= 0xd800 && point <= 0xdfff)
      ? String.fromCodePoint(point)
      : '\uFFFD';
  });
}

/**
 * "01:02:03.450", "02:03.450" or "01:02:03,450" (SRT) in seconds; null when it is not a time
 * (minutes and seconds above 59 included).
 */
export function parseCueTime(value: string): number | null {
  const match = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})[.,](\d{1,3})$/.exec(value.trim());
  if (!match) return null;
  const [, h, m, s, ms] = match;
  if (Number(m) > 59 || Number(s) > 59) return null;
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + Number(ms!.padEnd(3, '0')) / 1000;
}

/** Old Teams / Stream times: "0:0:5.12", "0:01:05.3" (fields of one or two digits). */
function parseLooseTime(value: string): number | null {
  const match = /^(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,](\d{1,7}))?$/.exec(value.trim());
  if (!match) return null;
  const [, h, m, s, fraction] = match;
  if (Number(m) > 59 || Number(s) > 59) return null;
  return Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(`0.${fraction ?? '0'}`);
}

const TIMING = /^(\S{1,40})\s{1,10}-->\s{1,10}(\S{1,40})/;

/** Text of a cue payload without tags and entities, spaces folded. */
const clean = (text: string) =>
  decodeEntities(text.replace(/<[^<>]{0,500}>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();

interface Cue {
  payload: string;
  time: number | null;
  number: number;
}

/**
 * The time of a cue's timing line, with a warning when it is not a time, or when the cue ends
 * before it starts (which of the two is wrong cannot be told: the turn gets no time).
 */
function cueTime(
  timing: string,
  number: number,
  warnings: TranscriptWarning[],
  parse: (value: string) => number | null,
): number | null {
  const [, start, end] = TIMING.exec(timing)!;
  const time = parse(start!);
  const until = parse(end!);
  if (time === null || until === null || until < time) {
    warnings.push({ kind: 'bad-time', line: number, value: timing.trim().slice(0, 80) });
    return until !== null && time !== null ? null : time;
  }
  return time;
}

/**
 * The lines of a set of cues: `<v Name>` voice spans (WebVTT) and "[Name] text" (SRT) are
 * speakers; a "Name: text" prefix is one unless it is doubtful (see labelDoubt).
 */
function cueDraft(cues: readonly Cue[], warnings: TranscriptWarning[]): TranscriptDraft {
  const lines: TranscriptLine[] = [];
  const prefixLabels = new Set<string>();
  const base = (cue: Cue) => ({
    time: cue.time,
    number: cue.number,
    paragraph: true,
    section: false,
  });
  for (const cue of cues) {
    const voices = [
      ...cue.payload.matchAll(
        /<v(?:\.[^\s>]{0,100})?\s([^>]{1,200})>([^<]*(?:<(?!\/v>|v[\s.])[^<]*)*)/g,
      ),
    ];
    if (voices.length > 0) {
      for (const voice of voices) {
        lines.push({ ...base(cue), label: voice[1]!.trim(), prefix: '', text: clean(voice[2]!) });
      }
      continue;
    }
    const payload = clean(cue.payload);
    const bracketed = /^\[([^\]]{1,60})\]\s*/.exec(payload);
    if (bracketed) {
      lines.push({
        ...base(cue),
        label: bracketed[1]!.trim(),
        prefix: bracketed[0],
        text: payload.slice(bracketed[0].length),
      });
      continue;
    }
    const { speaker, text, prefix } = splitSpeaker(payload);
    if (speaker !== '') prefixLabels.add(speaker);
    lines.push({ ...base(cue), label: speaker, prefix, text });
  }
  return { lines, cues: true, softWraps: false, doubts: doubtsOf(lines, prefixLabels), warnings };
}

/** Blocks of a subtitle file: separated by blank lines, with their first line's number. */
function blocks(text: string): Array<{ lines: string[]; number: number }> {
  const result: Array<{ lines: string[]; number: number }> = [];
  let current: { lines: string[]; number: number } | null = null;
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') {
      current = null;
      continue;
    }
    if (!current) {
      current = { lines: [], number: index + 1 };
      result.push(current);
    }
    current.lines.push(line);
  }
  return result;
}

const normalise = (input: string) => input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/**
 * WebVTT as Teams, Zoom and Meet export it: cue times kept (a time that is not one is reported
 * as a warning), `<v Speaker>` voice tags or "Speaker: text" payloads become speakers,
 * consecutive cues of one speaker are merged. Returns null when the text is not WebVTT.
 */
export function readVtt(input: string): TranscriptDraft | null {
  const text = normalise(input);
  if (!/^WEBVTT(?:[ \t][^\n]*)?(?:\n|$)/.test(text)) return null;
  const cues: Cue[] = [];
  const warnings: TranscriptWarning[] = [];
  for (const block of blocks(text).slice(1)) {
    const timingIndex = block.lines.findIndex((line) => TIMING.test(line));
    if (timingIndex < 0 || /^(NOTE|STYLE|REGION)\b/.test(block.lines[0] ?? '')) continue;
    const number = block.number + timingIndex;
    cues.push({
      payload: block.lines.slice(timingIndex + 1).join(' '),
      time: cueTime(block.lines[timingIndex]!, number, warnings, parseCueTime),
      number,
    });
  }
  return cueDraft(cues, warnings);
}

/**
 * SubRip (.srt): numbered cues with "00:00:01,000 --> 00:00:04,000" timings; speakers from a
 * "Speaker: text" or "[Speaker] text" prefix. Returns null when no cue timing is found.
 */
export function readSrt(input: string): TranscriptDraft | null {
  const cues: Cue[] = [];
  const warnings: TranscriptWarning[] = [];
  for (const block of blocks(normalise(input))) {
    const timingIndex = block.lines.findIndex((line) => TIMING.test(line));
    if (timingIndex < 0) continue;
    const number = block.number + timingIndex;
    cues.push({
      payload: block.lines
        .slice(timingIndex + 1)
        .join(' ')
        .replace(/\{\\[^}]{0,200}\}/g, ''),
      time: cueTime(block.lines[timingIndex]!, number, warnings, parseCueTime),
      number,
    });
  }
  return cues.length === 0 ? null : cueDraft(cues, warnings);
}

/** "0:0:5.12 --> 0:0:9.0" (old Teams and Stream .txt transcripts). */
const LOOSE_TIMING = /^\d{1,2}:\d{1,2}:\d{1,2}(?:[.,]\d{1,7})?\s{1,10}-->\s{1,10}\S/;
const NAME_LINE = /^[\p{L}][\p{L}\p{N} .,'’()_-]{0,59}$/u;

/**
 * Old Teams and Microsoft Stream transcripts saved as .txt: a timing line, the speaker's name on
 * its own line, then what was said. Returns null unless at least two such timings are found.
 */
export function readTimedText(input: string): TranscriptDraft | null {
  const text = normalise(input);
  const all = text.split('\n');
  if (all.filter((line) => LOOSE_TIMING.test(line.trim())).length < 2) return null;
  const lines: TranscriptLine[] = [];
  const warnings: TranscriptWarning[] = [];
  let cue: { time: number | null; number: number; rows: string[] } | null = null;
  const flush = () => {
    if (!cue || cue.rows.length === 0) return;
    const [first, ...rest] = cue.rows;
    const named = rest.length > 0 && NAME_LINE.test(first!) && first!.split(/\s+/).length <= 5;
    const base = { time: cue.time, number: cue.number, paragraph: true, section: false };
    if (named) lines.push({ ...base, label: first!, prefix: `${first}\n`, text: rest.join(' ') });
    else lines.push({ ...base, label: '', prefix: '', text: cue.rows.join(' ') });
  };
  for (const [index, raw] of all.entries()) {
    const line = raw.trim();
    if (LOOSE_TIMING.test(line)) {
      flush();
      cue = {
        time: cueTime(line, index + 1, warnings, parseLooseTime),
        number: index + 1,
        rows: [],
      };
    } else if (line !== '') {
      if (!cue) cue = { time: null, number: index + 1, rows: [] };
      cue.rows.push(line);
    }
  }
  flush();
  const names = new Set(lines.map((line) => line.label).filter(Boolean));
  return { lines, cues: true, softWraps: false, doubts: doubtsOf(lines, names), warnings };
}

/** The text and turns of a WebVTT file with the default decisions, or null when it is not one. */
export function parseVtt(input: string): { text: string; turns: ParsedTurn[] } | null {
  const draft = readVtt(input);
  return draft && draftText(draft);
}

/** The text and turns of an SRT file with the default decisions, or null when it is not one. */
export function parseSrt(input: string): { text: string; turns: ParsedTurn[] } | null {
  const draft = readSrt(input);
  return draft && draftText(draft);
}
