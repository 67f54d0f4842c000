/** Italian messages of teamwork (issue 18): identity, team, packages, merge and its report. */
export const itTeam = {
  'cli.team.packaged':
    'Pacchetto scritto in {path}: {sources, plural, one {# fonte} other {# fonti}}{blind, select, true { (cieco: senza le codifiche degli altri)} other {}}, {size} kB.',
  'cli.team.merged':
    'Unito il lavoro di «{from}»{written, select, true {} other { (nessuna modifica)}}:',
  'cli.team.kind': '{kind}: {added} aggiunti, {updated} modificati, {deleted} eliminati',
  'cli.team.coder':
    'Codifiche di {coder}: {added} aggiunte, {updated} modificate, {deleted} eliminate',
  'cli.team.match': 'Abbinato per nome ({kind}): {label}',
  'cli.team.conflict': 'Conflitto ({kind} «{label}», {type}; campi: {fields}): {decision}',
  'cli.team.replaced':
    'Codifica {id} di {coder} cambiata da entrambi: tenuta {kept}, l’altra è nel rapporto',
  'team.kind.meta': 'Dati del progetto',
  'team.kind.report': 'Impostazioni del rapporto',
  'team.kind.evaluator': 'Valutatori',
  'team.kind.question': 'Domande di valutazione',
  'team.kind.participant': 'Partecipanti',
  'team.kind.indicator': 'Indicatori',
  'team.kind.code': 'Codici',
  'team.kind.frameworkSummary': 'Sintesi della matrice',
  'team.kind.ngtSession': 'Sessioni NGT',
  'team.kind.matrix': 'Matrici',
  'team.kind.session': 'Interviste e focus group',
  'team.kind.source': 'Fonti',
  'team.conflict.edit': 'modificato da entrambi',
  'team.conflict.added-both': 'presente in entrambi con valori diversi',
  'team.conflict.deleted-here': 'eliminato qui, modificato dal collega',
  'team.conflict.deleted-there': 'eliminato dal collega, modificato qui',
  'team.decision.ours': 'la versione del coordinatore',
  'team.decision.theirs': 'la versione del collega',
  'team.notMerged.source-text':
    'La correzione del testo di «{label}» fatta dal collega non è stata applicata (il testo del coordinatore resta, con le codifiche): rifalla a mano se serve.',
  'team.notMerged.source-title':
    'Il nuovo titolo di «{label}» dato dal collega non è stato applicato.',
  'team.notMerged.layer-text':
    'Le codifiche di un collega su «{label}» si riferiscono a un testo diverso: non unite (restano nel pacchetto).',
  'team.report.alreadyMerged': 'Questo pacchetto è già stato unito: nessuna modifica.',
  'team.report.nothing': 'Niente di nuovo da unire.',
  'errors.MERGE_UNDECIDED':
    'Restano {count, plural, one {# conflitto} other {# conflitti}} da decidere prima di unire.',
  'errors.MERGE_UNDO_REFUSED':
    'L’unione non si può più annullare: il progetto è cambiato dopo. Puoi ripristinare il backup «prima dell’unione» da Apri ▸ Backup.',
} as const;
