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
    'REFI-QDA opens in NVivo, ATLAS.ti, MAXQDA and QualCoder. It holds participants by pseudonym only.',
  'exchange.importing': 'Importing…',
};
