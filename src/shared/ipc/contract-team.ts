import { z } from 'zod';
import { EVALUATOR_ROLES } from '../model/constants';
import type { Evaluator } from '../model/project';
import type { MergeRecord } from '../model/project';
import type { Decision, RecordMatch, TeamConflict, TeamMergeReport } from '../domain/team-merge';
import type { ExportResult } from './contract-export';
import { BaseRevSchema, handler, returns } from './define';
import type { AppSettings, ProjectSnapshot } from './types';

const Target = z.string().trim().min(1).max(4_096).nullable();
const Id = z.string().min(1).max(100);

/** A package picked by the user: its bytes (browser mode) or its path (desktop dialog). */
const PackageFile = {
  fileName: z.string().trim().min(1).max(300),
  data: z.string().max(280_000_000).optional(),
  path: z.string().trim().min(1).max(4_096).optional(),
};

const MatchSchema = z
  .object({
    kind: z.enum(['question', 'code', 'participant', 'session']),
    ourId: Id,
    theirId: Id,
    label: z.string().max(500),
  })
  .strict();

/** What the merge dialog shows before anything is written (see merge-run.ts). */
/** Where the open project came from when it was opened from a coordinator's work package. */
export interface TeamOrigin {
  /** The name of the evaluator who made the package. */
  from: string;
  /** When the package was made (ISO). */
  at: string;
}

export interface TeamMergePreview {
  /** Names the package held in the core for the apply step. */
  token: string;
  kind: 'work' | 'return';
  from: string;
  fromEvaluator: string;
  hasBase: boolean;
  proposals: RecordMatch[];
  conflicts: TeamConflict[];
  report: TeamMergeReport;
  empty: boolean;
  /** The package is one this evaluator sent, not a colleague's return (see merge-run.ts). */
  ownWork: boolean;
  /** Decisions of earlier merges that still hold, proposed again (see merge-run.ts). */
  remembered: Record<string, Decision>;
}

export interface TeamMergeResult {
  snapshot: ProjectSnapshot;
  report: TeamMergeReport;
  /** The merge's id in the project (null: nothing changed). */
  mergeId: string | null;
}

/**
 * Teamwork without a server (issue 18): the user's identity, the team list, work and return
 * packages, merging a colleague's work, its report.
 */
export const teamContract = {
  /** The user's name and initials as an evaluator (first use, Impostazioni). */
  identitySet: handler(
    z
      .object({
        name: z.string().trim().min(1).max(200),
        initials: z.string().trim().max(4),
      })
      .strict(),
    returns<AppSettings>(),
  ),
  /** A team member's name, initials, colour or role in the open project. */
  teamMemberUpdate: handler(
    z
      .object({
        id: Id,
        patch: z
          .object({
            name: z.string().trim().max(200).optional(),
            initials: z.string().trim().max(4).optional(),
            colour: z
              .string()
              .regex(/^#[0-9a-fA-F]{6}$/)
              .optional(),
            role: z.enum(EVALUATOR_ROLES).optional(),
          })
          .strict(),
        baseRev: BaseRevSchema,
      })
      .strict(),
    returns<Evaluator[]>(),
  ),
  /** A work package of the open project for a colleague. */
  teamPackageMake: handler(
    z
      .object({
        sourceIds: z.array(Id).min(1).max(10_000).nullable(),
        blind: z.boolean(),
        forEvaluatorId: Id.nullable().default(null),
        /** Carry the participants' names (personal data); without, pseudonyms only. */
        withNames: z.boolean().default(false),
        target: Target,
      })
      .strict(),
    returns<ExportResult>(),
  ),
  /** The work package the open project was opened from; null for a project started here. */
  teamOrigin: handler(z.object({}).strict(), returns<TeamOrigin | null>()),
  /**
   * "Restituisci al coordinatore": the open project as a return package. Refused (NOT_RECEIVED)
   * for a project that came from no work package: there is nobody to return it to.
   */
  teamReturnMake: handler(z.object({ target: Target }).strict(), returns<ExportResult>()),
  /** Opens a work package as a new project (in `parentDir`, default the projects folder). */
  teamPackageOpen: handler(
    z
      .object({
        ...PackageFile,
        parentDir: z.string().trim().min(1).max(4_096).nullable().default(null),
      })
      .strict()
      .refine((args) => (args.data === undefined) !== (args.path === undefined), {
        message: 'either data or path',
      }),
    returns<ProjectSnapshot>(),
  ),
  /** Reads a return package (or, by path, another project folder) and shows what a merge would do. */
  teamMergePreview: handler(
    z
      .object({
        ...PackageFile,
        /** The package read before (keeps the upload from being sent again). */
        token: z.string().max(100).optional(),
        matches: z.array(MatchSchema).max(100_000).default([]),
      })
      .strict(),
    returns<TeamMergePreview>(),
  ),
  /** Applies the previewed merge with the lead's decisions; the project is reopened. */
  teamMergeApply: handler(
    z
      .object({
        token: z.string().min(1).max(100),
        matches: z.array(MatchSchema).max(100_000).default([]),
        decisions: z.record(z.string().max(300), z.enum(['ours', 'theirs'])),
      })
      .strict(),
    returns<TeamMergeResult>(),
  ),
  /** Undoes a merge while nothing was saved after it (restores the pre-merge snapshot). */
  teamMergeUndo: handler(z.object({ mergeId: Id }).strict(), returns<ProjectSnapshot>()),
  /**
   * The merge «Annulla l'unione» can still undo: the last one, in the session it opened, with
   * nothing saved after it; null when none can be.
   */
  teamMergeUndoable: handler(z.object({}).strict(), returns<string | null>()),
  /** The merges of the open project, newest first. */
  teamMerges: handler(z.object({}).strict(), returns<MergeRecord[]>()),
  /** A merge report as XLSX. */
  teamMergeReportExport: handler(
    z.object({ mergeId: Id, target: Target }).strict(),
    returns<ExportResult>(),
  ),
};
