import { z } from 'zod';
import {
  EVALUATION_TYPES,
  INDICATOR_TYPES,
  LANGUAGES,
  PARTNERSHIP_TYPES,
  SESSION_KINDS,
  EVALUATOR_ROLES,
  SESSION_MODES,
  SESSION_STATUSES,
  SOURCE_KINDS,
  SOURCE_ORIGINS,
} from './constants';
import { RatingMatrixSchema } from './matrix';
import { NgtSessionSchema } from './ngt';
import { ReportSettingsSchema } from '../report/model';
import { StampShape, TombstoneSchema } from './stamp';

export * from './constants';
export {
  STAMP_KEYS,
  STAMP_FIELDS,
  RECORD_KINDS,
  type RecordKind,
  type Stamp,
  type Tombstone,
} from './stamp';

/**
 * The schema version written by this build into every file of a project (project.json, each
 * sources/<id>.json and each codings/<source>/<evaluator>.json). Bump it only together with a
 * numbered migration in src/main/core/store/migrations.ts.
 */
export const CURRENT_SCHEMA_VERSION = 2;

/** Stable identifier of an entity; random UUIDs so merged projects never collide. */
export const IdSchema = z.string().min(1).max(100);

/** An ISO 8601 timestamp (UTC), e.g. "2026-11-24T10:42:00.000Z". */
export const TimestampSchema = z.iso.datetime();

/** A calendar month, the precision evaluators use for periods ("dal mese 04 dell'anno 2017"). */
export const YearMonthSchema = z.object({
  month: z.number().int().min(1).max(12),
  year: z.number().int().min(1900).max(2200),
});
export type YearMonth = z.infer<typeof YearMonthSchema>;

/** Programme and evaluation the project is about. */
export const ProjectMetaSchema = z.object({
  title: z.string().trim().min(1).max(300),
  programme: z.string().max(300).default(''),
  evaluationType: z.enum(EVALUATION_TYPES).default('mixed'),
  thematicObjectives: z.array(z.string().max(100)).default([]),
  periodFrom: YearMonthSchema.nullable().default(null),
  periodTo: YearMonthSchema.nullable().default(null),
  language: z.enum(LANGUAGES).default('it'),
  evaluators: z.array(z.string().max(300)).default([]),
  description: z.string().max(20_000).default(''),
});
export type ProjectMeta = z.infer<typeof ProjectMetaSchema>;

/** An evaluation question ("domanda di valutazione", DV1…) as a row of the evaluation matrix. */
export const EvaluationQuestionSchema = z.object({
  id: IdSchema,
  code: z.string().trim().min(1).max(30),
  text: z.string().trim().min(1).max(5_000),
  criterion: z.string().max(200).default(''),
  judgementCriteria: z.string().max(20_000).default(''),
  indicators: z.string().max(20_000).default(''),
  sources: z.string().max(20_000).default(''),
  methods: z.array(z.string().max(200)).default([]),
  subQuestions: z.array(z.string().max(5_000)).default([]),
  answer: z.string().max(200_000).default(''),
  ...StampShape,
});
export type EvaluationQuestion = z.infer<typeof EvaluationQuestionSchema>;

/** A free attribute of a participant, typed so matrices can sort and filter on it. */
export const ParticipantAttributeSchema = z.discriminatedUnion('type', [
  z.object({
    key: z.string().min(1).max(100),
    type: z.literal('text'),
    value: z.string().max(2_000),
  }),
  z.object({ key: z.string().min(1).max(100), type: z.literal('number'), value: z.number() }),
  z.object({ key: z.string().min(1).max(100), type: z.literal('date'), value: z.iso.date() }),
  z.object({ key: z.string().min(1).max(100), type: z.literal('boolean'), value: z.boolean() }),
]);

export const ConsentSchema = z.object({
  given: z.boolean().nullable().default(null),
  date: z.iso.date().nullable().default(null),
  scope: z.string().max(2_000).default(''),
  note: z.string().max(2_000).default(''),
});

/**
 * A participant (a "case"). The pseudonym `code` is what every export shows; `name` is personal
 * data, optional, and never leaves the project unless the user asks for it.
 */
