/** Italian messages of the REFI-QDA exchange (QDPX, QDC), spread into it.ts. */
export const itExchange = {
  'exchange.summary':
    '{codes, plural, one {# codice} other {# codici}}, {sources, plural, one {# documento} other {# documenti}}, {codings, plural, one {# codifica importata} other {# codifiche importate}}; {unplaced, plural, one {# non collocata} other {# non collocate}}',
} as const;
