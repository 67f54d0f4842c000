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
  'agreement.reason.neitherCoded': 'Undefined: none of the coders used the code.',
  'agreement.reason.noVariation':
    'Undefined: every unit falls in one category, so there is no chance agreement to correct for.',
  'agreement.reason.noData': 'Undefined: nothing to compare.',
  'agreement.reason.singleCategory': 'Undefined: κn needs at least two codes.',

  'agreement.column.code': 'Code',
  'agreement.column.source': 'Document',
  'agreement.column.coders': 'Coders',
  'agreement.column.evaluators': 'Evaluators',
  'agreement.column.dimension': 'Dimension',
  'agreement.column.cell': 'Cell',
  'agreement.column.characters': 'Characters',
  'agreement.column.both': 'Coded by both',
  'agreement.column.only': '{coder} only',
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
    'To check the reliability of the coding, the codings of {coders} were compared over {sources, plural, one {# document} other {# documents}} and {codes, plural, one {# code} other {# codes}}. The tables below give agreement at character, segment and unit level, each with its method beneath it. "undef." marks a statistic that is not defined (for instance a code neither coder used in a document), never perfect agreement.',
  'agreement.report.sourceWhat': 'the evaluators’ codings',
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
  'agreement.xlsx.character': 'Character (NVivo)',
  'agreement.xlsx.segment': 'Segment (MAXQDA)',
  'agreement.xlsx.unit': 'Unit: {unit}',
  'agreement.cli.usage':
    '  campo agreement <project> [--coders anna,bruno] [--codes Delays,…] [--threshold 0.9] [--unit turn|sentence] [--json]\n                            intercoder agreement (character, segment, unit)',
  'agreement.cli.heading':
    'Coding reliability – {title}: {coders}; {sources, plural, one {# document} other {# documents}}, {codes, plural, one {# code} other {# codes}}.',
  'agreement.cli.flagged':
    '{count, plural, one {# coding left out because its text changed (to review)} other {# codings left out because their text changed (to review)}}.',
  'agreement.cli.unknownCoder': 'unknown coder "{coder}". The project’s coders: {known}.',
  'agreement.cli.fewCoders':
    'at least two coders with codings are needed (name them with --coders).',
  'agreement.cli.badOption':
    'invalid option: --threshold goes from 0 to 1 (e.g. 0.9), --unit is turn or sentence.',
};
