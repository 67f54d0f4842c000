import { useMemo } from 'react';
import { turnLabel, turnLabelText, unmatchedSpeakers } from '../../shared/domain/turn-labels';
import { useT } from '../i18n/use-t';
import { usePrivacyStore } from '../stores/privacy-store';
import { useProjectStore } from '../stores/project-store';

/** The switch that shows real names (participants' names, the files' speaker labels). */
export function RevealNamesToggle() {
  const t = useT();
  const { revealNames, setRevealNames } = usePrivacyStore();
  return (
    <label className="checkbox reveal-names">
      <input
        type="checkbox"
        checked={revealNames}
        onChange={(event) => setRevealNames(event.target.checked)}
      />
      {t('participants.showNames')}
    </label>
  );
}

/**
 * The on-screen label of each turn of a source: the pseudonym, else "Voce n" (or the file's
 * label once names are revealed); null for a turn without a speaker.
 */
export function useTurnLabels(
  turns: readonly { speaker: string; participantId: string | null }[],
): (turn: { speaker: string; participantId: string | null }) => {
  text: string;
  hint?: string;
} | null {
  const t = useT();
  const reveal = usePrivacyStore((state) => state.revealNames);
  const participants = useProjectStore((state) => state.snapshot?.project.participants);
  const pseudonyms = useMemo(
    () => new Map((participants ?? []).map((p) => [p.id, p.code])),
    [participants],
  );
  const unmatched = useMemo(() => unmatchedSpeakers(turns), [turns]);
  return (turn) => {
    const label = turnLabel(turn, pseudonyms, unmatched, reveal);
    const text = turnLabelText(label, t);
    if (text === null) return null;
    return label.kind === 'unmatched' ? { text, hint: t('privacy.unmatchedHint') } : { text };
  };
}
