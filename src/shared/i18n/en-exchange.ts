import type { itExchange } from './it-exchange';

/** English messages of the REFI-QDA exchange: the keys of it-exchange.ts. */
export const enExchange: Record<keyof typeof itExchange, string> = {
  'exchange.summary':
    '{codes, plural, one {# code} other {# codes}}, {sources, plural, one {# document} other {# documents}}, {codings, plural, one {# coding imported} other {# codings imported}}; {unplaced, plural, one {# not placed} other {# not placed}}',
  'exchange.imported':
    'REFI-QDA project imported: {codes, plural, one {# code} other {# codes}}, {sources, plural, one {# document} other {# documents}}, {codings, plural, one {# coding imported} other {# codings imported}}; {unplaced, plural, one {# not placed} other {# not placed}}.',
  'exchange.exported': 'Project exported as REFI-QDA: {file}',
  'exchange.codebookExported': 'Codebook exported as REFI-QDA: {file}',
  'exchange.codebookImported':
    'Codebook imported: {added, plural, one {# new code} other {# new codes}}, {existing, plural, one {# already there} other {# already there}}.',
  'exchange.importQdpx': 'Import from NVivo, ATLAS.ti, MAXQDA… (.qdpx)',
  'exchange.importHint':
    'A REFI-QDA project becomes a new Campo project: codes, documents, codings, cases and notes.',
  'exchange.exportQdpx': 'REFI-QDA project (.qdpx)',
  'exchange.exportQdc': 'REFI-QDA codebook (.qdc)',
  'exchange.importQdc': 'Import codebook (.qdc)',
  'exchange.exportHint':
    'REFI-QDA opens in NVivo, ATLAS.ti, MAXQDA and QualCoder. Participants appear in it by pseudonym only: their names, in the texts, titles and memos too, are replaced as in the report.',
  'exchange.importing': 'Importing…',
  'exchange.unit.codepoint': 'code points (the REFI-QDA standard)',
  'exchange.unit.utf16': 'UTF-16 units (as NVivo writes)',
  'exchange.unit.utf8': 'UTF-8 bytes (as Taguette writes)',
  'exchange.unit.codepoint-crlf1': 'code points with a line break counted once (as ATLAS.ti)',
  'exchange.positions.fit':
    '{n, plural, one {# document} other {# documents}}: positions in {unit}, the only unit that places every passage.',
  'exchange.positions.boundaries':
    '{n, plural, one {# document} other {# documents}}: positions in {unit}. The text says so: {clean} of {ends} passage ends fall between two words, against {other} when read in {otherUnit}.',
  'exchange.positions.names':
    '{n, plural, one {# document} other {# documents}}: positions in {unit}: the name of {named} passages matches the text read this way.',
  'exchange.positions.project':
    '{n, plural, one {# document} other {# documents}}: positions in {unit}. Each document alone says little, but together {clean} of {ends} passage ends fall between two words, against {other} when read in {otherUnit}.',
  'exchange.positions.origin':
    '{n, plural, one {# document} other {# documents}}: positions in {unit}, as the program that made the file writes them ({origin}); the text does not contradict it, but alone it cannot confirm it.',
  'exchange.positions.weak':
    'Weak evidence for {n, plural, one {# document} other {# documents}}: positions read in {unit}, but the text is not enough to be sure. Choose the unit from the sample passages.',
  'exchange.positions.user':
    '{n, plural, one {# document} other {# documents}}: positions in {unit}, as you chose.',
  'exchange.positions.resaved':
    'The file says “{origin}”, but the text points to {unit}: it was probably saved again by another program.',
  'exchange.positions.agree':
    'Passage positions are unambiguous ({n, plural, one {# document} other {# documents}}).',
  'exchange.skip.missing': 'file missing from the archive',
  'exchange.skip.unsupported': 'not a text format',
  'exchange.skip.binary': 'the file is not text',
  'exchange.skip.too-large': 'text too large',
  'exchange.skip.damaged': 'damaged file',
  'exchange.skip.media': 'not a text source (PDF, picture, audio or video)',
  'exchange.skippedSource': '{name}: not imported ({reason})',
  'exchange.shortenedCases':
    '{n, plural, one {# case name longer than 40 characters was shortened} other {# case names longer than 40 characters were shortened}} to make the pseudonym (e.g. “{code}”); the whole name is kept in the attribute “{attribute}”.',
  'exchange.codeGroups':
    '{n, plural, one {# code group} other {# code groups}} ({names}): Campo has no code groups, so each group is written in the description of its codes.',
  'exchange.sourceSets':
    '{n, plural, one {# document group not imported} other {# document groups not imported}}: {names}.',
  'exchange.fromCampo':
    'This file was exported by Campo. REFI-QDA carries codes, texts, codings and cases, not the evaluation questions, interviews and focus groups, speaker turns and roles: to pass a project between colleagues use a work package (Team), which carries them all.',
  'exchange.origin': 'Made with: {origin}',
  'exchange.reviewTitle': 'Import the REFI-QDA project',
  'exchange.reviewIntro':
    'This is what the new project will hold. Nothing has been written yet: check, then import.',
  'exchange.unitChoice': 'How to read the passage positions',
  'exchange.unitChoiceHint':
    'Each option shows the same passages read in a different unit: choose the one where passages start and end between whole words.',
  'exchange.unitSamplesFor': 'Passages of “{source}” read in {unit}',
  'exchange.confirmImport': 'Import',
  'exchange.reading': 'Reading the archive…',
  'exchange.stopReading': 'Stop waiting',
  'exchange.cliPositions': 'Positions: {line}',
  'exchange.cliWeak':
    'Weak evidence: to read the positions in another unit, run again with --unit {units}.',
  'exchange.cliUnknownUnit': 'unknown unit “{unit}”: use {units}',
  'exchange.codebookGroups':
    '{n, plural, one {# code group noted} other {# code groups noted}} in the codes’ descriptions ({names}): Campo has no code groups.',
  'exchange.codebookPreviewTitle': 'Import the codebook of “{file}”',
  'exchange.codebookPreview':
    '{added, plural, one {# new code comes} other {# new codes come}} into the codebook; {existing, plural, =0 {none is there already} one {# is there already and stays as it is} other {# are there already and stay as they are}} (same name in the same place).',
  'exchange.codebookPreviewNothing':
    '{existing, plural, one {The file’s only code is} other {All # codes of the file are}} in the codebook already: there is nothing to import.',
  'exchange.codebookBranches': 'New codes, by branch:',
  'exchange.codebookBranch': '{name}: {codes, plural, one {# code} other {# codes}}',
  'exchange.codebookMoreBranches':
    '{n, plural, one {and one more branch} other {and # more branches}}',
  'exchange.codebookPreviewGroups':
    '{n, plural, one {The file has # code group: it will be noted} other {The file has # code groups: they will be noted}} in the new codes’ descriptions (Campo has no code groups).',
  'exchange.codebookPreviewUndo': 'Ctrl+Z undoes it during this session.',
  'exchange.codebookImport': 'Import {added, plural, one {# code} other {# codes}}',
};
