import { ngtRuleText, ratingResults, voteResults } from '../domain/ngt-results';
import { PARTNERSHIP_TYPES } from '../model/constants';
import type { NgtRound, NgtSession } from '../model/ngt';
import { headerRow, type Chapter, type ReportContext } from './report-context';

/** " (istituzionale 2, società civile 1)": the partnership mix, when any participant has one. */
function composition(context: ReportContext, ngt: NgtSession): string {
  const { t, language } = context;
  const parts = PARTNERSHIP_TYPES.map((type) => {
    const n = ngt.participantIds.filter(
      (id) => context.participants.get(id)?.partnershipType === type,
    ).length;
    return n > 0 ? `${t(`partnership.${type}`).toLocaleLowerCase(language)} ${n}` : '';
  }).filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** A vote round's ranking table (with the first-round rank for a re-vote) and its bar chart. */
function voteRound(
  context: ReportContext,
  chapter: Chapter,
  ngt: NgtSession,
  round: NgtRound,
  previous: NgtRound | null,
): void {
  const { t } = context;
  const rows = voteResults(ngt, round);
  const before = previous
    ? new Map(voteResults(ngt, previous).map((row) => [row.ideaId, row.rank]))
    : null;
  const what = t('report.sourceWhat.ngt', { code: ngt.code });
  chapter.table({
    title: t(previous ? 'report.ngt.secondTitle' : 'report.ngt.rankingTitle', { code: ngt.code }),
    source: { what },
    widths: before ? [10, 42, 10, 9, 10, 10, 9] : [11, 47, 11, 10, 11, 10],
    header: [
      headerRow([
        t('ngt.rank'),
        t('ngt.idea'),
        t('ngt.total'),
        t('ngt.votes'),
        t('ngt.topVotes'),
        t('ngt.pctOfMax'),
        ...(before ? [t('ngt.firstRoundRank')] : []),
      ]),
    ],
    rows: rows.map((row) => [
      { text: context.number(row.rank, 0), align: 'center' },
      { text: `${row.idea.code} – ${context.anonymise(row.idea.text)}` },
      { text: context.number(row.total, 0), align: 'right' },
      { text: context.number(row.votes, 0), align: 'right' },
      { text: context.number(row.topVotes, 0), align: 'right' },
      { text: context.percent(row.pctOfMax), align: 'right' },
      ...(before
        ? [{ text: String(before.get(row.ideaId) ?? '–'), align: 'center' as const }]
        : []),
    ]),
    note: `${ngtRuleText(ngt, t)} ${t('ngt.ballotsCount', { n: round.ballots.length })}`,
  });
  chapter.chart({
    title: t('report.ngt.chartTitle', { code: ngt.code }),
    what,
    valueLabel: t('report.ngt.valueLabel'),
    bars: rows.map((row) => ({ label: row.idea.code, value: row.total })),
  });
}

/** A rating round's statistics: mean, median, spread, share at or above the threshold. */
function ratingRound(context: ReportContext, chapter: Chapter, ngt: NgtSession, round: NgtRound) {
  const { t } = context;
  const n = (value: number | null) => (value === null ? '–' : context.number(value, 1));
  chapter.table({
    title: t('report.ngt.secondTitle', { code: ngt.code }),
    source: { what: t('report.sourceWhat.ngt', { code: ngt.code }) },
    widths: [40, 6, 9, 9, 9, 10, 9, 8],
    header: [
      headerRow([
        t('ngt.idea'),
        'n',
        t('ngt.mean'),
        t('ngt.median'),
        t('ngt.sd'),
        t('ngt.iqr'),
        t('ngt.shareAtLeast', { threshold: ngt.ratingThreshold }),
        t('ngt.consensus'),
      ]),
    ],
    rows: ratingResults(ngt, round).map((row) => [
      { text: `${row.idea.code} – ${context.anonymise(row.idea.text)}` },
      { text: context.number(row.n, 0), align: 'right' },
      { text: n(row.mean), align: 'right' },
      { text: n(row.median), align: 'right' },
      { text: n(row.sd), align: 'right' },
      { text: n(row.iqr), align: 'right' },
      {
        text: row.shareAtLeast === null ? '–' : context.percent(row.shareAtLeast),
        align: 'right',
      },
      { text: row.consensus ? t('ngt.yes') : t('ngt.no'), align: 'center' },
    ]),
    note: t('ngt.consensusRule', { threshold: ngt.ratingThreshold, share: ngt.consensusShare }),
  });
}

/** NGT sessions: how each was held, its ranking with the rule, the chart, the second round. */
export function ngtChapter(context: ReportContext, chapter: Chapter): void {
  const { t, project } = context;
  if (project.ngtSessions.length === 0) {
    chapter.paragraph(t('report.ngt.none'));
    return;
  }
  chapter.paragraph(t('report.ngt.intro'), { footnote: t('report.ngt.introNote') });
  for (const ngt of project.ngtSessions) {
    const question = context.anonymise(ngt.question);
    chapter.heading(2, t('report.ngt.heading', { code: ngt.code, question }));
    // A session still being set up is not reported as held "with 0 participants".
    const held = ngt.ideas.length > 0 || ngt.votes.some((round) => round.ballots.length > 0);
    if (!held) {
      chapter.paragraph(t('report.ngt.notHeld', { code: ngt.code }));
      continue;
    }
    chapter.paragraph(
      t('report.ngt.held', {
        code: ngt.code,
        date: ngt.date ? t('report.ngt.on', { date: context.date(ngt.date) }) : '',
        n: ngt.participantIds.length,
        composition: composition(context, ngt),
        question,
      }).replace(/ {2,}/g, ' '),
    );
    chapter.paragraph(
      t('report.ngt.ideas', {
        ideas: ngt.ideas.length,
        merged: ngt.ideas.filter((idea) => idea.mergedInto !== null).length,
      }),
    );
    const [first, second] = ngt.votes;
    if (!first || first.ballots.length === 0) {
      chapter.paragraph(t('report.ngt.noVotes', { code: ngt.code }));
      continue;
    }
    voteRound(context, chapter, ngt, first, null);
    if (second?.kind === 'rating' && second.ratings.length > 0)
      ratingRound(context, chapter, ngt, second);
    if (second?.kind === 'vote' && second.ballots.length > 0)
      voteRound(context, chapter, ngt, second, first);
  }
}
