/** Italian messages of the REFI-QDA exchange (QDPX, QDC), spread into it.ts. */
export const itExchange = {
  'exchange.summary':
    '{codes, plural, one {# codice} other {# codici}}, {sources, plural, one {# documento} other {# documenti}}, {codings, plural, one {# codifica importata} other {# codifiche importate}}; {unplaced, plural, one {# non collocata} other {# non collocate}}',
  'exchange.imported':
    'Progetto REFI-QDA importato: {codes, plural, one {# codice} other {# codici}}, {sources, plural, one {# documento} other {# documenti}}, {codings, plural, one {# codifica importata} other {# codifiche importate}}; {unplaced, plural, one {# non collocata} other {# non collocate}}.',
  'exchange.exported': 'Progetto esportato in formato REFI-QDA: {file}',
  'exchange.codebookExported': 'Codebook esportato in formato REFI-QDA: {file}',
  'exchange.codebookImported':
    'Codebook importato: {added, plural, one {# codice nuovo} other {# codici nuovi}}, {existing, plural, one {# già presente} other {# già presenti}}.',
  'exchange.importQdpx': 'Importa da NVivo, ATLAS.ti, MAXQDA… (.qdpx)',
  'exchange.importHint':
    'Un progetto REFI-QDA diventa un nuovo progetto Campo: codici, documenti, codifiche, casi e note.',
  'exchange.exportQdpx': 'Progetto REFI-QDA (.qdpx)',
  'exchange.exportQdc': 'Codebook REFI-QDA (.qdc)',
  'exchange.importQdc': 'Importa codebook (.qdc)',
  'exchange.exportHint':
    'Il formato REFI-QDA si apre in NVivo, ATLAS.ti, MAXQDA e QualCoder. Contiene i partecipanti solo per pseudonimo.',
  'exchange.importing': 'Importazione in corso…',
} as const;
