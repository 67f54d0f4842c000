/**
 * Nominal Group Technique scoring (docs: METHODS §1): ballots to ranked idea totals, 1–10 ratings
 * to summary statistics, and ballot checks the facilitator can act on. Pure: it runs in the
 * browser too. Numbers keep full precision; rounding is the UI's job.
 */

/** Keys that order ideas with equal totals, applied in order; more is better for both. */
export type NgtTieBreak = 'votes' | 'top-votes';

/** Each participant gives K…1 points to K ideas (K = most important); K is capped at the idea count. */
export interface RankTopKRule {
  kind: 'rank-top-k';
  k: number;
  tieBreak: readonly NgtTieBreak[];
}

/**
 * How a session scores its vote (stored with the session; every export prints it).
 * - `rank-all`: every idea ranked, K = number of ideas.
 * - `half-plus-one`: the best K = ceil(n/2) + 1 ideas ranked K…1 (METHODS §1).
 * - `points-pool`: `pool` points to spread, stacking allowed up to `maxPerIdea` (default: pool);
 *   spending less than the pool is allowed.
 * - `multivote`: one point to each of at most `votesPerPerson` ideas.
 */
export type NgtRule =
  | RankTopKRule
  | { kind: 'rank-all'; tieBreak: readonly NgtTieBreak[] }
  | { kind: 'half-plus-one'; tieBreak: readonly NgtTieBreak[] }
  | { kind: 'points-pool'; pool: number; maxPerIdea?: number; tieBreak: readonly NgtTieBreak[] }
  | { kind: 'multivote'; votesPerPerson: number; tieBreak: readonly NgtTieBreak[] };

/** The rules scored with a ranking card (points K…1, each once). */
export type NgtRankRule = Extract<NgtRule, { kind: 'rank-top-k' | 'rank-all' | 'half-plus-one' }>;

/** One participant's vote: points per idea id; absent or 0 means "not chosen". */
export interface NgtBallot {
  participant: string;
  points: Readonly<Record<string, number>>;
}

/** One idea's result. Percentages are 0–100. */
export interface NgtScoreRow {
  ideaId: string;
  total: number;
  /** Participants who gave the idea any points. */
  votes: number;
  /**
   * First places: on a rank rule the K-point cards; otherwise the participants whose highest
   * points went to this idea (shared when one gave the same highest points to several).
   */
  topVotes: number;
  /**
   * total / votes; null without votes (no mean: a 0 would read as a score, and sort as one).
   * Can order ideas differently from the total.
   */
  meanPoints: number | null;
  /** total / (max per idea × participants) × 100: compares groups of different size. */
  pctOfMax: number;
  /** total / all points given to the listed ideas × 100; 0 when nothing was given. */
  shareOfPoints: number;
  /** Competition rank ("1, 2, 2, 4") on the total, then the rule's tie-breaks. */
  rank: number;
}

/** True for the rules scored with a ranking card. */
export function isRankRule(rule: NgtRule): rule is NgtRankRule {
  return rule.kind === 'rank-top-k' || rule.kind === 'rank-all' || rule.kind === 'half-plus-one';
}

/**
 * The most one participant may give one idea: K for rank rules (never more than the idea
 * count), min(maxPerIdea, pool) for a points pool, 1 for multivote. It is the "max" of
 * `pctOfMax`.
 */
export function maxPointsPerIdea(rule: NgtRule, ideaCount: number): number {
  switch (rule.kind) {
    case 'rank-top-k':
      return Math.max(0, Math.min(rule.k, ideaCount));
    case 'rank-all':
      return ideaCount;
    case 'half-plus-one':
      return Math.min(Math.ceil(ideaCount / 2) + 1, ideaCount);
    case 'points-pool':
      return Math.min(rule.maxPerIdea ?? rule.pool, rule.pool);
    case 'multivote':
      return 1;
  }
}

/**
 * Points for the idea at 1-based `position` on a ranking card: K for 1st … 1 for K-th, 0 past
 * K (not chosen), for a non-integer position, or for rules without ranking cards. Rank-all and
 * half-plus-one need `ideaCount` because their K depends on it.
 */
