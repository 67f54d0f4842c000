import { describe, expect, it } from 'vitest';
import { ProjectFileSchema } from '../../../src/shared/model/project';
import {
  buildWorkbook,
  safeSheetName,
  type WorkbookCell,
  type WorkbookSheet,
} from '../../../src/shared/report/workbook';
import { REAL_NAME, sampleCorpus, sampleExport, sampleProject } from './workbook-fixture';

const italian = () =>
  buildWorkbook({ project: sampleProject(), ...sampleExport(), language: 'it' });

function sheetNamed(sheets: readonly WorkbookSheet[], name: string): WorkbookSheet {
  const found = sheets.find((sheet) => sheet.name === name);
  if (!found) throw new Error(`no sheet ${name}: ${sheets.map((s) => s.name).join(', ')}`);
  return found;
}

/** The rows as objects keyed by header, for rows whose `column` is `value`. */
function rowsWhere(sheet: WorkbookSheet, column: string, value: WorkbookCell) {
  const index = sheet.header.indexOf(column);
  expect(index, column).toBeGreaterThanOrEqual(0);
  return sheet.rows
    .filter((row) => row[index] === value)
    .map((row) => Object.fromEntries(sheet.header.map((title, i) => [title, row[i] ?? null])));
}

describe('buildWorkbook', () => {
  it('has every sheet, in order, with names Excel accepts', async () => {
    const sheets = await italian();
    expect(sheets.map((sheet) => sheet.name)).toEqual([
      'Segmenti codificati',
      'Codebook',
      'Codici × partecipanti',
      'Matrice quadro',
      'NGT idee',
      'NGT schede',
      'NGT risultati',
      'Matrici di valutazione',
      'Riepilogo matrici',
      'Indicatori',
      'Affidabilità',
      'Accordo valutazioni',
    ]);
    for (const sheet of sheets) {
      expect(Array.from(sheet.name).length).toBeLessThanOrEqual(31);
      expect(sheet.name).not.toMatch(/[[\]:*?/\\]/);
      expect(sheet.widths).toHaveLength(sheet.header.length);
      for (const width of sheet.widths) expect(width).toBeGreaterThanOrEqual(6);
      for (const width of sheet.widths) expect(width).toBeLessThanOrEqual(60);
      for (const row of sheet.rows) expect(row).toHaveLength(sheet.header.length);
    }
  });

  it('lists the coded segments in source order with pseudonyms, profile, typed attributes, code path and DV', async () => {
    const segments = sheetNamed(await italian(), 'Segmenti codificati');
    expect(segments.header).toEqual([
      'Fonte',
      'Intervista o focus group',
      'Partecipanti',
      'Organizzazione',
      'Ruolo',
      'Territorio',
      'Tipo di partenariato',
      'Budget (k€)',
      'Data intervista',
      'Beneficiario',
      'Codice',
      'DV',
      'Testo',
      'Voci (più interventi)',
      'Memo',
      'Citazione chiave',
      'Inizio',
      'Fine',
      'Codificato il',
      'Codificatore',
    ]);
    const [first] = sampleCorpus()[0]!.codings;
    expect(segments.rows[0]).toEqual([
      'Intervista a INT-01',
      'INT-01',
      'INT-01',
      'Comune di Bergamo',
      'Dirigente',
      'Bergamo',
      'Istituzionale',
      1234.5,
      { date: '2021-03-18' },
      true,
      'Criticità > Tempi',
      'DV1',
      'I bandi sono usciti con otto mesi di ritardo',
      null,
      '=SUM(A1)',
      true,
      first!.start,
      first!.end,
      { date: '2021-03-18T09:30:00.000Z' },
      'Laura Neri',
    ]);
    const [rete] = rowsWhere(segments, 'Codice', 'Partenariato');
    expect(rete).toMatchObject({
      Partecipanti: 'INT-02',
      Organizzazione: 'Cooperativa Àncora 🌱',
      'Tipo di partenariato': 'Società civile',
      'Budget (k€)': 80,
      'Data intervista': null,
      Beneficiario: false,
      DV: 'DV2',
      Memo: null,
      'Citazione chiave': false,
    });
    // A code under a DV code answers that DV; the name in the memo becomes the pseudonym.
    const [lenta] = rowsWhere(segments, 'Codice', 'Criticità');
    expect(lenta).toMatchObject({
      Fonte: 'Focus group FG-01',
      'Intervista o focus group': 'FG-01',
      Partecipanti: 'INT-01',
      DV: 'DV1',
      Memo: 'INT-01 ci torna più volte.',
    });
    expect(segments.rows.map((row) => row[12])).toEqual([
      'I bandi sono usciti con otto mesi di ritardo',
      'La rete tra enti è cresciuta 🌱 davvero',
      'la rendicontazione è lenta',
    ]);
  });

  it('names coders as they are, even one whose surname a participant has, and the consensus in the sheet language', async () => {
    // Found by a newcomer walk-through: «Carla Conti» was written «Carla FG-02-P2».
    const project = sampleProject();
    project.evaluators = [
      { ...project.evaluators[0]!, name: 'Laura Rossi' },
      { ...project.evaluators[0]!, id: 'consensus', name: 'Consenso', initials: 'CO' },
    ];
    const corpus = sampleCorpus();
    const [first] = corpus[0]!.codings;
    corpus[0] = {
      ...corpus[0]!,
      codings: [...corpus[0]!.codings, { ...first!, id: 'agreed', coderId: 'consensus' }],
    };
    for (const [language, consensus] of [
      ['it', 'Consenso'],
      ['en', 'Consensus'],
    ] as const) {
      const sheets = await buildWorkbook({ project, ...sampleExport(corpus), language });
      const segments = sheets[0]!;
      const coders = segments.rows.map((row) => row.at(-1));
      expect(new Set(coders)).toEqual(new Set(['Laura Rossi', consensus]));
      // The participant Mario Rossi is still his pseudonym in the memo.
      expect(segments.rows.flat()).toContain('INT-01 ci torna più volte.');
    }
  });

  it('tells apart an attribute imported under the name of a built-in column', async () => {
    // Found by a newcomer walk-through: a CSV column «Tipo di partenariato» became an attribute
    // of that name, and the sheet had two columns headed «Tipo di partenariato».
    const project = sampleProject();
    project.participants[0]!.attributes.push({
      key: 'Tipo di partenariato',
      type: 'text',
      value: 'Terzo settore',
    });
    const sheets = await buildWorkbook({ project, ...sampleExport(), language: 'it' });
    const header = sheetNamed(sheets, 'Segmenti codificati').header;
    expect(header.filter((name) => name === 'Tipo di partenariato')).toHaveLength(1);
    expect(header).toContain('Tipo di partenariato (attributo)');
  });

  it('joins the attributes of a passage said by several participants as text', async () => {
    const corpus = sampleCorpus();
    // One coding spanning both turns of the focus group.
    const focus = corpus[1]!;
    const end = focus.text.length - 1;
    focus.codings = [{ ...focus.codings[0]!, start: 0, end, text: focus.text.slice(0, end) }];
    const sheets = await buildWorkbook({
      project: sampleProject(),
      ...sampleExport(corpus),
      language: 'it',
    });
    const [both] = rowsWhere(
      sheetNamed(sheets, 'Segmenti codificati'),
      'Fonte',
      'Focus group FG-01',
    );
    expect(both).toMatchObject({
      Partecipanti: 'INT-02, INT-01',
      Organizzazione: 'Cooperativa Àncora 🌱, Comune di Bergamo',
      'Tipo di partenariato': 'Società civile, Istituzionale',
      'Budget (k€)': '80, 1.234,5',
      'Data intervista': { date: '2021-03-18' },
      Beneficiario: 'no, sì',
      // Whose words, in order (walk-through 11).
      'Voci (più interventi)': 'INT-02 → INT-01',
    });
  });

  it('lists the codebook in tree order with DV and counts alone and with sub-codes', async () => {
    const codebook = sheetNamed(await italian(), 'Codebook');
    expect(codebook.header).toEqual([
      'Percorso',
      'Nome',
      'Codice padre',
      'DV',
      'Descrizione',
      'Colore',
      'Tasto rapido',
      'Codifiche',
      'Codifiche con sottocodici',
    ]);
    expect(codebook.rows).toEqual([
      ['Criticità', 'Criticità', null, 'DV1', null, '#e15759', null, 1, 2],
      [
        'Criticità > Tempi',
        'Tempi',
        'Criticità',
        'DV1',
        'Ritardi e scadenze',
        '#888888',
        null,
        1,
        1,
      ],
      ['Partenariato', 'Partenariato', null, 'DV2', null, '#888888', 1, 1, 1],
    ]);
  });

  it('counts the codings each participant said, code by code', async () => {
    const matrix = sheetNamed(await italian(), 'Codici × partecipanti');
    expect(matrix.header).toEqual(['Codice', 'INT-01', 'INT-02', 'Totale']);
    expect(matrix.rows).toEqual([
      ['Criticità', 1, 0, 1],
      ['Criticità > Tempi', 1, 0, 1],
      ['Partenariato', 0, 1, 1],
    ]);
  });

  it('counts a passage once in codes × participants, however many coders coded it', async () => {
    // Found by a newcomer walk-through: a passage coded by two evaluators and the consensus
    // counted three times here, once in the report.
    const corpus = sampleCorpus();
    const [first] = corpus[0]!.codings;
    corpus[0] = {
      ...corpus[0]!,
      codings: [
        ...corpus[0]!.codings,
        { ...first!, id: 'marco', coderId: 'ev-2', start: first!.start + 2 },
        { ...first!, id: 'agreed', coderId: 'consensus' },
      ],
    };
    const sheets = await buildWorkbook({
      project: sampleProject(),
      ...sampleExport(corpus),
      language: 'it',
    });
    expect(sheetNamed(sheets, 'Codici × partecipanti').rows).toEqual([
      ['Criticità', 1, 0, 1],
      ['Criticità > Tempi', 1, 0, 1],
      ['Partenariato', 0, 1, 1],
    ]);
    // The segments sheet still lists each coder's coding: it is the data, coder by coder.
    expect(sheetNamed(sheets, 'Segmenti codificati').rows).toHaveLength(5);
  });

  it('gives the framework matrix as passages and summaries per DV', async () => {
    const framework = sheetNamed(await italian(), 'Matrice quadro');
    expect(framework.header).toEqual([
      'Partecipante',
      'Organizzazione',
      'DV1 – passaggi',
      'DV1 – sintesi',
      'DV2 – passaggi',
      'DV2 – sintesi',
    ]);
    expect(framework.rows).toEqual([
      ['INT-01', 'Comune di Bergamo', 2, 'Bandi in ritardo, rendicontazione lenta.', 0, null],
      ['INT-02', 'Cooperativa Àncora 🌱', 0, null, 1, null],
    ]);
  });

  it('lists NGT ideas and ballots by idea code and pseudonym', async () => {
    const sheets = await italian();
    const ideas = sheetNamed(sheets, 'NGT idee');
    expect(ideas.header).toEqual([
      'Sessione NGT',
      'Idea',
      'Testo',
      'Chiarimento',
      'Unita a',
      'Autore',
    ]);
    expect(ideas.rows).toEqual([
      ['NGT-01', 'I1', 'Semplificare i bandi', null, null, 'INT-01'],
      ['NGT-01', 'I2', 'Più formazione per gli enti', null, null, 'INT-02'],
      ['NGT-01', 'I3', 'Sportello unico', 'Uno per provincia', null, 'INT-01'],
      ['NGT-01', 'I4', 'Bandi più semplici', null, 'I1', 'INT-02'],
    ]);
    const ballots = sheetNamed(sheets, 'NGT schede');
    expect(ballots.header).toEqual([
      'Sessione NGT',
      'Turno',
      'Tipo di turno',
      'Partecipante',
      'Idea',
      'Punti',
      'Punteggio (1–10)',
    ]);
    expect(ballots.rows).toEqual([
      ['NGT-01', 1, 'Voto', 'INT-01', 'I1', 3, null],
      ['NGT-01', 1, 'Voto', 'INT-01', 'I2', 2, null],
      ['NGT-01', 1, 'Voto', 'INT-01', 'I3', 1, null],
      ['NGT-01', 1, 'Voto', 'INT-02', 'I2', 3, null],
      ['NGT-01', 1, 'Voto', 'INT-02', 'I3', 2, null],
      ['NGT-01', 1, 'Voto', 'INT-02', 'I1', 1, null],
      ['NGT-01', 2, 'Punteggio 1–10', 'INT-01', 'I1', null, 6],
      ['NGT-01', 2, 'Punteggio 1–10', 'INT-01', 'I2', null, 8],
      ['NGT-01', 2, 'Punteggio 1–10', 'INT-02', 'I1', null, 7],
      ['NGT-01', 2, 'Punteggio 1–10', 'INT-02', 'I2', null, 9],
    ]);
  });

  it('ranks NGT results as a hand tally does, with rating statistics for the rating round', async () => {
    const results = sheetNamed(await italian(), 'NGT risultati');
    expect(results.header).toEqual([
      'Sessione NGT',
      'Turno',
      'Regola',
      'Posizione',
      'Idea',
      'Testo dell’idea',
      'Punti',
      'Voti',
      'Primi posti',
      '% del massimo',
      'Punti medi',
      'Punteggi dati',
      'Media',
      'Mediana',
      'Primo quartile',
      'Terzo quartile',
      'Dev. std.',
      '% ≥ soglia',
      'Consenso',
    ]);
    // Hand tally, 3…1 points: I1 = 3 + 1 = 4, I2 = 2 + 3 = 5, I3 = 1 + 2 = 3; the most an idea
    // can get is 3 points × 2 ballots = 6.
    const rule = 'Classifica delle prime 3 idee (3…1 punti)';
    const none = [null, null, null, null, null, null, null, null];
    expect(results.rows.slice(0, 3)).toEqual([
      ['NGT-01', 1, rule, 1, 'I2', 'Più formazione per gli enti', 5, 2, 1, 83.3, 2.5, ...none],
      ['NGT-01', 1, rule, 2, 'I1', 'Semplificare i bandi', 4, 2, 1, 66.7, 2, ...none],
      ['NGT-01', 1, rule, 3, 'I3', 'Sportello unico', 3, 2, 0, 50, 1.5, ...none],
    ]);
    // Ratings: I1 = 6, 7 and I2 = 8, 9; threshold 7, consensus at 70%.
    const rating = 'Punteggio 1–10; consenso con almeno il 70% dei punteggi ≥ 7';
    const empty = [null, null, null, null, null];
    expect(results.rows.slice(3)).toEqual([
      [
        'NGT-01',
        2,
        rating,
        1,
        'I2',
        'Più formazione per gli enti',
        ...empty,
        2,
        8.5,
        8.5,
        8.25,
        8.75,
        0.71,
        100,
        true,
      ],
      [
        'NGT-01',
        2,
        rating,
        2,
        'I1',
        'Semplificare i bandi',
        ...empty,
        2,
        6.5,
        6.5,
        6.25,
        6.75,
        0.71,
        50,
        false,
      ],
    ]);
  });

  it('lays rating matrices out one cell and dimension per row, n.a. and unrated cells included', async () => {
    const matrices = sheetNamed(await italian(), 'Matrici di valutazione');
    expect(matrices.header).toEqual([
      'Matrice',
      'Riga',
      'Nota della riga',
      'Colonna',
      'Dimensione',
      'Livello',
      'Valore',
      'Motivazione',
      'Evidenze',
    ]);
    const title = 'Matrice di integrazione';
    expect(matrices.rows).toEqual([
      // The row's note (Europe 2020: Italy's value of the target) on each of its rows.
      [
        title,
        'Asse I – Occupazione',
        'Tasso 20-64 anni: 67-69%',
        'POR FESR',
        'Coordinamento',
        'Alto',
        3,
        'Bandi congiunti',
        2,
      ],
      [
        title,
        'Asse I – Occupazione',
        'Tasso 20-64 anni: 67-69%',
        'PSR',
        'Coordinamento',
        'n.a.',
        null,
        null,
        0,
      ],
      [title, 'Asse II – Inclusione', null, 'POR FESR', 'Coordinamento', 'Medio', 2, null, 0],
      [title, 'Asse II – Inclusione', null, 'PSR', 'Coordinamento', null, null, null, 0],
    ]);
  });

  it('summarises each matrix per row, column and overall: mean, n.a. apart, cells per level', async () => {
    const project = sampleProject();
    const base = project.matrices[0]!;
    // A second matrix whose scale starts at «Nullo»: a count column of its own, empty for the first.
    project.matrices.push({
      ...base,
      id: 'm2',
      title: 'Europa 2020',
      rows: [{ id: 'e1', label: 'Occupazione', note: '' }],
      columns: [{ id: 'c1', label: 'POR FSE', note: '' }],
      scale: [{ id: 'zero', label: { it: 'Nullo', en: 'None' }, value: 0 }, ...base.scale],
      cells: [
        { rowId: 'e1', columnId: 'c1', ratings: { d1: 'zero' }, rationale: '', evidence: [] },
      ],
    });
    const summaries = sheetNamed(
      await buildWorkbook({ project, ...sampleExport(), language: 'it' }),
      'Riepilogo matrici',
    );
    expect(summaries.header).toEqual([
      'Matrice',
      'Dimensione',
      'Riepilogo per',
      'Voce',
      'Media',
      'Celle valutate',
      'Celle n.a.',
      'Celle non valutate',
      'Celle «Nullo»',
      'Celle «Basso»',
      'Celle «Medio»',
      'Celle «Alto»',
      'Scala (valori della media)',
    ]);
    const scale = 'Basso = 1; Medio = 2; Alto = 3; n.a. = –';
    const title = 'Matrice di integrazione';
    const dimension = 'Coordinamento';
    expect(summaries.rows).toEqual([
      // Asse I: Alto and n.a.: the mean is Alto's 3, n.a. counted apart.
      [title, dimension, 'Riga', 'Asse I – Occupazione', 3, 1, 1, 0, null, 0, 0, 1, scale],
      [title, dimension, 'Riga', 'Asse II – Inclusione', 2, 1, 0, 1, null, 0, 1, 0, scale],
      [title, dimension, 'Colonna', 'POR FESR', 2.5, 2, 0, 0, null, 0, 1, 1, scale],
      [title, dimension, 'Colonna', 'PSR', null, 0, 1, 1, null, 0, 0, 0, scale],
      [title, dimension, 'Complessivo', 'Tutte le celle', 2.5, 2, 1, 1, null, 0, 1, 1, scale],
      ...['Riga', 'Colonna', 'Complessivo'].map((of) => [
        'Europa 2020',
        dimension,
        of,
        of === 'Riga' ? 'Occupazione' : of === 'Colonna' ? 'POR FSE' : 'Tutte le celle',
        0,
        1,
        0,
        0,
        1,
        0,
        0,
        0,
        `Nullo = 0; ${scale}`,
      ]),
    ]);
  });

  it('gives indicators with their achievement rate against the milestone', async () => {
    const indicators = sheetNamed(await italian(), 'Indicatori');
    expect(indicators.header).toEqual([
      'Asse',
      'Codice',
      'Indicatore',
      'Unità',
      'Tipo',
      'Valore di base',
      'Target intermedio',
      'Target finale',
      'Valore raggiunto',
      '% del target intermedio',
      'Data di riferimento',
      'Fonte del dato',
    ]);
    expect(indicators.rows).toEqual([
      [
        'I',
        'CO01',
        'Disoccupati partecipanti',
        'persone',
        'Di output',
        0,
        800,
        2000,
        700,
        87.5,
        { date: '2018-12-31' }, // a date, for Excel to sort and filter
        'Sistema di monitoraggio',
      ],
      [
        'I',
        'F1',
        'Spesa certificata',
        '€',
        'Finanziario',
        null,
        null,
        null,
        1234.5,
        null,
        'II trim. 2023', // a period stays text
        null,
      ],
    ]);
  });

  it('never contains a participant’s real name', async () => {
    // A title taken from a file's name, the surname in lower case (walk-through 9).
    const corpus = sampleCorpus();
    corpus[0]!.title = 'int01_rossi';
    for (const language of ['it', 'en'] as const) {
      const sheets = await buildWorkbook({
        project: sampleProject(),
        ...sampleExport(corpus),
        language,
      });
      const texts = sheets.flatMap((sheet) => [
        sheet.name,
        ...sheet.header,
        ...sheet.rows.flat().map((cell) => JSON.stringify(cell)),
      ]);
      expect(texts.length).toBeGreaterThan(100);
      expect(texts).toContain(JSON.stringify('int01_INT-01'));
      for (const text of texts) {
        expect(text.toLowerCase()).not.toContain(REAL_NAME.toLowerCase());
        expect(text.toLowerCase()).not.toContain('rossi');
      }
    }
  });

  it('speaks English when asked', async () => {
    const sheets = await buildWorkbook({
      project: sampleProject(),
      ...sampleExport(),
      language: 'en',
    });
    expect(sheets.map((sheet) => sheet.name)).toEqual([
      'Coded segments',
      'Codebook',
      'Codes × participants',
      'Framework matrix',
      'NGT ideas',
      'NGT ballots',
      'NGT results',
      'Rating matrices',
      'Matrix summaries',
      'Indicators',
      'Reliability',
      'Rating agreement',
    ]);
    const segments = sheetNamed(sheets, 'Coded segments');
    expect(segments.header.slice(0, 7)).toEqual([
      'Source',
      'Interview or focus group',
      'Participants',
      'Organisation',
      'Role',
      'Territory',
      'Partnership type',
    ]);
    expect(rowsWhere(segments, 'Code', 'Partenariato')[0]).toMatchObject({
      'Partnership type': 'Civil society',
      'Evaluation question': 'DV2',
    });
    expect(sheetNamed(sheets, 'Framework matrix').header[2]).toBe('DV1 – passages');
    expect(sheetNamed(sheets, 'NGT results').rows[0]?.[2]).toBe(
      'Rank the top 3 ideas (3…1 points)',
    );
    expect(sheetNamed(sheets, 'Rating matrices').rows[0]?.slice(4, 6)).toEqual([
      'Coordination',
      'High',
    ]);
    expect(sheetNamed(sheets, 'Indicators').rows.map((row) => row[4])).toEqual([
      'Output',
      'Financial',
    ]);
  });

  it('keeps every sheet, header only, for an empty project', async () => {
    const project = ProjectFileSchema.parse({
      schemaVersion: 2,
      app: 'campo',
      id: 'empty',
      createdAt: '2021-03-18T09:30:00.000Z',
      updatedAt: '2021-03-18T09:30:00.000Z',
      meta: { title: 'Vuoto' },
    });
    const sheets = await buildWorkbook({ project, ...sampleExport([]), language: 'it' });
    expect(sheets).toHaveLength(12);
    for (const sheet of sheets) {
      expect(sheet.header.length, sheet.name).toBeGreaterThan(0);
      expect(sheet.rows, sheet.name).toEqual([]);
    }
    expect(sheetNamed(sheets, 'Matrice quadro').header).toEqual(['Partecipante', 'Organizzazione']);
    expect(sheetNamed(sheets, 'Codici × partecipanti').header).toEqual(['Codice', 'Totale']);
  });
});

