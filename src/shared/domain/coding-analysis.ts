import type { Code, EvaluationQuestion, Language, Participant } from '../model/project';
import type { Coding, SpeakerTurn } from '../model/source';
import { descendantIdsOfAll, questionsOfCodes } from './codebook-tree';
import { foldAccents } from './folding';

// Counting (frequencies, co-occurrence) lives in its own module; the app imports it from here.
export { codeFrequency, coOccurrence } from './coding-stats';
export type { CodeFrequency } from './coding-stats';

/** A source as the analysis functions need it (the core assembles it from the source files). */
export interface SourceForAnalysis {
  id: string;
  title: string;
  text: string;
  turns: readonly SpeakerTurn[];
  codings: readonly Coding[];
  /** Participants the project links to the source (from its summary). */
  participantIds: readonly string[];
  /** Interview or focus-group code (INT-02, FG-01) the source belongs to, when any. */
  sessionCode: string | null;
}

/**
 * A source as reports and retrieval need it: who spoke where and every coding with its passage,
 * without the source's text. An export holds every source of the project at once; holding their
 * texts too would not fit in memory at 3,000 transcripts.
 */
export type CodedSource = Omit<SourceForAnalysis, 'text'>;

/** A coded passage with what retrieval shows around it. */
export interface Segment {
  sourceId: string;
  sourceTitle: string;
  sessionCode: string | null;
  coding: Coding;
  /** Who said it: participants of the speaker turns it overlaps (see `segmentSpeakers`). */
  participantIds: string[];
  /** Speaker label(s) of the overlapped turns, joined with ", " ('' when none). */
  speaker: string;
}

/**
 * Who said [start, end): the participants of the turns overlapping it and their speaker labels.
 * A source whose turns name no participant at all (plain text, one interviewee) is attributed
 * to the source's `participantIds`. Turns are sorted by start; use binary search.
 *
 * A turn overlaps when it shares at least one character; an empty range counts the character at
 * `start`. Participants and labels are listed once each, in turn order; a source whose turns
 * name nobody still gets its speaker labels from the overlapped turns.
 */
export function segmentSpeakers(
  source: Pick<SourceForAnalysis, 'turns' | 'participantIds'>,
  start: number,
  end: number,
): { participantIds: string[]; speaker: string } {
  return speakersIn(source.turns, fallbackOf(source), start, end);
}

/**
 * `segmentSpeakers` for many passages of one source (search hits): the source-wide part of the
 * answer is worked out once.
 */
export function speakersOf(
  source: Pick<SourceForAnalysis, 'turns' | 'participantIds'>,
): (start: number, end: number) => { participantIds: string[]; speaker: string } {
  const fallback = fallbackOf(source);
  return (start, end) => speakersIn(source.turns, fallback, start, end);
}

/**
 * `segmentSpeakers` with the "any turn names a participant" test done once per source by the
 * caller: `fallback` is the source's participants when none does, null otherwise.
 */
function speakersIn(
  turns: readonly SpeakerTurn[],
  fallback: readonly string[] | null,
  start: number,
  end: number,
): { participantIds: string[]; speaker: string } {
  // An empty range (a caret) belongs to the turn holding its character.
  const to = Math.max(end, start + 1);
  // First turn starting at or after `to`: every overlapping turn comes before it.
  let low = 0;
  let high = turns.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((turns[middle] as SpeakerTurn).start < to) low = middle + 1;
    else high = middle;
  }
  const overlapping: SpeakerTurn[] = [];
  for (let i = low - 1; i >= 0; i--) {
    const turn = turns[i] as SpeakerTurn;
    // Turns do not overlap each other, so once one ends before the range all earlier ones do.
    if (turn.end <= start) break;
    if (Math.max(turn.start, start) < Math.min(turn.end, to)) overlapping.push(turn);
  }
  overlapping.reverse();
  const participantIds = new Set<string>(fallback ?? []);
  const speakers = new Set<string>();
  for (const turn of overlapping) {
    if (fallback === null && turn.participantId !== null) participantIds.add(turn.participantId);
    const speaker = turn.speaker.trim();
    if (speaker !== '') speakers.add(speaker);
  }
  return { participantIds: [...participantIds], speaker: [...speakers].join(', ') };
}

