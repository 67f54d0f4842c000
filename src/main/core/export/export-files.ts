/**
 * Report drafts (DOCX) and data workbooks (XLSX) from a project: one code path for the app and
 * the command line. Building is pure (src/shared/report); this file adds the writers and a safe
 * way onto the user's disk.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { TextAgreementInput } from '../../../shared/domain/agreement-layers';
import type { CodedSource } from '../../../shared/domain/coding-analysis';
import type { ExportExtension, ExportResult } from '../../../shared/ipc/contract-export';
import { CampoError } from '../../../shared/ipc/errors';
import type { Language, ProjectFile } from '../../../shared/model/project';
import { buildReport } from '../../../shared/report/build-report';
import type { ReportSettings } from '../../../shared/report/model';
import { buildWorkbook } from '../../../shared/report/workbook';
import { writeFileDurable } from '../store/durable-file';
import { errnoOf } from '../store/fs-errors';
import { reportToDocx } from './docx-writer';
import { exportMemoryGuard } from './memory-guard';
import { workbookToXlsx } from './xlsx-writer';

/** What an export reads: the project and its readable sources. */
export interface ExportInput {
  project: ProjectFile;
  corpus: readonly CodedSource[];
  /** The coder layers for the agreement annex and sheet. */
  agreementInput: TextAgreementInput;
}

/** Progress of a long export, 0…1, for a progress bar. */
export type ExportProgress = (fraction: number) => void;

/** Today as an ISO date, in local time (what the user calls today). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The report draft as DOCX bytes. */
export async function renderReport(
  input: ExportInput,
  settings: ReportSettings,
  onProgress?: ExportProgress,
): Promise<Buffer> {
  const model = buildReport({ ...input, settings, today: todayIso() });
  onProgress?.(0.1);
  return reportToDocx(model, (done, total) => onProgress?.(0.1 + (0.85 * done) / total));
}

/** Share of an XLSX export's progress (after reading) taken by building its sheets. */
const BUILD_SHARE = 0.25;

/**
 * The project's data as XLSX bytes, headers in `language`; `onProgress` follows the building of
 * the sheets (which gives way to other calls every few thousand rows) and then the writing.
 * Throws OUT_OF_MEMORY rather than fill the heap (memory-guard.ts).
 */
export async function renderWorkbook(
  input: ExportInput,
  language: Language,
  onProgress?: ExportProgress,
): Promise<Buffer> {
  const memory = exportMemoryGuard();
  const sheets = await buildWorkbook(
    { ...input, language },
    {
      pause: () => {
        memory.check();
        return new Promise((resolve) => setImmediate(resolve));
      },
      onRows: (done, total) => onProgress?.((BUILD_SHARE * done) / total),
    },
  );
  return workbookToXlsx(sheets, language, {
    title: input.project.meta.title,
    ...(onProgress
      ? { onProgress: (fraction) => onProgress(BUILD_SHARE + (1 - BUILD_SHARE) * fraction) }
      : {}),
  });
}

/** A file name from the project's title: no path separators or characters Windows refuses. */
export function exportFileName(title: string, extension: ExportExtension): string {
  const clean = [...title]
    .map((char) => (char < ' ' ? ' ' : char))
    .join('')
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
    .replace(/[. ]+$/, '');
  return `${clean || 'Campo'}.${extension}`;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * The office program holding `target` open, from the lock files Word ("~$name.docx", the first
 * two characters replaced on long names) and LibreOffice (".~lock.name.docx#") leave beside it.
 * Writing over an open document loses the user's unsaved edits in it, or fails later on Windows.
 */
async function openedBy(target: string): Promise<string | null> {
  const dir = dirname(target);
  const name = basename(target);
  if (await exists(join(dir, `.~lock.${name}#`))) return 'LibreOffice';
  for (const owner of [`~$${name}`, `~$${name.slice(2)}`]) {
    if (await exists(join(dir, owner))) return 'Word';
  }
  return null;
}

/**
 * Writes an export atomically (temp file, fsync, rename: a crash leaves the old file or the new
 * one, never half of one). Refused with a clear error, and nothing written, when the target is
 * open in Word or LibreOffice or is marked read-only; other failures (disk full, no permission,
 * a file in use on Windows) arrive as the store's file-system errors.
 */
export async function writeExportFile(target: string, bytes: Uint8Array): Promise<void> {
  const app = await openedBy(target);
  if (app)
    throw new CampoError('TARGET_OPEN', `${target} is open in ${app}`, { path: target, app });
  const info = await stat(target).catch((error: unknown) => {
    if (errnoOf(error) === 'ENOENT') return null;
    throw error;
  });
  if (info?.isDirectory())
    throw new CampoError('PERMISSION_DENIED', `${target} is a folder`, { path: target });
  // Checked on the mode bits: rename() would replace a read-only file without complaint.
  if (info && (info.mode & 0o222) === 0)
    throw new CampoError('TARGET_READ_ONLY', `${target} is read-only`, { path: target });
  await writeFileDurable(target, bytes);
}

/**
 * Hands an export over: written atomically to `target` (desktop dialog, CLI), or returned as
 * base64 for a browser download when there is no target.
 */
export async function deliverExport(
  bytes: Buffer,
  fileName: string,
  target: string | null,
): Promise<ExportResult> {
  if (target) await writeExportFile(target, bytes);
  return {
    fileName,
    bytes: bytes.length,
    path: target,
    data: target ? null : bytes.toString('base64'),
  };
}
