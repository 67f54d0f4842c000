import type { itAgreement } from './it-agreement';

/** English messages of intercoder agreement: the keys of it-agreement.ts. */
export const enAgreement: Record<keyof typeof itAgreement, string> = {
  'agreement.title': 'Coding reliability',
  'agreement.ratingsTitle': 'Agreement between evaluators on the rating matrices',

  'agreement.method.character':
    'Character-level agreement (NVivo’s method): for each code and document every character is a unit, coded or not by each coder. Agreement = characters coded by both or by neither over all characters; Cohen’s κ on the same counts. Overall figures sum the characters of all documents (an average weighted by length). Coders: {coders}.',
  'agreement.method.segment':
    'Segment-level agreement (MAXQDA’s method): a segment agrees when the other coder has a segment of the same code overlapping it by at least {threshold}% (characters in common over characters covered by either). Agreement = agreeing segments of both coders over all their segments; Brennan and Prediger’s κn with k = {categories} (codes with at least one segment). Coders: {coders}.',
  'agreement.method.unit':
    'Unit-level agreement ({unit}): a coder assigns a code to a unit when one of their codings with that code falls in it by at least {minOverlap, plural, one {# character} other {# characters}}. Cohen’s κ for each pair of coders, Fleiss’ κ for three or more coders and Krippendorff’s α (nominal), per code and overall; a document a coder did not code is missing data. Coders: {coders}.',
  'agreement.method.disagreements':
    'Passages where the coders differ by at least {minDifference, plural, one {# character} other {# characters}}: codings that overlap, directly or through others, form one passage. Coders: {coders}.',
  'agreement.method.ratings':
    'Agreement between evaluators on the matrix “{matrix}”: Krippendorff’s ordinal α and Cohen’s weighted κ (linear and quadratic weights) per dimension, on the scale’s values ({values}). “n.a.” cells and cells left unrated are missing data, left out of the computation. Evaluators: {evaluators}.',

  'agreement.unit.turn': 'speaker turns',
  'agreement.unit.sentence': 'sentences',

  'agreement.undefined': 'undefined',
  'agreement.undefinedShort': 'undef.',
  'agreement.undefinedBecause': 'Undefined: {reason}',
  'agreement.reason.neitherCoded': 'none of the coders used the code.',
  'agreement.reason.noVariation':
    'every unit falls in one category, so there is no chance agreement to correct for.',
  'agreement.reason.noData': 'nothing to compare.',
  'agreement.reason.singleCategory': 'κn needs at least two codes.',

  'agreement.column.code': 'Code',
  'agreement.column.source': 'Document',
  'agreement.column.coders': 'Coders',
  'agreement.column.evaluators': 'Evaluators',
  'agreement.column.dimension': 'Dimension',
  'agreement.column.cell': 'Cell',
  'agreement.column.characters': 'Characters',
  'agreement.column.both': 'Coded by both',
  'agreement.column.only': '{coder} only',
  'agreement.column.bothChars': 'Characters coded by both',
  'agreement.column.onlyChars': 'Characters {coder} only',
  'agreement.column.segments': 'Segments',
  'agreement.column.agreeing': 'Agreeing segments',
  'agreement.column.units': 'Units',
  'agreement.column.percent': 'Agreement (%)',
  'agreement.column.kappa': 'Cohen’s κ',
  'agreement.column.kappaN': 'κn (Brennan–Prediger)',
  'agreement.column.fleiss': 'Fleiss’ κ',
  'agreement.column.alpha': 'Krippendorff’s α',
  'agreement.column.alphaOrdinal': 'Ordinal α',
  'agreement.column.kappaLinear': 'Weighted κ (linear)',
  'agreement.column.kappaQuadratic': 'Weighted κ (quadratic)',
  'agreement.overall': 'Overall',

  'agreement.disagreement.presence': 'Coded by only some of the coders',
  'agreement.ui.otherCodes': 'The same passage, under another code: {list}.',
  'agreement.disagreement.extent': 'Coded by all, with different bounds',
  'agreement.difference.level': 'Different levels',
  'agreement.difference.notApplicable': '“n.a.” for some evaluators only',
  'agreement.difference.unrated': 'Not rated by everyone',

  'agreement.ignoredCodings':
    '{count, plural, one {# coding left out as empty or outside the text} other {# codings left out as empty or outside the text}}.',
  'agreement.sourcesWithoutUnits':
    '{count, plural, one {# document left out for lack of units} other {# documents left out for lack of units}}.',
  'agreement.missingRatings':
    '{evaluator}: {notApplicable, plural, one {# “n.a.” cell} other {# “n.a.” cells}} and {unrated, plural, one {# unrated cell} other {# unrated cells}}, treated as missing data.',
  'report.sections.agreement': 'Coding reliability',
  'agreement.report.none':
    'Fewer than two evaluators coded the same sources: intercoder agreement cannot be computed.',
  'agreement.report.intro':
    'To check the reliability of the coding, the codings of {coders} were compared over {sources, plural, one {# document} other {# documents}} and {codes, plural, one {# code} other {# codes}}. The tables below give agreement at character, segment and unit level, each with its method beneath it. "undef." marks a statistic that is not defined (for instance a code no coder used in a document), never perfect agreement.',
  'agreement.report.sourceWhat': 'the evaluators’ codings',
  'agreement.report.ratingsWhat': 'the evaluators’ ratings',
  'agreement.report.ratingsHeading': 'Agreement on the ratings: {matrix}',
  'agreement.report.ratingsIntro':
    'The matrices {matrices}, each filled in by one evaluator from the same template, were compared cell by cell ({cells, plural, one {# cell} other {# cells}} per dimension). For each dimension the table gives Krippendorff’s ordinal α and, for each pair, percent agreement and weighted κ; the cells rated differently follow, to be discussed before the team’s rating.',
  'agreement.report.ratingsTitle': 'Agreement on the ratings by dimension: {matrix}',
  'agreement.report.ratingDifferencesTitle': 'Cells rated differently: {matrix}',
  'agreement.report.moreDifferences':
    '{count, plural, one {One more cell rated differently is not listed} other {# more cells rated differently are not listed}}: they are in the comparison in Campo (Coding ▸ Agreement ▸ Ratings).',
  'agreement.report.characterTitle': 'Character-level agreement by code: {a} and {b}',
  'agreement.report.segmentTitle': 'Segment-level agreement by code: {a} and {b}',
  'agreement.report.unitTitle':
    'Agreement by unit ({unit}, {units, plural, one {# unit} other {# units}}) by code',
  'agreement.consensus': 'Consensus',
  'agreement.xlsx.sheet': 'Reliability',
  'agreement.xlsx.level': 'Level',
  'agreement.xlsx.coderA': 'Coder A',
  'agreement.xlsx.coderB': 'Coder B',
  'agreement.xlsx.compared': 'Units compared',
  'agreement.xlsx.undefined': 'Undefined because',
  'agreement.xlsx.method': 'Method',
  'agreement.xlsx.ratingsSheet': 'Rating agreement',
  'agreement.xlsx.matrix': 'Reference matrix',
  'agreement.xlsx.evaluatorA': 'Evaluator A',
  'agreement.xlsx.evaluatorB': 'Evaluator B',
  'agreement.xlsx.character': 'Character (NVivo)',
  'agreement.xlsx.segment': 'Segment (MAXQDA)',
  'agreement.xlsx.unit': 'Unit: {unit}',
  'agreement.cli.usage':
    '  campo agreement <project> [--coders anna,bruno] [--codes Delays,…] [--threshold 0.9] [--unit turn|sentence] [--json]\n  campo agreement <project> --matrices "Integration – Anna,Integration – Bruno"\n                            intercoder agreement (character, segment, unit)',
  'agreement.cli.heading':
    'Coding reliability – {title}: {coders}; {sources, plural, one {# document} other {# documents}}, {codes, plural, one {# code} other {# codes}}.',
  'agreement.cli.flagged':
    '{count, plural, one {# coding left out because its text changed (to review)} other {# codings left out because their text changed (to review)}}.',
  'agreement.cli.unknownCoder': 'unknown coder "{coder}". The project’s coders: {known}.',
  'agreement.cli.fewCoders':
    'at least two coders with codings are needed (name them with --coders).',
  'agreement.cli.badOption':
    'invalid option: --threshold goes from 0 to 1 (e.g. 0.9), --unit is turn or sentence.',
  'coding.tab.agreement': 'Agreement',
  'agreement.ui.views': 'Agreement views',
  'agreement.ui.figures': 'Figures',
  'agreement.ui.disagreements': 'Disagreements',
  'agreement.ui.scope': 'What to compare',
  'agreement.ui.coders': 'Coders',
  'agreement.ui.coderLine':
    '{codings, plural, one {# coding} other {# codings}} in {sources, plural, one {# document} other {# documents}}',
  'agreement.ui.sources': 'Documents',
  'agreement.ui.codes': 'Codes',
  'agreement.ui.all': 'All',
  'agreement.ui.allSelected': 'all ({count})',
  'agreement.ui.threshold': 'Segment overlap threshold (%)',
  'agreement.ui.unit': 'Unit',
  'agreement.ui.compute': 'Compute agreement',
  'agreement.ui.computing': 'Computing…',
  'agreement.ui.fewCoders':
    'At least two coders with codings in the same documents are needed. Each evaluator codes in their own layer; their layers are compared here.',
  'agreement.ui.noCoders': 'Nobody has coded in this project yet.',
  'agreement.ui.chooseTwo': 'Choose at least two coders.',
  'agreement.ui.flagged':
    '{count, plural, one {# coding is left out because the text changed under it (to review).} other {# codings are left out because the text changed under them (to review).}}',
  'agreement.ui.pair': '{a} and {b}',
  'agreement.ui.summaryCharacter': 'Character (NVivo)',
  'agreement.ui.summarySegment': 'Segment (MAXQDA)',
  'agreement.ui.summaryUnit': 'Unit ({unit})',
  'agreement.ui.perCode': 'By code',
  'agreement.ui.method': 'Method',
  'agreement.ui.bands':
    'Conventional reading: κ after Landis and Koch (≤ 0.20 slight; 0.21–0.40 fair; 0.41–0.60 moderate; 0.61–0.80 substantial; > 0.80 almost perfect); α after Krippendorff (≥ 0.800 reliable; 0.667–0.800 tentative conclusions only).',
  'agreement.band.poor': 'poor',
  'agreement.band.slight': 'slight',
  'agreement.band.fair': 'fair',
  'agreement.band.moderate': 'moderate',
  'agreement.band.substantial': 'substantial',
  'agreement.band.almostPerfect': 'almost perfect',
  'agreement.band.reliable': 'reliable',
  'agreement.band.tentative': 'tentative',
  'agreement.band.unreliable': 'not reliable',
  'agreement.ui.none': 'No disagreements: the chosen coders coded alike.',
  'agreement.ui.count': '{shown} of {total, plural, one {# disagreement} other {# disagreements}}',
  'agreement.ui.position': 'Disagreement {n} of {total}',
  'agreement.ui.list': 'Disagreements',
  'agreement.ui.consensusColumn': 'Consensus',
  'agreement.ui.consensusEmpty': 'No consensus coding in this passage.',
  'agreement.ui.consensusNone': 'Decided: neither version; nothing is coded in this passage.',
  'agreement.ui.notCoded': 'not coded',
  'agreement.ui.status.open': 'to decide',
  'agreement.ui.status.decided': 'decided',
  'agreement.ui.accept': 'Accept {coder}',
  'agreement.ui.acceptAll': '{count, plural, =2 {Both versions} other {All versions}}',
  'agreement.ui.acceptNone': 'Neither',
  'agreement.ui.keepCode': 'Keep {code} from {coder}',
  'agreement.ui.bothCodes': 'Both codes',
  'agreement.ui.neitherCode': 'Neither code',
  'agreement.ui.choiceTitle': '{first} or {second}',
  'agreement.ui.choiceHelp':
    'The same passage under a different code for each coder: choose which code it belongs to (it counts as two disagreements in the figures).',
  'agreement.ui.choiceKeys':
    '↑ ↓ or J K: previous or next passage · {keys}: keep that coder’s code · E: {allKey} · N: neither code (a decision moves on to the next passage by itself) · O: open in the text · Ctrl+Z: undo',
  'agreement.ui.openInText': 'Open in the text',
  'agreement.ui.keys':
    '↑ ↓ or J K: previous or next passage · {keys}: accept that version · E: {allKey} · N: neither (a decision moves on to the next passage by itself) · O: open in the text · Ctrl+Z: undo',
  'agreement.ui.decided': 'Consensus saved for "{code}".',
  'agreement.ui.redecided': 'Decision changed for "{code}".',
  'agreement.ui.resolveHelp':
    'The decision goes into the "Consensus" layer, apart from the coders’ layers, and Ctrl+Z undoes it.',
  'agreement.ui.kind': 'Kind',
  'agreement.ui.segmentPercent': 'Segments (%)',
  'agreement.ui.unitKappa': 'κ by {unit}',
  'agreement.ui.ratings': 'Ratings',
  'agreement.ui.matrices': 'Matrices to compare',
  'agreement.ui.matricesHelp':
    'Each evaluator fills their own matrix from the same template (for instance "Integration – Anna" and "Integration – Bruno"): rows, columns and levels are matched by name.',
  'agreement.ui.chooseTwoMatrices': 'Choose at least two matrices filled by different evaluators.',
  'agreement.ui.cells': 'Cells both rated',
  'agreement.ui.ratingsInReport':
    'Include this comparison in the report’s “Coding reliability” annex',
  'agreement.ui.differences':
    '{count, plural, =0 {No cell rated differently} one {# cell rated differently} other {# cells rated differently}}',
  'agreement.ui.unplaced':
    '{count, plural, one {# rating that does not match the first matrix (row, column or level) is left out.} other {# ratings that do not match the first matrix (row, column or level) are left out.}}',
  'agreement.cli.unknownMatrix':
    'unknown matrix "{matrix}" (at least two are needed). The project’s matrices: {known}.',
};
