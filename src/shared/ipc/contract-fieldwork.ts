import { z } from 'zod';
import { SESSION_KINDS, SOURCE_ORIGINS } from '../model/constants';
import { patchSchema } from '../model/patch';
import {
  EvaluationQuestionSchema,
  FieldSessionSchema,
  ParticipantSchema,
  STAMP_KEYS,
  type EvaluationQuestion,
  type FieldSession,
  type Participant,
  type SourceSummary,
} from '../model/project';
import type { SourceFile } from '../model/source';
import { BaseRevSchema, handler, returns } from './define';
import type {
  ParticipantLinks,
  QuestionLinks,
  SpreadsheetPreview,
  TranscriptPreview,
} from './types';

const Id = z.string().min(1).max(100);
/** A file's bytes as base64 (files come from the page in browser mode, from dialogs in Electron). */
const FileUpload = z
  .object({ fileName: z.string().trim().min(1).max(500), data: z.string().max(72_000_000) })
  .strict();
const QuestionPatch = patchSchema(EvaluationQuestionSchema.omit({ id: true, ...STAMP_KEYS }));
const ParticipantFields = ParticipantSchema.omit({ id: true, ...STAMP_KEYS });
const SessionPatch = patchSchema(
  FieldSessionSchema.omit({
    id: true,
    kind: true,
    notesSourceId: true,
    notesStartedAt: true,
    ...STAMP_KEYS,
  }),
);

/** Evaluation questions, participants, interviews and focus groups, transcripts, live notes. */
export const fieldworkContract = {
  questionAdd: handler(QuestionPatch.required({ text: true }), returns<EvaluationQuestion>()),
  questionUpdate: handler(
    z.object({ id: Id, patch: QuestionPatch, baseRev: BaseRevSchema }).strict(),
    returns<EvaluationQuestion>(),
  ),
  questionMove: handler(
    z.object({ id: Id, toIndex: z.number().int().nonnegative() }).strict(),
    returns<EvaluationQuestion[]>(),
  ),
  questionDuplicate: handler(z.object({ id: Id }).strict(), returns<EvaluationQuestion>()),
  questionsRenumber: handler(z.object({}).strict(), returns<EvaluationQuestion[]>()),
  questionLinks: handler(z.object({ id: Id }).strict(), returns<QuestionLinks>()),
  /** `codings`: what happens to the codings of the question's code (kept by default). */
  questionDelete: handler(
    z.object({ id: Id, codings: z.enum(['keep', 'delete']).default('keep') }).strict(),
    returns<null>(),
  ),

  participantAdd: handler(
    patchSchema(ParticipantFields).extend({ sessionId: Id.optional() }).strict(),
    returns<Participant>(),
  ),
  participantUpdate: handler(
    z.object({ id: Id, patch: patchSchema(ParticipantFields), baseRev: BaseRevSchema }).strict(),
    returns<Participant>(),
  ),
  participantLinks: handler(z.object({ id: Id }).strict(), returns<ParticipantLinks>()),
  participantDelete: handler(z.object({ id: Id }).strict(), returns<null>()),
  participantsReadFile: handler(FileUpload, returns<SpreadsheetPreview>()),
  participantsImport: handler(
    z.object({ participants: z.array(ParticipantFields.strict()).min(1).max(10_000) }).strict(),
    returns<Participant[]>(),
  ),

  sessionAdd: handler(
    SessionPatch.extend({ kind: z.enum(SESSION_KINDS) }).strict(),
    returns<FieldSession>(),
  ),
  sessionUpdate: handler(
    z.object({ id: Id, patch: SessionPatch, baseRev: BaseRevSchema }).strict(),
    returns<FieldSession>(),
  ),
  sessionDelete: handler(z.object({ id: Id }).strict(), returns<null>()),

  sourceGet: handler(z.object({ id: Id }).strict(), returns<SourceFile>()),
  sourceRename: handler(
    z.object({ id: Id, title: z.string().trim().min(1).max(500), baseRev: BaseRevSchema }).strict(),
    returns<SourceSummary>(),
  ),
  sourceDelete: handler(z.object({ id: Id }).strict(), returns<null>()),
  transcriptRead: handler(FileUpload, returns<TranscriptPreview>()),
  transcriptImport: handler(
    z
      .object({
        title: z.string().trim().min(1).max(500),
        origin: z.enum(SOURCE_ORIGINS),
        text: z.string().min(1).max(20_000_000),
        turns: z
          .array(
            z
              .object({
                speaker: z.string().max(200),
                start: z.number().int().nonnegative(),
                end: z.number().int().nonnegative(),
                time: z.number().nonnegative().nullable(),
                participantId: Id.nullable(),
              })
              .strict(),
          )
          .max(200_000),
        sessionId: Id.nullable().optional(),
        /** Participants created with the transcript; the speaker label becomes their name. */
        newParticipants: z
          .array(
            z
              .object({
                speaker: z.string().trim().min(1).max(200),
                code: z.string().trim().min(1).max(40),
                role: z.string().max(300).default(''),
              })
              .strict(),
          )
          .max(500)
          .default([]),
      })
      .strict(),
    returns<SourceSummary>(),
  ),

  notesStart: handler(z.object({ sessionId: Id }).strict(), returns<FieldSession>()),
  notesSave: handler(
    z
      .object({
        sessionId: Id,
        entries: z
          .array(
            z
              .object({
                id: Id,
                guideQuestionId: Id.nullable(),
                time: z.number().nonnegative().nullable(),
                text: z.string().max(100_000),
                questionIds: z.array(Id).max(50),
              })
              .strict(),
          )
          .max(5_000),
      })
      .strict(),
    returns<SourceSummary>(),
  ),
};
