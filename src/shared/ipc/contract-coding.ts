import { z } from 'zod';
import type { Memo } from '../model/source';
import type { CodeFrequency } from '../domain/coding-analysis';
import { BaseRevSchema, handler, returns } from './define';
import type {
  CodeLinks,
  CodingUpdate,
  FrameworkCell,
  SearchResult,
  SegmentView,
  UndoState,
} from './types';

const Id = z.string().min(1).max(100);
const Offset = z.number().int().nonnegative();
const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/);
const CodeFields = z
  .object({
    name: z.string().trim().min(1).max(300),
    description: z.string().max(20_000),
    colour: Colour,
    questionId: Id.nullable(),
    quickKey: z.number().int().min(1).max(9).nullable(),
  })
  .partial()
  .strict();

/** The filter of the retrieval screen (see SegmentFilter in the domain). */
export const SegmentFilterSchema = z
  .object({
    codeIds: z.array(Id).max(1_000).optional(),
    questionId: Id.optional(),
    participantIds: z.array(Id).max(10_000).optional(),
    attribute: z
      .object({ key: z.string().min(1).max(100), value: z.string().min(1).max(300) })
      .strict()
      .optional(),
    sourceIds: z.array(Id).max(10_000).optional(),
    keyOnly: z.boolean().optional(),
    text: z.string().max(300).optional(),
    /** Only these coders' codings (issue 18). */
    coderIds: z.array(Id).max(1_000).optional(),
  })
  .strict();

const SearchQuery = z
  .object({
    query: z.string().trim().min(1).max(300),
    wholeWord: z.boolean(),
    sourceIds: z.array(Id).max(10_000).optional(),
  })
  .strict();

/** Codebook, coding, undo/redo, retrieval, search and matrices. */
export const codingContract = {
  codeAdd: handler(
    CodeFields.extend({ name: z.string().trim().min(1).max(300), parentId: Id.nullable() }),
    returns<CodingUpdate>(),
  ),
  codeUpdate: handler(
    z.object({ id: Id, patch: CodeFields, baseRev: BaseRevSchema }).strict(),
    returns<CodingUpdate>(),
  ),
  /** Moves a code under `parentId` (null: top level), before `beforeId` (null: last). */
  codeMove: handler(
    z.object({ id: Id, parentId: Id.nullable(), beforeId: Id.nullable() }).strict(),
    returns<CodingUpdate>(),
  ),
  codeLinks: handler(z.object({ id: Id }).strict(), returns<CodeLinks>()),
  /** Recodes everything coded `fromId` as `intoId`; `fromId` goes, its sub-codes move over. */
  codeMerge: handler(z.object({ fromId: Id, intoId: Id }).strict(), returns<CodingUpdate>()),
  /** Deletes a code, the codes below it and all their codings. */
  codeDelete: handler(z.object({ id: Id }).strict(), returns<CodingUpdate>()),
  codebookExport: handler(z.object({}).strict(), returns<{ fileName: string; csv: string }>()),
  codebookImport: handler(
    z.object({ csv: z.string().min(1).max(5_000_000) }).strict(),
    returns<
      CodingUpdate & {
        added: number;
        updated: number;
        problems: Array<{ line: number; problem: string; value: string }>;
      }
    >(),
  ),
  codeCounts: handler(
    z.object({ coderIds: z.array(Id).max(1_000).optional() }).strict(),
    returns<CodeFrequency[]>(),
  ),

  codingApply: handler(
    z.object({ sourceId: Id, codeId: Id, start: Offset, end: Offset }).strict(),
    returns<CodingUpdate>(),
  ),
  /**
   * A new code (under `parentId`) coding the selection, in one undoable step: named `name` (typed
   * in the code picker), or in vivo after the selected words.
   */
  codingInVivo: handler(
    z
      .object({
        sourceId: Id,
        start: Offset,
        end: Offset,
        parentId: Id.nullable(),
        name: z.string().trim().min(1).max(300).optional(),
      })
      .strict(),
    returns<CodingUpdate>(),
  ),
  /**
   * Codes the DV marks of live notes in one undoable step: each marked note with its DV's code.
   * Notes already coded so are left as they are; `coded` says how many codings were added.
   */
  codingApplyNoteMarks: handler(
    z.object({ sourceIds: z.array(Id).min(1).max(10_000) }).strict(),
    returns<CodingUpdate & { coded: number }>(),
  ),
  codingUpdate: handler(
    z
      .object({
        sourceId: Id,
        codingId: Id,
        patch: z
          .object({
            memo: z.string().max(100_000),
            key: z.boolean(),
            start: Offset,
            end: Offset,
          })
          .partial()
          .strict(),
        baseRev: BaseRevSchema,
      })
      .strict(),
    returns<CodingUpdate>(),
  ),
  codingRemove: handler(z.object({ sourceId: Id, codingId: Id }).strict(), returns<CodingUpdate>()),
  codingUndo: handler(z.object({}).strict(), returns<CodingUpdate | null>()),
  codingRedo: handler(z.object({}).strict(), returns<CodingUpdate | null>()),
  codingHistory: handler(z.object({}).strict(), returns<UndoState>()),

  /** Saves a memo by id (created when no memo has it; an emptied one goes); null: a new id. */
  sourceMemoSave: handler(
    z
      .object({
        sourceId: Id,
        memoId: Id.nullable(),
        text: z.string().max(200_000),
        baseRev: BaseRevSchema,
      })
      .strict(),
    returns<Memo[]>(),
  ),
  /** Replaces a source's text (typo fixes); codings and turns follow, mismatches are flagged. */
  sourceTextUpdate: handler(
    z
      .object({ sourceId: Id, text: z.string().min(1).max(20_000_000), baseRev: BaseRevSchema })
      .strict(),
    returns<{ moved: number; flagged: number }>(),
  ),

  segmentsRetrieve: handler(SegmentFilterSchema, returns<SegmentView[]>()),
  textSearch: handler(SearchQuery, returns<SearchResult>()),
  /** Codes the chosen hits: the words found, their sentence, or their speaker turn. */
  searchCodeAll: handler(
    z
      .object({
        codeId: Id,
        scope: z.enum(['match', 'sentence', 'turn']),
        hits: z
          .array(z.object({ sourceId: Id, start: Offset, end: Offset }).strict())
          .min(1)
          .max(20_000),
      })
      .strict(),
    returns<CodingUpdate>(),
  ),
  matrixCooccurrence: handler(
    z
      .object({
        codeIds: z.array(Id).min(1).max(200),
        coderIds: z.array(Id).max(1_000).optional(),
      })
      .strict(),
    returns<{ codeIds: string[]; counts: number[][]; sources: number[][] }>(),
  ),
  frameworkMatrix: handler(
    z.object({ coderIds: z.array(Id).max(1_000).optional() }).strict(),
    returns<FrameworkCell[]>(),
  ),
  frameworkSummarySave: handler(
    z
      .object({
        participantId: Id,
        questionId: Id,
        text: z.string().max(50_000),
        baseRev: BaseRevSchema,
      })
      .strict(),
    returns<null>(),
  ),
};
