import { useState } from 'react';
import { isRankRule, maxPointsPerIdea } from '../../../shared/domain/ngt';
import type { NgtRound, NgtSession } from '../../../shared/model/ngt';
import { useT } from '../../i18n/use-t';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useAppStore } from '../../stores/app-store';
import { useNgtStore } from '../../stores/ngt-store';
import { describeProblem } from './ballot-problems';
import { usePseudonyms } from './use-ngt';

/**
 * One paper card typed in fast: for a ranking, the code of the idea placed 1st, 2nd … (Tab
 * between fields, Enter saves); otherwise points or ratings per idea. A refused card keeps what
 * was typed and says why.
 */
export function NgtBallotForm({
  ngt,
  round,
  participantId,
  onSaved,
}: {
  ngt: NgtSession;
  round: NgtRound;
  participantId: string;
  onSaved(): void;
}) {
  const t = useT();
  const { saveBallot, saveRating, deleteBallot, problems } = useNgtStore();
  const notify = useAppStore((state) => state.notify);
  const [confirming, setConfirming] = useState(false);
  const who = usePseudonyms().get(participantId) ?? '';
  const ideas = ngt.ideas;
  const onBallot = round.ideaIds.map((id) => ideas.find((idea) => idea.id === id)!);
  const rated = round.kind === 'rating';
  const ranked = !rated && isRankRule(ngt.rule);
  const k = ranked ? maxPointsPerIdea(ngt.rule, round.ideaIds.length) : 0;
  const codeOf = (id: string) =>
    ideas.find((idea) => idea.id === id)?.code ?? id.replace(/^\?/, '');
  // A card already entered is shown as saved, to be checked or corrected (and then replaced).
  const saved = rated
    ? round.ratings.find((rating) => rating.participantId === participantId)?.values
    : round.ballots.find((ballot) => ballot.participantId === participantId)?.points;
  const [slots, setSlots] = useState<string[]>(() =>
    Array.from({ length: k }, (_, index) => {
      const placed = Object.entries(saved ?? {}).find(([, points]) => points === k - index);
      return placed ? codeOf(placed[0]) : '';
    }),
  );
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(saved ?? {}).map(([id, points]) => [id, String(points)])),
  );
  const byCode = new Map(ideas.map((idea) => [idea.code.toUpperCase(), idea.id]));
  const refused = problems[participantId] ?? [];

  const save = async () => {
    if (rated) {
      const ratings = Object.fromEntries(
        Object.entries(values)
          .filter(([, v]) => v.trim() !== '')
          .map(([id, v]) => [id, Number(v)]),
      );
      if (
        await saveRating({ sessionId: ngt.id, roundId: round.id, participantId, values: ratings })
      )
        onSaved();
      return;
    }
    const entries = ranked
      ? slots
          .map((slot, index) => {
            const typed = slot.trim().toUpperCase();
            const code = /^\d+$/.test(typed) ? `I${typed}` : typed;
            // An unknown code is sent as such, so the refusal names it.
            return typed ? { ideaId: byCode.get(code) ?? `?${typed}`, points: k - index } : null;
          })
          .filter((entry) => entry !== null)
      : Object.entries(values)
          .filter(([, v]) => v.trim() !== '' && Number(v) !== 0)
          .map(([ideaId, v]) => ({ ideaId, points: Number(v) }));
    if (await saveBallot({ sessionId: ngt.id, roundId: round.id, participantId, entries }))
      onSaved();
  };

  return (
    <form
      className="ngt-ballot"
      aria-label={t('ngt.ballot')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {saved && <p className="hint">{t('ngt.savedCard')}</p>}
      {ranked ? (
        <div className="ngt-slots">
          {slots.map((slot, index) => (
            <div className="field" key={index}>
              <label htmlFor={`slot-${index}`}>{t('ngt.slot', { points: k - index })}</label>
              <input
                id={`slot-${index}`}
                value={slot}
                size={5}
                autoFocus={index === 0}
                placeholder="I1"
                onChange={(event) =>
                  setSlots(slots.map((s, i) => (i === index ? event.target.value : s)))
                }
              />
            </div>
          ))}
        </div>
      ) : (
        <ul className="ngt-points">
          {onBallot.map((idea) => (
            <li key={idea.id}>
              <label htmlFor={`points-${idea.id}`}>
                <strong>{idea.code}</strong> {idea.text}
              </label>
              <input
                id={`points-${idea.id}`}
                type="number"
                min={rated ? 1 : 0}
                max={rated ? 10 : undefined}
                value={values[idea.id] ?? ''}
                onChange={(event) => setValues({ ...values, [idea.id]: event.target.value })}
              />
            </li>
          ))}
        </ul>
      )}
      {refused.length > 0 && (
        <ul className="ballot-problems" role="alert">
          {refused.map((problem, index) => (
            <li key={index}>{describeProblem(problem, t, codeOf)}</li>
          ))}
        </ul>
      )}
      <div className="toolbar">
        <button type="submit" className="primary">
          {t(saved ? 'ngt.replaceBallot' : 'ngt.saveBallot')}
        </button>
        {/* A card typed under the wrong name, or of someone who left (walk-through 10). */}
        {saved && (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            {t('ngt.deleteBallot')}
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('ngt.deleteBallotTitle', { code: who })}
          confirmLabel={t('ngt.deleteBallot')}
          danger
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void deleteBallot({ sessionId: ngt.id, roundId: round.id, participantId }).then(
              (done) => {
                if (done) notify('info', { key: 'ngt.ballotDeleted', params: { code: who } });
              },
            );
          }}
        >
          <p>{t('ngt.deleteBallotBody', { code: who })}</p>
        </ConfirmDialog>
      )}
      {ranked && (
        <ol className="ngt-ballot-ideas" aria-label={t('ngt.ideasOnBallot')}>
          {onBallot.map((idea) => (
            <li key={idea.id}>
              <strong>{idea.code}</strong> {idea.text}
            </li>
          ))}
        </ol>
      )}
    </form>
  );
}
