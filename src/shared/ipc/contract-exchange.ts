import { z } from 'zod';
import type { Code } from '../model/project';
import type { ExportResult } from './contract-export';
import { handler, returns } from './define';
import type { ProjectSnapshot } from './types';

const Target = z.string().trim().min(1).max(4_096).nullable();
const Upload = {
  fileName: z.string().trim().min(1).max(300),
  /** The file's bytes, base64 (≈ 200 MB of archive at most). */
  data: z.string().max(280_000_000),
};

/** What a REFI-QDA import brought in ("262 codici, 2 documenti, 205 codifiche; 0 non collocate"). */
export interface ExchangeImportSummary {
  codes: number;
  sources: number;
  codings: number;
  unplaced: number;
  cases: number;
  /** Sources that are not text (PDF, pictures, audio, video) or whose file is missing. */
  skippedSources: number;
}

/**
 * REFI-QDA exchange with NVivo, ATLAS.ti, MAXQDA, QualCoder: a project as .qdpx, a codebook as
 * .qdc. Progress arrives as `exportProgress` events.
 */
export const exchangeContract = {
  qdpxExport: handler(z.object({ target: Target }).strict(), returns<ExportResult>()),
  qdcExport: handler(z.object({ target: Target }).strict(), returns<ExportResult>()),
  /** Imports a .qdpx into a new project (in `parentDir`, default: the projects folder) and opens it. */
  qdpxImport: handler(
    z
      .object({
        fileName: Upload.fileName,
        /** The bytes (browser mode, a picked file), or… */
        data: Upload.data.optional(),
        /** …the path the native open dialog gave (desktop). */
        path: z.string().trim().min(1).max(4_096).optional(),
        parentDir: z.string().trim().min(1).max(4_096).nullable().default(null),
      })
      .strict()
      .refine((args) => (args.data === undefined) !== (args.path === undefined), {
        message: 'either data or path',
      }),
    returns<{ snapshot: ProjectSnapshot; summary: ExchangeImportSummary }>(),
  ),
  /** Merges a .qdc (or a .qdpx's codebook) into the open project's codebook. */
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
  qdcImport: handler(
    z.object(Upload).strict(),
    returns<{ added: number; existing: number; codes: Code[] }>(),
  ),
};
