import { useState } from 'react';
import { scoreBallots } from '../../../shared/domain/ngt';
import type { NgtRound, NgtSession } from '../../../shared/model/ngt';
import { useT } from '../../i18n/use-t';
import { useNgtStore } from '../../stores/ngt-store';
import { NgtBallotForm } from './NgtBallotForm';
import { liveIdeas, usePseudonyms } from './use-ngt';

/** Who has a saved ballot (or rating) in the round. */
function voters(round: NgtRound): Set<string> {
  return new Set([...round.ballots, ...round.ratings].map((b) => b.participantId));
}

/**
 * Voting: opens the round, then takes each participant's card in turn. The second round first
 * asks for the shortlist (the best ideas of the first round, pre-ticked) and its kind.
 */
export function NgtVoting({
  ngt,
  round,
  second,
}: {
  ngt: NgtSession;
  round?: NgtRound;
  second?: boolean;
}) {
  const t = useT();
  const { startRound, update } = useNgtStore();
  const pseudonyms = usePseudonyms();
  const [chosen, setChosen] = useState<string | null>(null);

  if (!round)
    return second ? (
      <SecondRoundSetup ngt={ngt} />
    ) : (
      <section className="panel" aria-label={t('ngt.steps.voting')}>
        <p>{t('ngt.openVoteHint', { n: liveIdeas(ngt).length })}</p>
        <button type="button" className="primary" onClick={() => void startRound(ngt.id, 'vote')}>
          {t('ngt.openVote')}
        </button>
      </section>
    );

  const done = voters(round);
  const next = ngt.participantIds.find((id) => !done.has(id)) ?? null;
  const current = chosen && ngt.participantIds.includes(chosen) ? chosen : next;
  /**
   * After a card: the next person in the circle without one, not the first of the list (a
   * skipped card waiting there took the next person's card; walk-through 10).
   */
  const after = (saved: string) => {
    const order = ngt.participantIds;
    const at = order.indexOf(saved);
    const rest = [...order.slice(at + 1), ...order.slice(0, at)];
    return rest.find((id) => !done.has(id)) ?? null;
  };
  return (
    <section
      className="panel"
      aria-label={t(second ? 'ngt.steps.second-round' : 'ngt.steps.voting')}
    >
      <p role="status">{t('ngt.ballotsIn', { n: done.size, of: ngt.participantIds.length })}</p>
      <div className="chips" aria-label={t('ngt.whoseCard')}>
        {ngt.participantIds.map((id) => (
          <button
            key={id}
            type="button"
            className="chip ngt-card-chip"
            // The card open now: not a tick, which would read as «entered» (walk-through 10).
            aria-current={id === current ? 'true' : undefined}
            onClick={() => setChosen(id)}
          >
            {done.has(id) ? t('ngt.voted', { code: pseudonyms.get(id) ?? '' }) : pseudonyms.get(id)}
          </button>
        ))}
      </div>
      {current ? (
        <>
          <h2>{t('ngt.cardOf', { code: pseudonyms.get(current) ?? '' })}</h2>
          <NgtBallotForm
            key={`${round.id}-${current}`}
            ngt={ngt}
            round={round}
            participantId={current}
            onSaved={() => setChosen(after(current))}
          />
        </>
      ) : (
        <p>{t('ngt.allVoted')}</p>
      )}
      <button
        type="button"
        onClick={() => void update(ngt.id, { step: second ? 'closed' : 'results' })}
      >
        {t('ngt.toResults')}
      </button>
    </section>
  );
}

/** The shortlist of the second round: the first round's best ideas, changeable; vote or rate. */
function SecondRoundSetup({ ngt }: { ngt: NgtSession }) {
  const t = useT();
  const startRound = useNgtStore((state) => state.startRound);
  const first = ngt.votes[0];
  const ranked = first
    ? scoreBallots({
        ideaIds: first.ideaIds,
        ballots: first.ballots.map((b) => ({ participant: b.participantId, points: b.points })),
        rule: ngt.rule,
      }).map((row) => row.ideaId)
    : liveIdeas(ngt).map((idea) => idea.id);
  const [picked, setPicked] = useState(() => new Set(ranked.slice(0, 5)));
  const [kind, setKind] = useState<'vote' | 'rating'>('rating');
  const ideas = new Map(ngt.ideas.map((idea) => [idea.id, idea]));
  return (
    <section className="panel" aria-label={t('ngt.steps.second-round')}>
      <p className="hint">{t('ngt.shortlistHint')}</p>
      <ul className="ngt-shortlist">
        {ranked.map((id) => (
          <li key={id}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={picked.has(id)}
                onChange={() => {
                  const nextPicked = new Set(picked);
                  if (nextPicked.has(id)) nextPicked.delete(id);
                  else nextPicked.add(id);
                  setPicked(nextPicked);
                }}
              />
              <strong>{ideas.get(id)?.code}</strong> {ideas.get(id)?.text}
            </label>
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor="second-kind">{t('ngt.secondKind')}</label>
        <select
          id="second-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as 'vote' | 'rating')}
        >
          <option value="rating">{t('ngt.secondRating')}</option>
          <option value="vote">{t('ngt.secondVote')}</option>
        </select>
      </div>
      <button
        type="button"
        className="primary"
        disabled={picked.size < 2}
        onClick={() =>
          void startRound(
            ngt.id,
            kind,
            ranked.filter((id) => picked.has(id)),
          )
        }
      >
        {t('ngt.openSecond', { n: picked.size })}
      </button>
    </section>
  );
}
