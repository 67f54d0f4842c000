import { useMemo } from 'react';
import type { NgtSession } from '../../../shared/model/ngt';
import { anonymiser } from '../../../shared/report/anonymise';
import { useProjectStore } from '../../stores/project-store';
import { formatNumber } from '../../../shared/i18n';
import { useLanguage, useT } from '../../i18n/use-t';
import { useRuleText } from './NgtResults';
import { ratingResults, voteResults } from '../../../shared/domain/ngt-results';
import { formatMinutes, liveIdeas, useTimeLeft } from './use-ngt';

/**
 * The projector view: large type for the back of the room, no authors, no controls but one to
 * leave (or P / Esc). It follows the facilitator's step: the question and the timer, the ideas
 * as they are recorded, then the ranking as bars. A participant's name in an idea shows as their
 * pseudonym, as in the exports: the room is an audience (walk-through 11).
 */
export function NgtPresentation({ ngt, onClose }: { ngt: NgtSession; onClose(): void }) {
  const t = useT();
  const language = useLanguage();
  const participants = useProjectStore((state) => state.snapshot?.project.participants);
  const shown = useMemo(() => anonymiser(participants ?? []), [participants]);
  const left = useTimeLeft(ngt);
  const ruleText = useRuleText(ngt);
  const step = ngt.step;
  const showResults = step === 'results' || step === 'closed';
  const rounds = ngt.votes;
  const lastVote = [...rounds].reverse().find((round) => round.kind === 'vote');
  const rating = showResults ? rounds.find((round) => round.kind === 'rating') : undefined;
  return (
    <div className="ngt-presentation" role="dialog" aria-modal="true" aria-label={t('ngt.present')}>
      <button type="button" className="ngt-presentation-close" onClick={onClose}>
        {t('ngt.leavePresentation')}
      </button>
      <p className="ngt-presentation-code">{ngt.code}</p>
      <h1 className="ngt-presentation-question">{shown(ngt.question)}</h1>
      {step === 'generation' && (
        <p className="ngt-presentation-timer" role="timer">
          {formatMinutes(left ?? ngt.generationMinutes * 60)}
        </p>
      )}
      {(step === 'round-robin' || step === 'clarification' || step === 'setup') && (
        <ol className="ngt-presentation-ideas">
          {liveIdeas(ngt).map((idea) => (
            <li key={idea.id}>
              <strong>{idea.code}</strong> {shown(idea.text)}
            </li>
          ))}
        </ol>
      )}
      {(step === 'voting' || step === 'second-round') && (
        <p className="ngt-presentation-status">{t('ngt.votingInProgress')}</p>
      )}
      {showResults && rating && (
        <ol className="ngt-bars" aria-label={t('ngt.ratingCaption', { code: ngt.code })}>
          {ratingResults(ngt, rating).map((row, index) => (
            <li key={row.ideaId}>
              <span className="ngt-bar-rank">{index + 1}</span>
              <span className="ngt-bar-label">
                <strong>{row.idea.code}</strong> {shown(row.idea.text)}
              </span>
              <span className="ngt-bar" style={{ width: `${((row.mean ?? 0) / 10) * 100}%` }} />
              <span className="ngt-bar-value">
                {row.mean === null ? '–' : formatNumber(row.mean, language, 1)}
              </span>
            </li>
          ))}
        </ol>
      )}
      {showResults && !rating && lastVote && (
        <>
          <ol className="ngt-bars" aria-label={t('ngt.resultsCaption', { code: ngt.code })}>
            {(() => {
              const rows = voteResults(ngt, lastVote);
              const top = Math.max(1, ...rows.map((row) => row.total));
              return rows.map((row) => (
                <li key={row.ideaId}>
                  <span className="ngt-bar-rank">{row.rank}</span>
                  <span className="ngt-bar-label">
                    <strong>{row.idea.code}</strong> {shown(row.idea.text)}
                  </span>
                  <span className="ngt-bar" style={{ width: `${(row.total / top) * 100}%` }} />
                  <span className="ngt-bar-value">{formatNumber(row.total, language, 0)}</span>
                </li>
              ));
            })()}
          </ol>
          <p className="ngt-presentation-rule">{ruleText}</p>
        </>
      )}
    </div>
  );
}
