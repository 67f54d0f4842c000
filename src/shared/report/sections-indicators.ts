import { achievementRate, assessPriority, axesInOrder, rateText } from '../domain/performance';
import type { Indicator } from '../model/project';
import { formatIndicatorValue } from '../i18n/format';
import { headerRow, type Chapter, type ReportContext } from './report-context';

/** Verdict fills: achieved green, not achieved amber, serious failure red (text says it too). */
const VERDICT_FILL = { achieved: '#D9EAD3', notAchieved: '#FFF2CC', serious: '#F4CCCC' };

const usable = (indicator: Indicator) =>
  indicator.milestone !== null &&
  indicator.milestone > 0 &&
  indicator.achieved !== null &&
  indicator.achieved >= 0;

/** Indicators by axis (with values and achievement rates), then the performance-framework review. */
export function indicatorsChapter(context: ReportContext, chapter: Chapter): void {
  const rateOf = (rate: number) => rateText(rate, context.language);
  const { t, project } = context;
  const indicators = project.indicators;
  if (indicators.length === 0) {
    chapter.paragraph(t('report.indicators.none'));
    return;
  }
  chapter.paragraph(t('report.indicators.intro'));
  const axes = axesInOrder(indicators);
  // A value is printed as monitoring gives it (rounding 25.500.000,50 gave 25.500.001, a
  // figure found nowhere else), as on the screen.
  const value = (v: number | null, unit: string) =>
    v === null ? '–' : formatIndicatorValue(v, context.language, unit);
  for (const axis of axes) {
    const own = indicators.filter((indicator) => indicator.axis === axis);
    const sources = [...new Set(own.map((i) => i.source.trim()).filter(Boolean))];
    chapter.table({
      title: t('report.indicators.tableTitle', { axis: axis || t('report.indicators.noAxis') }),
      source:
        sources.length > 0
          ? { given: sources.join('; ') }
          : { what: t('report.sourceWhat.monitoring') },
      // The three amounts get room for "123.456.789,50", a code for "CO-SO-01" and the unit for
      // "persone"; the name wraps instead.
      widths: [11, 19, 11, 16, 16, 16, 11],
      header: [
        headerRow([
          t('report.indicators.colCode'),
          t('report.indicators.colName'),
          t('report.indicators.colUnit'),
          t('report.indicators.colMilestone'),
          t('report.indicators.colTarget'),
          t('report.indicators.colAchieved'),
          t('report.indicators.colRate'),
        ]),
      ],
      rows: own.map((indicator) => {
        const rate =
          indicator.milestone !== null && indicator.achieved !== null
            ? achievementRate(indicator.achieved, indicator.milestone)
            : null;
        return [
          { text: indicator.code },
          { text: indicator.name },
          { text: indicator.unit },
          { text: value(indicator.milestone, indicator.unit), align: 'right' },
          { text: value(indicator.target, indicator.unit), align: 'right' },
          { text: value(indicator.achieved, indicator.unit), align: 'right' },
          { text: rate === null ? '–' : rateOf(rate), align: 'right' },
        ];
      }),
    });
  }

  chapter.heading(2, t('report.indicators.verdictTitle'));
  chapter.paragraph(t('report.indicators.rule'), { footnote: t('report.indicators.ruleNote') });
  const assessed = axes
    .map((axis) => ({ axis, own: indicators.filter((i) => i.axis === axis && usable(i)) }))
    .filter(({ own }) => own.length > 0);
  if (assessed.length === 0) {
    chapter.paragraph(t('report.indicators.noVerdicts'));
    return;
  }
  chapter.table({
    title: t('report.indicators.verdictTable'),
    source: { what: t('report.sourceWhat.monitoring') },
    widths: [20, 50, 30],
    header: [
      headerRow([
        t('report.indicators.colAxis'),
        t('report.indicators.colRates'),
        t('report.indicators.colVerdict'),
      ]),
    ],
    rows: assessed.map(({ axis, own }) => {
      const verdict = assessPriority(
        own.map((i) => ({ milestone: i.milestone!, achieved: i.achieved! })),
      );
      const [key, fill] = verdict.seriousFailure
        ? (['indicators.seriousFailure', VERDICT_FILL.serious] as const)
        : verdict.milestonesAchieved
          ? (['indicators.achievedVerdict', VERDICT_FILL.achieved] as const)
          : (['indicators.notAchieved', VERDICT_FILL.notAchieved] as const);
      return [
        { text: axis || t('report.indicators.noAxis'), bold: true },
        {
          text: own
            .map((i, index) => `${i.code || i.name}: ${rateOf(verdict.rates[index]!)}`)
            .join('\n'),
        },
        { text: t(key), fill },
      ];
    }),
  });
}
