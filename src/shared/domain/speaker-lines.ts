import { foldAccents } from './folding';
import {
  draftText,
  labelCounts,
  type LabelDoubt,
  type ParsedTurn,
  type TranscriptDraft,
  type TranscriptLine,
} from './transcript-draft';

export type { ParsedTurn } from './transcript-draft';

/*
 * Speaker lines of plain-text and Word transcripts. Every pattern here is anchored and bounded
 * (no nested quantifiers over the same characters), so a hostile line costs linear time.
 */

/** "[00:01:23] " before a line. */
const STAMP = /^\[(\d{1,2}):(\d{2}):(\d{2})\]\s*/;
/** A line holding only a time ("00:01:23", "[01:23]"): the time of the next line (Meet). */
const TIME_ONLY = /^\[?(\d{1,2}):(\d{2})(?::(\d{2}))?\]?$/;
/** "Name: text" or "Name:" alone: a name of at most five words, no sentence punctuation. */
const SPEAKER_PREFIX = /^([\p{L}\p{N}][\p{L}\p{N} .'’()_-]{0,58}?):(?:\s+|$)/u;
/** Meeting notes (Google Meet, Gemini): "@0:25 - Name (email)" on its own line. */
const AT_HEADING =
  /^@(\d{1,2}(?::\d{2}){1,2})\s{0,3}[-–—]\s{0,3}([^\s(][^()]{0,79}?)\s*(\([^()]{0,120}\))?$/u;
/** Zoom's saved transcript: "[Name] 00:01:02 text". */
const BRACKET_STAMP = /^\[([^\]]{1,60})\]\s{1,5}(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s+|$)/;
/** Teams' Word export: "Mario Rossi   0:03" on its own paragraph. */
const TEAMS_HEADING = /^([\p{L}\p{N}][^\t:]{0,79}?)\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/u;
/** "--Title page--", "== Parte 2 ==", "## Domande": a section title. */
const SECTION_MARK = /^(?:-{2,}|={2,}|\*{2,}|#{1,6}\s)|(?:-{2,}|={2,}|\*{2,})$/;

/**
 * Labels that head a document rather than name a speaker ("Data: 12/04/2021", "Luogo: Milano",
 * "Note: …"), compared folded. One of them before a colon is never taken for a speaker unasked.
 */
const HEADER_WORDS = new Set(
  [
    'agenda',
    'allegato',
    'argomento',
    'attendees',
    'attenzione',
    'codice',
    'code',
    'data',
    'date',
    'durata',
    'duration',
    'esempio',
    'example',
    'fonte',
    'intervista',
    'interview',
    'keywords',
    'location',
    'luogo',
    'luogo e data',
    'meeting',
    'modalita',
    'nb',
    'nota',
    'note',
    'notes',
    'oggetto',
    'ora',
    'orario',
    'parole chiave',
    'partecipanti',
    'participants',
    'place',
    'presenti',
    'progetto',
    'project',
    'recording',
    'registrazione',
    'riassunto',
    'riunione',
    'sede',
    'source',
    'subject',
    'summary',
    'time',
    'title',
    'titolo',
    'topic',
    'trascrizione',
    'transcript',
  ].map((word) => foldAccents(word)),
);

const seconds = (a: string, b: string, c: string | undefined) =>
  c === undefined ? Number(a) * 60 + Number(b) : Number(a) * 3600 + Number(b) * 60 + Number(c);

/** True for a line that titles a section rather than saying something. */
function isSection(line: string): boolean {
  if (SECTION_MARK.test(line)) return true;
  const letters = line.replace(/[^\p{L}]/gu, '');
  return (
    line.length <= 60 &&
    letters.length >= 4 &&
    letters === letters.toUpperCase() &&
    letters !== letters.toLowerCase() &&
    !/[.!?…:;,]$/.test(line)
  );
}

/** "INT-02: text" split into label and words; label '' when the line names nobody. */
export function splitSpeaker(line: string): { speaker: string; text: string; prefix: string } {
  const match = SPEAKER_PREFIX.exec(line);
  if (!match || match[1]!.trim().split(/\s+/).length > 5)
    return { speaker: '', text: line, prefix: '' };
  return {
    speaker: match[1]!.trim(),
    text: line.slice(match[0].length).trim(),
    prefix: match[0],
  };
}

/**
 * Why a "Label:" prefix may not name a speaker. Labels with a digit (INT-02, FG-01-P3, P1) and of
 * one or two letters (D:, R:, I:) are speakers. Header words ("Data", "Luogo", "Note") and
 * upper-case labels ("ACTION ITEM") are doubtful; so is a label used once before a date or a
 * number, and a label used once in a file where nobody else speaks twice (a colon in a sentence:
 * "Seconda parte: gli indicatori").
 */
export function labelDoubt(
  label: string,
  uses: number,
  firstText: string,
  othersSpeak: boolean,
): LabelDoubt | null {
  if (/\d/.test(label)) return null;
  if (HEADER_WORDS.has(foldAccents(label).replace(/\s+/g, ' '))) return 'header';
  const letters = label.replace(/[^\p{L}]/gu, '');
  if (letters.length <= 2) return null;
  if (letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return 'upper-case';
  if (uses === 1 && /^\d/.test(firstText)) return 'header';
  if (uses === 1 && !othersSpeak) return 'once';
  return null;
}

/**
 * The doubtful labels among `candidates` (labels read from "Label:" prefixes or name lines).
 * Someone speaks in the file when a label that is not doubtful for its own sake is used twice or
 * is a pseudonym code, or when most lines carry a label (a short Zoom file).
 */
export function doubtsOf(
  lines: readonly TranscriptLine[],
  candidates: ReadonlySet<string>,
): Record<string, LabelDoubt> {
  const counts = labelCounts(lines);
  const labelled = lines.filter((line) => line.label !== '').length;
  const established =
    labelled * 2 >= lines.length ||
    [...counts].some(
      ([label, uses]) =>
        (uses >= 2 || /\d/.test(label)) && labelDoubt(label, uses, '', true) === null,
    );
  const doubts: Record<string, LabelDoubt> = {};
  for (const [label, uses] of counts) {
    if (!candidates.has(label)) continue;
    const first = lines.find((line) => line.label === label)!;
    const doubt = labelDoubt(label, uses, first.text, established);
    if (doubt) doubts[label] = doubt;
  }
  return doubts;
}

/** Reads one non-empty, trimmed line; `teams` says whether "Name 0:03" headings are in use. */
function readLine(
  raw: string,
  number: number,
  paragraph: boolean,
  teams: boolean,
  prefixLabels: Set<string>,
): TranscriptLine {
  const base = { paragraph, number, section: false, time: null, label: '', prefix: '' };
  const at = AT_HEADING.exec(raw);
  if (at) {
    const [h, m, s] = at[1]!.split(':');
    const time = s === undefined ? seconds(h!, m!, undefined) : seconds(h!, m!, s);
    return { ...base, label: at[2]!.trim(), prefix: raw, text: '', time };
  }
  const zoom = BRACKET_STAMP.exec(raw);
  if (zoom) {
    return {
      ...base,
      label: zoom[1]!.trim(),
      prefix: zoom[0],
      text: raw.slice(zoom[0].length).trim(),
      time: seconds(zoom[2]!, zoom[3]!, zoom[4]),
    };
  }
  if (teams) {
    const heading = TEAMS_HEADING.exec(raw);
    if (heading && heading[1]!.trim().split(/\s+/).length <= 6) {
      return {
        ...base,
        label: heading[1]!.trim(),
        prefix: raw,
        text: '',
        time: seconds(heading[2]!, heading[3]!, heading[4]),
      };
    }
  }
  let line = raw;
  let time: number | null = null;
  const stamp = STAMP.exec(line);
  if (stamp) {
    time = seconds(stamp[1]!, stamp[2]!, stamp[3]);
    line = line.slice(stamp[0].length);
  }
  const { speaker, text, prefix } = splitSpeaker(line);
  if (speaker !== '') {
    prefixLabels.add(speaker);
    return { ...base, label: speaker, prefix, text, time };
  }
  return { ...base, text: line, time, section: time === null && isSection(line) };
}

/**
 * Reads the lines of a transcript. `kind` 'txt': a blank line starts a paragraph and a line that
 * carries on a sentence is a hard wrap; 'docx': every line is a paragraph (numbered 1, 2, 3…). Teams headings
 * ("Name 0:03") count only when at least two lines and a third of all lines are headings.
 */
export function readSpeakerLines(input: string, kind: 'txt' | 'docx' = 'txt'): TranscriptDraft {
  const rawLines = input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const filled = rawLines.filter((line) => line.trim() !== '');
  const headings = filled.filter((line) => TEAMS_HEADING.test(line.trim())).length;
  const teams = headings >= 2 && headings * 3 >= filled.length;
  const lines: TranscriptLine[] = [];
  const prefixLabels = new Set<string>();
  let blank = true;
  let pendingTime: number | null = null;
  for (const [index, rawLine] of rawLines.entries()) {
    const trimmed = rawLine.trim();
    if (trimmed === '') {
      blank = true;
      continue;
    }
    const timeOnly = TIME_ONLY.exec(trimmed);
    if (timeOnly && !teams) {
      pendingTime = seconds(timeOnly[1]!, timeOnly[2]!, timeOnly[3]);
      continue;
    }
    // Word has paragraphs, not lines: they are numbered as the user counts them.
    const number = kind === 'docx' ? lines.length + 1 : index + 1;
    const line = readLine(trimmed, number, kind === 'docx' || blank, teams, prefixLabels);
    if (pendingTime !== null && line.time === null) line.time = pendingTime;
    pendingTime = null;
    lines.push(line);
    blank = false;
  }
  return {
    lines,
    cues: false,
    softWraps: kind === 'txt',
    doubts: doubtsOf(lines, prefixLabels),
    warnings: [],
  };
}

/**
 * Reads a transcript written as one turn per line, `[00:01:23] INT-02: text` or `INT-02: text`,
 * with the default decisions: doubtful labels stay text.
 */
export function parseSpeakerLines(input: string): { text: string; turns: ParsedTurn[] } {
  return draftText(readSpeakerLines(input));
}
