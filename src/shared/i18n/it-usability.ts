/**
 * Italian messages of the usability fixes (issue 14): save-as-you-type, dates, keyboard coding,
 * live-note DV marks, privacy of speaker labels, first steps. Spread into it.ts.
 */
export const itUsability = {
  'save.unsaved': 'Modifiche non salvate',
  'notes.codedLabel': 'DV dalle note ({n})',
  'notes.restoredUnsaved':
    'Le modifiche alle note che Campo non aveva ancora salvato sono tornate da questa finestra: Campo le salva appena risponde.',
  'notes.codeMarks': 'Codifica le note marcate con le loro DV ({n})',
  'notes.codeMarksHint':
    'Ogni nota marcata con Alt+1…9 è codificata con il codice della sua DV; si annulla con Ctrl+Z.',
  'notes.codedDone':
    '{n, plural, =0 {Nessuna nota marcata da codificare.} one {# codifica aggiunta dalle DV delle note.} other {# codifiche aggiunte dalle DV delle note.}}',
  'retrieval.pendingMarks':
    '{n, plural, one {# contrassegno DV delle note dal vivo non è ancora codificato.} other {# contrassegni DV delle note dal vivo non sono ancora codificati.}}',
  'notes.markedWith': 'Marcata dal taccuino con questa DV',
  'coding.keysHint':
    'Da tastiera: ←/→ parola, ↑/↓ frase, Ctrl+↑/↓ intervento, Home/Fine inizio e fine dell’intervento; con Maiusc si seleziona. 1–9 codifica, Invio sceglie un codice per nome, Esc annulla la selezione.',
  'coding.selectedAnnounce': 'Selezionato: {text}',
  'coding.skipToText': 'Vai al testo da codificare',
  'nav.skipToContent': 'Vai al contenuto',
  'date.placeholder': 'gg/mm/aaaa',
  'date.invalid':
    '«{typed}» non è una data: scrivila come giorno/mese/anno, per esempio 15/06/2021.',
  'date.notInCalendar':
    '«{typed}» non è un giorno del calendario: controlla il giorno e il mese (i mesi vanno da 1 a 12, e non tutti hanno 31 giorni).',
  'amount.invalid':
    '«{typed}» non è un numero: scrivilo come 1.234,5 (punto per le migliaia, virgola per i decimali; al massimo 15 cifre).',
  'amount.readAs':
    '«{typed}» è stato letto come {value}. Se intendevi {other} (le migliaia scritte all’inglese), scrivi {other}.',
  'indicators.dateInvalid':
    '«{typed}» non è una data del calendario: scrivi una data vera (15/06/2021) o un periodo (nov 2020).',
  'validation.issue': '{problem} ({field})',
  'validation.field.other': 'un campo',
  'validation.field.date': 'data',
  'validation.field.time': 'ora',
  'validation.field.code': 'codice',
  'validation.field.name': 'nome',
  'validation.field.title': 'titolo',
  'validation.field.text': 'testo',
  'validation.field.question': 'domanda',
  'validation.field.place': 'luogo',
  'validation.field.memo': 'memo',
  'validation.field.description': 'descrizione',
  'validation.field.unit': 'unità',
  'validation.field.referenceDate': 'data di riferimento',
  'validation.field.value': 'valore',
  'validation.field.start': 'inizio del passaggio',
  'validation.field.end': 'fine del passaggio',
  'validation.problem.date': 'scrivi una data come 15/06/2021',
  'validation.problem.datetime': 'data e ora non valide',
  'validation.problem.required': 'non può restare vuoto',
  'validation.problem.tooShort': 'servono almeno {limit} caratteri',
  'validation.problem.tooLong': 'al massimo {limit} caratteri',
  'validation.problem.tooSmall': 'il minimo è {limit}',
  'validation.problem.tooBig': 'il massimo è {limit}',
  'validation.problem.number': 'serve un numero',
  'validation.problem.integer': 'serve un numero intero',
  'validation.problem.format': 'il formato non è valido',
  'validation.problem.choice': 'scegli uno dei valori proposti',
  'validation.problem.invalid': 'il valore non è valido',
  'privacy.unmatchedSpeaker': 'Voce {n}',
  'privacy.unmatchedHint':
    'Voce non abbinata a un partecipante: il nome nel file si vede con «Mostra i nomi».',
  'privacy.hiddenName': 'Nome nascosto (dato personale)',
  'privacy.showName': 'Mostra e modifica il nome',
  'sessions.codeClash':
    '{code} è anche lo pseudonimo di un partecipante che non è in questo incontro: nelle citazioni si confonderebbero. Aggiungilo, se è lui, o cambia il codice.',
  'sessions.codeClashAdd': 'Aggiungi il partecipante {code}',
  'matrix.evidenceWord': '{n, plural, one {evidenza a supporto} other {evidenze a supporto}}',
  'report.composer.indexHint':
    'Indice: Word ne scrive i numeri di pagina all’apertura del file. LibreOffice lo mostra senza numeri finché non lo aggiorni: Strumenti ▸ Aggiorna ▸ Aggiorna tutto.',
  'firstSteps.title': 'Primi passi',
  'firstSteps.intro':
    'Il progetto è pronto. Ecco da dove si comincia di solito; ogni passo si può fare in qualsiasi ordine.',
  'firstSteps.questions': 'Aggiungi le domande di valutazione',
  'firstSteps.questionsHint':
    'DV1, DV2…: ciascuna diventa un codice con il suo tasto rapido per la codifica.',
  'firstSteps.participants': 'Aggiungi i partecipanti',
  'firstSteps.participantsHint':
    'Per pseudonimo (INT-01, FG-01-P3); il nome resta un dato personale, nascosto. Si può importare un elenco CSV o XLSX.',
  'firstSteps.interview': 'Pianifica un’intervista',
  'firstSteps.interviewHint':
    'Data, partecipanti e traccia collegata alle DV; durante l’intervista, gli appunti dal vivo.',
  'firstSteps.transcript': 'Importa una trascrizione',
  'firstSteps.transcriptHint':
    'Word, Teams/Zoom (.vtt), .srt o testo: le voci si abbinano ai partecipanti prima di salvare.',
  'firstSteps.done': 'fatto',
  'time.placeholder': 'hh:mm',
  'time.invalid': '«{typed}» non è un’ora: scrivila come ore:minuti, per esempio 9:30 o 14:00.',
  'sessions.noSourcesYet':
    'Nessuna trascrizione ancora: importane una qui o dalla scheda di un’intervista.',
} as const;
