import type { ReportBlock } from './model';
import { headerRow, longDate, monthYear, type Chapter, type ReportContext } from './report-context';

/** The report's title: the composer's, else the project's. */
export const reportTitle = (context: ReportContext) =>
  context.settings.title.trim() || context.project.meta.title;

/** The cover: programme, title, version, evaluator, date. */
export function coverBlock(context: ReportContext, today: string): ReportBlock {
  const { project, settings, t, language } = context;
  return {
    kind: 'cover',
    programme: project.meta.programme,
    title: reportTitle(context),
    evaluator: settings.evaluator.trim() || project.meta.evaluators.join(', '),
    versionLabel: t(settings.version === 'draft' ? 'report.version.draft' : 'report.version.final'),
    date: longDate(settings.date ?? today, language),
  };
}

/** Premessa: what the document is, the programme and period, the evidence base, anonymity. */
export function premessa(context: ReportContext, chapter: Chapter): void {
  const { project, settings, t, language } = context;
  const { meta } = project;
  chapter.paragraph(
    t('report.premessa.opening', { version: settings.version, title: reportTitle(context) }),
  );
  if (meta.programme) chapter.paragraph(t('report.premessa.programme', meta));
  if (meta.periodFrom && meta.periodTo) {
    chapter.paragraph(
      t('report.premessa.period', {
        from: monthYear(meta.periodFrom.month, meta.periodFrom.year, language),
        to: monthYear(meta.periodTo.month, meta.periodTo.year, language),
      }),
    );
  }
  if (meta.thematicObjectives.length > 0) {
    chapter.paragraph(
      t('report.premessa.objectives', { list: meta.thematicObjectives.join(', ') }),
    );
  }
  const held = project.sessions.filter((session) => session.status !== 'planned');
  const counts = {
    interviews: held.filter((s) => s.kind === 'interview').length,
    focusGroups: held.filter((s) => s.kind === 'focusGroup').length,
    ngt: project.ngtSessions.length,
    participants: project.participants.length,
  };
  // Transcripts and documents imported without an interview or focus group count too: a report
  // that quotes them must not say its evidence comes from nothing.
  const linked = new Set(held.flatMap((s) => [...s.sourceIds, s.notesSourceId ?? '']));
  const unlinked = project.sources.filter((source) => !linked.has(source.id)).length;
  if (unlinked > 0 && counts.interviews + counts.focusGroups + counts.ngt === 0) {
    chapter.paragraph(t('report.premessa.evidenceSources', { ...counts, sources: unlinked }));
  } else {
    chapter.paragraph(t('report.premessa.evidence', counts));
    if (unlinked > 0) chapter.paragraph(t('report.premessa.unlinked', { sources: unlinked }));
  }
  if (meta.description.trim()) chapter.prose(context.anonymise(meta.description));
  chapter.paragraph(t('report.premessa.anonymity'), {
    footnote: t(
      settings.includeNames && settings.sections.includes('participants')
        ? 'report.premessa.anonymityNoteNames'
        : 'report.premessa.anonymityNote',
    ),
  });
}

/** The evaluation matrix: one row per question. */
export function methodChapter(context: ReportContext, chapter: Chapter): void {
  const { project, t } = context;
  const questions = project.questions;
  if (questions.length === 0) {
    chapter.paragraph(t('report.method.none'));
    return;
  }
  const table = t('report.tableRef', { number: chapter.nextTableNumber() });
  chapter.paragraph(t('report.method.intro', { n: questions.length, table }));
  const joinLines = (...parts: string[]) =>
    parts
      .map((part) => part.trim())
      .filter(Boolean)
      .join('\n');
  chapter.table({
    title: t('report.method.tableTitle'),
    source: { what: t('report.sourceWhat.design') },
    widths: [7, 31, 22, 22, 18],
    header: [
      headerRow([
        t('report.method.colCode'),
        t('report.method.colQuestion'),
        t('report.method.colCriteria'),
        t('report.method.colIndicators'),
        t('report.method.colMethods'),
      ]),
    ],
    rows: questions.map((question) => [
      { text: question.code, bold: true },
      { text: joinLines(question.text, ...question.subQuestions.map((sub) => `– ${sub}`)) },
      { text: joinLines(question.criterion, question.judgementCriteria) },
      { text: joinLines(question.indicators, question.sources) },
      { text: question.methods.join(', ') },
    ]),
  });
}

/** Conclusions: a placeholder the evaluator writes over. */
export function conclusionsChapter(context: ReportContext, chapter: Chapter): void {
  chapter.paragraph(context.t('report.placeholder'), { italic: true });
}
