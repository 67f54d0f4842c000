/**
 * Italian messages of intercoder agreement (issue 19): the method line printed with every table,
 * column headers, and what "undefined" means; spread into it.ts. Used by the report section, the
 * workbook sheet and the agreement view, through agreement-lines.ts.
 */
export const itAgreement = {
  'agreement.title': 'Affidabilità della codifica',
  'agreement.ratingsTitle': 'Accordo tra valutatori sulle matrici di valutazione',

  'agreement.method.character':
    'Accordo a livello di carattere (metodo NVivo): per ogni codice e documento ogni carattere è un’unità, codificata o no da ciascun codificatore. Accordo = caratteri codificati da entrambi o da nessuno sul totale dei caratteri; κ di Cohen sugli stessi conteggi. I valori complessivi sommano i caratteri di tutti i documenti (media ponderata per lunghezza). Codificatori: {coders}.',
  'agreement.method.segment':
    'Accordo a livello di segmento (metodo MAXQDA): un segmento concorda se l’altro codificatore ha un segmento dello stesso codice che lo sovrappone per almeno il {threshold}% (caratteri in comune sui caratteri coperti dall’uno o dall’altro). Accordo = segmenti concordanti di entrambi i codificatori sul totale dei loro segmenti; κn di Brennan e Prediger con k = {categories} (codici con almeno un segmento). Codificatori: {coders}.',
  'agreement.method.unit':
    'Accordo per unità ({unit}): un codificatore assegna un codice a un’unità se una sua codifica con quel codice vi cade per almeno {minOverlap, plural, one {# carattere} other {# caratteri}}. κ di Cohen per ogni coppia di codificatori, κ di Fleiss per tre o più codificatori e α di Krippendorff (nominale), per codice e complessivo; un documento non codificato da un codificatore è un dato mancante. Codificatori: {coders}.',
  'agreement.method.disagreements':
    'Passaggi in cui i codificatori differiscono per almeno {minDifference, plural, one {# carattere} other {# caratteri}}: codifiche che si sovrappongono, direttamente o tramite altre, formano un passaggio. Codificatori: {coders}.',
  'agreement.method.ratings':
    'Accordo tra valutatori sulla matrice «{matrix}»: α di Krippendorff ordinale e κ di Cohen ponderato (pesi lineari e quadratici) per dimensione, sui valori della scala ({values}). Le celle «n.a.» e quelle non valutate sono dati mancanti, escluse dal calcolo. Valutatori: {evaluators}.',

  'agreement.unit.turn': 'turni di parola',
  'agreement.unit.sentence': 'frasi',

  'agreement.undefined': 'non definito',
  'agreement.undefinedShort': 'n.d.',
  'agreement.undefinedBecause': 'Non definito: {reason}',
  'agreement.reason.neitherCoded': 'nessuno dei codificatori ha usato il codice.',
  'agreement.reason.noVariation':
    'tutte le unità ricadono in una sola categoria, quindi non c’è accordo casuale da correggere.',
  'agreement.reason.noData': 'nessun dato da confrontare.',
  'agreement.reason.singleCategory': 'il κn richiede almeno due codici.',

  'agreement.column.code': 'Codice',
  'agreement.column.source': 'Documento',
  'agreement.column.coders': 'Codificatori',
  'agreement.column.evaluators': 'Valutatori',
  'agreement.column.dimension': 'Dimensione',
  'agreement.column.cell': 'Cella',
  'agreement.column.characters': 'Caratteri',
  'agreement.column.both': 'Codificati da entrambi',
  'agreement.column.only': 'Solo {coder}',
  'agreement.column.bothChars': 'Caratteri codificati da entrambi',
  'agreement.column.onlyChars': 'Caratteri solo di {coder}',
  'agreement.column.segments': 'Segmenti',
  'agreement.column.agreeing': 'Segmenti concordanti',
  'agreement.column.units': 'Unità',
  'agreement.column.percent': 'Accordo (%)',
  'agreement.column.kappa': 'κ di Cohen',
  'agreement.column.kappaN': 'κn (Brennan–Prediger)',
  'agreement.column.fleiss': 'κ di Fleiss',
  'agreement.column.alpha': 'α di Krippendorff',
  'agreement.column.alphaOrdinal': 'α ordinale',
  'agreement.column.kappaLinear': 'κ ponderato (lineare)',
  'agreement.column.kappaQuadratic': 'κ ponderato (quadratico)',
  'agreement.overall': 'Complessivo',

  'agreement.disagreement.presence': 'Codificato solo da una parte dei codificatori',
  'agreement.ui.otherCodes': 'Sullo stesso passaggio, con un altro codice: {list}.',
  'agreement.disagreement.extent': 'Codificato da tutti con un’estensione diversa',
  'agreement.difference.level': 'Livelli diversi',
  'agreement.difference.notApplicable': '«n.a.» per alcuni valutatori soltanto',
  'agreement.difference.unrated': 'Non valutata da tutti',

  'agreement.ignoredCodings':
    '{count, plural, one {# codifica esclusa perché vuota o fuori dal testo} other {# codifiche escluse perché vuote o fuori dal testo}}.',
  'agreement.sourcesWithoutUnits':
    '{count, plural, one {# documento escluso perché privo di unità} other {# documenti esclusi perché privi di unità}}.',
  'agreement.missingRatings':
    '{evaluator}: {notApplicable, plural, one {# cella «n.a.»} other {# celle «n.a.»}} e {unrated, plural, one {# cella non valutata} other {# celle non valutate}}, trattate come dati mancanti.',
  'report.sections.agreement': 'Affidabilità della codifica',
  'agreement.report.none':
    'Meno di due valutatori hanno codificato le stesse fonti: l’accordo tra codificatori non è calcolabile.',
  'agreement.report.intro':
    'Per verificare l’affidabilità della codifica, le codifiche di {coders} sono state confrontate su {sources, plural, one {# documento} other {# documenti}} e {codes, plural, one {# codice} other {# codici}}. Le tavole seguenti riportano l’accordo a livello di carattere, di segmento e di unità; sotto ciascuna è indicato il metodo. «n.d.» indica una statistica non definita (per esempio un codice che nessun codificatore ha usato in un documento), mai un accordo perfetto.',
  'agreement.report.sourceWhat': 'codifiche dei valutatori',
  'agreement.report.ratingsWhat': 'valutazioni dei valutatori',
  'agreement.report.ratingsHeading': 'Accordo sulle valutazioni: {matrix}',
  'agreement.report.ratingsIntro':
    'Le matrici {matrices}, compilate ciascuna da un valutatore a partire dallo stesso modello, sono state confrontate cella per cella ({cells, plural, one {# cella} other {# celle}} per dimensione). Per ogni dimensione la tavola riporta l’α ordinale di Krippendorff e, per ogni coppia, la percentuale di accordo e il κ ponderato; seguono le celle valutate diversamente, da discutere prima della valutazione comune.',
  'agreement.report.ratingsTitle': 'Accordo sulle valutazioni per dimensione: {matrix}',
  'agreement.report.ratingDifferencesTitle': 'Celle valutate diversamente: {matrix}',
  'agreement.report.moreDifferences':
    '{count, plural, one {Un’altra cella valutata diversamente non è riportata} other {Altre # celle valutate diversamente non sono riportate}}: sono nel confronto in Campo (Codifica ▸ Accordo ▸ Valutazioni).',
  'agreement.report.characterTitle': 'Accordo a livello di carattere per codice: {a} e {b}',
  'agreement.report.segmentTitle': 'Accordo a livello di segmento per codice: {a} e {b}',
  'agreement.report.unitTitle':
    'Accordo per unità ({unit}, {units, plural, one {# unità} other {# unità}}) per codice',
  'agreement.consensus': 'Consenso',
  'agreement.xlsx.sheet': 'Affidabilità',
  'agreement.xlsx.level': 'Livello',
  'agreement.xlsx.coderA': 'Codificatore A',
  'agreement.xlsx.coderB': 'Codificatore B',
  'agreement.xlsx.compared': 'Unità confrontate',
  'agreement.xlsx.undefined': 'Non definito perché',
  'agreement.xlsx.method': 'Metodo',
  'agreement.xlsx.ratingsSheet': 'Accordo valutazioni',
  'agreement.xlsx.matrix': 'Matrice di riferimento',
  'agreement.xlsx.evaluatorA': 'Valutatore A',
  'agreement.xlsx.evaluatorB': 'Valutatore B',
  'agreement.xlsx.character': 'Carattere (NVivo)',
  'agreement.xlsx.segment': 'Segmento (MAXQDA)',
  'agreement.xlsx.unit': 'Unità: {unit}',
  'agreement.cli.usage':
    '  campo agreement <progetto> [--coders anna,bruno] [--codes Ritardi,…] [--threshold 0.9] [--unit turn|sentence] [--json]\n  campo agreement <progetto> --matrices "Integrazione – Anna,Integrazione – Bruno"\n                            accordo tra codificatori (carattere, segmento, unità)',
  'agreement.cli.heading':
    'Affidabilità della codifica – {title}: {coders}; {sources, plural, one {# documento} other {# documenti}}, {codes, plural, one {# codice} other {# codici}}.',
  'agreement.cli.flagged':
    '{count, plural, one {# codifica esclusa perché il testo è cambiato (da rivedere)} other {# codifiche escluse perché il testo è cambiato (da rivedere)}}.',
  'agreement.cli.unknownCoder':
    'codificatore sconosciuto «{coder}». Codificatori del progetto: {known}.',
  'agreement.cli.fewCoders':
    'servono almeno due codificatori con codifiche nel progetto (indicali con --coders).',
  'agreement.cli.badOption':
    'opzione non valida: --threshold va da 0 a 1 (es. 0.9), --unit è turn o sentence.',
  'coding.tab.agreement': 'Accordo',
  'agreement.ui.views': 'Viste dell’accordo',
  'agreement.ui.figures': 'Indici',
  'agreement.ui.disagreements': 'Disaccordi',
  'agreement.ui.scope': 'Che cosa confrontare',
  'agreement.ui.coders': 'Codificatori',
  'agreement.ui.coderLine':
    '{codings, plural, one {# codifica} other {# codifiche}} in {sources, plural, one {# documento} other {# documenti}}',
  'agreement.ui.sources': 'Documenti',
  'agreement.ui.codes': 'Codici',
  'agreement.ui.all': 'Tutti',
  'agreement.ui.allSelected': 'tutti ({count})',
  'agreement.ui.threshold': 'Soglia di sovrapposizione dei segmenti (%)',
  'agreement.ui.unit': 'Unità',
  'agreement.ui.compute': 'Calcola l’accordo',
  'agreement.ui.computing': 'Calcolo in corso…',
  'agreement.ui.fewCoders':
    'Servono almeno due codificatori con codifiche negli stessi documenti. Ciascun valutatore codifica nel proprio strato; i loro strati si confrontano qui.',
  'agreement.ui.noCoders': 'Nessuno ha ancora codificato in questo progetto.',
  'agreement.ui.chooseTwo': 'Scegli almeno due codificatori.',
  'agreement.ui.flagged':
    '{count, plural, one {# codifica è esclusa perché il testo è cambiato sotto di essa (da rivedere).} other {# codifiche sono escluse perché il testo è cambiato sotto di esse (da rivedere).}}',
  'agreement.ui.pair': '{a} e {b}',
  'agreement.ui.summaryCharacter': 'Carattere (NVivo)',
  'agreement.ui.summarySegment': 'Segmento (MAXQDA)',
  'agreement.ui.summaryUnit': 'Unità ({unit})',
  'agreement.ui.perCode': 'Per codice',
  'agreement.ui.method': 'Metodo',
  'agreement.ui.bands':
    'Lettura convenzionale: κ secondo Landis e Koch (≤ 0,20 lieve; 0,21–0,40 discreto; 0,41–0,60 moderato; 0,61–0,80 sostanziale; > 0,80 quasi perfetto); α secondo Krippendorff (≥ 0,800 affidabile; 0,667–0,800 solo conclusioni provvisorie).',
  'agreement.band.poor': 'scarso',
  'agreement.band.slight': 'lieve',
  'agreement.band.fair': 'discreto',
  'agreement.band.moderate': 'moderato',
  'agreement.band.substantial': 'sostanziale',
  'agreement.band.almostPerfect': 'quasi perfetto',
  'agreement.band.reliable': 'affidabile',
  'agreement.band.tentative': 'provvisorio',
  'agreement.band.unreliable': 'non affidabile',
  'agreement.ui.none':
    'Nessun disaccordo: i codificatori scelti hanno codificato allo stesso modo.',
  'agreement.ui.count': '{shown} di {total, plural, one {# disaccordo} other {# disaccordi}}',
  'agreement.ui.position': 'Disaccordo {n} di {total}',
  'agreement.ui.list': 'Disaccordi',
  'agreement.ui.consensusColumn': 'Consenso',
  'agreement.ui.consensusEmpty': 'Nessuna codifica di consenso in questo passaggio.',
  'agreement.ui.consensusNone':
    'Deciso: nessuna delle versioni; il passaggio resta senza codifica.',
  'agreement.ui.notCoded': 'non codificato',
  'agreement.ui.status.open': 'da decidere',
  'agreement.ui.status.decided': 'deciso',
  'agreement.ui.accept': 'Accetta {coder}',
  'agreement.ui.acceptAll': '{count, plural, =2 {Entrambe le versioni} other {Tutte le versioni}}',
  'agreement.ui.acceptNone': 'Nessuna',
  'agreement.ui.keepCode': 'Tieni {code} di {coder}',
  'agreement.ui.bothCodes': 'Entrambi i codici',
  'agreement.ui.neitherCode': 'Nessuno dei due',
  'agreement.ui.choiceTitle': '{first} o {second}',
  'agreement.ui.choiceHelp':
    'Lo stesso passaggio con un codice diverso per codificatore: scegli a quale codice appartiene (conta come due disaccordi negli indici).',
  'agreement.ui.choiceKeys':
    '↑ ↓ o J K: passaggio precedente o successivo · {keys}: tieni il codice di quel codificatore · E: {allKey} · N: nessuno dei due (una decisione passa da sola al passaggio successivo) · O: apri nel testo · Ctrl+Z: annulla',
  'agreement.ui.openInText': 'Apri nel testo',
  'agreement.ui.keys':
    '↑ ↓ o J K: passaggio precedente o successivo · {keys}: accetta la versione · E: {allKey} · N: nessuna (una decisione passa da sola al passaggio successivo) · O: apri nel testo · Ctrl+Z: annulla',
  'agreement.ui.decided': 'Consenso registrato per «{code}».',
  'agreement.ui.redecided': 'Decisione cambiata per «{code}».',
  'agreement.ui.resolveHelp':
    'La decisione va nello strato «Consenso», separato da quelli dei codificatori, e si annulla con Ctrl+Z.',
  'agreement.ui.kind': 'Tipo',
  'agreement.ui.segmentPercent': 'Segmenti (%)',
  'agreement.ui.unitKappa': 'κ per {unit}',
  'agreement.ui.ratings': 'Valutazioni',
  'agreement.ui.matrices': 'Matrici da confrontare',
  'agreement.ui.matricesHelp':
    'Ogni valutatore compila la propria matrice dallo stesso modello (per esempio «Integrazione – Anna» e «Integrazione – Bruno»): righe, colonne e livelli si abbinano per nome.',
  'agreement.ui.chooseTwoMatrices': 'Scegli almeno due matrici compilate da valutatori diversi.',
  'agreement.ui.cells': 'Celle valutate da entrambi',
  'agreement.ui.ratingsInReport':
    'Riporta questo confronto nell’allegato «Affidabilità della codifica» del rapporto',
  'agreement.ui.differences':
    '{count, plural, =0 {Nessuna cella valutata diversamente} one {# cella valutata diversamente} other {# celle valutate diversamente}}',
  'agreement.ui.unplaced':
    '{count, plural, one {# valutazione non abbinata alla prima matrice (riga, colonna o livello diversi) è esclusa.} other {# valutazioni non abbinate alla prima matrice (riga, colonna o livello diversi) sono escluse.}}',
  'agreement.cli.unknownMatrix':
    'matrice sconosciuta «{matrix}» (ne servono almeno due). Matrici del progetto: {known}.',
} as const;
