/**
 * Campo's command line, on the same core as the app:
 *   campo demo <folder>     write the demo project
 *   campo info <project>    print counts and check every file (read-only)
 *   campo agreement <project> [--coders a,b]   intercoder agreement (cli-agreement.ts)
 * Bad input gets one clear line on stderr and a non-zero exit code, never a stack trace.
 */
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CampoError } from '../shared/ipc/errors';
import { errorMessage, translator, type Translate } from '../shared/i18n';
import { LANGUAGES, type Language } from '../shared/model/project';
import { APP_VERSION } from '../shared/version';
import { agreementCommand } from './cli-agreement';
import { exportCommand, importQdcCommand, importQdpxCommand } from './cli-export';
import { mergeCommand, packageCommand } from './cli-team';
import { DEMO_PROJECT_NAME, writeDemoProject } from './core/demo';
import { importTranscriptFiles } from './core/import/import-transcripts';
import { inspectProject, type ProjectReport } from './core/inspect';
import { defaultConfigDir, findResourcesDir } from './core/paths';
import { readJsonFile } from './core/store/durable-file';
import { PROJECT_EXTENSION } from './core/store/layout';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

/** --lang, else $CAMPO_LANG, else the app's language setting, else Italian. */
async function chooseLanguage(args: string[], env: NodeJS.ProcessEnv): Promise<Language> {
  const flag = args.indexOf('--lang');
  const wanted = flag >= 0 ? args[flag + 1] : env.CAMPO_LANG;
  if (wanted && (LANGUAGES as readonly string[]).includes(wanted)) return wanted as Language;
  const settings = await readJsonFile(join(defaultConfigDir(env), 'settings.json')).catch(
    () => null,
  );
  const language =
    settings?.status === 'ok' ? (settings.value as { language?: string }).language : undefined;
  return language === 'en' ? 'en' : 'it';
}

function printReport(report: ProjectReport, t: Translate, out: (line: string) => void): void {
  out(t('cli.info.title', { title: report.title }));
  if (report.programme) out(t('cli.info.programme', { programme: report.programme }));
  out(t('cli.info.path', { path: report.path }));
  out(t('cli.info.version', { version: report.schemaVersion }));
  out(t('cli.info.counts', report.counts));
  out(t('cli.info.sessions', report.counts));
  out(t('cli.info.sources', report.counts));
  out(t('cli.info.backups', { count: report.backups }));
  const holder = report.lock?.info;
  if (holder) out(t(report.lock?.stale ? 'cli.info.staleLock' : 'cli.info.lock', { ...holder }));
  if (report.problems.length === 0) {
    out(t('cli.info.valid'));
    return;
  }
  out(t('cli.info.problems', { count: report.problems.length }));
  for (const problem of report.problems) out(`  - ${t(problem.key, problem)}`);
}

/** `campo import transcript <project> <file>… [--interview <code> | --focus-group <code>] [--again]` */
async function importCommand(
  args: string[],
  t: Translate,
  language: Language,
  io: CliIo,
): Promise<number> {
  const flags = ['--interview', '--focus-group'];
  const flagIndex = args.findIndex((arg) => flags.includes(arg));
  const target =
    flagIndex >= 0 && args[flagIndex + 1]
      ? {
          kind:
            args[flagIndex] === '--interview' ? ('interview' as const) : ('focusGroup' as const),
          idOrCode: args[flagIndex + 1]!,
        }
      : undefined;
  const positional = args.filter(
    (arg, i) => arg !== '--again' && (flagIndex < 0 || (i !== flagIndex && i !== flagIndex + 1)),
  );
  const [project, ...files] = positional;
  if (!project || files.length === 0 || (flagIndex >= 0 && !target)) {
    io.err(`campo: ${t('cli.missingArgument', { name: project ? '<file>' : '<progetto>' })}`);
    io.err(t('cli.usage'));
    return 2;
  }
  const results = await importTranscriptFiles(
    resolve(project),
    files.map((file) => resolve(file)),
    target,
    { again: args.includes('--again') },
  );
  for (const result of results) {
    if (result.ok && 'skipped' in result) io.out(t('cli.import.skipped', result));
    else if (result.ok) io.out(t('cli.import.ok', result));
    else
      io.out(
        t('cli.import.refused', {
          file: result.file,
          reason: errorMessage(result.error, language),
        }),
      );
  }
  return results.every((result) => result.ok) ? 0 : 1;
}

/** Runs one command; resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const language = await chooseLanguage(argv, io.env);
  const t = translator(language);
  const args = argv.filter((arg, index) => arg !== '--lang' && argv[index - 1] !== '--lang');
  const [command, target] = args;
  try {
    if (command === '--version' || command === '-v') {
      io.out(APP_VERSION);
      return 0;
    }
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      io.out(t('cli.usage'));
      io.out(t('agreement.cli.usage'));
      return command ? 0 : 2;
    }
    if (command === 'demo' || command === 'info') {
      if (!target) {
        io.err(
          `campo: ${t('cli.missingArgument', { name: command === 'demo' ? '<cartella>' : '<progetto>' })}`,
        );
        io.err(t('cli.usage'));
        return 2;
      }
      const path = resolve(target);
      if (command === 'info') {
        const report = await inspectProject(path);
        printReport(report, t, io.out);
        return report.problems.length === 0 ? 0 : 1;
      }
      const exact = path.endsWith(PROJECT_EXTENSION);
      const session = await writeDemoProject(exact ? dirname(path) : path, findResourcesDir(), {
        name: exact ? basename(path, PROJECT_EXTENSION) : DEMO_PROJECT_NAME,
      });
      await session.close();
      io.out(t('cli.demoWritten', { path: session.dir }));
      return 0;
    }
    if (command === 'export') {
      const explicit = argv.includes('--lang') || io.env.CAMPO_LANG ? language : null;
      return await exportCommand(args.slice(1), explicit, t, io);
    }
    if (command === 'agreement') return await agreementCommand(args.slice(1), language, t, io);
    if (command === 'package') return await packageCommand(args.slice(1), t, io);
    if (command === 'merge') return await mergeCommand(args.slice(1), t, io);
    if (command === 'import' && target === 'qdpx')
      return await importQdpxCommand(args.slice(2), t, io);
    if (command === 'import' && target === 'qdc')
      return await importQdcCommand(args.slice(2), t, io);
    if (command === 'import' && target === 'transcript')
      return await importCommand(args.slice(2), t, language, io);
    io.err(`campo: ${t('cli.unknownCommand', { command })}`);
    io.err(t('cli.usage'));
    return 2;
  } catch (error) {
    if (error instanceof CampoError) {
      io.err(`campo: ${errorMessage(error, language)}`);
    } else {
      io.err(
        `campo: ${errorMessage({ code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) }, language)}`,
      );
      if (io.env.CAMPO_DEBUG) io.err(String((error as Error)?.stack));
    }
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const io: CliIo = {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    env: process.env,
  };
  void runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
