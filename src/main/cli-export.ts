/**
 * `campo export docx|xlsx`: the same builders and writer as the app, on a project read without
 * its lock (exporting never writes to the project, so it works while the app has it open).
 */
import { readFile, stat } from 'node:fs/promises';
import { refuseUnreadable } from './core/coding/export-corpus';
import { basename, dirname, resolve } from 'node:path';
import type { Translate } from '../shared/i18n';
import type { Language } from '../shared/model/project';
import {
  defaultReportSettings,
  REPORT_SECTIONS,
  type ReportSectionId,
  type ReportSettings,
} from '../shared/report/model';
import {
  agreementInputOfViews,
  agreementViewOf,
  layerCodersOnDisk,
} from './core/agreement/agreement-data';
import { corpusOf } from './core/coding/corpus';
import { qdcFile, qdpxArchive } from './core/exchange/qdpx-export';
import { importCodebookInto, importQdpx } from './core/exchange/qdpx-import';
import { openProject } from './core/store/project-store';
import { toUserFsError } from './core/store/fs-errors';
import { importSummaryLines } from '../shared/exchange/import-summary';
import { weakCandidates, weakSources } from '../shared/exchange/position-summary';
import { POSITION_UNITS, type PositionUnit } from '../shared/exchange/positions';
import { renderReport, renderWorkbook, writeExportFile } from './core/export/export-files';
import { readProjectUnlocked } from './core/inspect';

interface ExportIo {
  out(line: string): void;
  err(line: string): void;
}

/** The value after `flag`, if the flag is present. */
function flagValue(args: readonly string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}

/** Runs `campo export <kind> <project> <out> [flags]`; resolves to the exit code. */
export async function exportCommand(
  args: string[],
  language: Language | null,
  t: Translate,
  io: ExportIo,
): Promise<number> {
  const valued = new Set(['--sections']);
  const positional = args.filter(
    (arg, i) => !arg.startsWith('--') && !valued.has(args[i - 1] ?? ''),
  );
  const [kind, project, out] = positional;
  const kinds = ['docx', 'xlsx', 'qdpx', 'qdc'];
  if (!kind || !kinds.includes(kind) || !project || !out) {
    const name =
      !kind || !kinds.includes(kind) ? kinds.join('|') : !project ? '<progetto>' : '<file>';
    io.err(`campo: ${t('cli.missingArgument', { name })}`);
    io.err(t('cli.usage'));
    return 2;
  }
  const dir = resolve(project);
  await stat(dir);
  const { project: file, sources } = await readProjectUnlocked(dir);
  // What is coded in a transcript that cannot be read would be missing from a report or workbook.
  if (kind === 'docx' || kind === 'xlsx') {
    refuseUnreadable(
      file.sources.filter((summary) => !sources.has(summary.id)).map((s) => s.title),
    );
  }
  const corpus = await corpusOf(file, async (id) => sources.get(id));
  const views = [...sources.values()].map(agreementViewOf);
  const { input: agreementInput } = agreementInputOfViews(
    views,
    await layerCodersOnDisk(
      dir,
      views.map((view) => view.id),
    ),
  );
  const target = resolve(out);

  let bytes: Buffer;
  if (kind === 'docx') {
    const base: ReportSettings = file.report ?? defaultReportSettings(file.meta.language);
    const settings: ReportSettings = {
      ...base,
      language: language ?? base.language,
      version: args.includes('--final') ? 'final' : base.version,
      includeNames: args.includes('--names'),
    };
    const listed = flagValue(args, '--sections');
    if (listed !== undefined) {
      const wanted = listed
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = wanted.filter((s) => !(REPORT_SECTIONS as readonly string[]).includes(s));
      if (unknown.length > 0 || wanted.length === 0) {
        io.err(
          `campo: ${t('cli.export.badSections', { unknown: unknown.join(', ') || '—', valid: REPORT_SECTIONS.join(', ') })}`,
        );
        return 2;
      }
      settings.sections = [...new Set(wanted as ReportSectionId[])];
    }
    bytes = await renderReport({ project: file, corpus, agreementInput }, settings);
  } else if (kind === 'xlsx') {
    bytes = await renderWorkbook(
      { project: file, corpus, agreementInput },
      language ?? file.meta.language,
    );
  } else if (kind === 'qdpx') {
    const archive = await qdpxArchive({
      project: file,
      readSource: async (id) => sources.get(id),
      // The command line has no evaluator: the file names Campo, not the computer's account.
      userName: '',
      withNames: args.includes('--names'),
    });
    bytes = archive.bytes;
  } else {
    bytes = qdcFile(file);
  }
  await writeExportFile(target, bytes);
  io.out(
    t('cli.export.written', {
      kind: kind.toUpperCase(),
      path: target,
      size: Math.max(1, Math.round(bytes.length / 1024)),
    }),
  );
  return 0;
}

