/**
 * `campo agreement` and the agreement parts of the exports, on a project two evaluators coded
 * (tests/helpers/two-coders.ts, figures worked by hand there), read back the way users read them:
 * the terminal's lines, the DOCX through LibreOffice and poppler, the XLSX through LibreOffice.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli';
import { openProject } from '../../../src/main/core/store/project-store';
import { defaultReportSettings } from '../../../src/shared/report/model';
import { docxToPdf, pdfPagePng, pdfPages, workbookAsCsv } from '../../helpers/office';
import { sourceFile } from '../../helpers/store';
import { tempDir } from '../../helpers/temp-dir';
import { ANNA, BRUNO, writeTwoCoderProject } from '../../helpers/two-coders';

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

describe('campo agreement', () => {
  it('prints the three levels with their method lines, in Italian numbers', async () => {
    const { dir } = await writeTwoCoderProject(await tempDir());
    const run = await cli(['agreement', dir]);
    expect(run).toMatchObject({ code: 0, err: '' });
    const lines = run.out.split('\n');
    expect(lines[0]).toBe(
      'Affidabilità della codifica – Affidabilità: Anna Rossi, Bruno Verdi; 1 documento, 2 codici.',
    );
    const row = (name: string) => lines.find((line) => line.startsWith(name))!.split(/\s{2,}/);
    expect(row('Ritardi')).toEqual(['Ritardi', '100', '20', '20', '20', '60,0%', '0,17']);
    expect(row('Semplificazione')).toEqual([
      'Semplificazione',
      '100',
      '30',
      '10',
      '0',
      '90,0%',
      '0,78',
    ]);
    expect(row('Complessivo')).toEqual(['Complessivo', '200', '50', '30', '20', '75,0%', '0,47']);
    expect(run.out).toContain('Accordo a livello di carattere (metodo NVivo)');
    expect(run.out).toContain('per almeno il 90%');
    expect(run.out).toContain('Accordo per unità (turni di parola');
  });

  it('counts as compared only the documents both coders coded', async () => {
    const { dir } = await writeTwoCoderProject(await tempDir());
    // A second interview Anna alone coded: indexed, but not compared.
    const session = await openProject(dir, { evaluator: ANNA });
    const text = 'Solo Anna ha codificato questa seconda intervista.';
    await session.addSource(sourceFile('src-int02', text));
    await session.mutateSource('src-int02', (draft) => {
      draft.codings.push({
        id: 'c-a9',
        codeId: 'k-delays',
        start: 0,
        end: 9,
        text: text.slice(0, 9),
        coderId: ANNA.id,
        memo: '',
        key: false,
        textChanged: false,
        createdAt: new Date().toISOString(),
      });
    });
    await session.close();
    const run = await cli(['agreement', dir]);
    expect(run.out.split('\n')[0]).toBe(
      'Affidabilità della codifica – Affidabilità: Anna Rossi, Bruno Verdi; 1 documento, 2 codici.',
    );
  });

  it('chooses coders by name or id, a threshold and JSON; refuses an unknown coder', async () => {
    const { dir } = await writeTwoCoderProject(await tempDir());
    const json = await cli([
      'agreement',
      dir,
      '--coders',
      `bruno verdi,${ANNA.id}`,
      '--threshold',
      '0,7',
      '--json',
    ]);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out);
    expect(parsed.coders).toEqual([BRUNO.id, ANNA.id]);
    expect(parsed.character.pairs[0].overall.kappa).toBeCloseTo(0.22 / 0.47, 10);
    expect(parsed.segment.meta.threshold).toBe(0.7);
    expect(parsed.segment.pairs[0].overall.agreeing).toEqual([1, 1]);

    const unknown = await cli(['agreement', dir, '--coders', 'Carla,Anna Rossi']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('codificatore sconosciuto «Carla»');
    expect(unknown.err).toContain(`Bruno Verdi (${BRUNO.id})`);
    const sentences = await cli(['agreement', dir, '--unit', 'sentence']);
    expect(sentences.out).toContain('Accordo per unità (frasi, 2 unità) per codice');
    const bad = await cli(['agreement', dir, '--threshold', '2']);
    expect(bad.code).toBe(2);
    const english = await cli(['agreement', dir, '--lang', 'en']);
    expect(english.out).toContain('Character-level agreement (NVivo’s method)'.slice(0, 26));
    expect(english.out).toMatch(/Overall\s+200\s+50\s+30\s+20\s+75\.0%\s+0\.47/);
  });
});

describe('campo agreement --matrices', () => {
  it('compares two evaluators’ integration matrices per dimension and lists the differing cells', async () => {
    const { dir } = await writeTwoCoderProject(await tempDir());
    const run = await cli([
      'agreement',
      dir,
      '--matrices',
      'Integrazione – Anna,integrazione – bruno',
    ]);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toContain('Coordinamento: α ordinale 0,79');
    expect(run.out).toMatch(/Integrazione – Anna – Integrazione – Bruno\s+4\s+75,0%\s+0,71\s+0,80/);
    expect(run.out).toContain('1 cella valutata diversamente');
    expect(run.out).toContain(
      'OT10 – Istruzione e formazione × POR FESR: Integrazione – Anna: Alto; Integrazione – Bruno: Medio',
    );
    expect(run.out).toContain('Accordo tra valutatori sulla matrice «Integrazione – Anna»');
    const unknown = await cli(['agreement', dir, '--matrices', 'Integrazione – Anna,Altro']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('matrice sconosciuta «Altro»');
  });
});

/** The report's cover and agreement annex exported by the CLI, as a reader's PDF text. */
async function annexText(root: string, dir: string, shot: { page: number; png: string }) {
  const docx = join(root, 'Rapporto.docx');
  const run = await cli(['export', 'docx', dir, docx, '--sections', 'cover,agreement']);
  expect(run).toMatchObject({ code: 0, err: '' });
  const pdf = await docxToPdf(docx, join(root, 'pdf'));
  await pdfPagePng(pdf, shot.page, shot.png);
  return (await pdfPages(pdf)).join('\n').replace(/\s+/g, ' ');
}

