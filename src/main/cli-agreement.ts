/**
 * `campo agreement <project> [--coders a,b] [--codes x,y] [--threshold 0.9] [--unit turn|sentence]
 * [--json]`: intercoder agreement of the project's coder layers, on the same core as the app's
 * agreement view and report annex. The project is only read (it may be open in the app).
 */
import { resolve } from 'node:path';
import { comparedSourceCount } from '../shared/domain/agreement-characters';
import { isConsensus } from '../shared/domain/agreement-consensus';
import { agreementStudy, defaultAgreementCoders } from '../shared/domain/agreement-run';
import type { AgreementStudy } from '../shared/domain/agreement-run';
import type { Translate } from '../shared/i18n';
import { agreementMethodLine, formatAgreement } from '../shared/i18n/agreement-lines';
import type { Language, ProjectFile } from '../shared/model/project';
import {
  agreementInputOfViews,
  agreementViewOf,
  layerCodersOnDisk,
} from './core/agreement/agreement-data';
import { printRatings } from './cli-agreement-ratings';
import { readProjectUnlocked } from './core/inspect';

export interface AgreementIo {
  out(line: string): void;
  err(line: string): void;
}

function flagValue(args: readonly string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}

const listOf = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** A coder given by id or by name (case and accents as typed), or null. */
function findCoder(project: ProjectFile, wanted: string): string | null {
  const fold = (text: string) => text.trim().toLocaleLowerCase();
  const byId = project.evaluators.find((e) => e.id === wanted);
  if (byId) return byId.id;
  const byName = project.evaluators.filter((e) => fold(e.name) === fold(wanted));
  return byName.length === 1 ? byName[0]!.id : null;
}

/** Left-aligned first column, right-aligned figures: a table a terminal reads. */
export function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => [...(row[c] ?? '')].length)));
  return rows.map((row) =>
    row
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}

function printStudy(
  study: AgreementStudy,
  language: Language,
  t: Translate,
  label: (id: string) => string,
  code: (id: string) => string,
  out: (line: string) => void,
): void {
  const pct = (v: number | null) => formatAgreement(v, language, 'percent');
  const k = (v: number | null) => formatAgreement(v, language, 'coefficient');
  const n = (v: number) => new Intl.NumberFormat(language === 'it' ? 'it-IT' : 'en-GB').format(v);
  for (const pair of study.character.pairs) {
    const [a, b] = pair.coders.map(label);
    out('');
    out(t('agreement.report.characterTitle', { a: a!, b: b! }));
    const rows = [
      [
        t('agreement.column.code'),
        t('agreement.column.characters'),
        t('agreement.column.both'),
        t('agreement.column.only', { coder: a! }),
        t('agreement.column.only', { coder: b! }),
        t('agreement.column.percent'),
        t('agreement.column.kappa'),
      ],
    ];
    for (const row of [...pair.byCode, { ...pair.overall, codeId: null }]) {
      rows.push([
        row.codeId === null ? t('agreement.overall') : code(row.codeId),
        n(row.counts.total),
        n(row.counts.both),
        n(row.counts.aOnly),
        n(row.counts.bOnly),
        pct(row.percent),
        k(row.kappa),
      ]);
    }
    table(rows).forEach((line) => out(line));
    out(agreementMethodLine(study.character.meta, language, { label }));
  }
  for (const pair of study.segment.pairs) {
    const [a, b] = pair.coders.map(label);
    out('');
    out(t('agreement.report.segmentTitle', { a: a!, b: b! }));
    const rows = [
      [
        t('agreement.column.code'),
        `${t('agreement.column.segments')} ${a}`,
        `${t('agreement.column.segments')} ${b}`,
        t('agreement.column.agreeing'),
        t('agreement.column.percent'),
      ],
    ];
    for (const row of [...pair.byCode, { ...pair.overall, codeId: null }]) {
      rows.push([
        row.codeId === null ? t('agreement.overall') : code(row.codeId),
        n(row.segments[0]),
        n(row.segments[1]),
        n(row.agreeing[0] + row.agreeing[1]),
        pct(row.percent),
      ]);
    }
    table(rows).forEach((line) => out(line));
    out(`${t('agreement.column.kappaN')}: ${k(pair.overall.kappaN)}`);
    out(
      agreementMethodLine(study.segment.meta, language, {
        label,
        categories: pair.overall.categories,
      }),
    );
  }
  const unit = study.unit;
  out('');
  out(
    t('agreement.report.unitTitle', {
      unit: t(unit.meta.unit === 'sentence' ? 'agreement.unit.sentence' : 'agreement.unit.turn'),
      units: unit.units,
    }),
  );
  const pairs = unit.overall.pairs.map((p) => p.coders);
  const fleiss = study.unit.meta.coders.length > 2;
  const rows = [
    [
      t('agreement.column.code'),
      ...pairs.map(([a, b]) => `${t('agreement.column.kappa')} ${label(a)}–${label(b)}`),
      ...(fleiss ? [t('agreement.column.fleiss')] : []),
      t('agreement.column.alpha'),
    ],
  ];
  for (const row of [...unit.byCode, { ...unit.overall, codeId: null }]) {
    rows.push([
      row.codeId === null ? t('agreement.overall') : code(row.codeId),
      ...row.pairs.map((p) => k(p.kappa)),
      ...(fleiss ? [k(row.fleiss?.kappa ?? null)] : []),
      k(row.alpha.value),
    ]);
  }
  table(rows).forEach((line) => out(line));
  out(agreementMethodLine(unit.meta, language, { label }));
}

