/**
 * The annex "Affidabilità della codifica" (issue 19): how far the evaluators who coded the same
 * sources agree, at character (NVivo), segment (MAXQDA) and unit level, each table with its
 * method written out beneath it and "n.d." where a statistic is undefined.
 */
import { comparedSourceCount } from '../domain/agreement-characters';
import { isConsensus } from '../domain/agreement-consensus';
import type { TextAgreementInput } from '../domain/agreement-layers';
import {
  agreementStudy,
  defaultAgreementCoders,
  type AgreementStudy,
} from '../domain/agreement-run';
import type { UnitStats } from '../domain/agreement-units';
import { agreementMethodLine, formatAgreement, reasonText } from '../i18n/agreement-lines';
import type { UndefinedReason } from '../domain/agreement-layers';
import type { ProjectFile } from '../model/project';
import type { ReportCell } from './model';
import { headerRow, type Chapter, type ReportContext } from './report-context';

/** Coders and the study the annex and the workbook sheet print. */
export interface AgreementForReport {
  coders: string[];
  study: AgreementStudy | null;
  label: (id: string) => string;
  code: (id: string) => string;
}

/**
 * The study of every coder who coded (the consensus layer aside) over `data`; null study with
 * fewer than two coders.
 */
export function agreementForReport(
  project: ProjectFile,
  data: TextAgreementInput,
): AgreementForReport {
  const coders = defaultAgreementCoders(
    data,
    project.evaluators.map((e) => e.id),
  ).filter((id) => !isConsensus(id));
  const names = new Map(project.evaluators.map((e) => [e.id, e.name.trim()]));
  const codes = new Map(project.codes.map((c) => [c.id, c.name]));
  return {
    coders,
    study:
      coders.length < 2
        ? null
        : agreementStudy(data, {
            coders,
            // The tables list the codes as the codebook does.
            codebook: project.codes,
          }),
    label: (id) => names.get(id) || id,
    code: (id) => codes.get(id) ?? id,
  };
}

const right = (text: string): ReportCell => ({ text, align: 'right' });

/** The reasons met in a table, as sentences for its note. */
export function reasonsNote(
  reasons: Iterable<UndefinedReason | null>,
  context: ReportContext,
): string {
  const seen = [...new Set([...reasons].filter((r): r is UndefinedReason => r !== null))];
  const short = context.t('agreement.undefinedShort');
  return seen.map((reason) => `${short}: ${reasonText(reason, context.language)}`).join(' ');
}

/** Sentences joined, empty ones left out. */
export function note(...parts: string[]): string {
  return parts.filter(Boolean).join(' ');
}

