/**
 * `campo package` and `campo merge` (issue 18), on the same core as the app:
 *   campo package <project> <out.campopkg> [--sources id|title|INT-01,…] [--blind] [--for <evaluator id>] [--names]
 *   campo merge <project> <package.campopkg | other project folder> [--theirs] [--no-match]
 *     [--match-participants]
 * A merge from the command line cannot ask: conflicts keep the lead's value unless --theirs, and
 * the colleague's value stays in the merge report; proposed name matches are accepted unless
 * --no-match, except participants' (a pseudonym is numbered in order, so INT-01 of another
 * project is often another person), taken only with --match-participants. Each is printed.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Translate } from '../shared/i18n';
import { CampoError } from '../shared/ipc/errors';
import { matchedByDefault } from '../shared/domain/team-match';
import type { TeamMergeReport } from '../shared/domain/team-merge';
import type { CliIo } from './cli';
import { openProject } from './core/store/project-store';
import { applyMerge, previewMerge } from './core/team/merge-run';
import { makeWorkPackage, readPackage, readProjectFolder } from './core/team/packages';

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function positional(args: string[], withValue: string[]): string[] {
  return args.filter(
    (arg, index) => !arg.startsWith('--') && !withValue.includes(args[index - 1] ?? ''),
  );
}

/** `campo package <project> <out> [--sources …] [--blind] [--for <id>] [--names]` */
export async function packageCommand(args: string[], t: Translate, io: CliIo): Promise<number> {
  const [project, out] = positional(args, ['--sources', '--for']);
  if (!project || !out) {
    io.err(`campo: ${t('cli.missingArgument', { name: project ? '<pacchetto>' : '<progetto>' })}`);
    io.err(t('cli.usage'));
    return 2;
  }
  const session = await openProject(resolve(project));
  try {
    const wanted = option(args, '--sources')
      ?.split(',')
      .map((token) => token.trim())
      .filter(Boolean);
    let sourceIds: string[] | null = null;
    if (wanted) {
      const found = new Set<string>();
      for (const token of wanted) {
        const folded = token.toLowerCase();
        const matches = [
          ...session.project.sources
            .filter((summary) => summary.id === token || summary.title.toLowerCase() === folded)
            .map((summary) => summary.id),
          ...session.project.sessions
            .filter((field) => field.code.toLowerCase() === folded)
            .flatMap((field) => field.sourceIds),
        ];
        if (matches.length === 0)
          throw new CampoError('NOT_FOUND', `No source ${token}`, { id: token });
        for (const id of matches) found.add(id);
      }
      sourceIds = [...found];
    }
    const { bytes, manifest } = await makeWorkPackage(session, {
      sourceIds,
      blind: args.includes('--blind'),
      forEvaluatorId: option(args, '--for') ?? null,
      withNames: args.includes('--names'),
    });
    await writeFile(resolve(out), bytes);
    io.out(
      t('cli.team.packaged', {
        path: resolve(out),
        sources: sourceIds?.length ?? session.project.sources.length,
        blind: String(manifest.blind),
        size: Math.max(1, Math.round(bytes.length / 1024)),
      }),
    );
    return 0;
  } finally {
    await session.close();
  }
}

/** The report as lines: what came in by kind and by coder, the conflicts and how each went. */
export function reportLines(report: TeamMergeReport, t: Translate): string[] {
  if (report.alreadyMerged) return [t('team.report.alreadyMerged')];
  const lines: string[] = [];
  for (const entry of report.records) {
    lines.push(t('cli.team.kind', { ...entry, kind: t(`team.kind.${entry.kind}`) }));
  }
  for (const entry of report.coders)
    lines.push(t('cli.team.coder', { ...entry, coder: entry.name || entry.coderId }));
  for (const match of report.matches)
    lines.push(t('cli.team.match', { kind: t(`team.kind.${match.kind}`), label: match.label }));
  for (const conflict of report.conflicts) {
    lines.push(
      t('cli.team.conflict', {
        kind: t(`team.kind.${conflict.kind}`),
        label: conflict.label,
        type: t(`team.conflict.${conflict.type}`),
        fields: conflict.paths.join(', ') || '–',
        decision: t(`team.decision.${conflict.decision}`),
      }),
    );
  }
  for (const item of report.replaced)
    lines.push(
      t('cli.team.replaced', {
        id: item.id,
        coder: item.coderId,
        kept: t(`team.decision.${item.kept}`),
      }),
    );
  for (const item of report.textsTaken ?? [])
    lines.push(
      t('team.report.textTaken', { label: item.label, count: item.codings, flagged: item.flagged }),
    );
  for (const item of report.notMerged)
    lines.push(t(`team.notMerged.${item.kind}`, { label: item.label }));
  if (lines.length === 0) lines.push(t('team.report.nothing'));
  return lines;
}

/** `campo merge <project> <package or folder> [--theirs] [--no-match]` */
export async function mergeCommand(args: string[], t: Translate, io: CliIo): Promise<number> {
  const [project, from] = positional(args, []);
  if (!project || !from) {
    io.err(`campo: ${t('cli.missingArgument', { name: project ? '<pacchetto>' : '<progetto>' })}`);
    io.err(t('cli.usage'));
    return 2;
  }
  const path = resolve(from);
  const isFolder = (await stat(path).catch(() => null))?.isDirectory() ?? false;
  const pkg = isFolder
    ? await readProjectFolder(path)
    : await readPackage(await readFile(path), path);
  const session = await openProject(resolve(project));
  let closed = false;
  try {
    const first = await previewMerge(session, pkg);
    const matches = args.includes('--no-match')
      ? []
      : first.proposals.filter(
          (match) => matchedByDefault(match) || args.includes('--match-participants'),
        );
    const preview = matches.length > 0 ? await previewMerge(session, pkg, { matches }) : first;
    const side = args.includes('--theirs') ? 'theirs' : 'ours';
    const decisions = Object.fromEntries(
      preview.conflicts.map((entry) => [entry.key, side] as const),
    );
    const outcome = await applyMerge(session, pkg, { matches, decisions });
    closed = outcome.written;
    io.out(t('cli.team.merged', { from: pkg.manifest.title, written: String(outcome.written) }));
    for (const line of reportLines(outcome.report, t)) io.out(`  ${line}`);
    return 0;
  } finally {
    if (!closed) await session.close();
  }
}
