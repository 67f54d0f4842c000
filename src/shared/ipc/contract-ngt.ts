import { z } from 'zod';
import { patchSchema } from '../model/patch';
import { NgtSessionSchema, type NgtSession } from '../model/ngt';
import { BaseRevSchema, handler, returns } from './define';

const Id = z.string().min(1).max(100);
const SessionFields = NgtSessionSchema.pick({
  question: true,
  date: true,
  place: true,
  facilitator: true,
  participantIds: true,
  questionIds: true,
  rule: true,
  rounds: true,
  ratingThreshold: true,
  consensusShare: true,
  generationMinutes: true,
  step: true,
  timerStartedAt: true,
  notes: true,
});
const At = z.object({ sessionId: Id }).strict();

/**
 * Nominal Group Technique sessions. Every call returns the whole session as saved, so the
 * facilitator's screen always shows what is on disk.
 */
export const ngtContract = {
  ngtAdd: handler(
    patchSchema(SessionFields).required({ question: true }).strict(),
    returns<NgtSession>(),
  ),
  /**
   * Changes the session. Taking out a participant whose card is in a round is refused unless
   * `dropCards`: then their cards leave the rounds with them (a count of 6 cards for 5 people
   * never reaches the report).
   */
  ngtUpdate: handler(
    z
      .object({
        sessionId: Id,
        patch: patchSchema(SessionFields).strict(),
        baseRev: BaseRevSchema,
        dropCards: z.boolean().optional(),
      })
      .strict(),
    returns<NgtSession>(),
  ),
  ngtDelete: handler(At, returns<null>()),
  /** Quick-adds a participant with the next pseudonym (NGT-01-P3) and seats them. */
  ngtParticipantAdd: handler(
    z.object({ sessionId: Id, role: z.string().max(300).optional() }).strict(),
    returns<NgtSession>(),
  ),
  /** Records the idea of the participant whose turn it is, and passes the turn on. */
  ngtIdeaAdd: handler(
    z.object({ sessionId: Id, text: z.string().trim().min(1).max(2_000) }).strict(),
    returns<NgtSession>(),
  ),
  /** The participant whose turn it is passes. */
  ngtPass: handler(At, returns<NgtSession>()),
  /**
   * Takes back the last turn of the round robin this window recorded (Ctrl+Z): the idea it
   * added, if any, goes, and the turn and passes go back to what they were. Refused once votes
   * exist, or when the idea was merged since.
   */
  ngtTurnUndo: handler(
    z
      .object({
        sessionId: Id,
        ideaId: Id.nullable(),
        turn: z.number().int().nonnegative(),
        passesInARow: z.number().int().nonnegative(),
      })
      .strict(),
    returns<NgtSession>(),
  ),
  ngtIdeaUpdate: handler(
    z
      .object({
        sessionId: Id,
        ideaId: Id,
        patch: z
          .object({
            text: z.string().trim().min(1).max(2_000),
            clarification: z.string().max(5_000),
          })
          .partial()
          .strict(),
        baseRev: BaseRevSchema,
      })
      .strict(),
    returns<NgtSession>(),
  ),
  /** Merges a duplicate into another idea (recorded on the idea, never renumbered). */
  ngtIdeasMerge: handler(
    z.object({ sessionId: Id, fromId: Id, intoId: Id }).strict(),
    returns<NgtSession>(),
  ),
  /** Takes a merged idea out of the idea it was merged into, before any vote. */
  ngtIdeaUnmerge: handler(z.object({ sessionId: Id, ideaId: Id }).strict(), returns<NgtSession>()),
  /** Opens a round: the vote on every live idea, or a second round on a shortlist. */
  ngtRoundStart: handler(
    z
      .object({
        sessionId: Id,
        kind: z.enum(['vote', 'rating']),
        ideaIds: z.array(Id).min(1).max(500).optional(),
      })
      .strict(),
    returns<NgtSession>(),
  ),
  /** Saves one participant's ballot, all or nothing; an invalid one is refused with reasons. */
  ngtBallotSave: handler(
    z
      .object({
        sessionId: Id,
        roundId: Id,
        participantId: Id,
        entries: z.array(z.object({ ideaId: Id, points: z.number() }).strict()).max(500),
      })
      .strict(),
    returns<NgtSession>(),
  ),
  ngtRatingSave: handler(
    z
      .object({
        sessionId: Id,
        roundId: Id,
        participantId: Id,
        values: z.record(Id, z.number().int().min(1).max(10)),
      })
      .strict(),
    returns<NgtSession>(),
  ),
  ngtBallotDelete: handler(
    z.object({ sessionId: Id, roundId: Id, participantId: Id }).strict(),
    returns<NgtSession>(),
  ),
};
