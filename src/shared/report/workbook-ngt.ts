/** The workbook's Nominal Group Technique sheets: ideas, ballots, results of every round. */
import { scoreBallots, summariseRatings, type RatingSummary } from '../domain/ngt';
import type { NgtRound, NgtRuleRecord, NgtSession } from '../model/ngt';
import type { Translate } from '../i18n';
import type { WorkbookCell, WorkbookSheet } from './workbook';
import { rounded, sheet, textOrEmpty, type WorkbookContext } from './workbook-cells';

// Percentages to one decimal, means and spreads to two: what the results screen shows.
const PERCENT_DIGITS = 1;
const MEAN_DIGITS = 2;

/** Idea codes (I1, I2 …) of a session by idea id; an unknown id stands for itself. */
function ideaCodes(session: NgtSession): (id: string) => string {
  const codes = new Map(session.ideas.map((idea) => [idea.id, idea.code]));
  return (id) => codes.get(id) ?? id;
}

/** Every idea of every session, merged ones included (with the idea they were merged into). */
export function ngtIdeasSheet(context: WorkbookContext): WorkbookSheet {
  const { t } = context;
  const header = [
    t('xlsx.col.ngtSession'),
    t('xlsx.col.idea'),
    t('xlsx.col.text'),
    t('xlsx.col.clarification'),
    t('xlsx.col.mergedInto'),
    t('xlsx.col.author'),
  ];
  const rows = context.project.ngtSessions.flatMap((session) => {
    const codeOf = ideaCodes(session);
    return session.ideas.map((idea): WorkbookCell[] => [
      session.code,
      idea.code,
      idea.text,
      textOrEmpty(idea.clarification),
      idea.mergedInto === null ? null : codeOf(idea.mergedInto),
      context.pseudonym(idea.authorId),
    ]);
  });
  return sheet(t('xlsx.sheet.ngtIdeas'), header, rows);
}

/**
 * One row per idea a participant chose in a vote (most points first) or rated in a rating
 * round (ballot order), with the points or the rating in their own column.
 */
export function ngtBallotsSheet(context: WorkbookContext): WorkbookSheet {
  const { t } = context;
  const header = [
    t('xlsx.col.ngtSession'),
    t('xlsx.col.round'),
    t('xlsx.col.roundKind'),
    t('xlsx.col.participant'),
    t('xlsx.col.idea'),
    t('xlsx.col.points'),
    t('xlsx.col.rating'),
  ];
  const rows: WorkbookCell[][] = [];
  for (const session of context.project.ngtSessions) {
    const codeOf = ideaCodes(session);
    session.votes.forEach((round, index) => {
      const position = new Map(round.ideaIds.map((id, i) => [id, i]));
      const onBallot = (id: string) => position.get(id) ?? Number.MAX_SAFE_INTEGER;
      const start = [session.code, index + 1, t(`xlsx.round.${round.kind}`)];
      if (round.kind === 'vote') {
        for (const ballot of round.ballots) {
          const chosen = Object.entries(ballot.points)
            .filter(([, points]) => points > 0)
            .sort(([a, pa], [b, pb]) => pb - pa || onBallot(a) - onBallot(b));
          for (const [ideaId, points] of chosen) {
            rows.push([
              ...start,
              context.pseudonym(ballot.participantId),
              codeOf(ideaId),
              points,
              null,
            ]);
          }
        }
      } else {
        for (const rating of round.ratings) {
          const rated = Object.entries(rating.values).sort(([a], [b]) => onBallot(a) - onBallot(b));
          for (const [ideaId, value] of rated) {
            rows.push([
              ...start,
              context.pseudonym(rating.participantId),
              codeOf(ideaId),
              null,
              value,
            ]);
          }
        }
      }
    });
  }
  return sheet(t('xlsx.sheet.ngtBallots'), header, rows);
}

/** The scoring rule in words ("Classifica delle prime 3 idee (3…1 punti)"). */
function ruleText(rule: NgtRuleRecord, t: Translate): string {
  switch (rule.kind) {
    case 'rank-top-k':
      return t('xlsx.rule.rank-top-k', { k: rule.k });
    case 'rank-all':
      return t('xlsx.rule.rank-all');
    case 'half-plus-one':
      return t('xlsx.rule.half-plus-one');
    case 'points-pool':
      return rule.maxPerIdea === undefined
        ? t('xlsx.rule.points-pool', { pool: rule.pool })
        : t('xlsx.rule.points-pool-max', { pool: rule.pool, max: rule.maxPerIdea });
    case 'multivote':
      return t('xlsx.rule.multivote', { votes: rule.votesPerPerson });
  }
}

