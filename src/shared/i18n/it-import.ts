/** Italian messages of transcript imports (preview, speakers, duplicates, CLI), spread into it.ts. */
export const itImport = {
  'import.plainText': 'testo',
  'import.notSpeaker': '— Non è una voce: resta testo —',
  'import.newParticipantOption': 'Nuovo partecipante…',
  'import.newCode': 'Pseudonimo per {speaker}',
  'import.newRole': 'Ruolo di {speaker}',
  'import.newRolePlaceholder': 'es. Operatore del centro per l’impiego',
  'import.nameKept':
    'Il nome scritto nel file resta tra i dati personali del nuovo partecipante: nelle schermate e nei rapporti compare lo pseudonimo.',
  'import.doubt.header':
    'Sembra un’intestazione o un’annotazione (data, luogo, nota…), non una voce: per ora resta testo.',
  'import.doubt.upper-case': 'Etichetta in maiuscolo: per ora resta testo.',
  'import.doubt.once':
    'Compare una sola volta e nessun altro parla due volte: per ora resta testo.',
  'import.lineCount': 'Righe',
  'import.unattributed':
    '{n, plural, one {# paragrafo senza voce} other {# paragrafi senza voce}}: restano testo, senza partecipante.',
  'import.noVoices': 'Nessuna voce riconosciuta: il testo sarà importato per paragrafi.',
  'import.linesCaption': 'Righe del file',
  'import.linesHint':
    'Spunta le righe da non importare (intestazioni, note di chi ha trascritto…).',
  'import.ignoreLine': 'Ignora la riga {n}',
  'import.ignoredCount': '{n, plural, one {# riga ignorata} other {# righe ignorate}}',
  'import.showAllLines': 'Mostra tutte le {n} righe',
  'import.duplicate':
    'Questo file sembra già importato: «{title}», del {date}{same, select, yes { (stesso testo)} other {}}.',
  'import.duplicateHint':
    'Di solito conviene saltarlo; importalo solo se è davvero un’altra trascrizione.',
  'import.importAnyway': 'Importa comunque',
  'import.skipDuplicate': 'Salta: è già importato',
  'import.skippedDuplicate': 'saltato: già importato come «{title}»',
  'import.badTimes':
    '{n, plural, one {# tempo non valido} other {# tempi non validi}} (riga {line}: «{value}»): quei turni restano senza orario.',
  'import.previewTurns': 'Anteprima dei primi turni',
  'import.codeTaken': 'Lo pseudonimo {code} è già usato.',
  'cli.import.skipped':
    '{file}: già importato come «{existing}»: saltato (aggiungi --again per importarlo di nuovo)',
} as const;