export const ParticipantSchema = z.object({
  id: IdSchema,
  code: z.string().trim().min(1).max(40),
  name: z.string().max(300).default(''),
  role: z.string().max(300).default(''),
  organisation: z.string().max(300).default(''),
  territory: z.string().max(300).default(''),
  partnershipType: z.enum(PARTNERSHIP_TYPES).nullable().default(null),
  attributes: z.array(ParticipantAttributeSchema).default([]),
  consent: ConsentSchema.default({ given: null, date: null, scope: '', note: '' }),
  ...StampShape,
});
export type Participant = z.infer<typeof ParticipantSchema>;

/** An indicator of the programme's monitoring or performance framework. */
export const IndicatorSchema = z.object({
  id: IdSchema,
  axis: z.string().max(100).default(''),
  code: z.string().max(40).default(''),
  name: z.string().trim().min(1).max(1_000),
  unit: z.string().max(60).default(''),
  type: z.enum(INDICATOR_TYPES).default('output'),
  baseline: z.number().nullable().default(null),
  milestone: z.number().nullable().default(null),
  target: z.number().nullable().default(null),
  achieved: z.number().nullable().default(null),
  referenceDate: z.string().max(20).default(''),
  source: z.string().max(1_000).default(''),
  ...StampShape,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** A code of the codebook; `questionId` ties it to an evaluation question. */
export const CodeSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1).max(300),
  description: z.string().max(20_000).default(''),
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#888888'),
  parentId: IdSchema.nullable().default(null),
  questionId: IdSchema.nullable().default(null),
  /**
   * The code that stands for its evaluation question (one per DV): created with the question,
   * renamed with it, and never edited by hand apart from its colour and description.
   */
  followsQuestion: z.boolean().default(false),
  /** Pinned codes are applied with the keys 1–9 while coding. */
  quickKey: z.number().int().min(1).max(9).nullable().default(null),
  ...StampShape,
});
export type Code = z.infer<typeof CodeSchema>;

/**
 * The evaluator's written summary of one cell of the framework matrix: what one participant said
 * about one evaluation question. Its id is `frameworkSummaryId(participantId, questionId)`, so
 * two evaluators' summaries of one cell are one record when merged.
 */
export const FrameworkSummarySchema = z.object({
  id: IdSchema,
  participantId: IdSchema,
  questionId: IdSchema,
  text: z.string().max(50_000),
  ...StampShape,
  updatedAt: TimestampSchema,
});

export type FrameworkSummary = z.infer<typeof FrameworkSummarySchema>;

/**
 * A consensus decision that left a disagreement with no coding ("neither coder"): without this
 * record nothing on disk would tell it from a passage not yet decided. Decisions that keep a
 * coding need none: the consensus layer holds them. Its id is `consensusDecisionId(...)`.
 */
export const ConsensusDecisionSchema = z.object({
  id: IdSchema,
  sourceId: IdSchema,
  codeId: IdSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  ...StampShape,
});
export type ConsensusDecision = z.infer<typeof ConsensusDecisionSchema>;

/**
 * What project.json keeps about each source so lists never load the texts. Only fields that
 * change rarely live here: a coding edit rewrites the source file alone, not project.json.
 */
export const SourceSummarySchema = z.object({
  id: IdSchema,
  title: z.string().trim().min(1).max(500),
  kind: z.enum(SOURCE_KINDS).default('transcript'),
  origin: z.enum(SOURCE_ORIGINS).default('typed'),
  fictional: z.boolean().default(false),
  participantIds: z.array(IdSchema).default([]),
  characters: z.number().int().nonnegative().default(0),
  turns: z.number().int().nonnegative().default(0),
  /** The source document's text revision: search caches are keyed by it. */
  textRev: z.number().int().nonnegative().optional(),
  createdAt: TimestampSchema,
  ...StampShape,
  updatedAt: TimestampSchema,
});
export type SourceSummary = z.infer<typeof SourceSummarySchema>;

/** A question of an interview or focus-group guide ("traccia"), tied to evaluation questions. */
export const GuideQuestionSchema = z.object({
  id: IdSchema,
  text: z.string().trim().min(1).max(5_000),
  questionIds: z.array(IdSchema).default([]),
});
export type GuideQuestion = z.infer<typeof GuideQuestionSchema>;

