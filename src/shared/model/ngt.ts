import { z } from 'zod';
import { StampShape } from './stamp';

/** Ids and timestamps as in project.ts (repeated here so project.ts can import this file). */
const Id = z.string().min(1).max(100);
const Timestamp = z.iso.datetime();

/** The steps a facilitator moves through, back and forth (METHODS §1). */
export const NGT_STEPS = [
  'setup',
  'generation',
  'round-robin',
  'clarification',
  'voting',
  'results',
  'second-round',
  'closed',
] as const;
export type NgtStep = (typeof NGT_STEPS)[number];

const TieBreak = z.array(z.enum(['votes', 'top-votes'])).max(2);

/** The scoring rule, as `scoreBallots` takes it (src/shared/domain/ngt.ts). */
export const NgtRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('rank-top-k'),
    k: z.number().int().min(1).max(50),
    tieBreak: TieBreak,
  }),
  z.object({ kind: z.literal('rank-all'), tieBreak: TieBreak }),
  z.object({ kind: z.literal('half-plus-one'), tieBreak: TieBreak }),
  z.object({
    kind: z.literal('points-pool'),
    pool: z.number().int().min(1).max(1_000),
    maxPerIdea: z.number().int().min(1).max(1_000).optional(),
    tieBreak: TieBreak,
  }),
  z.object({
    kind: z.literal('multivote'),
    votesPerPerson: z.number().int().min(1).max(50),
    tieBreak: TieBreak,
  }),
]);
export type NgtRuleRecord = z.infer<typeof NgtRuleSchema>;

/**
 * An idea as recorded in the round robin: numbered I1, I2 … in order and never renumbered. The
 * author is kept for the record but never shown on the public view. A merged idea stays, pointing
 * at the idea it was merged into.
 */
export const NgtIdeaSchema = z.object({
  id: Id,
  code: z.string().regex(/^I\d+$/),
  text: z.string().trim().min(1).max(2_000),
  authorId: Id.nullable().default(null),
  mergedInto: Id.nullable().default(null),
  clarification: z.string().max(5_000).default(''),
  createdAt: Timestamp,
});
export type NgtIdea = z.infer<typeof NgtIdeaSchema>;

/** One participant's vote in a round: points per idea (absent = not chosen). */
export const NgtBallotSchema = z.object({
  participantId: Id,
  points: z.record(Id, z.number().int().nonnegative()),
  enteredAt: Timestamp,
});
export type NgtBallotRecord = z.infer<typeof NgtBallotSchema>;

/** One participant's 1–10 ratings in a rating round. */
export const NgtRatingSchema = z.object({
  participantId: Id,
  values: z.record(Id, z.number().int().min(1).max(10)),
  enteredAt: Timestamp,
});
export type NgtRatingRecord = z.infer<typeof NgtRatingSchema>;

/**
 * A round of voting: the first vote by the session's rule, or a second round (a re-vote or a
 * 1–10 rating of the shortlisted ideas). `ideaIds` are the ideas on the ballot.
 */
export const NgtRoundSchema = z.object({
  id: Id,
  kind: z.enum(['vote', 'rating']),
  ideaIds: z.array(Id).max(500),
  ballots: z.array(NgtBallotSchema).default([]),
  ratings: z.array(NgtRatingSchema).default([]),
});
export type NgtRound = z.infer<typeof NgtRoundSchema>;

/** A Nominal Group Technique session: setup, the ideas, the rounds of votes. */
export const NgtSessionSchema = z.object({
  id: Id,
  /** NGT-01, NGT-02 … what reports cite. */
  code: z.string().trim().min(1).max(40),
  question: z.string().trim().min(1).max(2_000),
  date: z.iso.date().nullable().default(null),
  place: z.string().max(300).default(''),
  facilitator: z.string().max(300).default(''),
  participantIds: z.array(Id).max(100).default([]),
  /** Evaluation questions the session informs. */
  questionIds: z.array(Id).default([]),
  rule: NgtRuleSchema.default({ kind: 'rank-top-k', k: 5, tieBreak: ['votes', 'top-votes'] }),
  /** Planned rounds: 1, or 2 with a second round on the shortlist. */
  rounds: z.number().int().min(1).max(2).default(1),
  /** Rating rounds: a rating ≥ threshold counts toward consensus … */
  ratingThreshold: z.number().int().min(1).max(10).default(7),
  /** … reached when at least this share (%) of the ratings are at or above it. */
  consensusShare: z.number().min(1).max(100).default(70),
  generationMinutes: z.number().int().min(1).max(120).default(10),
  step: z.enum(NGT_STEPS).default('setup'),
  /** When the silent-generation timer was started (null: not running). */
  timerStartedAt: Timestamp.nullable().default(null),
  /** Round robin: whose turn it is (index into participantIds) and passes in a row. */
  turn: z.number().int().nonnegative().default(0),
  passesInARow: z.number().int().nonnegative().default(0),
  ideas: z.array(NgtIdeaSchema).max(500).default([]),
  votes: z.array(NgtRoundSchema).max(3).default([]),
  notes: z.string().max(20_000).default(''),
  ...StampShape,
});
export type NgtSession = z.infer<typeof NgtSessionSchema>;