describe('agreement in the exports', () => {
  it('puts the annex «Affidabilità della codifica» with its tables and method lines in the DOCX', async () => {
    const root = await tempDir();
    const { dir } = await writeTwoCoderProject(root);
    const text = await annexText(root, dir, { page: 2, png: 'agreement-annex' });
    expect(text).toContain('Allegato 1 – Affidabilità della codifica');
    expect(text).toContain(
      'Tavola A1.1 – Accordo a livello di carattere per codice: Anna Rossi e Bruno Verdi',
    );
    expect(text).toMatch(/Ritardi 100 20 20 20 60,0% 0,17/);
    expect(text).toMatch(/Complessivo 200 50 30 20 75,0% 0,47/);
    expect(text).toContain('Fonte: elaborazioni del valutatore su codifiche dei valutatori');
    expect(text).toContain('Accordo a livello di carattere (metodo NVivo)');
    expect(text).toContain('Tavola A1.2 – Accordo a livello di segmento per codice');
    expect(text).toContain('κn (Brennan–Prediger)');
    expect(text).toContain('Tavola A1.3 – Accordo per unità (turni di parola, 2 unità) per codice');
  }, 120_000);

  it('reports in the annex the rating agreement of the matrices chosen for the report', async () => {
    const root = await tempDir();
    const { dir } = await writeTwoCoderProject(root);
    // As Codifica ▸ Accordo ▸ Valutazioni saves it: the two matrices, kept in the settings.
    const session = await openProject(dir);
    const ids = session.project.matrices
      .filter((m) => m.title.startsWith('Integrazione –'))
      .map((m) => m.id);
    await session.mutate((project) => {
      project.report = { ...defaultReportSettings('it'), ratingGroups: [ids, ['gone', 'lost']] };
    });
    await session.close();
    const text = await annexText(root, dir, { page: 3, png: 'agreement-annex-ratings' });
    // The coders' tables first, then the ratings (a group whose matrices are gone is passed over).
    expect(text).toContain('Tavola A1.3 – Accordo per unità');
    expect(text).toContain('Accordo sulle valutazioni: Integrazione – Anna');
    expect(text).toContain(
      'Tavola A1.4 – Accordo sulle valutazioni per dimensione: Integrazione – Anna',
    );
    // Worked by hand in tests/helpers/two-coders.ts (the CLI prints the same figures above).
    expect(text).toMatch(/Coordinamento 4 75,0% 0,71 0,80 0,79/);
    expect(text).toContain('Tavola A1.5 – Celle valutate diversamente: Integrazione – Anna');
    expect(text).toContain('OT10 – Istruzione e formazione ×');
    expect(text).toMatch(/Coordinamento Alto Medio/);
    expect(text).not.toContain('gone');

    // The workbook's «Accordo valutazioni» sheet: the same figures, numbers as numbers.
    const xlsx = join(root, 'Dati.xlsx');
    expect((await cli(['export', 'xlsx', dir, xlsx])).code).toBe(0);
    const rows = (await workbookAsCsv(xlsx, join(root, 'csv')))
      .get('Accordo valutazioni')!
      .trim()
      .split('\n');
    expect(rows[0]).toBe(
      'Matrice di riferimento,Dimensione,Valutatore A,Valutatore B,Celle valutate da entrambi,Accordo (%),κ ponderato (lineare),κ ponderato (quadratico),α ordinale,Non definito perché,Metodo',
    );
    expect(rows[1]!.split(',').slice(0, 9)).toEqual([
      'Integrazione – Anna',
      'Coordinamento',
      'Integrazione – Anna',
      'Integrazione – Bruno',
      '4',
      '75',
      '0.7143',
      '0.8',
      '0.79',
    ]);
  }, 120_000);

  it('adds the Affidabilità sheet to the XLSX, numbers as numbers', async () => {
    const root = await tempDir();
    const { dir } = await writeTwoCoderProject(root);
    const xlsx = join(root, 'Dati.xlsx');
    expect((await cli(['export', 'xlsx', dir, xlsx])).code).toBe(0);
    const sheets = await workbookAsCsv(xlsx, join(root, 'csv'));
    const rows = sheets.get('Affidabilità')!.trim().split('\n');
    expect(rows[0]).toBe(
      'Livello,Codificatore A,Codificatore B,Codice,Unità confrontate,Accordo (%),κ di Cohen,κn (Brennan–Prediger),κ di Fleiss,α di Krippendorff,Non definito perché,Metodo',
    );
    const delays = rows.find((row) =>
      row.startsWith('Carattere (NVivo),Anna Rossi,Bruno Verdi,Ritardi'),
    )!;
    expect(delays.split(',').slice(4, 7)).toEqual(['100', '60', '0.1667']);
    const overall = rows.find((row) =>
      row.startsWith('Carattere (NVivo),Anna Rossi,Bruno Verdi,Complessivo'),
    )!;
    expect(overall.split(',').slice(4, 7)).toEqual(['200', '75', '0.4681']);
    expect(rows.some((row) => row.startsWith('Segmento (MAXQDA)'))).toBe(true);
    expect(rows.some((row) => row.startsWith('Unità: turni di parola'))).toBe(true);
  }, 120_000);
});
