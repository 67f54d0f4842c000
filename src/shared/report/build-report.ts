import type { TextAgreementInput } from '../domain/agreement-layers';
import type { CodedSource } from '../domain/coding-analysis';
import { withoutRejected } from '../domain/passages';
import type { MessageKey } from '../i18n';
import type { ProjectFile } from '../model/project';
import {
  ANNEX_SECTIONS,
  type ReportModel,
  type ReportSectionId,
  type ReportSettings,
} from './model';
import { Chapter, reportContext, type ReportContext } from './report-context';
import { agreementAnnex, agreementForReport } from './sections-agreement';
import { ratingAgreementsForReport, ratingAnnex } from './sections-rating-agreement';
import { fieldworkAnnex, participantsAnnex } from './sections-annexes';
import {
  coverBlock,
  conclusionsChapter,
  methodChapter,
  premessa,
  reportTitle,
} from './sections-front';
import { indicatorsChapter } from './sections-indicators';
import { europe2020Chapter, integrationChapter } from './sections-matrices';
import { ngtChapter } from './sections-ngt';
import { frameworkChapter, questionChapter, questionTitle } from './sections-questions';

type ChapterBuilder = (context: ReportContext, chapter: Chapter) => void;

/** Numbered chapters and annexes: their title and what fills them. */
const CHAPTERS: Partial<Record<ReportSectionId, { title: MessageKey; build: ChapterBuilder }>> = {
  method: { title: 'report.method.title', build: methodChapter },
  framework: { title: 'report.framework.title', build: frameworkChapter },
  integration: { title: 'report.integration.title', build: integrationChapter },
  europe2020: { title: 'report.europe2020.title', build: europe2020Chapter },
  ngt: { title: 'report.ngt.title', build: ngtChapter },
  indicators: { title: 'report.indicators.title', build: indicatorsChapter },
  conclusions: { title: 'report.conclusions.title', build: conclusionsChapter },
  participants: { title: 'report.participants.title', build: participantsAnnex },
  fieldwork: { title: 'report.fieldwork.title', build: fieldworkAnnex },
};

/** Everything a report is built from: the project, its readable sources, the user's choices. */
export interface ReportInput {
  project: ProjectFile;
  /**
   * The coded sources. The report quotes key passages only, so the core reads no other passage
   * text (readExportCorpus): a section that quotes other passages must ask it for them.
   */
  corpus: readonly CodedSource[];
  settings: ReportSettings;
  /** ISO date of the export, printed when the settings give none. */
  today: string;
  /**
   * The coder layers for the agreement annex (which coders have a layer on which source). Built
   * by the caller, which has the texts' lengths (the corpus carries no texts).
   */
  agreementInput: TextAgreementInput;
}

/**
 * The report draft as a model, in the order and with the sections the user chose: chapters are
 * numbered 1, 2 … (one per evaluation question for `questions`), annexes "Allegato 1" … with
 * tables "Tavola A1.1". Pure: the same input gives the same report.
 */
export function buildReport(input: ReportInput): ReportModel {
  // Passages the lead decided belong to no coder's version are no evidence (see withoutRejected).
  const corpus = withoutRejected(input.corpus, input.project.consensusDecisions);
  const context = reportContext(input.project, corpus, input.settings);
  const { t, project, settings } = context;
  const blocks: ReportModel['blocks'] = [];
  let chapterNumber = 0;
  let annexNumber = 0;
  const add = (chapter: Chapter) => blocks.push(...chapter.blocks);

  for (const section of settings.sections) {
    if (section === 'cover') {
      blocks.push(coverBlock(context, input.today));
    } else if (section === 'index') {
      blocks.push({ kind: 'toc', title: t('report.toc') });
    } else if (section === 'premessa') {
      const chapter = new Chapter(context, '');
      chapter.heading(1, t('report.sections.premessa'));
      premessa(context, chapter);
      add(chapter);
    } else if (section === 'questions') {
      for (const question of project.questions) {
        chapterNumber += 1;
        const chapter = new Chapter(context, String(chapterNumber));
        const title = t('report.question.heading', {
          code: question.code,
          text: questionTitle(question),
        });
        chapter.heading(1, t('report.chapter', { n: chapterNumber, title }));
        questionChapter(context, chapter, question);
        add(chapter);
      }
    } else if (section === 'agreement') {
      // Only where two or more evaluators coded, or rated a matrix the settings name: a
      // one-evaluator project has nothing to compare.
      const agreement = agreementForReport(project, input.agreementInput);
      const ratings = ratingAgreementsForReport(project, settings.ratingGroups, settings.language);
      if (!agreement.study && ratings.length === 0) continue;
      annexNumber += 1;
      const chapter = new Chapter(context, `A${annexNumber}`);
      chapter.heading(1, t('report.annex', { n: annexNumber, title: t('agreement.title') }));
      if (agreement.study) agreementAnnex(context, chapter, agreement);
      for (const rating of ratings) ratingAnnex(context, chapter, rating);
      add(chapter);
    } else {
      const spec = CHAPTERS[section]!;
      const annex = ANNEX_SECTIONS.includes(section);
      if (annex) annexNumber += 1;
      else chapterNumber += 1;
      const chapter = new Chapter(context, annex ? `A${annexNumber}` : String(chapterNumber));
      chapter.heading(
        1,
        annex
          ? t('report.annex', { n: annexNumber, title: t(spec.title) })
          : t('report.chapter', { n: chapterNumber, title: t(spec.title) }),
      );
      spec.build(context, chapter);
      add(chapter);
    }
  }

  const draft = settings.version === 'draft';
  const running = project.meta.programme || reportTitle(context);
  return {
    language: settings.language,
    title: reportTitle(context),
    programme: project.meta.programme,
    draft,
    headerText: draft ? `${running} – ${t('report.header.draft')}` : running,
    pageWord: t('report.page'),
    ofWord: t('report.of'),
    blocks,
  };
}
