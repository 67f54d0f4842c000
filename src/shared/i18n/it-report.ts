/**
 * Italian messages of the report draft (DOCX) and its composer, spread into it.ts. The report's
 * own text follows the language chosen for the report, not the interface's.
 */
export const itReport = {
  'report.sections.cover': 'Copertina',
  'report.sections.index': 'Indice',
  'report.sections.premessa': 'Premessa',
  'report.sections.method': 'Domande di valutazione e approccio metodologico',
  'report.sections.questions': 'Un capitolo per ogni domanda di valutazione',
  'report.sections.framework': 'Sintesi della matrice quadro',
  'report.sections.integration': 'Matrice di integrazione',
  'report.sections.europe2020': 'Contributo a Europa 2020',
  'report.sections.ngt': 'Sessioni NGT',
  'report.sections.indicators': 'Indicatori e quadro di performance',
  'report.sections.conclusions': 'Conclusioni e raccomandazioni',
  'report.sections.participants': 'Allegato: partecipanti',
  'report.sections.fieldwork': 'Allegato: interviste e focus group',

  'report.composer.intro':
    'Componi la bozza del rapporto dai dati del progetto: scegli le sezioni e il loro ordine, poi esporta in Word. Le citazioni sono sempre anonime.',
  'report.composer.emptyFieldwork':
    '(ancora nessuna intervista o focus group svolto in «Interviste» e «Focus group»: le trascrizioni da sole non lo riempiono)',
  'report.composer.emptySection': '(ancora nessun dato)',
  'report.composer.emptyTicked':
    '{n, plural, one {# sezione scelta non ha} other {# sezioni scelte non hanno}} ancora dati di questo progetto: nella bozza {n, plural, one {sarebbe una pagina quasi vuota} other {sarebbero pagine quasi vuote}}.',
  'report.composer.untickEmpty': 'Togli le sezioni senza dati',
  'report.composer.sections': 'Sezioni',
  'report.composer.sectionsHint':
    'Spunta le sezioni da includere. Per spostarne una usa le frecce, oppure Alt+↑ e Alt+↓ sulla casella.',
  'report.composer.moveUp': 'Sposta in su: {section}',
  'report.composer.moveDown': 'Sposta in giù: {section}',
  'report.composer.details': 'Copertina',
  'report.composer.title': 'Titolo',
  'report.composer.version': 'Versione',
  'report.composer.date': 'Data',
  'report.composer.evaluator': 'Valutatore',
  'report.composer.outlineLanguage':
    'Lo schema è nella lingua del rapporto ({language}), che si sceglie in «{field}», non in quella dell’interfaccia.',
  'report.composer.language': 'Lingua del rapporto',
  'report.composer.includeNames':
    'Includi i nomi reali dei partecipanti nell’allegato (dati personali)',
  'report.composer.namesWarning':
    'I nomi compariranno nell’allegato dei partecipanti di questa esportazione. L’opzione non viene salvata: va richiesta ogni volta.',
  'report.composer.export': 'Esporta',
  'report.composer.exportDocx': 'Rapporto in Word (DOCX)',
  'report.composer.exportXlsx': 'Dati in Excel (XLSX)',
  'report.composer.exportHint':
    'Il file Word usa gli stili Titolo 1–3 e Didascalia: in Word, aggiorna l’indice con F9.',
  'report.composer.progress': 'Avanzamento dell’esportazione',
  'report.composer.progressText': 'Scrittura in corso… {percent}%',
  'report.composer.docxDone': 'Rapporto esportato: {file}',
  'report.composer.xlsxDone': 'Dati esportati: {file}',
  'report.composer.outline': 'Indice del rapporto',
  'report.composer.unreadable':
    'Attenzione: {count, plural, one {una trascrizione non si può leggere} other {# trascrizioni non si possono leggere}} ({titles}). Ciò che vi è codificato non è contato qui, e il rapporto non si esporta finché non ripristini una copia di sicurezza.',
  'report.composer.counts':
    '{tables, plural, one {# tavola} other {# tavole}}, {figures, plural, one {# figura} other {# figure}}, {quotations, plural, one {# citazione} other {# citazioni}}.',

  'report.version.draft': 'Bozza',
  'report.version.final': 'Versione finale',
  'report.header.draft': 'BOZZA',
  'report.page': 'pag.',
  'report.of': 'di',
  'report.toc': 'Indice',
  'report.chapter': '{n}. {title}',
  'report.annex': 'Allegato {n} – {title}',
  'report.tableCaption': 'Tavola {number} – {title}',
  'report.tableRef': 'Tavola {number}',
  'report.figureCaption': 'Figura {number} – {title}',
  'report.source': 'Fonte: elaborazioni del valutatore su {what}',
  'report.sourceWhat.design': 'disegno della valutazione',
  'report.sourceWhat.fieldwork': 'interviste e focus group',
  'report.sourceWhat.matrix': 'interviste, focus group e analisi documentale',
  'report.sourceWhat.ngt': 'esiti della sessione {code}',
  'report.sourceWhat.monitoring': 'dati di monitoraggio del programma',
  'report.sourceWhat.registry': 'dati del lavoro sul campo',
  'report.sourceGiven': 'Fonte: {source}',
  'report.placeholder': '[Da completare a cura del valutatore.]',

  'report.premessa.opening':
    'Il presente documento costituisce {version, select, draft {la bozza} other {la versione finale}} del rapporto «{title}».',
  'report.premessa.programme': 'Il rapporto riguarda il {programme}.',
  'report.premessa.period': 'L’analisi copre il periodo da {from} a {to}.',
  'report.premessa.objectives': 'Obiettivi tematici e assi considerati: {list}.',
  'report.premessa.evidence':
    'Le evidenze qualitative provengono da {interviews, plural, =0 {nessuna intervista} one {# intervista} other {# interviste}}, {focusGroups, plural, =0 {nessun focus group} one {# focus group} other {# focus group}} e {ngt, plural, =0 {nessuna sessione di Nominal Group Technique} one {# sessione di Nominal Group Technique} other {# sessioni di Nominal Group Technique}}, con {participants, plural, one {# partecipante} other {# partecipanti}} in tutto.',
  'report.premessa.evidenceSources':
    'Le evidenze qualitative provengono da {sources, plural, one {# trascrizione o documento non ancora collegato} other {# trascrizioni e documenti non ancora collegati}} a un’intervista o a un focus group, con {participants, plural, =0 {nessun partecipante registrato} one {# partecipante} other {# partecipanti}} in tutto.',
  'report.premessa.unlinked':
    'Vi si {sources, plural, one {aggiunge # trascrizione o documento non collegato} other {aggiungono # trascrizioni e documenti non collegati}} a un’intervista o a un focus group.',
  'report.premessa.anonymity':
    'Le citazioni sono riportate in forma anonima: ogni partecipante è indicato con il proprio pseudonimo.',
  'report.premessa.anonymityNote':
    'Gli pseudonimi (ad esempio INT-03 per un’intervista, FG-01-P2 per un partecipante a un focus group) sono assegnati da Campo; i nomi restano nel progetto di lavoro e non compaiono nel rapporto.',
  'report.premessa.anonymityNoteNames':
    'Gli pseudonimi sono assegnati da Campo; i nomi compaiono soltanto nell’allegato dei partecipanti, inclusi su richiesta esplicita.',

  'report.method.title': 'Domande di valutazione e approccio metodologico',
  'report.method.intro':
    'La valutazione si articola in {n, plural, one {# domanda} other {# domande}} di valutazione. La {table} riporta la matrice di valutazione: per ogni domanda, il criterio e i criteri di giudizio, gli indicatori e le fonti, i metodi.',
  'report.method.tableTitle': 'Matrice di valutazione',
  'report.method.colCode': 'DV',
  'report.method.colQuestion': 'Domanda di valutazione',
  'report.method.colCriteria': 'Criterio e criteri di giudizio',
  'report.method.colIndicators': 'Indicatori e fonti',
  'report.method.colMethods': 'Metodi',
  'report.method.none': 'Il progetto non contiene ancora domande di valutazione.',

  'report.question.heading': '{code} – {text}',
  'report.question.subQuestions': 'Domande specifiche',
  'report.question.answer': 'Risposta alla domanda',
  'report.question.answerMissing':
    '[Risposta da completare: scriverla nella scheda della domanda in Campo.]',
  'report.question.evidence': 'Evidenze dalle interviste e dai focus group',
  'report.question.coded':
    'Per questa domanda {segments, plural, one {è stato codificato # passaggio} other {sono stati codificati # passaggi}} in {sources, plural, one {# fonte} other {# fonti}}.',
  'report.question.codedNone': 'Nessun passaggio è stato ancora codificato per questa domanda.',
  'report.question.keyIntro': 'Di seguito le citazioni chiave.',
  'report.question.noKey': 'Nessun passaggio è ancora segnato come citazione chiave.',
  'report.citation.interview': 'intervista',
  'report.citation.focusGroup': 'focus group {code}',
  'report.citation.dated': '{what} del {date}',

  'report.framework.title': 'Sintesi per partecipante e domanda (matrice quadro)',
  'report.framework.intro':
    'Le tavole seguenti riportano, per ogni domanda di valutazione, la sintesi del valutatore di quanto emerso da ciascun partecipante.',
  'report.framework.tableTitle': '{code}: sintesi per partecipante',
  'report.framework.colParticipant': 'Partecipante',
  'report.framework.colPassages': 'Passaggi',
  'report.framework.colSummary': 'Sintesi',
  'report.framework.none': 'Nessuna sintesi è stata ancora scritta nella matrice quadro.',

  'report.integration.title': 'Matrice di integrazione',
  'report.integration.intro':
    'La matrice valuta il grado di coordinamento e di complementarietà del programma con gli altri programmi e politiche. Ogni cella riporta il livello assegnato dal valutatore; il colore lo ripete.',
  'report.integration.none': 'Il progetto non contiene una matrice di integrazione.',
  'report.europe2020.title': 'Contributo alla strategia Europa 2020',
  'report.europe2020.intro':
    'La tavola riporta il contributo stimato del programma agli obiettivi principali della strategia Europa 2020, accanto al valore nazionale di riferimento.',
  'report.europe2020.none': 'Il progetto non contiene una matrice del contributo a Europa 2020.',
  'report.europe2020.colNational': 'Valore nazionale',
  'report.matrix.tableTitle': '{matrix}: {dimension}',
  'report.matrix.summaryTitle': '{matrix}: livello medio per riga',
  'report.matrix.colMean': '{dimension} (media)',
  'report.matrix.colRated': 'Celle valutate',
  'report.matrix.overall': 'Complessivo',
  'report.matrix.legend':
    'Legenda: livelli {levels}; media sui valori {scale}, escluse le celle «n.a.» e quelle vuote (non valutate); una media prende il colore del livello più vicino, a metà strada quello più alto.',
  'report.matrix.rationales': 'Motivazioni delle valutazioni',

  'report.ngt.title': 'Risultati delle sessioni di Nominal Group Technique',
  'report.ngt.intro':
    'La Nominal Group Technique (NGT) raccoglie le idee di un gruppo in modo strutturato: generazione individuale in silenzio, giro di presentazione, chiarimento e voto individuale e segreto.',
  'report.ngt.introNote':
    'A. L. Delbecq, A. H. Van de Ven, D. H. Gustafson, Group Techniques for Program Planning, Scott Foresman, 1975.',
  'report.ngt.heading': '{code} – {question}',
  'report.ngt.held':
    'La sessione {code} si è svolta {date} con {n, plural, one {# partecipante} other {# partecipanti}}{composition}. Domanda posta al gruppo: «{question}».',
  'report.ngt.on': 'il {date}',
  'report.ngt.ideas':
    'Sono state raccolte {ideas, plural, one {# idea} other {# idee}}{merged, plural, =0 {} one {, di cui # unita a un’altra durante il chiarimento} other {, di cui # unite ad altre durante il chiarimento}}.',
  'report.ngt.rankingTitle': '{code}: graduatoria delle idee',
  'report.ngt.secondTitle': '{code}: secondo turno',
  'report.ngt.chartTitle': '{code}: punteggio per idea',
  'report.ngt.valueLabel': 'Punteggio',
  'report.ngt.noVotes': 'Per la sessione {code} non sono stati registrati voti.',
  'report.ngt.none': 'Il progetto non contiene sessioni NGT.',
  'report.ngt.notHeld':
    'La sessione {code} è in preparazione: non si è ancora svolta e non ha idee né voti registrati.',

  'report.indicators.title': 'Indicatori e quadro di performance',
  'report.indicators.intro':
    'Le tavole seguenti riportano, per asse, gli indicatori del programma con i valori realizzati e il tasso di conseguimento del target intermedio.',
  'report.indicators.tableTitle': 'Indicatori – {axis}',
  'report.indicators.noAxis': 'senza asse',
  'report.indicators.colCode': 'Codice',
  'report.indicators.colName': 'Indicatore',
  'report.indicators.colUnit': 'U.m.',
  'report.indicators.colMilestone': 'Target intermedio',
  'report.indicators.colTarget': 'Target finale',
  'report.indicators.colAchieved': 'Valore realizzato',
  'report.indicators.colRate': '% sul target intermedio',
  'report.indicators.verdictTitle': 'Verifica del quadro di performance',
  'report.indicators.rule':
    'I target intermedi di un asse sono conseguiti se tutti gli indicatori raggiungono almeno l’85% del valore previsto; con tre o più indicatori, uno può fermarsi al 75%. Si ha grave carenza se almeno due indicatori restano sotto il 65% (uno solo, con due indicatori o meno).',
  'report.indicators.ruleNote':
    'Regolamento di esecuzione (UE) n. 215/2014, art. 6; Regolamento (UE) n. 1303/2013, allegato II.',
  'report.indicators.verdictTable': 'Esito della verifica per asse',
  'report.indicators.colAxis': 'Asse',
  'report.indicators.colRates': 'Tassi di conseguimento',
  'report.indicators.colVerdict': 'Esito',
  'report.indicators.noVerdicts':
    'Nessun asse ha indicatori con target intermedio e valore realizzato: la verifica non è ancora possibile.',
  'report.indicators.none': 'Il progetto non contiene indicatori.',

  'report.conclusions.title': 'Conclusioni e raccomandazioni',

  'report.participants.title': 'Partecipanti',
  'report.participants.intro':
    'I partecipanti sono indicati con il loro pseudonimo; ruolo e organizzazione contestualizzano le citazioni.',
  'report.participants.namesWarning':
    'Questo allegato contiene i nomi dei partecipanti (dati personali), inclusi su richiesta esplicita: verificare il consenso prima di diffondere il documento.',
  'report.participants.tableTitle': 'Elenco dei partecipanti',
  'report.participants.colName': 'Nome',
  'report.participants.none': 'Il progetto non contiene partecipanti.',

  'report.fieldwork.title': 'Interviste e focus group',
  'report.fieldwork.intro': 'La tavola elenca le interviste e i focus group svolti.',
  'report.fieldwork.tableTitle': 'Interviste e focus group svolti',
  'report.fieldwork.colCode': 'Codice',
  'report.fieldwork.colKind': 'Tipo',
  'report.fieldwork.colDate': 'Data',
  'report.fieldwork.colMode': 'Modalità',
  'report.fieldwork.colParticipants': 'Partecipanti',
  'report.fieldwork.interview': 'Intervista',
  'report.fieldwork.focusGroup': 'Focus group',
  'report.fieldwork.none': 'Nessuna intervista o focus group risulta ancora svolto.',
} as const;
