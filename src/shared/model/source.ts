import { z } from 'zod';
import {
  CURRENT_SCHEMA_VERSION,
  IdSchema,
  SOURCE_KINDS,
  SOURCE_ORIGINS,
  TimestampSchema,
} from './project';

/**
 * A speaker turn: a span of the source text said by one speaker. Offsets are UTF-16 code units
 * (JavaScript string indices), end exclusive.
 */
export const SpeakerTurnSchema = z
  .object({
    id: IdSchema,
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    speaker: z.string().max(200),
    participantId: IdSchema.nullable().default(null),
    /** Seconds from the start of the recording, when the transcript carries timestamps. */
    time: z.number().nonnegative().nullable().default(null),
    /** Live notes: the guide question the note was taken under. */
    guideQuestionId: IdSchema.nullable().default(null),
    /** Live notes: evaluation questions the note-taker marked it with. */
    questionIds: z.array(IdSchema).default([]),
  })
  .refine((turn) => turn.end >= turn.start, { message: 'end before start' });
export type SpeakerTurn = z.infer<typeof SpeakerTurnSchema>;

/**
 * A coded passage. `text` is the passage as coded, so the coding can be re-anchored (or flagged)
 * when the source text changes, and converted exactly to code points for REFI-QDA.
 */
export const CodingSchema = z.object({
  id: IdSchema,
  codeId: IdSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  coder: z.string().max(200).default(''),
  memo: z.string().max(100_000).default(''),
  /** A key quotation, marked for the report. */
  key: z.boolean().default(false),
  /**
   * The source text was edited under this coding and no longer reads as `text`: the coding is
   * kept where it was and shown for review, never silently moved.
   */
  textChanged: z.boolean().default(false),
  createdAt: TimestampSchema,
});
export type Coding = z.infer<typeof CodingSchema>;

export const MemoSchema = z.object({
  id: IdSchema,
  text: z.string().max(200_000),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Memo = z.infer<typeof MemoSchema>;

/** sources/<id>.json: one transcript or document with its turns, codings and memos. */
export const SourceFileSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: IdSchema,
  title: z.string().trim().min(1).max(500),
  kind: z.enum(SOURCE_KINDS).default('transcript'),
  origin: z.enum(SOURCE_ORIGINS).default('typed'),
  /** True for invented example texts (the demo), so nobody quotes them as evidence. */
  fictional: z.boolean().default(false),
  text: z.string().max(20_000_000),
  turns: z.array(SpeakerTurnSchema).default([]),
  codings: z.array(CodingSchema).default([]),
  memos: z.array(MemoSchema).default([]),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type SourceFile = z.infer<typeof SourceFileSchema>;