describe('buildWorkbook at scale', () => {
  it('gives way to other work every 5,000 segments, reports them, and builds the same sheets', async () => {
    const [first] = sampleCorpus();
    const coding = first!.codings[0]!;
    // 12,000 codings on one source: three steps of segments before the other sheets.
    const big = {
      ...first!,
      codings: Array.from({ length: 12_000 }, (_, n) => ({ ...coding, id: `bulk-${n}` })),
    };
    const input = { project: sampleProject(), ...sampleExport([big]), language: 'it' as const };
    const untouched = structuredClone({ project: input.project, corpus: input.corpus });
    const rows: Array<[number, number]> = [];
    let ticks = 0;
    let pauses = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    const paced = await buildWorkbook(input, {
      pause: () => {
        pauses += 1;
        return new Promise((resolve) => setTimeout(resolve, 1));
      },
      onRows: (done, total) => rows.push([done, total]),
    });
    clearInterval(timer);
    expect(rows).toEqual([
      [5_000, 12_000],
      [10_000, 12_000],
      [12_000, 12_000],
    ]);
    // The context, three steps of segments, eleven other sheets, twelve named sheets.
    expect(pauses).toBe(1 + 3 + 11 + 12);
    expect(ticks).toBeGreaterThan(0);
    expect(sheetNamed(paced, 'Segmenti codificati').rows).toHaveLength(12_000);
    expect(paced).toEqual(await buildWorkbook(input));
    // Names are hidden in the rows built for the workbook, never in the project or the corpus.
    expect({ project: input.project, corpus: input.corpus }).toEqual(untouched);
  });
});

describe('safeSheetName', () => {
  it('drops the characters Excel forbids, keeps 31 whole characters and avoids duplicates', () => {
    const taken = new Set<string>();
    expect(safeSheetName('Risultati: 2021/2022 [bozza]?', taken)).toBe('Risultati 2021 2022 bozza');
    expect(safeSheetName("'Citazione'", taken)).toBe('Citazione');
    expect(safeSheetName('citazione', taken)).toBe('citazione (2)');
    expect(safeSheetName('', taken)).toBe('Sheet');
    const long = `${'x'.repeat(30)}🌱🌱`;
    expect(safeSheetName(long, taken)).toBe(`${'x'.repeat(30)}🌱`);
    expect(safeSheetName(long, taken)).toBe(`${'x'.repeat(27)} (2)`);
  });
});
