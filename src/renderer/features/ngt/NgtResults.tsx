import { formatNumber } from '../../../shared/i18n';
import type { NgtRound, NgtSession } from '../../../shared/model/ngt';
import { useLanguage, useT } from '../../i18n/use-t';
import { useNgtStore } from '../../stores/ngt-store';
import { ngtRuleText, ratingResults, voteResults } from '../../../shared/domain/ngt-results';

/** The rule and tie-break in words, printed under every results table. */
export function useRuleText(ngt: NgtSession): string {
  return ngtRuleText(ngt, useT());
}

/** Results: the ranking with the rule under it, the second round, and the change between rounds. */
export function NgtResults({ ngt }: { ngt: NgtSession }) {
  const t = useT();
  const update = useNgtStore((state) => state.update);
  const [first, second] = ngt.votes;
  return (
    <section className="panel" aria-label={t('ngt.steps.results')}>
      {first ? (
        <VoteTable ngt={ngt} round={first} caption={t('ngt.resultsCaption', { code: ngt.code })} />
      ) : (
        <p>{t('ngt.noVotes')}</p>
      )}
      {second && second.kind === 'rating' && <RatingTable ngt={ngt} round={second} />}
      {second && second.kind === 'vote' && (
        <VoteTable
          ngt={ngt}
          round={second}
          previous={first}
          caption={t('ngt.secondCaption', { code: ngt.code })}
        />
      )}
      <div className="button-row">
        {ngt.rounds === 2 && (
          <button type="button" onClick={() => void update(ngt.id, { step: 'second-round' })}>
            {t('ngt.steps.second-round')}
          </button>
        )}
        {ngt.step !== 'closed' && (
          <button
            type="button"
            className="primary"
            onClick={() => void update(ngt.id, { step: 'closed' })}
          >
            {t('ngt.close')}
          </button>
        )}
      </div>
    </section>
  );
}

function VoteTable({
  ngt,
  round,
  previous,
  caption,
}: {
  ngt: NgtSession;
  round: NgtRound;
  previous?: NgtRound;
  caption: string;
}) {
  const t = useT();
  const language = useLanguage();
  const rows = voteResults(ngt, round);
  const before = previous
    ? new Map(voteResults(ngt, previous).map((row) => [row.ideaId, row.rank]))
    : null;
  const ruleText = useRuleText(ngt);
  const n = (value: number, digits = 1) => formatNumber(value, language, digits);
  return (
    <figure className="ngt-results">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ngt.rank')}</th>
            <th scope="col">{t('ngt.idea')}</th>
            <th scope="col">{t('ngt.total')}</th>
            <th scope="col">{t('ngt.votes')}</th>
            <th scope="col">{t('ngt.topVotes')}</th>
            <th scope="col">{t('ngt.pctOfMax')}</th>
            {before && <th scope="col">{t('ngt.firstRoundRank')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.ideaId}>
              <td>{row.rank}</td>
              <th scope="row">
                {row.idea.code} – {row.idea.text}
              </th>
              <td>{n(row.total, 0)}</td>
              <td>{n(row.votes, 0)}</td>
              <td>{n(row.topVotes, 0)}</td>
              <td>{n(row.pctOfMax)}%</td>
              {before && <td>{before.get(row.ideaId) ?? '–'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption className="hint">
        {ruleText} {t('ngt.ballotsCount', { n: round.ballots.length })}
      </figcaption>
    </figure>
  );
}

function RatingTable({ ngt, round }: { ngt: NgtSession; round: NgtRound }) {
  const t = useT();
  const language = useLanguage();
  const n = (value: number | null) => (value === null ? '–' : formatNumber(value, language, 1));
  return (
    <figure className="ngt-results">
      <table className="data-table">
        <caption>{t('ngt.ratingCaption', { code: ngt.code })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ngt.idea')}</th>
            <th scope="col">n</th>
            <th scope="col">{t('ngt.mean')}</th>
            <th scope="col">{t('ngt.median')}</th>
            <th scope="col">{t('ngt.sd')}</th>
            <th scope="col">{t('ngt.iqr')}</th>
            <th scope="col">{t('ngt.shareAtLeast', { threshold: ngt.ratingThreshold })}</th>
            <th scope="col">{t('ngt.consensus')}</th>
          </tr>
        </thead>
        <tbody>
          {ratingResults(ngt, round).map((row) => (
            <tr key={row.ideaId}>
              <th scope="row">
                {row.idea.code} – {row.idea.text}
              </th>
              <td>{row.n}</td>
              <td>{n(row.mean)}</td>
              <td>{n(row.median)}</td>
              <td>{n(row.sd)}</td>
              <td>{n(row.iqr)}</td>
              <td>{row.shareAtLeast === null ? '–' : `${n(row.shareAtLeast)}%`}</td>
              <td>{row.consensus ? t('ngt.yes') : t('ngt.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption className="hint">
        {t('ngt.consensusRule', { threshold: ngt.ratingThreshold, share: ngt.consensusShare })}
      </figcaption>
    </figure>
  );
}
