import { scoreBallots, summariseRatings, type NgtScoreRow, type RatingSummary } from './ngt';
import type { Translate } from '../i18n';
import type { NgtIdea, NgtRound, NgtSession } from '../model/ngt';

/** A round's scores with their ideas, ranked (see scoreBallots). */
export function voteResults(
  ngt: NgtSession,
  round: NgtRound,
): Array<NgtScoreRow & { idea: NgtIdea }> {
  const ideas = new Map(ngt.ideas.map((idea) => [idea.id, idea]));
  return scoreBallots({
    ideaIds: round.ideaIds,
    ballots: round.ballots.map((b) => ({ participant: b.participantId, points: b.points })),
    rule: ngt.rule,
  }).map((row) => ({ ...row, idea: ideas.get(row.ideaId)! }));
}

/** A rating round's statistics with their ideas, best mean first. */
export function ratingResults(
  ngt: NgtSession,
  round: NgtRound,
): Array<RatingSummary & { idea: NgtIdea }> {
  const ideas = new Map(ngt.ideas.map((idea) => [idea.id, idea]));
  return summariseRatings({
    ideaIds: round.ideaIds,
    ratings: round.ratings.map((r) => ({ participant: r.participantId, values: r.values })),
    threshold: ngt.ratingThreshold,
    consensusShare: ngt.consensusShare,
  })
    .map((row) => ({ ...row, idea: ideas.get(row.ideaId)! }))
    .sort((a, b) => (b.mean ?? -1) - (a.mean ?? -1));
}

/** The rule and tie-break in words ("Regola: … Spareggio: …"), printed under every results table. */
export function ngtRuleText(ngt: Pick<NgtSession, 'rule'>, t: Translate): string {
  const rule = ngt.rule;
  const params = {
    k: 'k' in rule ? rule.k : 0,
    pool: 'pool' in rule ? rule.pool : 0,
    votes: 'votesPerPerson' in rule ? rule.votesPerPerson : 0,
  };
  const tie = rule.tieBreak.length ? rule.tieBreak.join(',') : 'none';
  return `${t(`ngt.ruleText.${rule.kind}`, params)} ${t(`ngt.tieText.${tie as 'votes,top-votes' | 'top-votes,votes' | 'none'}`)}`;
}
