/** Italian messages of the project store v2 (revisions, other windows, caches), spread into it.ts. */
export const itStore = {
  'errors.STALE_CHANGE':
    'Non salvato: «{field}» è stato modificato in un’altra finestra mentre lavoravi qui. La finestra ora mostra la versione salvata; rifai la modifica se serve ancora.',
  'store.indexing': 'Indicizzazione del progetto… {percent} %',
  'cli.problem.drifted':
    '{file}: {count, plural, one {# codifica non corrisponde più} other {# codifiche non corrispondono più}} al testo (modificato fuori da Campo): segnalate per la revisione',
} as const;