/**
 * `campo import qdpx <file.qdpx> <folder> [--unit <unit>]`: a new project from a REFI-QDA
 * archive, inside <folder> (named after the archive's project), or exactly there when <folder>
 * ends in .campo. Prints the summary the app shows before importing: counts, how positions were
 * read (and, when the evidence is weak, how to read them in another unit), what was left out.
 */
export async function importQdpxCommand(
  args: string[],
  t: Translate,
  io: ExportIo,
): Promise<number> {
  const unitFlag = flagValue(args, '--unit');
  const [file, folder] = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--unit');
  if (!file || !folder) {
    io.err(`campo: ${t('cli.missingArgument', { name: !file ? '<file.qdpx>' : '<cartella>' })}`);
    io.err(t('cli.usage'));
    return 2;
  }
  if (unitFlag !== undefined && !(POSITION_UNITS as readonly string[]).includes(unitFlag)) {
    io.err(
      `campo: ${t('exchange.cliUnknownUnit', { unit: unitFlag, units: POSITION_UNITS.join(', ') })}`,
    );
    return 2;
  }
  const path = resolve(file);
  const bytes = await readFile(path);
  const target = resolve(folder);
  const exact = target.endsWith('.campo');
  const { session, summary } = await importQdpx({
    bytes,
    fileName: basename(path),
    parentDir: exact ? dirname(target) : target,
    ...(exact ? { name: basename(target, '.campo') } : {}),
    ...(unitFlag ? { unit: unitFlag as PositionUnit } : {}),
  });
  await session.close();
  const [counts, ...details] = importSummaryLines(summary, t);
  io.out(`${counts} → ${session.dir}`);
  for (const line of details) io.out(`  ${line}`);
  const weak = weakSources(summary.positions).filter((source) => source.chosenBy !== 'user');
  if (weak.length > 0) {
    io.out(`  ${t('exchange.cliWeak', { units: weakCandidates(summary.positions).join('|') })}`);
  }
  return 0;
}

/**
 * `campo import qdc <project> <codebook.qdc>`: merges a REFI-QDA codebook into a project's
 * codebook, as Codifica ▸ Importa codebook does (the project is opened with its lock, so not
 * while the app has it open). Prints what was added and the code groups noted.
 */
export async function importQdcCommand(
  args: string[],
  t: Translate,
  io: ExportIo,
): Promise<number> {
  const [project, file] = args.filter((arg) => !arg.startsWith('--'));
  if (!project || !file) {
    io.err(
      `campo: ${t('cli.missingArgument', { name: !project ? '<progetto>' : '<codebook.qdc>' })}`,
    );
    io.err(t('cli.usage'));
    return 2;
  }
  const path = resolve(file);
  const bytes = await readFile(path).catch((error: unknown) => {
    throw toUserFsError(error, path);
  });
  const session = await openProject(resolve(project));
  try {
    const result = await importCodebookInto(session, { bytes, fileName: basename(path) });
    io.out(t('exchange.codebookImported', { ...result }));
    if (result.groups.length > 0) {
      io.out(
        t('exchange.codebookGroups', {
          n: result.groups.length,
          names: result.groups.map((group) => group.name).join(', '),
        }),
      );
    }
    return 0;
  } finally {
    await session.close();
  }
}
