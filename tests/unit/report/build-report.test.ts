import { describe, expect, it } from 'vitest';
import { FieldSessionSchema, SourceSummarySchema } from '../../../src/shared/model/project';
import { buildReport } from '../../../src/shared/report/build-report';
import {
  ReportSettingsSchema,
  type ReportBlock,
  type ReportModel,
  type ReportSettings,
} from '../../../src/shared/report/model';
import { REAL_NAME, sampleCorpus, sampleExport, sampleProject } from '../export/workbook-fixture';

const settings = (patch: Partial<ReportSettings> = {}): ReportSettings =>
  ReportSettingsSchema.parse({ ...patch });

const build = (patch: Partial<ReportSettings> = {}, project = sampleProject()) =>
  buildReport({
    project,
    ...sampleExport(),
    settings: settings(patch),
    today: '2026-11-24',
  });

const headings = (model: ReportModel, level?: number) =>
  model.blocks.flatMap((b) =>
    b.kind === 'heading' && (!level || b.level === level) ? [b.text] : [],
  );
const tables = (model: ReportModel) =>
  model.blocks.filter((b): b is Extract<ReportBlock, { kind: 'table' }> => b.kind === 'table');
const allText = (model: ReportModel) => JSON.stringify(model);

describe('the Premessa’s sources of evidence', () => {
  const AT = '2026-11-24T09:00:00.000Z';
  const summary = (id: string) =>
    SourceSummarySchema.parse({ id, title: `Trascrizione ${id}`, createdAt: AT, updatedAt: AT });
  const premessa = (project: ReturnType<typeof sampleProject>) =>
    allText(build({ sections: ['premessa'] }, project));

  it('counts transcripts imported without an interview instead of saying the evidence comes from none', () => {
    const project = {
      ...sampleProject(),
      ngtSessions: [],
      sessions: [],
      sources: [summary('s1')],
    };
    const text = premessa(project);
    expect(text).toContain(
      'Le evidenze qualitative provengono da 1 trascrizione o documento non ancora collegato a un’intervista o a un focus group',
    );
    expect(text).not.toContain('nessuna intervista');
  });

  it('adds the transcripts not linked to a session after the sessions held', () => {
    const base = sampleProject();
    const interview = FieldSessionSchema.parse({
      id: 'int-1',
      kind: 'interview',
      code: 'INT-01',
      status: 'done',
      sourceIds: ['s1'],
    });
    const text = premessa({
      ...base,
      sessions: [interview],
      sources: [summary('s1'), summary('s2'), summary('s3')],
    });
    expect(text).toContain('provengono da 1 intervista');
    expect(text).toContain(
      'Vi si aggiungono 2 trascrizioni e documenti non collegati a un’intervista o a un focus group.',
    );
  });
});