/** Participant fields retrieval can filter on, besides free attributes (by their key). */
export const PARTICIPANT_FIELDS = ['organisation', 'role', 'territory', 'partnershipType'] as const;

/**
 * True when the participant's field or free attribute `key` contains `value`, without case or
 * accents ("comune" matches "Comune di Bergamo"); numbers, dates, booleans as text.
 *
 * Punctuation counts as a space on both sides ("società civile" finds `societa-civile`); free
 * attribute keys compare without case or accents. A boolean matches a yes word (true, sì, yes,
 * vero, 1) or a no word (false, no, falso, 0), not a part of one. An empty value matches every
 * participant that has the attribute.
 */
export function matchesAttribute(participant: Participant, key: string, value: string): boolean {
  const wanted = matchable(value);
  const wantedKey = matchable(key);
  const field = PARTICIPANT_FIELDS.find((name) => name === key);
  if (field) return matchable(participant[field] ?? '').includes(wanted);
  return participant.attributes.some((attribute) => {
    if (matchable(attribute.key) !== wantedKey) return false;
    if (attribute.type === 'boolean') {
      return wanted === '' || (attribute.value ? YES : NO).has(wanted);
    }
    return matchable(String(attribute.value)).includes(wanted);
  });
}

/** Folded, with punctuation as spaces: "Società-civile" and "societa civile" compare equal. */
const matchable = (text: string) =>
  foldAccents(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const YES = new Set(['true', 'si', 'yes', 'vero', '1']);
const NO = new Set(['false', 'no', 'falso', '0']);

/** What to retrieve; absent criteria (and empty lists) do not filter. */
export interface SegmentFilter {
  /** Codes to retrieve; each includes the codes below it. */
  codeIds?: readonly string[];
  /** Codes that answer this question (see `questionOfCode`), with the codes below them. */
  questionId?: string;
  participantIds?: readonly string[];
  /** Only passages said by participants matching this attribute. */
  attribute?: { key: string; value: string };
  sourceIds?: readonly string[];
  keyOnly?: boolean;
  /** Accent-insensitive words the coded text must contain (each as part of a word, any order). */
  text?: string;
}

/**
 * Coded segments matching every given criterion, in source order (sources as given, codings by
 * start). One segment per coding. `participantIds` and `attribute` match when any of the
 * segment's participants does; `codeIds` and `questionId` together keep the codes in both.
 */
export function retrieveSegments(
  sources: readonly CodedSource[],
  codes: readonly Code[],
  participants: readonly Participant[],
  filter: SegmentFilter,
): Segment[] {
  const given = <T>(list: readonly T[] | undefined) =>
    list !== undefined && list.length > 0 ? new Set(list) : null;
  const wantedSources = given(filter.sourceIds);
  const wantedParticipants = given(filter.participantIds);
  const wantedCodes = codesWanted(codes, filter);
  const { key: attributeKey, value: attributeValue } = filter.attribute ?? {};
  const attributeMatches =
    attributeKey === undefined || attributeValue === undefined
      ? null
      : new Set(
          participants
            .filter((participant) => matchesAttribute(participant, attributeKey, attributeValue))
            .map((participant) => participant.id),
        );
  const words = matchable(filter.text ?? '')
    .split(' ')
    .filter((word) => word !== '');

  const segments: Segment[] = [];
  for (const source of sources) {
    if (wantedSources && !wantedSources.has(source.id)) continue;
    const fallback = fallbackOf(source);
    for (const coding of byStart(source.codings)) {
      if (wantedCodes && !wantedCodes.has(coding.codeId)) continue;
      if (filter.keyOnly && !coding.key) continue;
      if (words.length > 0) {
        // Words hold letters and digits only, so plain folding finds them as well (and faster).
        const text = foldAccents(coding.text);
        if (!words.every((word) => text.includes(word))) continue;
      }
      const segment = toSegment(source, fallback, coding);
      if (!saidByAny(segment, wantedParticipants) || !saidByAny(segment, attributeMatches)) {
        continue;
      }
      segments.push(segment);
    }
  }
  return segments;
}

/**
 * The codes a filter retrieves (with the codes below them), or null when it does not filter by
 * code: lets the core read only the sources that hold any of them.
 */
export function codesWanted(
  codes: readonly Code[],
  filter: Pick<SegmentFilter, 'codeIds' | 'questionId'>,
): Set<string> | null {
  let wanted = filter.codeIds?.length ? descendantIdsOfAll(codes, filter.codeIds) : null;
  if (filter.questionId !== undefined) {
    const answering = codesAnswering(codes, filter.questionId);
    wanted = wanted ? new Set([...wanted].filter((id) => answering.has(id))) : answering;
  }
  return wanted;
}

const saidByAny = (segment: Segment, wanted: ReadonlySet<string> | null) =>
  wanted === null || segment.participantIds.some((id) => wanted.has(id));

/** Codes answering the question (see `questionOfCode`) and every code below them. */
function codesAnswering(
  codes: readonly Code[],
  questionId: string,
  questions = questionsOfCodes(codes),
): Set<string> {
  return descendantIdsOfAll(
    codes,
    codes.filter((code) => questions.get(code.id) === questionId).map((code) => code.id),
  );
}

/** A copy of the codings sorted by start, then end (the stored order is not trusted). */
const byStart = (codings: readonly Coding[]) =>
  [...codings].sort((a, b) => a.start - b.start || a.end - b.end);

/** The participants a source's passages fall back to: its own when no turn names anyone. */
function fallbackOf(
  source: Pick<SourceForAnalysis, 'turns' | 'participantIds'>,
): readonly string[] | null {
  return source.turns.some((turn) => turn.participantId !== null) ? null : source.participantIds;
}

function toSegment(
  source: CodedSource,
  fallback: readonly string[] | null,
  coding: Coding,
): Segment {
  return {
    sourceId: source.id,
    sourceTitle: source.title,
    sessionCode: source.sessionCode,
    coding,
    ...speakersIn(source.turns, fallback, coding.start, coding.end),
  };
}

/**
 * Framework matrix: for each participant × question, the segments that participant said coded
 * with a code answering that question. Keyed `${participantId}|${questionId}`; cells without
 * segments are absent.
 *
 * A code answers the question of `questionOfCode` and, like in retrieval, the questions of
 * every code above it. A passage said by several participants is in each one's cell.
 */
export function frameworkMatrix(
  sources: readonly CodedSource[],
  codes: readonly Code[],
  participants: readonly Pick<Participant, 'id'>[],
  questions: readonly Pick<EvaluationQuestion, 'id'>[],
): Map<string, Segment[]> {
  const wantedParticipants = new Set(participants.map((participant) => participant.id));
  // The questions each code answers: a child with its own question answers both.
  const questionsOf = new Map<string, string[]>();
  const questionOfEach = questionsOfCodes(codes);
  for (const question of questions) {
    for (const id of codesAnswering(codes, question.id, questionOfEach)) {
      const list = questionsOf.get(id);
      if (!list) questionsOf.set(id, [question.id]);
      else if (!list.includes(question.id)) list.push(question.id);
    }
  }
  const cells = new Map<string, Segment[]>();
  for (const source of sources) {
    const fallback = fallbackOf(source);
    for (const coding of byStart(source.codings)) {
      const answered = questionsOf.get(coding.codeId);
      if (!answered) continue;
      const segment = toSegment(source, fallback, coding);
      for (const participantId of segment.participantIds) {
        if (!wantedParticipants.has(participantId)) continue;
        for (const questionId of answered) {
          const key = `${participantId}|${questionId}`;
          const cell = cells.get(key);
          if (cell) cell.push(segment);
          else cells.set(key, [segment]);
        }
      }
    }
  }
  return cells;
}

/**
 * A quotation as reports cite it: «text» (INT-03) in Italian, “text” (INT-03) in English,
 * whitespace runs collapsed to one space and trimmed, an ellipsis ("…", "[...]") kept as
 * written. Without a pseudonym, just «text».
 */
export function quotation(text: string, pseudonym: string, language: Language = 'it'): string {
  const [open, close] = language === 'en' ? ['“', '”'] : ['«', '»'];
  const quoted = `${open}${text.replace(/\s+/g, ' ').trim()}${close}`;
  const who = pseudonym.trim();
  return who === '' ? quoted : `${quoted} (${who})`;
}
