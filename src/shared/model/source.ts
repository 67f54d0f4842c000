import { z } from 'zod';
import {
  CURRENT_SCHEMA_VERSION,
  IdSchema,
  SOURCE_KINDS,
  SOURCE_ORIGINS,
  TimestampSchema,
} from './project';
import { StampShape } from './stamp';

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
 * A coded passage as the app works with it. `text` is the passage as coded (read from the source
 * text; stored only when `textChanged`), so the coding can be re-anchored or flagged when the
 * source text changes, and converted exactly to code points for REFI-QDA. `coderId` names the
 * evaluator whose layer holds it.
 */
export const CodingSchema = z.object({
  id: IdSchema,
  codeId: IdSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  coderId: IdSchema,
  memo: z.string().max(100_000).default(''),
  /** A key quotation, marked for the report. */
  key: z.boolean().default(false),
  /**
   * The source text was edited under this coding and no longer reads as `text`: the coding is
   * kept where it was and shown for review, never silently moved.
   */
  textChanged: z.boolean().default(false),
  createdAt: TimestampSchema,
  ...StampShape,
});
export type Coding = z.infer<typeof CodingSchema>;

/** A memo on a source, written by one evaluator (it lives in their layer). */
export const MemoSchema = z.object({
  id: IdSchema,
  text: z.string().max(200_000),
  coderId: IdSchema,
  createdAt: TimestampSchema,
  ...StampShape,
  updatedAt: TimestampSchema,
});
export type Memo = z.infer<typeof MemoSchema>;

/** The fields of a source document (sources/<id>.json): its text and turns, no codings. */
const SourceDocShape = {
  id: IdSchema,
  title: z.string().trim().min(1).max(500),
  kind: z.enum(SOURCE_KINDS).default('transcript'),
  origin: z.enum(SOURCE_ORIGINS).default('typed'),
  /** True for invented example texts (the demo), so nobody quotes them as evidence. */
  fictional: z.boolean().default(false),
  text: z.string().max(20_000_000),
  turns: z.array(SpeakerTurnSchema).default([]),
  createdAt: TimestampSchema,
  ...StampShape,
  updatedAt: TimestampSchema,
};

/** sources/<id>.json: one transcript or document, its text and speaker turns (STORE-V2 §1). */
export const SourceDocSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  ...SourceDocShape,
  /** +1 at every change of `text`: layers record the revision their offsets refer to. */
  textRev: z.number().int().nonnegative().default(0),
});
export type SourceDoc = z.infer<typeof SourceDocSchema>;

/**
 * A source as the app sees it: the source document with every coder's codings and memos. The
 * store assembles it from sources/<id>.json and the layers in codings/<id>/; it is also what a
 * new source is added as.
 */
export const SourceFileSchema = z.object({
  schemaVersion: z.number().int().optional(),
  ...SourceDocShape,
  codings: z.array(CodingSchema).default([]),
  memos: z.array(MemoSchema).default([]),
});
export type SourceFile = z.infer<typeof SourceFileSchema>;

/** A coding as a layer file stores it: `fp` instead of the text, unless flagged. */
export const StoredCodingSchema = z.object({
  id: IdSchema,
  codeId: IdSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Fingerprint of the passage (see `passageFingerprint`). */
  fp: z.string().regex(/^[0-9a-f]{8}$/),
  /** Only on a coding flagged `textChanged`: the words it was made on. */
  text: z.string().optional(),
  memo: z.string().max(100_000).default(''),
  key: z.boolean().default(false),
  textChanged: z.boolean().default(false),
  createdAt: TimestampSchema,
  ...StampShape,
});
export type StoredCoding = z.infer<typeof StoredCodingSchema>;

export const StoredMemoSchema = MemoSchema.omit({ coderId: true });
export type StoredMemo = z.infer<typeof StoredMemoSchema>;

/** A coding or memo removed from a layer. */
export const LayerTombstoneSchema = z.object({
  kind: z.enum(['coding', 'memo']),
  id: IdSchema,
  rev: z.number().int().positive(),
  deletedAt: TimestampSchema,
  deletedBy: IdSchema.nullable().default(null),
});
export type LayerTombstone = z.infer<typeof LayerTombstoneSchema>;

/**
 * codings/<sourceId>/<evaluatorId>.json: one evaluator's codings and memos on one source (a
 * "coder layer"). Saving a coding rewrites this file only.
 */
export const LayerFileSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  sourceId: IdSchema,
  coderId: IdSchema,
  /** The source's `textRev` the offsets refer to. */
  textRev: z.number().int().nonnegative(),
  codings: z.array(StoredCodingSchema).default([]),
  memos: z.array(StoredMemoSchema).default([]),
  tombstones: z.array(LayerTombstoneSchema).default([]),
});
export type LayerFile = z.infer<typeof LayerFileSchema>;