describe('buildReport', () => {
  it('follows the chosen sections and order, numbering chapters, annexes and their tables', () => {
    const model = build({ sections: ['cover', 'premessa', 'ngt', 'method', 'participants'] });
    expect(model.blocks[0]).toMatchObject({
      kind: 'cover',
      title: 'Valutazione POR FSE',
      versionLabel: 'Bozza',
      date: '24 novembre 2026',
    });
    expect(headings(model, 1)).toEqual([
      'Premessa',
      '1. Risultati delle sessioni di Nominal Group Technique',
      '2. Domande di valutazione e approccio metodologico',
      'Allegato 1 – Partecipanti',
    ]);
    expect(tables(model).map((t) => t.caption.split(' – ')[0])).toEqual([
      'Tavola 1.1',
      'Tavola 1.2',
      'Tavola 2.1',
      'Tavola A1.1',
    ]);
    for (const table of tables(model)) {
      expect(table.source).toMatch(/^Fonte: elaborazioni del valutatore su /);
    }
    expect(model.headerText).toBe('Valutazione POR FSE – BOZZA');
    expect([model.pageWord, model.ofWord]).toEqual(['pag.', 'di']);
  });

  it('gives each evaluation question a chapter with its answer and its key quotations', () => {
    const project = sampleProject();
    project.questions[0]!.answer = 'Primo paragrafo.\n\nSecondo paragrafo.';
    const model = build({ sections: ['questions'] }, project);
    expect(headings(model, 1)).toEqual([
      '1. DV1 – Gli interventi sono stati efficaci?',
      '2. DV2 – Il partenariato ha funzionato?',
    ]);
    const paragraphs = model.blocks.flatMap((b) =>
      b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : [],
    );
    expect(paragraphs).toContain('Primo paragrafo.');
    expect(paragraphs).toContain('Secondo paragrafo.');
    // DV1: two passages (the key one under a sub-code, one not key), DV2 none marked key.
    expect(paragraphs).toContain(
      'Per questa domanda sono stati codificati 2 passaggi in 2 fonti. Di seguito le citazioni chiave.',
    );
    const quotations = model.blocks.filter((b) => b.kind === 'quotation');
    expect(quotations).toEqual([
      {
        kind: 'quotation',
        text: '«I bandi sono usciti con otto mesi di ritardo»',
        citation: '(INT-01, Intervista a INT-01)',
      },
    ]);
    // DV2 has no answer yet: a placeholder the evaluator writes over.
    expect(paragraphs).toContain(
      '[Risposta da completare: scriverla nella scheda della domanda in Campo.]',
    );
  });

  it('counts a passage coded by two coders and agreed on as one passage, quoted once', () => {
    // Found by a newcomer walk-through: «9 passaggi» after a consensus decision coded no new text.
    const corpus = sampleCorpus();
    const first = corpus[0]!;
    const key = first.codings[0]!;
    first.codings = [
      ...first.codings,
      { ...key, id: 'bruno-copy', coderId: 'ev-2', end: key.end - 3 },
      { ...key, id: 'consensus-copy', coderId: 'consensus' },
    ];
    const model = buildReport({
      project: sampleProject(),
      ...sampleExport(corpus),
      settings: settings({ sections: ['questions'] }),
      today: '2026-11-24',
    });
    const paragraphs = model.blocks.flatMap((b) =>
      b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : [],
    );
    expect(paragraphs).toContain(
      'Per questa domanda sono stati codificati 2 passaggi in 2 fonti. Di seguito le citazioni chiave.',
    );
    expect(model.blocks.filter((b) => b.kind === 'quotation')).toHaveLength(1);
  });

  it('quotes a key passage across speaker turns voice by voice', () => {
    // Walk-through 11: a passage running into the next turn was cited as one person's words.
    const corpus = sampleCorpus();
    const first = corpus[0]!;
    const key = first.codings[0]!;
    const start = first.text.indexOf('Come sono andati');
    const end = first.text.indexOf(' con otto mesi');
    first.codings = [
      { ...key, id: 'across', start, end, text: first.text.slice(start, end), key: true },
    ];
    const model = buildReport({
      project: sampleProject(),
      ...sampleExport(corpus),
      settings: settings({ sections: ['questions'] }),
      today: '2026-11-24',
    });
    // The fixture writes each speaker's label into the text: her name there becomes INT-01.
    expect(model.blocks.filter((b) => b.kind === 'quotation')).toEqual([
      {
        kind: 'quotation',
        text: '«Come sono andati i tempi?» (Intervistatore) «INT-01: I bandi sono usciti» (INT-01)',
        citation: '(Intervista a INT-01)',
      },
    ]);
    expect(allText(model)).not.toContain(REAL_NAME);
  });

  it('never prints a real name unless asked, and then only in the participants annex', () => {
    const project = sampleProject();
    project.questions[0]!.answer = `Come dice ${REAL_NAME}, i bandi arrivano tardi.`;
    project.ngtSessions[0]!.question = `Priorità secondo ${REAL_NAME.toUpperCase()}?`;
    const hidden = build({}, project);
    expect(allText(hidden)).not.toContain('Rossi');
    expect(allText(hidden)).not.toContain('ROSSI');
    expect(allText(hidden)).toContain('Come dice INT-01, i bandi arrivano tardi.');

    const shown = build({ includeNames: true }, project);
    const annex = tables(shown).find((t) => t.caption.includes('Elenco dei partecipanti'))!;
    expect(annex.header[0]!.map((c) => c.text)).toContain('Nome');
    expect(annex.rows[0]!.map((c) => c.text)).toContain(REAL_NAME);
    // Names in the annex only: the chapters stay anonymised.
    expect(allText({ ...shown, blocks: shown.blocks.filter((b) => b !== annex) })).not.toContain(
      'Rossi',
    );
  });

  it('writes numbers the Italian way, and the English way in English', () => {
    const italian = tables(build({ sections: ['indicators'] }));
    const row = (model: typeof italian, code: string) =>
      model[0]!.rows.find((r) => r[0]!.text === code)!.map((c) => c.text);
    expect(row(italian, 'CO01')).toEqual([
      'CO01',
      'Disoccupati partecipanti',
      'persone',
      '800',
      '2.000',
      '700',
      '87,5%',
    ]);
    expect(row(italian, 'F1')[5]).toBe('1.234,50');
    const english = tables(build({ sections: ['indicators'], language: 'en' }));
    expect(row(english, 'F1')[5]).toBe('1,234.50');
    expect(english[0]!.caption).toBe('Table 1.1 – Indicators – I');
  });

  it('prints an amount as monitoring gives it, cents and all, and the axes in reading order', () => {
    // Found by a newcomer walk-through: a target of 25.500.000,50 € was printed 25.500.001.
    const project = sampleProject();
    const first = project.indicators[0]!;
    project.indicators.unshift({
      ...first,
      id: 'f3',
      code: 'F-03',
      axis: 'II',
      unit: '€',
      milestone: 25_500_000.5,
      target: 30_000_000,
      achieved: 8_765_432.1,
    });
    const printed = tables(build({ sections: ['indicators'] }, project));
    expect(printed.map((table) => table.caption).slice(0, 2)).toEqual([
      'Tavola 1.1 – Indicatori – I',
      'Tavola 1.2 – Indicatori – II',
    ]);
    const f3 = printed[1]!.rows.find((cells) => cells[0]!.text === 'F-03')!;
    expect(f3.slice(3, 6).map((cell) => cell.text)).toEqual([
      '25.500.000,50',
      '30.000.000',
      '8.765.432,10',
    ]);
  });

  it('prints a whole rate with its decimal, as the rates beside it are printed', () => {
    // Found by a newcomer walk-through: «84%» beside «81,9%».
    const project = sampleProject();
    project.indicators[0]!.achieved = 672; // 84% of 800
    const verdict = tables(build({ sections: ['indicators'] }, project)).find((t) =>
      t.caption.includes('Esito della verifica'),
    )!;
    expect(verdict.rows[0]![1]).toEqual({ text: 'CO01: 84,0%' });
  });

  it('prints the performance-framework verdict of each axis with usable indicators', () => {
    const verdict = tables(build({ sections: ['indicators'] })).find((t) =>
      t.caption.includes('Esito della verifica'),
    )!;
    // One indicator at 87.5% of its milestone (the other has no milestone): achieved.
    expect(verdict.rows).toEqual([
      [
        { text: 'I', bold: true },
        { text: 'CO01: 87,5%' },
        { text: 'Target intermedi conseguiti', fill: '#D9EAD3' },
      ],
    ]);
  });

  it('draws the integration matrix as levels in words on coloured cells', () => {
    const [matrix] = tables(build({ sections: ['integration'] }));
    expect(matrix!.caption).toBe('Tavola 1.1 – Matrice di integrazione');
    expect(matrix!.header[0]!.map((c) => c.text)).toEqual(['', 'POR FESR', 'PSR']);
    const [first, second] = matrix!.rows;
    expect(first!.map((c) => [c.text, c.fill])).toEqual([
      ['Asse I – Occupazione', undefined],
      ['Alto', '#B6D7A8'],
      ['n.a.', undefined],
    ]);
    expect(second!.map((c) => [c.text, c.fill])).toEqual([
      ['Asse II – Inclusione', undefined],
      ['Medio', '#FFF2CC'],
      ['', undefined],
    ]);
  });

  it('writes each cell’s rationale with its levels named in good Italian and English', () => {
    const project = sampleProject();
    const matrix = project.matrices[0]!;
    matrix.dimensions.push({ id: 'd2', label: { it: 'Complementarietà', en: 'Complementarity' } });
    matrix.cells[0]!.ratings = { d1: 'high', d2: 'high' };
    const bullets = (language: 'it' | 'en') =>
      JSON.stringify(
        build({ sections: ['integration'], language }, project).blocks.filter(
          (block) => block.kind === 'bullets',
        ),
      );
    // Not "Complementarietà alto": the level is the livello's, so it follows a colon.
    expect(bullets('it')).toContain(
      'Asse I – Occupazione × POR FESR (Coordinamento: alto; Complementarietà: alto): ',
    );
    expect(bullets('it')).toContain('Bandi congiunti');
    expect(bullets('en')).toContain('(Coordination: high; Complementarity: high): ');
    // The key says how a mean is named and coloured (2,5 reads "Alto").
    const [table] = tables(build({ sections: ['integration'] }, project));
    expect(table!.note).toContain('una media prende il colore del livello più vicino');
  });

  it('ranks NGT ideas by the rule, prints the rule, charts the scores and the second round', () => {
    const model = build({ sections: ['ngt'] });
    const [ranking, rating] = tables(model);
    // I1 3+1 = 4, I2 2+3 = 5, I3 1+2 = 3.
    expect(ranking!.rows.map((r) => [r[0]!.text, r[1]!.text, r[2]!.text])).toEqual([
      ['1', 'I2 – Più formazione per gli enti', '5'],
      ['2', 'I1 – Semplificare i bandi', '4'],
      ['3', 'I3 – Sportello unico', '3'],
    ]);
    expect(ranking!.note).toContain('Regola: ogni partecipante classifica 3 idee');
    const chart = model.blocks.find((b) => b.kind === 'chart');
    expect(chart).toMatchObject({
      caption: 'Figura 1.1 – NGT-01: punteggio per idea',
      bars: [
        { label: 'I2', value: 5, valueText: '5' },
        { label: 'I1', value: 4, valueText: '4' },
        { label: 'I3', value: 3, valueText: '3' },
      ],
    });
    // Rating round: I2 rated 8 and 9 (mean 8,5), I1 6 and 7 (6,5); best mean first.
    expect(rating!.rows.map((r) => [r[0]!.text, r[2]!.text])).toEqual([
      ['I2 – Più formazione per gli enti', '8,5'],
      ['I1 – Semplificare i bandi', '6,5'],
    ]);
  });

  it('says a NGT session still being set up has not been held (not "held with 0 participants")', () => {
    const project = sampleProject();
    const held = project.ngtSessions[0]!;
    project.ngtSessions.push({
      ...structuredClone(held),
      id: 'ngt-2',
      code: 'NGT-02',
      date: null,
      participantIds: [],
      ideas: [],
      votes: [],
    });
    const text = allText(build({ sections: ['ngt'] }, project));
    expect(text).toContain('La sessione NGT-02 è in preparazione: non si è ancora svolta');
    expect(text).not.toContain('NGT-02 si è svolta');
    expect(text).toContain('La sessione NGT-01 si è svolta');
    expect(tables(build({ sections: ['ngt'] }, project))).toHaveLength(2);
  });

  it('puts framework-matrix summaries in one table per question', () => {
    const [table] = tables(build({ sections: ['framework'] }));
    expect(table!.caption).toBe('Tavola 1.1 – DV1: sintesi per partecipante');
    expect(table!.rows).toEqual([
      [
        { text: 'INT-01', bold: true },
        { text: '2', align: 'right' },
        { text: 'Bandi in ritardo, rendicontazione lenta.' },
      ],
    ]);
  });

  it('marks a final version without BOZZA in the header', () => {
    const model = build({ version: 'final', sections: ['cover'] });
    expect(model.draft).toBe(false);
    expect(model.headerText).toBe('Valutazione POR FSE');
    expect(model.blocks[0]).toMatchObject({ versionLabel: 'Versione finale' });
  });
});

describe('passages the lead rejected in the disagreement browser', () => {
  it('are neither counted nor quoted as evidence', () => {
    // Found by a newcomer walk-through: a passage decided «Nessuna» was still counted.
    const project = sampleProject();
    const coding = sampleCorpus()[0]!.codings.find((c) => c.id === 'k1')!;
    const questions = (p: typeof project) => allText(build({ sections: ['questions'] }, p));
    const before = questions(project);
    expect(before).toContain('I bandi sono usciti con otto mesi di ritardo');
    project.consensusDecisions = [
      {
        id: 'd1',
        sourceId: 's1',
        codeId: coding.codeId,
        start: coding.start,
        end: coding.end,
      } as (typeof project.consensusDecisions)[number],
    ];
    const after = questions(project);
    expect(after).not.toContain('I bandi sono usciti con otto mesi di ritardo');
  });
});