/** Runs `campo agreement`; resolves to the exit code. */
export async function agreementCommand(
  args: string[],
  language: Language,
  t: Translate,
  io: AgreementIo,
): Promise<number> {
  const valued = new Set(['--coders', '--codes', '--threshold', '--unit', '--matrices']);
  const positional = args.filter(
    (arg, i) => !arg.startsWith('--') && !valued.has(args[i - 1] ?? ''),
  );
  const [project] = positional;
  if (!project) {
    io.err(`campo: ${t('cli.missingArgument', { name: '<progetto>' })}`);
    io.err(t('agreement.cli.usage'));
    return 2;
  }
  const thresholdText = flagValue(args, '--threshold');
  const threshold =
    thresholdText === undefined ? undefined : Number(thresholdText.replace(',', '.'));
  const unit = flagValue(args, '--unit') ?? 'turn';
  if (
    (threshold !== undefined && !(threshold > 0 && threshold <= 1)) ||
    (unit !== 'turn' && unit !== 'sentence')
  ) {
    io.err(`campo: ${t('agreement.cli.badOption')}`);
    io.err(t('agreement.cli.usage'));
    return 2;
  }
  const dir = resolve(project);
  const { project: file, sources } = await readProjectUnlocked(dir);
  const matrixNames = listOf(flagValue(args, '--matrices'));
  if (matrixNames.length > 0) return printRatings(file, matrixNames, language, t, io);
  const views = [...sources.values()].map(agreementViewOf);
  const layers = await layerCodersOnDisk(
    dir,
    views.map((view) => view.id),
  );
  const { input, flagged } = agreementInputOfViews(views, layers, {
    sentences: unit === 'sentence',
  });
  const names = new Map(file.evaluators.map((e) => [e.id, e.name.trim()]));
  const label = (id: string) => (isConsensus(id) ? t('agreement.consensus') : names.get(id) || id);
  const codes = new Map(file.codes.map((c) => [c.id, c.name]));
  const code = (id: string) => codes.get(id) ?? id;

  const asked = listOf(flagValue(args, '--coders'));
  const coders: string[] = [];
  for (const wanted of asked) {
    const id = findCoder(file, wanted);
    if (!id) {
      const known = file.evaluators.map((e) => `${e.name || e.id} (${e.id})`).join(', ');
      io.err(`campo: ${t('agreement.cli.unknownCoder', { coder: wanted, known: known || '—' })}`);
      return 2;
    }
    if (!coders.includes(id)) coders.push(id);
  }
  const chosen = coders.length > 0 ? coders : defaultAgreementCoders(input, [...names.keys()]);
  if (chosen.length < 2) {
    io.err(`campo: ${t('agreement.cli.fewCoders')}`);
    return 1;
  }
  const askedCodes = listOf(flagValue(args, '--codes'));
  const codeIds = askedCodes.map(
    (wanted) =>
      file.codes.find((c) => c.id === wanted || c.name.toLowerCase() === wanted.toLowerCase())
        ?.id ?? wanted,
  );
  const study = agreementStudy(input, {
    coders: chosen,
    codebook: file.codes,
    ...(codeIds.length ? { codeIds } : {}),
    ...(threshold !== undefined ? { threshold } : {}),
    unit,
  });
  if (args.includes('--json')) {
    io.out(JSON.stringify({ coders: chosen, flagged, ...study }, null, 2));
    return 0;
  }
  io.out(
    t('agreement.cli.heading', {
      title: file.meta.title,
      coders: chosen.map(label).join(', '),
      sources: comparedSourceCount(study.character),
      codes: study.character.meta.codeIds.length,
    }),
  );
  if (flagged > 0) io.out(t('agreement.cli.flagged', { count: flagged }));
  printStudy(study, language, t, label, code, io.out);
  return 0;
}
