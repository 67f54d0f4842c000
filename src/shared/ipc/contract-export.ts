import { z } from 'zod';
import { LANGUAGES } from '../model/constants';
import { ReportSettingsSchema, type ReportSettings } from '../report/model';
import { BaseRevSchema, handler, returns } from './define';

/** The kinds of file Campo exports. */
export const EXPORT_EXTENSIONS = ['docx', 'xlsx', 'qdpx', 'qdc', 'campopkg'] as const;
export type ExportExtension = (typeof EXPORT_EXTENSIONS)[number];

/** Where an export goes: a path the user chose (desktop, CLI), or null to get the bytes back. */
const Target = z.string().trim().min(1).max(4_096).nullable();

/** What an export produced. `data` (base64) only when no target was given (browser download). */
export interface ExportResult {
  fileName: string;
  bytes: number;
  path: string | null;
  data: string | null;
}

/** The report's structure before it is written: what the composer previews. */
export interface ReportOutline {
  headings: Array<{ level: 1 | 2 | 3; text: string }>;
  tables: number;
  figures: number;
  quotations: number;
  /** Titles of sources that cannot be read (damaged files): the report cannot be exported. */
  unreadable: string[];
}

/** Report drafts (DOCX) and data workbooks (XLSX). Progress arrives as `exportProgress` events. */
export const exportContract = {
  /** The composer's choices for this project (the real-names option is never kept). */
  reportSettingsSave: handler(
    z.object({ settings: ReportSettingsSchema, baseRev: BaseRevSchema }).strict(),
    returns<ReportSettings>(),
  ),
  reportOutline: handler(
    z.object({ settings: ReportSettingsSchema }).strict(),
    returns<ReportOutline>(),
  ),
  reportExport: handler(
    z.object({ settings: ReportSettingsSchema, target: Target }).strict(),
    returns<ExportResult>(),
  ),
  workbookExport: handler(
    z.object({ language: z.enum(LANGUAGES), target: Target }).strict(),
    returns<ExportResult>(),
  ),
  /** The native save dialog, for a path only (the export is then written by the core). */
  dialogSavePath: handler(
    z
      .object({ fileName: z.string().trim().min(1).max(300), extension: z.enum(EXPORT_EXTENSIONS) })
      .strict(),
    returns<string | null>(),
  ),
};
