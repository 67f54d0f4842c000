/**
 * The demo project's report and workbook, exported by the command line (the app's code path),
 * then opened the way an evaluator's office suite would: LibreOffice converts them, and the
 * tests read the PDF text and the sheets' cells.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli';
import { summariseMatrix } from '../../../src/shared/domain/matrix';
import type { RatingMatrix } from '../../../src/shared/model/matrix';
import { tempDir } from '../../helpers/temp-dir';
import { docxToPdf, pdfPagePng, pdfPages, workbookAsCsv } from '../../helpers/office';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: { CAMPO_CONFIG_DIR: await tempDir() },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function demoProject(): Promise<{ dir: string; project: string }> {
  const dir = await tempDir();
  const project = join(dir, 'Demo.campo');
  expect((await cli(['demo', project])).code).toBe(0);
  return { dir, project };
}

/** The real names the demo's participants have (only INT-02 has one). */
const DEMO_REAL_NAME = 'Giulia Ferrari';

/** Text of the page holding `needle` (whitespace runs folded to one space). */
const pageWith = (pages: string[], needle: string, from = 0) => {
  const index = pages.findIndex((page, i) => i >= from && page.includes(needle));
  expect(index, `no page has «${needle}»`).toBeGreaterThanOrEqual(0);
  return { index, text: pages[index]!.replace(/\s+/g, ' ') };
};

