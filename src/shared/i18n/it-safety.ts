/**
 * Italian messages of hostile-input refusals and path grants (issue 15), spread into it.ts.
 * `refusal.*` keys are the reasons of FILE_DAMAGED errors: `details.reasonKey` names one, and
 * `errorMessage` shows it in the user's language.
 */
export const itSafety = {
  'refusal.zipTruncated': 'archivio zip troncato',
  'refusal.zipIndexMisplaced': 'indice dello zip fuori posto',
  'refusal.zipIndexDamaged': 'indice dello zip danneggiato',
  'refusal.zipUnsafePath': 'percorso non ammesso nell’archivio: {entry}',
  'refusal.unzippedTooLarge': 'contenuto decompresso troppo grande',
  'refusal.entryEncrypted': '{entry} è cifrato',
  'refusal.entryHeaderDamaged': '{entry}: intestazione dello zip danneggiata',
  'refusal.entryTruncated': '{entry}: dati troncati',
  'refusal.entryLiesAboutSize': '{entry} è più grande di quanto dichiara (zip bomb)',
  'refusal.entryCorrupt': '{entry}: dati compressi danneggiati',
  'refusal.entryMethod': '{entry}: metodo di compressione non supportato',
  'refusal.entrySizeMismatch': '{entry}: dimensione diversa da quella dichiarata',
  'refusal.xmlDoctype': 'il file XML contiene una dichiarazione DOCTYPE o ENTITY: non viene aperto',
  'refusal.xmlInvalid': 'XML non valido alla riga {line}, colonna {column}',
  'refusal.xmlTruncated':
    'il file si interrompe alla riga {line} prima di chiudere l’elemento «{element}»: probabilmente è troncato',
  'refusal.xmlTooDeep': 'elementi XML annidati oltre {max} livelli',
  'refusal.notRefi':
    'non è {expected, select, project {un progetto} other {un codebook}} REFI-QDA (manca l’elemento {element})',
  'refusal.severalQde': 'l’archivio contiene più file .qde: non si sa quale aprire',
  'refusal.parserMemory': 'leggerlo richiederebbe più di {mb} MB di memoria',
  'refusal.parserStopped': 'la lettura si è interrotta ({detail})',
  'refusal.notSpreadsheet':
    'non è un foglio di calcolo che Campo sa leggere (XLSX, XLS, ODS o CSV)',
  'refusal.parserError': 'errore di lettura: {detail}',
  'refusal.textRunTooLong': 'contiene un testo di {size} senza interruzioni; il massimo è {max}',
  'refusal.tooManyTurns': 'contiene più di {max} turni di parola',
  'refusal.tooManyCodes': 'contiene più di {max} codici',
  'refusal.codesTooDeep': 'annida i codici oltre {max} livelli',
  'refusal.unexpectedContent': 'contenuto inatteso',
  'cli.problem.restorePending':
    'il ripristino del backup {backupId} si è interrotto: sarà completato alla prossima apertura',
  'errors.PATH_NOT_GRANTED':
    'Campo non può usare {path}: sceglila con la finestra «Apri» o «Salva» del sistema.',
  'errors.REQUEST_TOO_LARGE':
    'Il file è troppo grande per essere caricato ({size}); il massimo è {max}. Non è stato cambiato nulla.',
} as const;
