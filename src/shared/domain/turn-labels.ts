/**
 * How a speaker turn is labelled on screen. A participant is shown by pseudonym. A speaker the
 * transcript names but nobody was matched to may be named by their real name in the file
 * ("Giulia Rossi"), so the label is shown only when the user reveals names; otherwise the
 * speaker is "Voce 1", "Voce 2"… numbered in order of first appearance in the source. A label
 * that names a role, not a person ("Intervistatore", "Moderatrice 2"), is shown as it is.
 */
import type { Translate } from '../i18n';

export type TurnLabel =
  | { kind: 'pseudonym'; text: string }
  | { kind: 'label'; text: string }
  | { kind: 'unmatched'; n: number }
  | { kind: 'none' };

interface LabelledTurn {
  speaker: string;
  participantId: string | null;
}

/** Role words transcripts label speakers with (Italian and English), singular and plural. */
const ROLE_LABEL =
  /^(intervistat(?:ore|rice|ori|rici)|moderat(?:ore|rice|ori|rici)|facilitat(?:ore|rice|ori|rici)|valutat(?:ore|rice|ori|rici)|ricercat(?:ore|rice|ori|rici)|osservat(?:ore|rice|ori|rici)|conduttore|conduttrice|interviewers?|moderators?|facilitators?|evaluators?|researchers?|observers?)(?:\s*\d{1,2})?$/i;

/** True when a speaker label names a role, not a person: it is no personal data. */
export function isRoleLabel(label: string): boolean {
  return ROLE_LABEL.test(label.trim());
}

/**
 * The distinct labels of turns matched to nobody (roles aside), numbered 1, 2… by first
 * appearance.
 */
export function unmatchedSpeakers(turns: readonly LabelledTurn[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const turn of turns) {
    const label = turn.speaker.trim();
    if (turn.participantId === null && label !== '' && !numbers.has(label) && !isRoleLabel(label))
      numbers.set(label, numbers.size + 1);
  }
  return numbers;
}

/**
 * The label of one turn: its participant's pseudonym; else, the file's label when `reveal` is
 * on, or its "Voce n" number; nothing for a turn without a speaker (notes, plain text).
 */
export function turnLabel(
  turn: LabelledTurn,
  pseudonyms: ReadonlyMap<string, string>,
  unmatched: ReadonlyMap<string, number>,
  reveal: boolean,
): TurnLabel {
  const pseudonym = turn.participantId ? pseudonyms.get(turn.participantId) : undefined;
  if (pseudonym) return { kind: 'pseudonym', text: pseudonym };
  const label = turn.speaker.trim();
  if (label === '') return { kind: 'none' };
  if (reveal || isRoleLabel(label)) return { kind: 'label', text: label };
  return { kind: 'unmatched', n: unmatched.get(label) ?? 0 };
}

/**
 * The words a turn's label is shown as: "Voce n" (in the user's language) for a voice matched to
 * nobody, the pseudonym or label itself otherwise; null for a turn without a speaker.
 */
export function turnLabelText(label: TurnLabel, t: Translate): string | null {
  if (label.kind === 'none') return null;
  return label.kind === 'unmatched' ? t('privacy.unmatchedSpeaker', { n: label.n }) : label.text;
}