/** The annex: an introduction, then one table per level (per pair of coders). */
export function agreementAnnex(
  context: ReportContext,
  chapter: Chapter,
  agreement: AgreementForReport,
): void {
  const { t, language } = context;
  const { study, label, code } = agreement;
  if (!study) {
    chapter.paragraph(t('agreement.report.none'));
    return;
  }
  const k = (value: number | null) => right(formatAgreement(value, language, 'coefficient'));
  const pct = (value: number | null) => right(formatAgreement(value, language, 'percent'));
  const what = t('agreement.report.sourceWhat');
  const coderList = new Intl.ListFormat(language === 'it' ? 'it-IT' : 'en-GB', {
    type: 'conjunction',
  }).format(agreement.coders.map(label));
  chapter.paragraph(
    t('agreement.report.intro', {
      coders: coderList,
      sources: comparedSourceCount(study.character),
      codes: study.character.meta.codeIds.length,
    }),
  );

  for (const pair of study.character.pairs) {
    const [a, b] = pair.coders;
    const rows = pair.byCode.map((row) => [
      { text: code(row.codeId) },
      right(context.number(row.counts.total, 0)),
      right(context.number(row.counts.both, 0)),
      right(context.number(row.counts.aOnly, 0)),
      right(context.number(row.counts.bOnly, 0)),
      pct(row.percent),
      k(row.kappa),
    ]);
    const all = pair.overall;
    rows.push([
      { text: t('agreement.overall'), bold: true },
      right(context.number(all.counts.total, 0)),
      right(context.number(all.counts.both, 0)),
      right(context.number(all.counts.aOnly, 0)),
      right(context.number(all.counts.bOnly, 0)),
      { ...pct(all.percent), bold: true },
      { ...k(all.kappa), bold: true },
    ]);
    chapter.table({
      title: t('agreement.report.characterTitle', { a: label(a), b: label(b) }),
      source: { what },
      widths: [28, 12, 12, 12, 12, 12, 12],
      header: [
        headerRow([
          t('agreement.column.code'),
          t('agreement.column.characters'),
          t('agreement.column.both'),
          t('agreement.column.only', { coder: label(a) }),
          t('agreement.column.only', { coder: label(b) }),
          t('agreement.column.percent'),
          t('agreement.column.kappa'),
        ]),
      ],
      rows,
      note: note(
        agreementMethodLine(study.character.meta, language, { label }),
        reasonsNote([...pair.byCode.map((r) => r.undefinedReason), all.undefinedReason], context),
      ),
    });
  }

  for (const pair of study.segment.pairs) {
    const [a, b] = pair.coders;
    const rows = pair.byCode.map((row) => [
      { text: code(row.codeId) },
      right(context.number(row.segments[0], 0)),
      right(context.number(row.segments[1], 0)),
      right(context.number(row.agreeing[0] + row.agreeing[1], 0)),
      pct(row.percent),
    ]);
    const all = pair.overall;
    rows.push([
      { text: t('agreement.overall'), bold: true },
      right(context.number(all.segments[0], 0)),
      right(context.number(all.segments[1], 0)),
      right(context.number(all.agreeing[0] + all.agreeing[1], 0)),
      { ...pct(all.percent), bold: true },
    ]);
    chapter.table({
      title: t('agreement.report.segmentTitle', { a: label(a), b: label(b) }),
      source: { what },
      widths: [36, 16, 16, 16, 16],
      header: [
        headerRow([
          t('agreement.column.code'),
          `${t('agreement.column.segments')} ${label(a)}`,
          `${t('agreement.column.segments')} ${label(b)}`,
          t('agreement.column.agreeing'),
          t('agreement.column.percent'),
        ]),
      ],
      rows,
      note: note(
        `${t('agreement.column.kappaN')}: ${formatAgreement(all.kappaN, language, 'coefficient')}.`,
        agreementMethodLine(study.segment.meta, language, {
          label,
          categories: all.categories,
        }),
        reasonsNote(
          [
            ...pair.byCode.map((r) => r.undefinedReason),
            all.undefinedReason,
            all.kappaUndefinedReason,
          ],
          context,
        ),
      ),
    });
  }

  unitTable(context, chapter, agreement, study);
}

/** Unit level: per code, κ of each pair, Fleiss' κ with three or more coders, and α. */
function unitTable(
  context: ReportContext,
  chapter: Chapter,
  agreement: AgreementForReport,
  study: AgreementStudy,
): void {
  const { t, language } = context;
  const { label, code } = agreement;
  const unit = study.unit;
  if (unit.units === 0) return;
  const fleiss = agreement.coders.length > 2;
  const pairs = unit.overall.pairs.map((p) => p.coders);
  const k = (value: number | null) => right(formatAgreement(value, language, 'coefficient'));
  const cells = (stats: UnitStats): ReportCell[] => [
    ...stats.pairs.flatMap((p) => [
      right(formatAgreement(p.percent, language, 'percent')),
      k(p.kappa),
    ]),
    ...(fleiss ? [k(stats.fleiss?.kappa ?? null)] : []),
    k(stats.alpha.value),
  ];
  const rows = unit.byCode.map((row) => [{ text: code(row.codeId) }, ...cells(row)]);
  rows.push([
    { text: t('agreement.overall'), bold: true },
    ...cells(unit.overall).map((cell) => ({ ...cell, bold: true })),
  ]);
  const pairLabel = ([a, b]: [string, string]) => `${label(a)} – ${label(b)}`;
  const columns = 1 + pairs.length * 2 + (fleiss ? 1 : 0) + 1;
  chapter.table({
    title: t('agreement.report.unitTitle', {
      unit: t(unit.meta.unit === 'sentence' ? 'agreement.unit.sentence' : 'agreement.unit.turn'),
      units: unit.units,
    }),
    source: { what: t('agreement.report.sourceWhat') },
    widths: [28, ...Array.from({ length: columns - 1 }, () => 72 / (columns - 1))],
    header: [
      headerRow([
        t('agreement.column.code'),
        ...pairs.flatMap((pair) => [
          `${t('agreement.column.percent')} ${pairLabel(pair)}`,
          `${t('agreement.column.kappa')} ${pairLabel(pair)}`,
        ]),
        ...(fleiss ? [t('agreement.column.fleiss')] : []),
        t('agreement.column.alpha'),
      ]),
    ],
    rows,
    note: note(
      agreementMethodLine(unit.meta, language, { label }),
      unit.sourcesWithoutUnits.length
        ? t('agreement.sourcesWithoutUnits', { count: unit.sourcesWithoutUnits.length })
        : '',
    ),
  });
}