describe('report draft of the demo project', () => {
  it('opens in LibreOffice with headings, captions, sources, quotations, NGT ranking and Italian numbers', async () => {
    const { dir, project } = await demoProject();
    const docx = join(dir, 'Rapporto.docx');
    const written = await cli(['export', 'docx', project, docx]);
    expect(written).toMatchObject({ code: 0, err: '' });
    expect(written.out).toMatch(/^DOCX scritto in .*Rapporto\.docx \(\d+ kB\)\.$/);

    const pdf = await docxToPdf(docx, join(dir, 'pdf'));
    const pages = await pdfPages(pdf);
    const all = pages.join('\n').replace(/\s+/g, ' ');

    // Cover, page furniture.
    expect(pages[0]).toContain('Rapporto Annuale di Valutazione 2021');
    expect(pages[0]).toContain('Bozza');
    expect(pages[0]).not.toContain('pag. 1');
    expect(pages[2]).toContain('POR FSE 2014-2020 Regione Lombardia – BOZZA');
    expect(pages[2]).toContain(`pag. 3 di ${pages.length}`);

    // Headings in order, the index filled from them.
    const chapters = [
      'Premessa',
      '1. Domande di valutazione e approccio metodologico',
      '2. DV1 – Contesto e SWOT',
      '10. Sintesi per partecipante e domanda (matrice quadro)',
      '11. Matrice di integrazione',
      '13. Risultati delle sessioni di Nominal Group Technique',
      '14. Indicatori e quadro di performance',
      'Allegato 1 – Partecipanti',
      'Allegato 2 – Interviste e focus group',
    ];
    const bodyStarts = pages.findIndex((page) => /^\s*Premessa\s*$/m.test(page));
    const body = pages.slice(bodyStarts).join('\n').replace(/\s+/g, ' ');
    const positions = chapters.map((heading) => body.indexOf(heading));
    expect(
      positions.every((p) => p >= 0),
      `missing: ${chapters.filter((_, i) => positions[i]! < 0)}`,
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(pageWith(pages.slice(0, bodyStarts), 'Indice').text).toContain(
      '11. Matrice di integrazione',
    );

    // A caption above its table, the source line below it.
    const method = pageWith(pages, 'Tavola 1.1 – Matrice di valutazione').text;
    expect(method.indexOf('Tavola 1.1 – Matrice di valutazione')).toBeLessThan(
      method.indexOf('DV1'),
    );
    const methodEnd = pageWith(
      pages,
      'Fonte: elaborazioni del valutatore su disegno della valutazione',
    );
    expect(methodEnd.text.indexOf('DV8')).toBeLessThan(
      methodEnd.text.indexOf('Fonte: elaborazioni del valutatore'),
    );

    // A DV chapter with its answer and its key quotation, cited by pseudonym and interview.
    const dv1 = pageWith(pages, '2. DV1 – Contesto e SWOT', bodyStarts).text;
    expect(dv1).toContain('Risposta alla domanda');
    expect(dv1).toContain(
      '«persone che lavoravano nel sommerso o con contratti precari e che con la crisi sono rimaste senza niente» (INT-05, intervista del 30/03/2021)',
    );

    // The NGT ranking in the hand-tallied order: I5 10, I4 7, I1 6, I2 5, I3 2.
    const ngt = pageWith(pages, 'Tavola 13.1 – NGT-01: graduatoria delle idee', bodyStarts).text;
    const order = [
      'I5 – Finanziare',
      'I4 – Co-progettazione',
      'I1 – Gruppi',
      'I2 – Cabina',
      'I3 – Restituzione',
    ];
    const at = order.map((idea) => ngt.indexOf(idea));
    expect(at.every((p) => p >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(ngt).toMatch(/1 I5 – Finanziare il lavoro di rete come attività 10 5 2 66,7%/);
    expect(ngt).toContain('Regola: ogni partecipante classifica 3 idee');
    expect(ngt).toContain('Figura 13.1 – NGT-01: punteggio per idea');

    // Italian numbers: grouping dot, decimal comma, percent.
    expect(all).toMatch(/Complessivo 1,9 2,1 18\/20/);
    expect(all).toContain('Le evidenze qualitative provengono da');
    const indicators = pageWith(pages, 'Tavola 14.1', bodyStarts).text;
    expect(indicators).toMatch(/PI-05 [^–]*% – – 63,1 –/);
    expect(indicators).toMatch(/PI-08 [^–]*anni – – 42,9 –/);
    expect(indicators).not.toMatch(/\b(63|42)\.\d\b/);

    // The integration matrix in words (colour only repeats them).
    const integration = pageWith(pages, 'Tavola 11.1 – Matrice di integrazione: coordinamento');
    expect(integration.text).toMatch(/OT8 – Occupazione Medio Basso Alto Medio Medio/);

    // Names were not asked for: none is printed.
    expect(all).not.toContain(DEMO_REAL_NAME);

    // Pictures for people: page 1 and the integration matrix page.
    await pdfPagePng(pdf, 1, 'report-demo-page-1');
    await pdfPagePng(pdf, integration.index + 1, 'report-demo-integration-matrix');
  }, 120_000);

  it('prints real names only when asked, in the participants annex, and in English on request', async () => {
    const { dir, project } = await demoProject();
    const docx = join(dir, 'Annex.docx');
    const asked = await cli([
      'export',
      'docx',
      project,
      docx,
      '--sections',
      'participants,fieldwork',
      '--names',
      '--lang',
      'en',
      '--final',
    ]);
    expect(asked).toMatchObject({ code: 0, err: '' });
    const pages = await pdfPages(await docxToPdf(docx, join(dir, 'pdf')));
    const text = pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Annex 1 – Participants');
    expect(text).toContain('Table A1.1 – List of participants');
    expect(text).toContain(DEMO_REAL_NAME);
    expect(text).toContain('check consent before circulating');
    expect(text).toContain('Annex 2 – Interviews and focus groups');
    // The English report names the month: 20/04 reads two ways to English readers.
    expect(text).toMatch(/FG-01 Focus group 20 Apr 2021/);
    // A heading is never broken inside a word («Partnershi / p type»).
    expect(text).not.toMatch(/Partnershi\s+p\b/);
    expect(text).not.toContain('DRAFT');
    expect(text).toMatch(/Page 1 of 1|Page 1 of 2/);

    const bad = await cli(['export', 'docx', project, docx, '--sections', 'cover,appendice']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('sezioni sconosciute: appendice');
  }, 120_000);
});

describe('data workbook of the demo project', () => {
  it('reads back in LibreOffice cell by cell, numbers as numbers and dates as dates', async () => {
    const { dir, project } = await demoProject();
    const xlsx = join(dir, 'Dati.xlsx');
    expect((await cli(['export', 'xlsx', project, xlsx])).code).toBe(0);
    const sheets = await workbookAsCsv(xlsx, join(dir, 'csv'));
    expect([...sheets.keys()].sort()).toEqual(
      [
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
      ].sort(),
    );
    const rows = (name: string) => sheets.get(name)!.trim().split('\n');
    const results = rows('NGT risultati');
    // The ranking, numbers as numbers (no thousands separators or quotes around them).
    const ranked = results.slice(1).filter((line) => line.startsWith('NGT-01,1,'));
    expect(ranked.map((line) => line.match(/,(I\d),/)?.[1])).toEqual(
      ['I5', 'I4', 'I1', 'I2', 'I3', 'I6', 'I7', 'I8'].filter((code) =>
        ranked.some((line) => line.includes(`,${code},`)),
      ),
    );
    expect(ranked[0]).toMatch(/,I5,Finanziare il lavoro di rete come attività,10,5,2,/);

    const segments = rows('Segmenti codificati');
    expect(segments).toHaveLength(1 + 8);
    const dv4 = segments.find((line) => line.includes('articolo 242'))!;
    expect(dv4).toContain('INT-05');
    expect(dv4).toMatch(/,DV4,/);
    // Coded today: a real date cell shown as dd/mm/yyyy.
    expect(dv4).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(sheets.get('Indicatori')).toContain(
      'Asse II,PI-02,Totale Destinatari Progetti Integrati',
    );
    // The matrices' summaries, as the screen and the report give them: the overall mean of
    // each matrix and dimension is a number, with the cells at each level beside it.
    const { matrices } = JSON.parse(await readFile(join(project, 'project.json'), 'utf8')) as {
      matrices: RatingMatrix[];
    };
    expect(matrices.length).toBeGreaterThan(0);
    const summaries = rows('Riepilogo matrici');
    for (const matrix of matrices) {
      summariseMatrix(matrix).dimensions.forEach((summary, index) => {
        const dimension = matrix.dimensions[index]!.label.it;
        const line = summaries.find((row) =>
          row.startsWith(`${matrix.title},${dimension},Complessivo,Tutte le celle,`),
        );
        const mean = summary.overall.mean;
        expect(line, `${matrix.title} ${dimension}`).toContain(
          `,Tutte le celle,${mean === null ? '' : String(Math.round(mean * 100) / 100)},` +
            `${summary.overall.rated},${summary.overall.notApplicable},${summary.overall.unrated},`,
        );
      });
    }
    for (const csv of sheets.values()) expect(csv).not.toContain(DEMO_REAL_NAME);
    expect(await readdir(dir)).not.toContain('Dati.xlsx.tmp');
  }, 120_000);
});

describe('a demo project with a damaged transcript', () => {
  it('is not exported by the command line: the report would lack what is coded there', async () => {
    const { dir, project } = await demoProject();
    const sources = join(project, 'sources');
    const [damaged] = (await readdir(sources)).filter((name) => name.endsWith('.json'));
    await writeFile(join(sources, damaged!), '{"schemaVersion": 2, "id": "');
    for (const [kind, file] of [
      ['docx', 'Rapporto.docx'],
      ['xlsx', 'Dati.xlsx'],
    ] as const) {
      const run = await cli(['export', kind, project, join(dir, file)]);
      expect(run.code).not.toBe(0);
      expect(run.err).toMatch(/Non esportato: una trascrizione non si può leggere \(.+\)/);
      expect(await readdir(dir)).not.toContain(file);
    }
  });
});
