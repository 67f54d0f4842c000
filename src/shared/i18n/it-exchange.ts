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
    'Il formato REFI-QDA si apre in NVivo, ATLAS.ti, MAXQDA e QualCoder. I partecipanti vi compaiono solo per pseudonimo: i loro nomi, anche dentro i testi, i titoli e i memo, sono sostituiti come nel rapporto.',
  'exchange.importing': 'Importazione in corso…',
  'exchange.unit.codepoint': 'punti di codice (lo standard REFI-QDA)',
  'exchange.unit.utf16': 'unità UTF-16 (come scrive NVivo)',
  'exchange.unit.utf8': 'byte UTF-8 (come scrive Taguette)',
  'exchange.unit.codepoint-crlf1': 'punti di codice con l’a capo contato una volta (come ATLAS.ti)',
  'exchange.positions.fit':
    '{n, plural, one {# documento} other {# documenti}}: posizioni in {unit}, l’unica unità che colloca tutti i passaggi.',
  'exchange.positions.boundaries':
    '{n, plural, one {# documento} other {# documenti}}: posizioni in {unit}. Lo dice il testo: {clean} estremi di passaggi su {ends} cadono tra due parole, contro {other} leggendoli in {otherUnit}.',
  'exchange.positions.names':
    '{n, plural, one {# documento} other {# documenti}}: posizioni in {unit}: il nome di {named} passaggi coincide con il testo letto così.',
  'exchange.positions.project':
    '{n, plural, one {# documento} other {# documenti}}: posizioni in {unit}. Ogni documento da solo dice poco, ma insieme {clean} estremi di passaggi su {ends} cadono tra due parole, contro {other} leggendoli in {otherUnit}.',
  'exchange.positions.origin':
    '{n, plural, one {# documento} other {# documenti}}: posizioni in {unit}, come scrive il programma che ha creato il file ({origin}); il testo non lo contraddice, ma da solo non basta a confermarlo.',
  'exchange.positions.weak':
    'Prova debole per {n, plural, one {# documento} other {# documenti}}: posizioni lette in {unit}, ma il testo non basta a esserne sicuri. Scegli l’unità guardando i passaggi di esempio.',
  'exchange.positions.user':
    '{n, plural, one {# documento} other {# documenti}}: posizioni in {unit}, come hai scelto.',
  'exchange.positions.resaved':
    'Il file dichiara «{origin}», ma il testo indica {unit}: forse è stato risalvato da un altro programma.',
  'exchange.positions.agree':
    'Posizioni dei passaggi senza ambiguità ({n, plural, one {# documento} other {# documenti}}).',
  'exchange.skip.missing': 'file assente dall’archivio',
  'exchange.skip.unsupported': 'formato non di testo',
  'exchange.skip.binary': 'il file non è testo',
  'exchange.skip.too-large': 'testo troppo grande',
  'exchange.skip.damaged': 'file danneggiato',
  'exchange.skip.media': 'sorgente non testuale (PDF, immagine, audio o video)',
  'exchange.skippedSource': '{name}: non importato ({reason})',
  'exchange.shortenedCases':
    '{n, plural, one {# nome di caso più lungo di 40 caratteri è stato abbreviato} other {# nomi di casi più lunghi di 40 caratteri sono stati abbreviati}} per farne lo pseudonimo (es. «{code}»); il nome intero resta nell’attributo «{attribute}».',
  'exchange.codeGroups':
    '{n, plural, one {# gruppo di codici} other {# gruppi di codici}} ({names}): Campo non ha gruppi di codici, quindi il gruppo è scritto nella descrizione di ogni suo codice.',
  'exchange.sourceSets':
    '{n, plural, one {# gruppo di documenti non importato} other {# gruppi di documenti non importati}}: {names}.',
  'exchange.fromCampo':
    'Questo file è stato esportato da Campo. Il formato REFI-QDA porta codici, testi, codifiche e casi, non le domande di valutazione, le interviste e i focus group, i turni di parola e i ruoli: per passare un progetto tra colleghi usate un pacchetto di lavoro (Gruppo di lavoro), che li porta tutti.',
  'exchange.origin': 'Creato con: {origin}',
  'exchange.reviewTitle': 'Importa il progetto REFI-QDA',
  'exchange.reviewIntro':
    'Ecco che cosa diventerà il nuovo progetto. Nulla è ancora stato scritto: controlla e poi importa.',
  'exchange.unitChoice': 'Come leggere le posizioni dei passaggi',
  'exchange.unitChoiceHint':
    'Ogni riga mostra gli stessi passaggi letti in un’unità diversa: scegli quella in cui i passaggi iniziano e finiscono tra parole intere.',
  'exchange.unitSamplesFor': 'Passaggi di «{source}» letti in {unit}',
  'exchange.confirmImport': 'Importa',
  'exchange.reading': 'Lettura dell’archivio…',
  'exchange.stopReading': 'Smetti di attendere',
  'exchange.cliPositions': 'Posizioni: {line}',
  'exchange.cliWeak':
    'Prova debole: per leggere le posizioni in un’altra unità ripeti con --unit {units}.',
  'exchange.cliUnknownUnit': 'unità sconosciuta «{unit}»: si può usare {units}',
  'exchange.codebookGroups':
    '{n, plural, one {# gruppo di codici annotato} other {# gruppi di codici annotati}} nella descrizione dei codici ({names}): Campo non ha gruppi di codici.',
  'exchange.codebookPreviewTitle': 'Importa il codebook di «{file}»',
  'exchange.codebookPreview':
    '{added, plural, one {# codice nuovo} other {# codici nuovi}} entrano nel codebook; {existing, plural, =0 {nessuno è già presente} one {# è già presente e resta com’è} other {# sono già presenti e restano come sono}} (stesso nome nello stesso punto).',
  'exchange.codebookPreviewNothing':
    '{existing, plural, one {L’unico codice del file è già} other {Tutti i # codici del file sono già}} nel codebook: non c’è niente da importare.',
  'exchange.codebookBranches': 'Codici nuovi, per ramo:',
  'exchange.codebookBranch': '{name}: {codes, plural, one {# codice} other {# codici}}',
  'exchange.codebookMoreBranches': '{n, plural, one {e un altro ramo} other {e altri # rami}}',
  'exchange.codebookPreviewGroups':
    '{n, plural, one {Il file ha # gruppo di codici: sarà annotato} other {Il file ha # gruppi di codici: saranno annotati}} nella descrizione dei codici nuovi (Campo non ha gruppi di codici).',
  'exchange.codebookPreviewUndo': 'Si può annullare con Ctrl+Z durante questa sessione.',
  'exchange.codebookImport': 'Importa {added, plural, one {# codice} other {# codici}}',
} as const;