/**
 * An interview or a focus group: when, how, with whom, the guide, and the sources that came
 * out of it (transcripts, live notes). `code` (INT-01, FG-01) is what reports cite.
 */
export const FieldSessionSchema = z.object({
  id: IdSchema,
  kind: z.enum(SESSION_KINDS),
  code: z.string().trim().min(1).max(40),
  title: z.string().max(300).default(''),
  date: z.iso.date().nullable().default(null),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .nullable()
    .default(null),
  mode: z.enum(SESSION_MODES).default('in-person'),
  place: z.string().max(300).default(''),
  /** The interviewer, or the facilitator of a focus group. */
  interviewer: z.string().max(300).default(''),
  participantIds: z.array(IdSchema).default([]),
  guide: z.array(GuideQuestionSchema).default([]),
  status: z.enum(SESSION_STATUSES).default('planned'),
  sourceIds: z.array(IdSchema).default([]),
  /** The source holding the live notes taken during the session, once there are any. */
  notesSourceId: IdSchema.nullable().default(null),
  /** When live note-taking started: note timestamps are elapsed time from here. */
  notesStartedAt: TimestampSchema.nullable().default(null),
  memo: z.string().max(20_000).default(''),
  ...StampShape,
});
export type FieldSession = z.infer<typeof FieldSessionSchema>;

/**
 * A member of the evaluation team as the project knows them. Every coding, memo and record change
 * names its evaluator by id (issue 18 adds initials, colour and role).
 */
export const EvaluatorSchema = z.object({
  id: IdSchema,
  name: z.string().max(200).default(''),
  /** Two or three letters shown in margins and lists (e.g. "MR"); derived from the name when empty. */
  initials: z.string().max(4).default(''),
  /** The coder's colour in the text view's margin and the coder filters (#rrggbb). */
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .nullable()
    .default(null),
  role: z.enum(EVALUATOR_ROLES).default('coder'),
  ...StampShape,
});
export type Evaluator = z.infer<typeof EvaluatorSchema>;

/** What a merged colleague's package brought, kept with the project (issue 18). */
export const MergeRecordSchema = z.object({
  id: IdSchema,
  /** The package's own id: the same package merged twice is recognised. */
  packageId: IdSchema,
  mergedAt: TimestampSchema,
  mergedBy: z.string().max(100).nullable().default(null),
  /** The snapshot taken just before: undoing the merge restores it. */
  backupId: z.string().max(200).nullable().default(null),
  /** The full report (TeamMergeReport), kept as JSON. */
  report: z.record(z.string(), z.unknown()),
});
export type MergeRecord = z.infer<typeof MergeRecordSchema>;

/** project.json: everything but the texts of the sources and their codings. */
export const ProjectFileSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  app: z.literal('campo'),
  id: IdSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  meta: ProjectMetaSchema.extend(StampShape),
  evaluators: z.array(EvaluatorSchema).default([]),
  questions: z.array(EvaluationQuestionSchema).default([]),
  participants: z.array(ParticipantSchema).default([]),
  indicators: z.array(IndicatorSchema).default([]),
  codes: z.array(CodeSchema).default([]),
  frameworkSummaries: z.array(FrameworkSummarySchema).default([]),
  ngtSessions: z.array(NgtSessionSchema).default([]),
  matrices: z.array(RatingMatrixSchema).default([]),
  sessions: z.array(FieldSessionSchema).default([]),
  sources: z.array(SourceSummarySchema).default([]),
  /** Disagreements the consensus decided to leave uncoded (issue 19). */
  consensusDecisions: z.array(ConsensusDecisionSchema).default([]),
  /** The report composer's last choices; null until the user saves some. */
  report: ReportSettingsSchema.extend(StampShape).nullable().default(null),
  /** Records deleted from the arrays above (STORE-V2 §2). */
  tombstones: z.array(TombstoneSchema).default([]),
  /** Colleagues' packages merged into this project, with their reports (issue 18). */
  merges: z.array(MergeRecordSchema).default([]),
});
export type ProjectFile = z.infer<typeof ProjectFileSchema>;
