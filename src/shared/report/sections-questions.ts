import { frameworkMatrix, quotation, retrieveSegments } from '../domain/coding-analysis';
import { distinctPassages, onePerPassage } from '../domain/passages';
import { quotationByVoice, voicesOfCodings, type PassageVoice } from '../domain/passage-voices';
import { turnLabelText } from '../domain/turn-labels';
import type { Segment } from '../domain/coding-analysis';
import type { EvaluationQuestion } from '../model/project';
import { headerRow, type Chapter, type ReportContext } from './report-context';
import { writtenSummaries } from './empty-sections';

/** Pseudonyms of who said a passage, else the speaker label as transcribed (anonymised). */
function whoSaid(context: ReportContext, segment: Segment): string {
  const codes = segment.participantIds
    .map((id) => context.participants.get(id)?.code)
    .filter((code): code is string => Boolean(code));
  return codes.length > 0 ? codes.join(', ') : context.anonymise(segment.speaker);
}

/**
 * Where a passage comes from, as reports cite it: "intervista del 30/03/2021", "focus group
 * FG-01 del 20/04/2021", else the source's title.
 */
function sourceOf(context: ReportContext, segment: Segment): string {
  const { t } = context;
  const session = context.project.sessions.find(
    (s) => s.sourceIds.includes(segment.sourceId) || s.notesSourceId === segment.sourceId,
  );
  if (!session) return context.anonymiseTitle(segment.sourceTitle);
  const what =
    session.kind === 'interview'
      ? t('report.citation.interview')
      : t('report.citation.focusGroup', { code: session.code });
  return session.date
    ? t('report.citation.dated', { what, date: context.date(session.date) })
    : what;
}

/**
 * A question's short title for its chapter heading (and so the index): its criterion when it
 * has one ("Contesto e SWOT"), else its first sentence, cut at a word near 90 characters.
 */
export function questionTitle(question: Pick<EvaluationQuestion, 'criterion' | 'text'>): string {
  const criterion = question.criterion.trim();
  if (criterion && criterion.length <= 90) return criterion;
  const sentence = question.text.trim().split(/(?<=[?.!])\s/)[0]!;
  if (sentence.length <= 90) return sentence;
  return `${sentence.slice(0, 90).replace(/\s+\S*$/, '')}…`;
}

/**
 * One chapter per evaluation question: sub-questions, the evaluator's answer (or a placeholder),
 * then the key quotations coded to it, anonymised, each with pseudonym and source.
 */
export function questionChapter(
  context: ReportContext,
  chapter: Chapter,
  question: EvaluationQuestion,
): void {
  const { t, project, corpus } = context;
  chapter.blocks.push({ kind: 'paragraph', runs: [{ text: question.text, bold: true }] });
  if (question.subQuestions.length > 0) {
    chapter.paragraph(`${t('report.question.subQuestions')}:`, {});
    chapter.blocks.push({
      kind: 'bullets',
      items: question.subQuestions.map((text) => [{ text }]),
    });
  }
  chapter.heading(2, t('report.question.answer'));
  if (question.answer.trim()) chapter.prose(context.anonymise(question.answer));
  else chapter.paragraph(t('report.question.answerMissing'), { italic: true });

  chapter.heading(2, t('report.question.evidence'));
  const segments = retrieveSegments(corpus, project.codes, project.participants, {
    questionId: question.id,
  });
  if (segments.length === 0) {
    chapter.paragraph(t('report.question.codedNone'));
    return;
  }
  // Each passage quoted once, however many coders marked it (a consensus copy included).
  const key = onePerPassage(segments.filter((segment) => segment.coding.key));
  const sources = new Set(segments.map((segment) => segment.sourceId)).size;
  chapter.paragraph(
    `${t('report.question.coded', { segments: distinctPassages(segments), sources })} ${t(
      key.length > 0 ? 'report.question.keyIntro' : 'report.question.noKey',
    )}`,
  );
  const bySource = new Map(corpus.map((source) => [source.id, source]));
  const voicesOf = voicesOfCodings(new Map(project.participants.map((p) => [p.id, p.code])));
  for (const segment of key) {
    const source = bySource.get(segment.sourceId);
    const voices = source ? voicesOf(source, segment.coding) : [];
    chapter.blocks.push(quoted(context, segment, voices));
  }
}

/**
 * A key quotation: «…» (INT-05, intervista del 30/03/2021). One across speaker turns is quoted
 * voice by voice, «…» (FG-01-P1) «…» (Facilitatrice) (focus group FG-01 del …): one person's
 * words never read as another's (walk-through 11).
 */
function quoted(context: ReportContext, segment: Segment, voices: PassageVoice[]) {
  const { coding } = segment;
  if (voices.length > 1) {
    return {
      kind: 'quotation' as const,
      text: quotationByVoice(
        coding.text,
        coding.start,
        voices,
        (label) => turnLabelText(label, context.t),
        {
          language: context.language,
          words: context.anonymise,
        },
      ),
      citation: `(${sourceOf(context, segment)})`,
    };
  }
  return {
    kind: 'quotation' as const,
    text: quotation(context.anonymise(coding.text), '', context.language),
    citation: `(${whoSaid(context, segment)}, ${sourceOf(context, segment)})`,
  };
}

/** The framework matrix's summaries: one table per question that has any. */
export function frameworkChapter(context: ReportContext, chapter: Chapter): void {
  const { t, project, corpus } = context;
  const summaries = new Map(
    writtenSummaries(project).map((summary) => [
      `${summary.participantId}|${summary.questionId}`,
      summary.text,
    ]),
  );
  if (summaries.size === 0) {
    chapter.paragraph(t('report.framework.none'));
    return;
  }
  chapter.paragraph(t('report.framework.intro'));
  // Only now: the matrix walks every coding of the corpus (100,000 in a large evaluation).
  const cells = frameworkMatrix(corpus, project.codes, project.participants, project.questions);
  for (const question of project.questions) {
    const rows = project.participants
      .map((participant) => ({
        participant,
        summary: summaries.get(`${participant.id}|${question.id}`) ?? '',
        passages: distinctPassages(cells.get(`${participant.id}|${question.id}`) ?? []),
      }))
      .filter((row) => row.summary);
    if (rows.length === 0) continue;
    chapter.table({
      title: t('report.framework.tableTitle', { code: question.code }),
      source: { what: t('report.sourceWhat.fieldwork') },
      widths: [18, 10, 72],
      header: [
        headerRow([
          t('report.framework.colParticipant'),
          t('report.framework.colPassages'),
          t('report.framework.colSummary'),
        ]),
      ],
      rows: rows.map(({ participant, summary, passages }) => [
        { text: participant.code, bold: true },
        { text: context.number(passages, 0), align: 'right' },
        { text: context.anonymise(summary) },
      ]),
    });
  }
}
