/**
 * The workbook's agreement sheet (issue 19): every figure of the agreement annex in long form,
 * one row per level × pair of coders × code (and "overall"), numbers as numbers, undefined
 * statistics as empty cells with the reason beside them, the method of each row stated.
 */
import type { TextAgreementInput } from '../domain/agreement-layers';
import type { UnitStats } from '../domain/agreement-units';
import { agreementMethodLine, firstReasonText } from '../i18n/agreement-lines';
import { agreementForReport } from './sections-agreement';
import type { WorkbookCell, WorkbookSheet } from './workbook';
import { rounded, sheet, type WorkbookContext } from './workbook-cells';

/** The sheet; with fewer than two coders it has its header row only. */
export function agreementSheet(context: WorkbookContext, input: TextAgreementInput): WorkbookSheet {
  const { t, language } = context;
  const header = [
    t('agreement.xlsx.level'),
    t('agreement.xlsx.coderA'),
    t('agreement.xlsx.coderB'),
    t('agreement.column.code'),
    t('agreement.xlsx.compared'),
    t('agreement.column.percent'),
    t('agreement.column.kappa'),
    t('agreement.column.kappaN'),
    t('agreement.column.fleiss'),
    t('agreement.column.alpha'),
    t('agreement.xlsx.undefined'),
    t('agreement.xlsx.method'),
  ];
  const agreement = agreementForReport(context.project, input);
  const { study, label, code } = agreement;
  const rows: WorkbookCell[][] = [];
  if (!study) return sheet(t('agreement.xlsx.sheet'), header, rows);
  const overall = t('agreement.overall');
  const pct = (value: number | null) => rounded(value, 2);
  const coef = (value: number | null | undefined) => rounded(value ?? null, 4);

  const characterLine = agreementMethodLine(study.character.meta, language, { label });
  for (const pair of study.character.pairs) {
    const [a, b] = pair.coders.map(label);
    for (const row of [...pair.byCode, { ...pair.overall, codeId: null }]) {
      rows.push([
        t('agreement.xlsx.character'),
        a!,
        b!,
        row.codeId === null ? overall : code(row.codeId),
        row.counts.total,
        pct(row.percent),
        coef(row.kappa),
        null,
        null,
        null,
        firstReasonText(language, row.undefinedReason),
        characterLine,
      ]);
    }
  }
  for (const pair of study.segment.pairs) {
    const [a, b] = pair.coders.map(label);
    const line = agreementMethodLine(study.segment.meta, language, {
      label,
      categories: pair.overall.categories,
    });
    for (const row of pair.byCode) {
      rows.push([
        t('agreement.xlsx.segment'),
        a!,
        b!,
        code(row.codeId),
        row.segments[0] + row.segments[1],
        pct(row.percent),
        null,
        null,
        null,
        null,
        firstReasonText(language, row.undefinedReason),
        line,
      ]);
    }
    const all = pair.overall;
    rows.push([
      t('agreement.xlsx.segment'),
      a!,
      b!,
      overall,
      all.segments[0] + all.segments[1],
      pct(all.percent),
      null,
      coef(all.kappaN),
      null,
      null,
      firstReasonText(language, all.undefinedReason, all.kappaUndefinedReason),
      line,
    ]);
  }
  const unit = study.unit;
  const unitLine = agreementMethodLine(unit.meta, language, { label });
  const unitRows = (stats: UnitStats, codeName: string) => {
    for (const pair of stats.pairs) {
      rows.push([
        t('agreement.xlsx.unit', {
          unit: t(
            unit.meta.unit === 'sentence' ? 'agreement.unit.sentence' : 'agreement.unit.turn',
          ),
        }),
        label(pair.coders[0]),
        label(pair.coders[1]),
        codeName,
        pair.units,
        pct(pair.percent),
        coef(pair.kappa),
        null,
        coef(stats.fleiss?.kappa),
        coef(stats.alpha.value),
        firstReasonText(language, pair.undefinedReason, stats.alpha.undefinedReason),
        unitLine,
      ]);
    }
  };
  for (const row of unit.byCode) unitRows(row, code(row.codeId));
  unitRows(unit.overall, overall);
  return sheet(t('agreement.xlsx.sheet'), header, rows);
}
