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

const normal = (text: string) => foldAccents(text).replace(/\s+/g, ' ').trim();

/**
 * Suggests which participant each speaker label is: a label equal to a pseudonym (INT-02) or to
 * a participant's name (as Teams writes display names). Unmatched labels map to null (the
 * interviewer, or someone to choose by hand).
 */
export function suggestSpeakerMapping(
  labels: readonly string[],
  participants: readonly { id: string; code: string; name: string }[],
): Record<string, string | null> {
  const mapping: Record<string, string | null> = {};
  for (const label of labels) {
    const wanted = normal(label);
    const match =
      participants.find((p) => normal(p.code) === wanted) ??
      participants.find((p) => p.name !== '' && normal(p.name) === wanted);
    mapping[label] = match?.id ?? null;
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
