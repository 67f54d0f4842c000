/**
 * Italian messages of the usability fixes (issue 14): save-as-you-type, dates, keyboard coding,
 * live-note DV marks, privacy of speaker labels, first steps. Spread into it.ts.
 */
export const itUsability = {
  'save.unsaved': 'Modifiche non salvate',
  'notes.codedLabel': 'DV dalle note ({n})',
  'notes.codeMarks': 'Codifica le note marcate con le loro DV ({n})',
  'notes.codeMarksHint':
    'Ogni nota marcata con Alt+1…9 è codificata con il codice della sua DV; si annulla con Ctrl+Z.',
  'notes.codedDone':
    '{n, plural, =0 {Nessuna nota marcata da codificare.} one {# codifica aggiunta dalle DV delle note.} other {# codifiche aggiunte dalle DV delle note.}}',
  'retrieval.pendingMarks':
    '{n, plural, one {# contrassegno DV delle note dal vivo non è ancora codificato.} other {# contrassegni DV delle note dal vivo non sono ancora codificati.}}',
  'notes.markedWith': 'Marcata dal taccuino con questa DV',
  'coding.keysHint':
    'Da tastiera: ←/→ parola, ↑/↓ frase, Ctrl+↑/↓ intervento, Home/Fine inizio e fine dell’intervento; con Maiusc si seleziona. 1–9 codifica, Esc annulla la selezione.',
  'coding.selectedAnnounce': 'Selezionato: {text}',
  'coding.skipToText': 'Vai al testo da codificare',
  'nav.skipToContent': 'Vai al contenuto',
} as const;