export function rankPoints(rule: RankTopKRule, position: number): number;
export function rankPoints(rule: NgtRule, position: number, ideaCount: number): number;
export function rankPoints(rule: NgtRule, position: number, ideaCount = Infinity): number {
  if (!isRankRule(rule) || !Number.isInteger(position) || position < 1) return 0;
  const k = maxPointsPerIdea(rule, ideaCount);
  return position <= k ? k - position + 1 : 0;
}

/**
 * Scores ballots: one row per idea (duplicates in `ideaIds` counted once), sorted by rank; ideas
 * still tied after every tie-break keep `ideaIds` order. Each ballot is one participant; only
 * positive points to listed ideas count (validate ballots first with {@link validateBallot}).
 */
export function scoreBallots(input: {
  ideaIds: readonly string[];
  ballots: readonly NgtBallot[];
  rule: NgtRule;
}): NgtScoreRow[] {
  const { ballots, rule } = input;
  const ideaIds = [...new Set(input.ideaIds)];
  const max = maxPointsPerIdea(rule, ideaIds.length);
  const tally = new Map(ideaIds.map((id) => [id, { total: 0, votes: 0, topVotes: 0 }]));
  let allPoints = 0;
  for (const ballot of ballots) {
    const counted = Object.entries(ballot.points).filter(
      ([ideaId, points]) => tally.has(ideaId) && Number.isFinite(points) && points > 0,
    );
    // On a ranking card a first place is the K-point card. With a points pool it is the
    // participant's own highest, not the rule's maximum: few put the whole allowance on one idea.
    const highest = isRankRule(rule) ? max : Math.max(0, ...counted.map(([, points]) => points));
    for (const [ideaId, points] of counted) {
      const idea = tally.get(ideaId)!;
      idea.total += points;
      idea.votes += 1;
      if (points === highest) idea.topVotes += 1;
      allPoints += points;
    }
  }
  const maxTotal = max * ballots.length;
  const rows = ideaIds.map((ideaId) => {
    const { total, votes, topVotes } = tally.get(ideaId)!;
    return {
      ideaId,
      total,
      votes,
      topVotes,
      meanPoints: votes > 0 ? total / votes : null,
      pctOfMax: maxTotal > 0 ? (total / maxTotal) * 100 : 0,
      shareOfPoints: allPoints > 0 ? (total / allPoints) * 100 : 0,
      rank: 0,
    };
  });
  const keys = (row: NgtScoreRow) => [
    row.total,
    ...rule.tieBreak.map((by) => (by === 'votes' ? row.votes : row.topVotes)),
  ];
  const keyed = rows.map((row, index) => ({ row, index, keys: keys(row) }));
  keyed.sort((a, b) => compareDescending(a.keys, b.keys) || a.index - b.index);
  keyed.forEach((entry, i) => {
    const previous = keyed[i - 1];
    entry.row.rank =
      previous && compareDescending(previous.keys, entry.keys) === 0 ? previous.row.rank : i + 1;
  });
  return keyed.map((entry) => entry.row);
}

