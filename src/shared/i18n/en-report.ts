import type { itReport } from './it-report';

/** English messages of the report draft and its composer: the keys of it-report.ts. */
export const enReport: Record<keyof typeof itReport, string> = {
  'report.sections.cover': 'Cover',
  'report.sections.index': 'Contents',
  'report.sections.premessa': 'Foreword',
  'report.sections.method': 'Evaluation questions and method',
  'report.sections.questions': 'One chapter per evaluation question',
  'report.sections.framework': 'Framework-matrix summaries',
  'report.sections.integration': 'Integration matrix',
  'report.sections.europe2020': 'Contribution to Europe 2020',
  'report.sections.ngt': 'NGT sessions',
  'report.sections.indicators': 'Indicators and performance framework',
  'report.sections.conclusions': 'Conclusions and recommendations',
  'report.sections.participants': 'Annex: participants',
  'report.sections.fieldwork': 'Annex: interviews and focus groups',

  'report.composer.intro':
    'Compose the report draft from the project’s data: choose the sections and their order, then export to Word. Quotations are always anonymised.',
  'report.composer.emptyFieldwork':
    '(no interview or focus group held yet in «Interviews» and «Focus groups»: transcripts alone do not fill it)',
  'report.composer.emptySection': '(no data yet)',
  'report.composer.emptyTicked':
    '{n, plural, one {# chosen section has} other {# chosen sections have}} no data of this project yet: {n, plural, one {it would be a nearly blank page} other {they would be nearly blank pages}} in the draft.',
  'report.composer.untickEmpty': 'Untick the sections without data',
  'report.composer.sections': 'Sections',
  'report.composer.sectionsHint':
    'Tick the sections to include. Move one with its arrows, or Alt+↑ and Alt+↓ on its checkbox.',
  'report.composer.moveUp': 'Move up: {section}',
  'report.composer.moveDown': 'Move down: {section}',
  'report.composer.details': 'Cover',
  'report.composer.title': 'Title',
  'report.composer.version': 'Version',
  'report.composer.date': 'Date',
  'report.composer.evaluator': 'Evaluator',
  'report.composer.outlineLanguage':
    'The outline is in the report’s language ({language}), chosen in «{field}», not in the interface’s.',
  'report.composer.language': 'Report language',
  'report.composer.includeNames': 'Include participants’ real names in the annex (personal data)',
  'report.composer.namesWarning':
    'Names will appear in the participants annex of this export. The option is not saved: ask for it each time.',
  'report.composer.export': 'Export',
  'report.composer.exportDocx': 'Report in Word (DOCX)',
  'report.composer.exportXlsx': 'Data in Excel (XLSX)',
  'report.composer.exportHint':
    'The Word file uses the Heading 1–3 and Caption styles: in Word, update the index with F9.',
  'report.composer.progress': 'Export progress',
  'report.composer.progressText': 'Writing… {percent}%',
  'report.composer.docxDone': 'Report exported: {file}',
  'report.composer.xlsxDone': 'Data exported: {file}',
  'report.composer.outline': 'Report outline',
  'report.composer.unreadable':
    'Warning: {count, plural, one {one transcript cannot be read} other {# transcripts cannot be read}} ({titles}). What is coded in them is not counted here, and the report is not exported until you restore a backup.',
  'report.composer.counts':
    '{tables, plural, one {# table} other {# tables}}, {figures, plural, one {# figure} other {# figures}}, {quotations, plural, one {# quotation} other {# quotations}}.',

  'report.version.draft': 'Draft',
  'report.version.final': 'Final version',
  'report.header.draft': 'DRAFT',
  'report.page': 'Page',
  'report.of': 'of',
  'report.toc': 'Contents',
  'report.chapter': '{n}. {title}',
  'report.annex': 'Annex {n} – {title}',
  'report.tableCaption': 'Table {number} – {title}',
  'report.tableRef': 'Table {number}',
  'report.figureCaption': 'Figure {number} – {title}',
  'report.source': 'Source: evaluator’s analysis of {what}',
  'report.sourceWhat.design': 'the evaluation design',
  'report.sourceWhat.fieldwork': 'interviews and focus groups',
  'report.sourceWhat.matrix': 'interviews, focus groups and document analysis',
  'report.sourceWhat.ngt': 'the results of session {code}',
  'report.sourceWhat.monitoring': 'programme monitoring data',
  'report.sourceWhat.registry': 'fieldwork records',
  'report.sourceGiven': 'Source: {source}',
  'report.placeholder': '[To be completed by the evaluator.]',

  'report.premessa.opening':
    'This document is {version, select, draft {the draft} other {the final version}} of the report “{title}”.',
  'report.premessa.programme': 'The report concerns the {programme}.',
  'report.premessa.period': 'The analysis covers the period from {from} to {to}.',
  'report.premessa.objectives': 'Thematic objectives and axes considered: {list}.',
  'report.premessa.evidence':
    'The qualitative evidence comes from {interviews, plural, =0 {no interviews} one {# interview} other {# interviews}}, {focusGroups, plural, =0 {no focus groups} one {# focus group} other {# focus groups}} and {ngt, plural, =0 {no Nominal Group Technique sessions} one {# Nominal Group Technique session} other {# Nominal Group Technique sessions}}, with {participants, plural, one {# participant} other {# participants}} in all.',
  'report.premessa.evidenceSources':
    'The qualitative evidence comes from {sources, plural, one {# transcript or document} other {# transcripts and documents}} not yet linked to an interview or focus group, with {participants, plural, =0 {no participants recorded} one {# participant} other {# participants}} in all.',
  'report.premessa.unlinked':
    'To these {sources, plural, one {is added # transcript or document} other {are added # transcripts and documents}} not linked to an interview or focus group.',
  'report.premessa.anonymity':
    'Quotations are anonymised: each participant is referred to by their pseudonym.',
  'report.premessa.anonymityNote':
    'Pseudonyms (for instance INT-03 for an interview, FG-01-P2 for a focus-group participant) are assigned by Campo; names stay in the working project and do not appear in the report.',
  'report.premessa.anonymityNoteNames':
    'Pseudonyms are assigned by Campo; names appear only in the participants annex, included at the user’s explicit request.',

  'report.method.title': 'Evaluation questions and methodological approach',
  'report.method.intro':
    'The evaluation is organised in {n, plural, one {# evaluation question} other {# evaluation questions}}. {table} shows the evaluation matrix: for each question, the criterion and judgement criteria, the indicators and sources, the methods.',
  'report.method.tableTitle': 'Evaluation matrix',
  'report.method.colCode': 'EQ',
  'report.method.colQuestion': 'Evaluation question',
  'report.method.colCriteria': 'Criterion and judgement criteria',
  'report.method.colIndicators': 'Indicators and sources',
  'report.method.colMethods': 'Methods',
  'report.method.none': 'The project has no evaluation questions yet.',

  'report.question.heading': '{code} – {text}',
  'report.question.subQuestions': 'Sub-questions',
  'report.question.answer': 'Answer to the question',
  'report.question.answerMissing':
    '[Answer to be completed: write it in the question’s card in Campo.]',
  'report.question.evidence': 'Evidence from interviews and focus groups',
  'report.question.coded':
    'For this question {segments, plural, one {# passage was} other {# passages were}} coded in {sources, plural, one {# source} other {# sources}}.',
  'report.question.codedNone': 'No passage has been coded for this question yet.',
  'report.question.keyIntro': 'The key quotations follow.',
  'report.question.noKey': 'No passage has been marked as a key quotation yet.',
  'report.citation.interview': 'interview',
  'report.citation.focusGroup': 'focus group {code}',
  'report.citation.dated': '{what} of {date}',

  'report.framework.title': 'Summaries by participant and question (framework matrix)',
  'report.framework.intro':
    'The following tables give, for each evaluation question, the evaluator’s summary of what each participant said.',
  'report.framework.tableTitle': '{code}: summary by participant',
  'report.framework.colParticipant': 'Participant',
  'report.framework.colPassages': 'Passages',
  'report.framework.colSummary': 'Summary',
  'report.framework.none': 'No summary has been written in the framework matrix yet.',

  'report.integration.title': 'Integration matrix',
  'report.integration.intro':
    'The matrix rates the coordination and complementarity of the programme with other programmes and policies. Each cell gives the level assigned by the evaluator; its colour repeats it.',
  'report.integration.none': 'The project has no integration matrix.',
  'report.europe2020.title': 'Contribution to the Europe 2020 strategy',
  'report.europe2020.intro':
    'The table gives the programme’s estimated contribution to the Europe 2020 headline targets, next to the national reference value.',
  'report.europe2020.none': 'The project has no Europe 2020 contribution matrix.',
  'report.europe2020.colNational': 'National value',
  'report.matrix.tableTitle': '{matrix}: {dimension}',
  'report.matrix.summaryTitle': '{matrix}: mean level by row',
  'report.matrix.colMean': '{dimension} (mean)',
  'report.matrix.colRated': 'Cells rated',
  'report.matrix.overall': 'Overall',
  'report.matrix.legend':
    'Key: levels {levels}; means over the values {scale}, leaving out “n.a.” and empty (unrated) cells; a mean takes the colour of the nearest level, halfway the higher one.',
  'report.matrix.rationales': 'Rationale of the ratings',

  'report.ngt.title': 'Results of the Nominal Group Technique sessions',
  'report.ngt.intro':
    'The Nominal Group Technique (NGT) gathers a group’s ideas in a structured way: silent individual generation, round robin, clarification, and individual secret voting.',
  'report.ngt.introNote':
    'A. L. Delbecq, A. H. Van de Ven, D. H. Gustafson, Group Techniques for Program Planning, Scott Foresman, 1975.',
  'report.ngt.heading': '{code} – {question}',
  'report.ngt.held':
    'Session {code} was held {date} with {n, plural, one {# participant} other {# participants}}{composition}. Question put to the group: “{question}”.',
  'report.ngt.on': 'on {date}',
  'report.ngt.ideas':
    '{ideas, plural, one {# idea was} other {# ideas were}} gathered{merged, plural, =0 {} one {, # of them merged into another during clarification} other {, # of them merged into others during clarification}}.',
  'report.ngt.rankingTitle': '{code}: ranking of the ideas',
  'report.ngt.secondTitle': '{code}: second round',
  'report.ngt.chartTitle': '{code}: score by idea',
  'report.ngt.valueLabel': 'Score',
  'report.ngt.noVotes': 'No votes were recorded for session {code}.',
  'report.ngt.none': 'The project has no NGT sessions.',
  'report.ngt.notHeld':
    'Session {code} is being prepared: it has not been held yet, and has no ideas or votes recorded.',

  'report.indicators.title': 'Indicators and performance framework',
  'report.indicators.intro':
    'The following tables give, by axis, the programme’s indicators with the values achieved and the achievement rate of the milestone.',
  'report.indicators.tableTitle': 'Indicators – {axis}',
  'report.indicators.noAxis': 'no axis',
  'report.indicators.colCode': 'Code',
  'report.indicators.colName': 'Indicator',
  'report.indicators.colUnit': 'Unit',
  'report.indicators.colMilestone': 'Milestone',
  'report.indicators.colTarget': 'Final target',
  'report.indicators.colAchieved': 'Achieved',
  'report.indicators.colRate': '% of milestone',
  'report.indicators.verdictTitle': 'Performance framework review',
  'report.indicators.rule':
    'An axis achieves its milestones when every indicator reaches at least 85% of its value; with three or more indicators, one may stop at 75%. There is a serious failure when at least two indicators stay below 65% (a single one, with two indicators or fewer).',
  'report.indicators.ruleNote':
    'Commission Implementing Regulation (EU) No 215/2014, Art. 6; Regulation (EU) No 1303/2013, Annex II.',
  'report.indicators.verdictTable': 'Outcome of the review by axis',
  'report.indicators.colAxis': 'Axis',
  'report.indicators.colRates': 'Achievement rates',
  'report.indicators.colVerdict': 'Outcome',
  'report.indicators.noVerdicts':
    'No axis has indicators with both a milestone and an achieved value: the review is not possible yet.',
  'report.indicators.none': 'The project has no indicators.',

  'report.conclusions.title': 'Conclusions and recommendations',

  'report.participants.title': 'Participants',
  'report.participants.intro':
    'Participants are referred to by their pseudonym; role and organisation put the quotations in context.',
  'report.participants.namesWarning':
    'This annex contains the participants’ names (personal data), included at the user’s explicit request: check consent before circulating the document.',
  'report.participants.tableTitle': 'List of participants',
  'report.participants.colName': 'Name',
  'report.participants.none': 'The project has no participants.',

  'report.fieldwork.title': 'Interviews and focus groups',
  'report.fieldwork.intro': 'The table lists the interviews and focus groups held.',
  'report.fieldwork.tableTitle': 'Interviews and focus groups held',
  'report.fieldwork.colCode': 'Code',
  'report.fieldwork.colKind': 'Type',
  'report.fieldwork.colDate': 'Date',
  'report.fieldwork.colMode': 'Mode',
  'report.fieldwork.colParticipants': 'Participants',
  'report.fieldwork.interview': 'Interview',
  'report.fieldwork.focusGroup': 'Focus group',
  'report.fieldwork.none': 'No interview or focus group has been held yet.',
};
