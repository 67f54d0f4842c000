import { foldAccents } from './folding';

/** A speaker label found in a transcript, with how much it speaks. */
export interface SpeakerSummary {
  label: string;
  turns: number;
  characters: number;
}

/**
 * Counts the turns and characters of each speaker label, in order of first appearance. Turns
 * without a speaker (paragraphs, unlabelled subtitle cues) belong to nobody and are not counted.
 */
export function summariseSpeakers(
  turns: readonly { speaker: string; start: number; end: number }[],
): SpeakerSummary[] {
  const byLabel = new Map<string, SpeakerSummary>();
  for (const turn of turns) {
    if (turn.speaker === '') continue;
    const entry = byLabel.get(turn.speaker) ?? { label: turn.speaker, turns: 0, characters: 0 };
    entry.turns += 1;
    entry.characters += turn.end - turn.start;
    byLabel.set(turn.speaker, entry);
  }
  return [...byLabel.values()];
}

/** A speaker label or a name as labels are matched: accents folded, runs of spaces one, trimmed. */
export const speakerKey = (text: string) => foldAccents(text).replace(/\s+/g, ' ').trim();
const normal = speakerKey;

/** How transcripts label the evaluator's side of an interview: the interviewer, a moderator. */
const INTERVIEWER_LABEL =
  /^(?:(?:intervistat|moderat|valutat|facilitat|ricercat)(?:ore|rice)|condutt(?:ore|rice)|interviewer|moderator|facilitator|evaluator|researcher|domanda|question|[dqi])(?:\s|\d|$)/;

/**
 * True for a label that names the interviewer rather than an interviewee ("Intervistatrice",
 * "Moderatore 2", "D" for domanda), in Italian or English.
 */
export function looksLikeInterviewer(label: string): boolean {
  return INTERVIEWER_LABEL.test(normal(label).toLowerCase());
}

/**
 * Suggests which participant each speaker label is: a label equal to a pseudonym (INT-02) or to
 * a participant's name (as Teams writes display names). Unmatched labels map to null (the
 * interviewer, or someone to choose by hand).
 */
export function suggestSpeakerMapping(
  labels: readonly string[],
  participants: readonly { id: string; code: string; name: string }[],
): Record<string, string | null> {
  // One pass over the participants, then one look-up per label: a transcript with thousands of
  // labels and a project with thousands of participants stay linear.
  const byCode = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const participant of participants) {
    const code = normal(participant.code);
    if (!byCode.has(code)) byCode.set(code, participant.id);
    const name = normal(participant.name);
    if (participant.name !== '' && !byName.has(name)) byName.set(name, participant.id);
  }
  // No prototype: a label such as "__proto__" is a key like any other.
  const mapping = Object.create(null) as Record<string, string | null>;
  for (const label of labels) {
    const wanted = normal(label);
    mapping[label] = byCode.get(wanted) ?? byName.get(wanted) ?? null;
  }
  return mapping;
}

/** The speakers of a transcript with the participant each one probably is (for the preview). */
export function speakersWithMapping(
  turns: readonly { speaker: string; start: number; end: number }[],
  participants: readonly { id: string; code: string; name: string }[],
): { speakers: SpeakerSummary[]; mapping: Record<string, string | null> } {
  const speakers = summariseSpeakers(turns);
  return {
    speakers,
    mapping: suggestSpeakerMapping(
      speakers.map((s) => s.label),
      participants,
    ),
  };
}
