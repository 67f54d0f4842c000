import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { reportToDocx } from '../../../src/main/core/export/docx-writer';
import type { ReportModel } from '../../../src/shared/report/model';
import { docxToPdf, pdfPagePng, pdfPages } from '../../helpers/office';
import { tempDir } from '../../helpers/temp-dir';

const HEADER = 'POR FSE 2014-2020 Regione Prova – BOZZA';
const FOOTNOTE = 'Dati raccolti tra marzo e maggio 2026 presso gli uffici regionali.';
const SOURCE = 'Fonte: elaborazioni del valutatore su dati di prova';

const MODEL: ReportModel = {
  language: 'it',
  title: 'Rapporto di valutazione tematica',
  programme: 'POR FSE 2014-2020 Regione Prova',
  draft: true,
  headerText: HEADER,
  pageWord: 'pag.',
  ofWord: 'di',
  blocks: [
    {
      kind: 'cover',
      programme: 'POR FSE 2014-2020 Regione Prova',
      title: 'Rapporto di valutazione tematica',
      evaluator: 'Gruppo di valutazione Alfa',
      versionLabel: 'Bozza',
      date: '24 novembre 2026',
    },
    { kind: 'toc', title: 'Indice' },
    { kind: 'heading', level: 1, text: '1. Premessa' },
    {
      kind: 'paragraph',
      runs: [
        { text: 'Il presente rapporto ' },
        { text: 'restituisce', bold: true },
        { text: ' gli esiti della valutazione', footnote: FOOTNOTE },
        { text: ' e ne discute le ' },
        { text: 'implicazioni', italic: true },
        { text: ' per la programmazione.' },
      ],
    },
    { kind: 'heading', level: 2, text: '1.1 Metodo' },
    {
      kind: 'bullets',
      items: [
        [{ text: 'Interviste a testimoni privilegiati' }],
        [{ text: 'Focus group con i beneficiari' }],
        [{ text: 'Nominal Group Technique', bold: true }, { text: ' con il partenariato' }],
      ],
    },
    {
      kind: 'quotation',
      text: '«Il coordinamento tra gli assi è migliorato nettamente»',
      citation: '(INT-03, Intervista INT-03)',
    },
    {
      kind: 'table',
      caption: 'Tavola 1.1 – Prova',
      source: SOURCE,
      widths: [3, 1, 2],
      header: [[{ text: 'Dimensione' }, { text: 'Valutazione', span: 2, align: 'center' }]],
      rows: [
        [
          { text: 'Coordinamento' },
          { text: 'Alto', fill: '#B6D7A8', align: 'center' },
          { text: 'Riunioni mensili\nTavolo tecnico' },
        ],
        [
          { text: 'Integrazione' },
          { text: 'Medio', fill: '#FFE599', align: 'center' },
          { text: 'Da rafforzare' },
        ],
      ],
      note: 'Legenda: verde = alto; giallo = medio.',
    },
    { kind: 'heading', level: 1, text: '2. Risultati' },
    { kind: 'heading', level: 2, text: '2.1 Idee emerse' },
    {
      kind: 'paragraph',
      runs: [{ text: 'La figura seguente riporta il punteggio delle idee emerse dal gruppo.' }],
    },
    {
      kind: 'chart',
      caption: 'Figura 2.1 – Punteggio NGT delle idee',
      source: 'Fonte: elaborazioni del valutatore su dati NGT',
      valueLabel: 'Punteggio',
      bars: [
        { label: 'I3', value: 24, valueText: '24' },
        { label: 'I1', value: 12, valueText: '12' },
        { label: 'I7', value: 4.5, valueText: '4,5' },
      ],
    },
  ],
};

async function writeDocx(dir: string, model = MODEL): Promise<string> {
  const file = join(dir, 'rapporto.docx');
  await writeFile(file, await reportToDocx(model));
  return file;
}

/** The lines of a page's text, trimmed, without the empty ones. */
const lines = (page: string) =>
  page
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

