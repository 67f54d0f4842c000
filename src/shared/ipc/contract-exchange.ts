import { z } from 'zod';
import type { ExchangeImportSummary } from '../exchange/import-summary';
import { POSITION_UNITS } from '../exchange/positions';
import type { Code } from '../model/project';
import type { ExportResult } from './contract-export';
import { handler, returns } from './define';
import type { ProjectSnapshot } from './types';

const POSITION_UNITS_LIST = POSITION_UNITS as readonly [
  'codepoint',
  'utf16',
  'utf8',
  'codepoint-crlf1',
];
const Target = z.string().trim().min(1).max(4_096).nullable();
const Upload = {
  fileName: z.string().trim().min(1).max(300),
  /** The file's bytes, base64 (≈ 200 MB of archive at most). */
  data: z.string().max(280_000_000),
};

export type { ExchangeImportSummary };

/** A .qdpx read for review before it is imported (nothing written). */
export interface QdpxInspection {
  /** The project's name in the archive (else the file's). */
  projectName: string;
  /** The program that wrote the file, as it says. */
  origin: string | null;
  summary: ExchangeImportSummary;
}

/** A codebook read for review before it is merged (nothing written). */
export interface CodebookImportPreview {
  /** Codes the file has that the codebook lacks (by name under the same parent). */
  added: number;
  /** Codes the codebook already has: kept as they are. */
  existing: number;
  /**
   * The new codes by branch: each new code whose parent is not new, with how many new codes its
   * branch brings (itself included), at most `PREVIEW_BRANCHES` of them, largest first.
   */
  branches: Array<{ name: string; codes: number }>;
  /** How many branches there are in all (`branches` names the largest). */
  branchCount: number;
  /** Code groups (Sets) of the file, noted in the descriptions of the new codes. */
  groups: Array<{ name: string; codes: number }>;
}

/** The archive of an import: its bytes (browser mode, a picked file) or a native dialog's path. */
const ArchiveInput = {
  fileName: Upload.fileName,
  data: Upload.data.optional(),
  path: z.string().trim().min(1).max(4_096).optional(),
};
const oneSource = (args: { data?: string; path?: string }) =>
  (args.data === undefined) !== (args.path === undefined);

/**
 * REFI-QDA exchange with NVivo, ATLAS.ti, MAXQDA, QualCoder: a project as .qdpx, a codebook as
 * .qdc. Progress arrives as `exportProgress` events.
 */
export const exchangeContract = {
  qdpxExport: handler(z.object({ target: Target }).strict(), returns<ExportResult>()),
  qdcExport: handler(z.object({ target: Target }).strict(), returns<ExportResult>()),
  /** Reads a .qdpx and says what importing it would do; nothing is written. */
  qdpxInspect: handler(
    z
      .object({ ...ArchiveInput, unit: z.enum(POSITION_UNITS_LIST).optional() })
      .strict()
      .refine(oneSource, { message: 'either data or path' }),
    returns<QdpxInspection>(),
  ),
  /**
   * Imports a .qdpx into a new project (in `parentDir`, default: the projects folder) and opens
   * it. `unit`: the position unit the user chose for the sources whose evidence is weak.
   */
  qdpxImport: handler(
    z
      .object({
        ...ArchiveInput,
        parentDir: z.string().trim().min(1).max(4_096).nullable().default(null),
        unit: z.enum(POSITION_UNITS_LIST).optional(),
      })
      .strict()
      .refine(oneSource, { message: 'either data or path' }),
    returns<{ snapshot: ProjectSnapshot; summary: ExchangeImportSummary }>(),
  ),
  /** The native open dialog for one file of the given extensions; null when cancelled. */
  dialogOpenFile: handler(
    z
      .object({
        extensions: z
          .array(z.string().regex(/^[a-z0-9]{1,8}$/))
          .min(1)
          .max(5),
      })
      .strict(),
    returns<string | null>(),
  ),
  /**
   * What merging a .qdc (or a .qdpx's codebook) would do to the open project's codebook, before
   * anything is written: codes new and already there (by name and place), new branches, groups.
   */
  qdcInspect: handler(z.object(Upload).strict(), returns<CodebookImportPreview>()),
  /** Merges a .qdc (or a .qdpx's codebook) into the open project's codebook. */
  qdcImport: handler(
    z.object(Upload).strict(),
    returns<{
      added: number;
      existing: number;
      /** Code groups (Sets) of the file, noted in the descriptions of the new codes. */
      groups: Array<{ name: string; codes: number }>;
      codes: Code[];
    }>(),
  ),
};