function compareDescending(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const difference = (b[i] ?? 0) - (a[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** One participant's 1–10 ratings per idea id; an absent or non-finite value is "not rated". */
export interface NgtRating {
  participant: string;
  values: Readonly<Record<string, number>>;
}

/** Rating statistics for one idea; all null (and consensus false) when nobody rated it. */
export interface RatingSummary {
  ideaId: string;
  n: number;
  mean: number | null;
  median: number | null;
  /** Sample SD (n − 1); 0 when n < 2. */
  sd: number | null;
  /** Quartiles by the inclusive method (Excel QUARTILE.INC). */
  q1: number | null;
  q3: number | null;
  iqr: number | null;
  /** % of ratings ≥ threshold (METHODS: "% rating 7-10" with threshold 7). */
  shareAtLeast: number | null;
  /** shareAtLeast ≥ consensusShare. */
  consensus: boolean;
}

/**
 * Summarises a rating round per idea, in `ideaIds` order. `consensusShare` is a percentage
 * (70 or 80 in use), so a session can print exactly the rule it applied.
 */
export function summariseRatings(input: {
  ideaIds: readonly string[];
  ratings: readonly NgtRating[];
  threshold: number;
  consensusShare: number;
}): RatingSummary[] {
  const { ratings, threshold, consensusShare } = input;
  return [...new Set(input.ideaIds)].map((ideaId) => {
    const values = ratings
      .filter((rating) => Object.hasOwn(rating.values, ideaId))
      .map((rating) => rating.values[ideaId]!)
      .filter((value) => Number.isFinite(value))
      .sort((a, b) => a - b);
    const n = values.length;
    if (n === 0) {
      const none = { mean: null, median: null, sd: null, q1: null, q3: null, iqr: null };
      return { ideaId, n, ...none, shareAtLeast: null, consensus: false };
    }
    const mean = values.reduce((sum, value) => sum + value, 0) / n;
    const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
    const q1 = quantileInclusive(values, 0.25);
    const q3 = quantileInclusive(values, 0.75);
    const shareAtLeast = (values.filter((value) => value >= threshold).length / n) * 100;
    return {
      ideaId,
      n,
      mean,
      median: quantileInclusive(values, 0.5),
      sd: n < 2 ? 0 : Math.sqrt(squares / (n - 1)),
      q1,
      q3,
      iqr: q3 - q1,
      shareAtLeast,
      consensus: shareAtLeast >= consensusShare,
    };
  });
}

/** Excel QUARTILE.INC / PERCENTILE.INC: interpolate at (n − 1)·p on sorted, non-empty values. */
function quantileInclusive(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const below = sorted[Math.floor(h)]!;
  const above = sorted[Math.ceil(h)]!;
  return below + (h - Math.floor(h)) * (above - below);
}

/** Why a ballot cannot be accepted; `code` is the key the UI translates. */
export type BallotProblem =
  | { code: 'idea-twice'; ideaId: string }
  | { code: 'unknown-idea'; ideaId: string }
  | { code: 'merged-idea'; ideaId: string; into?: string }
  | { code: 'not-integer'; ideaId: string; points: number }
  | { code: 'negative'; ideaId: string; points: number }
  | { code: 'duplicate-points'; points: number; ideaIds: string[] }
  | { code: 'not-a-permutation'; expected: number[]; given: number[] }
  | { code: 'empty-places'; points: number[] }
  | { code: 'pool-overspent'; given: number; pool: number }
  | { code: 'too-many-votes'; given: number; allowed: number }
  | { code: 'over-max-per-idea'; ideaId: string; points: number; max: number };

/** A ballot check: fine, or every problem found (so the facilitator sees them all at once). */
export type BallotCheck = { ok: true } | { ok: false; problems: BallotProblem[] };

/**
 * Checks one ballot against the live ideas and the rule. A 0 means "not chosen", so zeros are
 * never a problem, even for merged or unknown ideas. `mergedIdeaIds` is a list of merged-away
 * ids, or a map from each to the idea it was merged into (reported as `into`). Rank rules need
 * exactly K…1 (see {@link maxPointsPerIdea}), each once; all rules need whole, non-negative points.
 */
export function validateBallot(input: {
  ideaIds: readonly string[];
  mergedIdeaIds?: readonly string[] | Readonly<Record<string, string>>;
  points: Readonly<Record<string, number>>;
  rule: NgtRule;
}): BallotCheck {
  const { points, rule, mergedIdeaIds = [] } = input;
  const live = new Set(input.ideaIds);
  const merged = new Map<string, string | undefined>(
    Array.isArray(mergedIdeaIds)
      ? mergedIdeaIds.map((id: string) => [id, undefined])
      : Object.entries(mergedIdeaIds),
  );
  const max = maxPointsPerIdea(rule, live.size);
  const problems: BallotProblem[] = [];
  const given = Object.entries(points).filter(([, value]) => value !== 0);
  for (const [ideaId, value] of given) {
    if (merged.has(ideaId)) {
      const into = merged.get(ideaId);
      problems.push({ code: 'merged-idea', ideaId, ...(into === undefined ? {} : { into }) });
    } else if (!live.has(ideaId)) problems.push({ code: 'unknown-idea', ideaId });
    if (!Number.isInteger(value)) problems.push({ code: 'not-integer', ideaId, points: value });
    else if (value < 0) problems.push({ code: 'negative', ideaId, points: value });
  }
  if (isRankRule(rule)) problems.push(...rankProblems(given, max));
  else {
    const positive = given.filter(([, value]) => value > 0);
    const capped = rule.kind === 'multivote' || rule.maxPerIdea !== undefined;
    for (const [ideaId, value] of capped ? positive : []) {
      if (value > max) problems.push({ code: 'over-max-per-idea', ideaId, points: value, max });
    }
    const spent = positive.reduce((sum, [, value]) => sum + value, 0);
    if (rule.kind === 'points-pool' && spent > rule.pool) {
      problems.push({ code: 'pool-overspent', given: spent, pool: rule.pool });
    }
    if (rule.kind === 'multivote' && positive.length > rule.votesPerPerson) {
      problems.push({
        code: 'too-many-votes',
        given: positive.length,
        allowed: rule.votesPerPerson,
      });
    }
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

/** A ranking card's problems: points given more than once, and points other than exactly K…1. */
function rankProblems(given: readonly [string, number][], k: number): BallotProblem[] {
  const problems: BallotProblem[] = [];
  const byPoints = new Map<number, string[]>();
  for (const [ideaId, value] of given)
    byPoints.set(value, [...(byPoints.get(value) ?? []), ideaId]);
  for (const [value, ideaIds] of byPoints) {
    if (ideaIds.length > 1) problems.push({ code: 'duplicate-points', points: value, ideaIds });
  }
  const expected = Array.from({ length: k }, (_, i) => k - i);
  const sorted = given.map(([, value]) => value).sort((a, b) => b - a);
  if (sorted.length !== k || sorted.some((value, i) => value !== expected[i])) {
    problems.push({ code: 'not-a-permutation', expected, given: sorted });
  }
  return problems;
}

/**
 * Turns the UI's list of (idea, points) entries into a ballot's points. A list can name an idea
 * twice, which a Record cannot show, so each repeated idea is reported once as 'idea-twice'.
 */
export function ballotFromEntries(
  entries: readonly { ideaId: string; points: number }[],
): { ok: true; points: Record<string, number> } | { ok: false; problems: BallotProblem[] } {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { ideaId } of entries) (seen.has(ideaId) ? twice : seen).add(ideaId);
  if (twice.size > 0) {
    return { ok: false, problems: [...twice].map((ideaId) => ({ code: 'idea-twice', ideaId })) };
  }
  return { ok: true, points: Object.fromEntries(entries.map((e) => [e.ideaId, e.points])) };
}

/**
 * A card typed as a list of (idea, points) entries, checked whole: every problem is reported at
 * once, so the facilitator corrects the card in one go. With an idea named twice the others are
 * still checked (unknown or merged ideas), but not the points' order, which the repeat breaks.
 */
export function checkBallotEntries(input: {
  entries: readonly { ideaId: string; points: number }[];
  ideaIds: readonly string[];
  mergedIdeaIds?: Readonly<Record<string, string>>;
  rule: NgtRule;
}): { ok: true; points: Record<string, number> } | { ok: false; problems: BallotProblem[] } {
  const read = ballotFromEntries(input.entries);
  const points = read.ok
    ? read.points
    : Object.fromEntries(
        input.entries
          .filter((entry, at) => input.entries.findIndex((e) => e.ideaId === entry.ideaId) === at)
          .map((entry) => [entry.ideaId, entry.points]),
      );
  const check = validateBallot({ ...input, points });
  if (read.ok) return check.ok ? read : check;
  const orderless = new Set<BallotProblem['code']>(['not-a-permutation', 'duplicate-points']);
  const others = check.ok ? [] : check.problems.filter((problem) => !orderless.has(problem.code));
  // Places left empty are known whatever the repeat: said now, not after the repeat is fixed.
  const empty: BallotProblem[] = [];
  if (isRankRule(input.rule)) {
    const k = maxPointsPerIdea(input.rule, input.ideaIds.length);
    const placed = new Set(input.entries.map((entry) => entry.points));
    const missing = Array.from({ length: k }, (_, i) => k - i).filter((p) => !placed.has(p));
    if (missing.length > 0) empty.push({ code: 'empty-places', points: missing });
  }
  return { ok: false, problems: [...read.problems, ...others, ...empty] };
}

/**
 * True once ballots or ratings were entered: the rule they were cast under, and the ideas they
 * were cast on, no longer change (the core refuses; the screens say so).
 */
export function hasVotes(session: {
  votes: ReadonlyArray<{ ballots: readonly unknown[]; ratings: readonly unknown[] }>;
}): boolean {
  return session.votes.some((round) => round.ballots.length > 0 || round.ratings.length > 0);
}