/** Competition rank ("1, 2, 2, 4") of rating summaries sorted by mean; unrated ideas get none. */
function byMean(summaries: RatingSummary[]): Array<RatingSummary & { rank: number | null }> {
  // As the results screen: best mean first, ideas without ratings last, ties in ballot order.
  const sorted = [...summaries].sort((a, b) => (b.mean ?? -1) - (a.mean ?? -1));
  return sorted.map((summary) => {
    if (summary.mean === null) return { ...summary, rank: null };
    const first = sorted.findIndex((other) => other.mean === summary.mean);
    return { ...summary, rank: first + 1 };
  });
}

/** Rows of the results of one round: vote statistics, or rating statistics. */
function roundRows(
  session: NgtSession,
  round: NgtRound,
  index: number,
  context: WorkbookContext,
): WorkbookCell[][] {
  const { t } = context;
  const ideas = new Map(session.ideas.map((idea) => [idea.id, idea]));
  const codeOf = ideaCodes(session);
  const idea = (id: string) => [codeOf(id), ideas.get(id)?.text ?? null];
  if (round.kind === 'vote') {
    const rule = ruleText(session.rule, t);
    const scores = scoreBallots({
      ideaIds: round.ideaIds,
      ballots: round.ballots.map((b) => ({ participant: b.participantId, points: b.points })),
      rule: session.rule,
    });
    return scores.map((row) => [
      session.code,
      index + 1,
      rule,
      row.rank,
      ...idea(row.ideaId),
      row.total,
      row.votes,
      row.topVotes,
      rounded(row.pctOfMax, PERCENT_DIGITS),
      rounded(row.meanPoints, MEAN_DIGITS),
      ...new Array<WorkbookCell>(8).fill(null),
    ]);
  }
  const rule = t('xlsx.rule.rating', {
    share: session.consensusShare,
    threshold: session.ratingThreshold,
  });
  const summaries = summariseRatings({
    ideaIds: round.ideaIds,
    ratings: round.ratings.map((r) => ({ participant: r.participantId, values: r.values })),
    threshold: session.ratingThreshold,
    consensusShare: session.consensusShare,
  });
  return byMean(summaries).map((row) => [
    session.code,
    index + 1,
    rule,
    row.rank,
    ...idea(row.ideaId),
    ...new Array<WorkbookCell>(5).fill(null),
    row.n,
    rounded(row.mean, MEAN_DIGITS),
    rounded(row.median, MEAN_DIGITS),
    rounded(row.q1, MEAN_DIGITS),
    rounded(row.q3, MEAN_DIGITS),
    rounded(row.sd, MEAN_DIGITS),
    rounded(row.shareAtLeast, PERCENT_DIGITS),
    row.n === 0 ? null : row.consensus,
  ]);
}

/**
 * The results of every round, ranked: for votes the total, votes, top votes, % of the maximum
 * and mean points (scoreBallots with the session's rule); for rating rounds the number of
 * ratings, mean, median, quartiles, SD, % at or above the threshold and consensus
 * (summariseRatings). Columns that do not apply to a round are empty.
 */
export function ngtResultsSheet(context: WorkbookContext): WorkbookSheet {
  const { t } = context;
  const header = [
    t('xlsx.col.ngtSession'),
    t('xlsx.col.round'),
    t('xlsx.col.rule'),
    t('xlsx.col.rank'),
    t('xlsx.col.idea'),
    t('xlsx.col.ideaText'),
    t('xlsx.col.points'),
    t('xlsx.col.votes'),
    t('xlsx.col.topVotes'),
    t('xlsx.col.pctOfMax'),
    t('xlsx.col.meanPoints'),
    t('xlsx.col.ratings'),
    t('xlsx.col.mean'),
    t('xlsx.col.median'),
    t('xlsx.col.q1'),
    t('xlsx.col.q3'),
    t('xlsx.col.sd'),
    t('xlsx.col.shareAtLeast'),
    t('xlsx.col.consensus'),
  ];
  const rows = context.project.ngtSessions.flatMap((session) =>
    session.votes.flatMap((round, index) => roundRows(session, round, index, context)),
  );
  return sheet(t('xlsx.sheet.ngtResults'), header, rows);
}