describe('reportToDocx', () => {
  it('lays the report out as LibreOffice prints it', async () => {
    const dir = await tempDir();
    const pdf = await docxToPdf(await writeDocx(dir), dir);
    const pages = await pdfPages(pdf);
    await pdfPagePng(pdf, 1, 'docx-writer-page1');
    const chartPage = pages.findIndex((page) => page.includes('Figura 2.1')) + 1;
    expect(chartPage).toBeGreaterThan(0);
    await pdfPagePng(pdf, chartPage, 'docx-writer-chart');

    // Cover: the title on page 1, with neither running header nor page number.
    expect(pages[0]).toContain('Rapporto di valutazione tematica');
    expect(pages[0]).toContain('Gruppo di valutazione Alfa');
    expect(pages[0]).not.toContain(HEADER);
    expect(pages[0]).not.toMatch(/pag\. \d/);
    // Every later page has the header and "pag. X di N", N being the real page count.
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages[1]).toContain(HEADER);
    expect(pages[1]).toContain(`pag. 2 di ${pages.length}`);
    expect(pages.at(-1)).toContain(`pag. ${pages.length} di ${pages.length}`);

    // Chapters start on a page of their own: the heading is the page's first line of text.
    for (const chapter of ['1. Premessa', '2. Risultati']) {
      const page = pages.findIndex((text, index) => index > 1 && text.includes(chapter));
      expect(page, chapter).toBeGreaterThan(1);
      expect(lines(pages[page]!).filter((line) => line !== HEADER)[0]).toBe(chapter);
    }
    const all = pages.join('\n');
    expect(all).toContain('1.1 Metodo');
    expect(all).toContain('2.1 Idee emerse');
    expect(all).toContain('«Il coordinamento tra gli assi è migliorato nettamente»');
    expect(all).toContain('(INT-03, Intervista INT-03)');
    expect(all).toContain('Focus group con i beneficiari');

    // Caption above the table, source and note below it, on the same page.
    const tablePage = pages.find((page) => page.includes('Tavola 1.1 – Prova'))!;
    expect(tablePage).toBeDefined();
    const at = (text: string) => tablePage.indexOf(text);
    expect(at('Tavola 1.1 – Prova')).toBeLessThan(at('Dimensione'));
    expect(at('Dimensione')).toBeLessThan(at('Coordinamento'));
    expect(at('Coordinamento')).toBeLessThan(at('Alto'));
    expect(at('Integrazione')).toBeLessThan(at(SOURCE));
    expect(at('Tavola 1.1 – Prova')).toBeGreaterThanOrEqual(0);
    expect(at(SOURCE)).toBeLessThan(at('Legenda: verde = alto'));
    // "\n" in a cell is a second line, not a run-on.
    expect(at('Riunioni mensili')).toBeGreaterThan(at('Dimensione'));
    expect(at('Tavolo tecnico')).toBeGreaterThan(at('Riunioni mensili'));
    expect(tablePage).not.toMatch(/Riunioni mensili {0,3}Tavolo/);

    // The footnote is printed at the bottom of the page of its reference, above the footer.
    const notePage = pages.find((page) => page.includes('Il presente rapporto'))!;
    const noteLines = lines(notePage);
    const noteLine = noteLines.findIndex((line) => line.includes('Dati raccolti tra marzo'));
    expect(noteLine).toBeGreaterThan(noteLines.findIndex((l) => l.includes('Il presente')));
    expect(noteLines.slice(noteLine + 1).every((line) => /^pag\. \d+ di \d+$/.test(line))).toBe(
      true,
    );

    // The chart: caption above, source below.
    const chart = pages[chartPage - 1]!;
    expect(chart.indexOf('Figura 2.1')).toBeLessThan(
      chart.indexOf('Fonte: elaborazioni del valutatore su dati NGT'),
    );
  }, 60_000);

  it('uses Word styles, fields and parts that Word can rebuild from', async () => {
    const zip = await JSZip.loadAsync(await reportToDocx(MODEL));
    const read = (name: string) => zip.file(name)!.async('string');
    const document = await read('word/document.xml');
    for (const style of ['Heading1', 'Heading2', 'Caption', 'Fonte', 'Quote', 'Title']) {
      expect(document, style).toContain(`<w:pStyle w:val="${style}"/>`);
    }
    // The field instruction, e.g. TOC \h \o "1-3" (quotes escaped in the XML).
    expect(document).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o (&quot;|")1-3(&quot;|")/);
    expect(document).toContain('w:fill="B6D7A8"');
    expect(document).toContain('w:fill="D9D9D9"');
    expect(document).toMatch(/<w:gridSpan w:val="2"\/>/);
    expect(document).toContain('<w:tblHeader');
    expect(document).toMatch(/<w:pageBreakBefore\/>|<w:pageBreakBefore w:val="(true|1|on)"\/>/);
    expect(document).toContain('<w:footnoteReference w:id="1"/>');

    const styles = await read('word/styles.xml');
    expect(styles).toMatch(/<w:style [^>]*w:styleId="Fonte"[^>]*>\s*<w:name w:val="Fonte"\/>/);
    expect(styles).toContain('w:val="it-IT"');
    // Quotations are ragged right: justified in their indented column, short ones got wide gaps.
    const quote = /<w:style [^>]*w:styleId="Quote"[^>]*>[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(quote).toContain('<w:jc w:val="left"/>');
    expect(await read('word/settings.xml')).toContain('<w:updateFields');
    expect(await read('word/footnotes.xml')).toContain(FOOTNOTE);
    const header = Object.keys(zip.files).filter((name) => /^word\/header\d+\.xml$/.test(name));
    const headers = await Promise.all(header.map(read));
    expect(headers.some((xml) => xml.includes(HEADER))).toBe(true);

    const media = zip.file(/^word\/media\/.+/);
    expect(media).toHaveLength(1);
    const png = await media[0]!.async('nodebuffer');
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect((await zip.file('docProps/core.xml')!.async('string')).includes(MODEL.title)).toBe(true);
  });

  it('writes pasted text Word can open: line breaks kept, characters XML forbids dropped', async () => {
    const zip = await JSZip.loadAsync(
      await reportToDocx({
        ...MODEL,
        blocks: [{ kind: 'paragraph', runs: [{ text: 'Riga uno\r\nRiga due\uFFFE\u0007 fine' }] }],
      }),
    );
    const document = await zip.file('word/document.xml')!.async('string');
    // eslint-disable-next-line no-control-regex
    expect(document).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(document).toMatch(/>Riga uno<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>Riga due fine</);
  });

  it('reports progress block by block, ending with (total, total)', async () => {
    const calls: Array<[number, number]> = [];
    const blocks = Array.from({ length: 120 }, (_, i) => MODEL.blocks[i % MODEL.blocks.length]!);
    await reportToDocx({ ...MODEL, blocks }, (done, total) => calls.push([done, total]));
    expect(calls).toHaveLength(blocks.length);
    expect(calls.at(-1)).toEqual([blocks.length, blocks.length]);
    expect(calls.map(([done]) => done)).toEqual(blocks.map((_, i) => i + 1));
  });
});
