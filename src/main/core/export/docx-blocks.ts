/**
 * Turns the blocks of a report model into DOCX paragraphs and tables, one block at a time, so the
 * writer can report progress. Captions, sources and citations arrive fully worded: this file
 * only lays them out.
 */
import {
  AlignmentType,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { ReportBlock, ReportCell, ReportRun } from '../../../shared/report/model';
import { barChartPng } from './bar-chart-png';
import {
  BULLETS,
  columnTwips,
  HEADER_FILL,
  hexFill,
  SINGLE_LINE,
  TABLE_BORDERS,
  TEXT_WIDTH,
  textColourOn,
} from './docx-styles';

/** What a block becomes in the document's body. */
export type BodyChild = Paragraph | Table | TableOfContents;

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

/** A chart is printed 15 cm wide, or narrower when a long chart would not fit a page. */
const CHART_WIDTH_PX = Math.round((15 / 2.54) * 96);
const CHART_MAX_HEIGHT_PX = Math.round((19 / 2.54) * 96);

// Characters XML 1.0 cannot hold (pasted transcripts carry them): Word would refuse the whole
// file. docx drops most control characters itself, but not U+FFFE/U+FFFF; all of them go here.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with the characters XML cannot hold removed and Windows line ends made "\n". */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(NOT_XML, '');
}

/**
 * Converts blocks in reading order. It keeps what spans blocks: the footnotes (numbered 1…n
 * across the document) and a page break waiting for the next block.
 */
export class BlockConverter {
  /** The footnotes met so far, by number, for the Document's `footnotes`. */
  readonly footnotes: Record<number, { children: Paragraph[] }> = {};
  private footnoteCount = 0;
  /** Set by the cover and by page breaks, taken by the next block's first paragraph. */
  private pendingBreak = false;
  private atStart = true;

  /** The body elements of one block, in order. */
  convert(block: ReportBlock): BodyChild[] {
    const children = this.build(block);
    if (children.length > 0) this.atStart = false;
    return children;
  }

  private build(block: ReportBlock): BodyChild[] {
    switch (block.kind) {
      case 'cover':
        return this.cover(block);
      case 'toc':
        return [
          new Paragraph({
            style: 'TOCHeading',
            pageBreakBefore: this.takeBreak(),
            children: [new TextRun(cleanText(block.title))],
          }),
          new TableOfContents(cleanText(block.title), {
            hyperlink: true,
            headingStyleRange: '1-3',
          }),
        ];
      case 'pageBreak':
        // A break paragraph followed by a chapter that starts on a new page anyway would leave
        // an empty page: the break is instead carried by the next block's first paragraph.
        if (!this.atStart) this.pendingBreak = true;
        return [];
      case 'heading': {
        const pending = this.takeBreak();
        return [
          new Paragraph({
            heading: HEADINGS[block.level],
            // Chapters start on a new page, as Italian evaluation reports do.
            pageBreakBefore: pending || (block.level === 1 && !this.atStart),
            children: [new TextRun(cleanText(block.text))],
          }),
        ];
      }
      case 'paragraph':
        return [
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            pageBreakBefore: this.takeBreak(),
            children: this.runs(block.runs),
          }),
        ];
      case 'bullets':
        return block.items.map(
          (item, index) =>
            new Paragraph({
              numbering: { reference: BULLETS, level: 0 },
              alignment: AlignmentType.JUSTIFIED,
              pageBreakBefore: index === 0 ? this.takeBreak() : false,
              spacing: { after: index === block.items.length - 1 ? 120 : 60 },
              children: this.runs(item),
            }),
        );
      case 'quotation': {
        const children = [new TextRun(cleanText(block.text))];
        const citation = cleanText(block.citation).trim();
        if (citation) children.push(new TextRun({ text: ` ${citation}`, italics: false }));
        return [new Paragraph({ style: 'Quote', pageBreakBefore: this.takeBreak(), children })];
      }
      case 'table':
        return this.table(block);
      case 'chart':
        return this.chart(block);
    }
  }

  private takeBreak(): boolean {
    const pending = this.pendingBreak;
    this.pendingBreak = false;
    return pending;
  }

  private cover(block: Extract<ReportBlock, { kind: 'cover' }>): BodyChild[] {
    const line = (text: string, size: number) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
        children: [new TextRun({ text: cleanText(text), size })],
      });
    const programme = new Paragraph({
      alignment: AlignmentType.CENTER,
      pageBreakBefore: this.takeBreak(),
      children: [new TextRun({ text: cleanText(block.programme), size: 28, color: '404040' })],
    });
    const children = [
      programme,
      new Paragraph({ style: 'Title', children: [new TextRun(cleanText(block.title))] }),
      new Paragraph({ style: 'Subtitle', children: [new TextRun(cleanText(block.versionLabel))] }),
      line(block.evaluator, 24),
      line(block.date, 24),
    ];
    this.pendingBreak = true;
    return children;
  }

  /** Text runs; "\n" inside a run is a line break, a footnote follows its run. */
  private runs(runs: ReportRun[]): ParagraphChild[] {
    const children: ParagraphChild[] = [];
    for (const run of runs) {
      cleanText(run.text)
        .split('\n')
        .forEach((text, index) => {
          children.push(
            new TextRun({
              text,
              bold: run.bold,
              italics: run.italic,
              break: index > 0 ? 1 : undefined,
            }),
          );
        });
      if (run.footnote !== undefined)
        children.push(new FootnoteReferenceRun(this.footnote(run.footnote)));
    }
    return children;
  }

  private footnote(text: string): number {
    this.footnoteCount += 1;
    this.footnotes[this.footnoteCount] = {
      // The style is not implied in footnotes.xml; the space parts the number from the text.
      children: cleanText(text)
        .split('\n')
        .map(
          (line, index) =>
            new Paragraph({
              style: 'FootnoteText',
              children: [new TextRun(index === 0 ? ` ${line}` : line)],
            }),
        ),
    };
    return this.footnoteCount;
  }

  /** Caption above, the table, then the source and the note below (Italian convention). */
  private table(block: Extract<ReportBlock, { kind: 'table' }>): BodyChild[] {
    const children: BodyChild[] = [
      new Paragraph({
        style: 'Caption',
        pageBreakBefore: this.takeBreak(),
        children: [new TextRun(cleanText(block.caption))],
      }),
    ];
    const all = [...block.header, ...block.rows];
    if (all.length > 0) {
      const span = (cell: ReportCell) => Math.max(1, Math.floor(cell.span ?? 1) || 1);
      const columns = Math.max(
        block.widths.length,
        ...all.map((row) => row.reduce((sum, cell) => sum + span(cell), 0)),
        1,
      );
      const given = block.widths.filter((w) => Number.isFinite(w) && w > 0);
      const fallback = given.length > 0 ? given.reduce((a, b) => a + b, 0) / given.length : 1;
      const weights = Array.from({ length: columns }, (_, i) => {
        const weight = block.widths[i];
        return weight !== undefined && Number.isFinite(weight) && weight > 0 ? weight : fallback;
      });
      const twips = columnTwips(weights, TEXT_WIDTH);

      const row = (cells: ReportCell[], header: boolean) => {
        let column = 0;
        const tableCells = cells.map((cell) => {
          const cellSpan = Math.min(span(cell), columns - column);
          const width = twips.slice(column, column + cellSpan).reduce((a, b) => a + b, 0);
          column += cellSpan;
          return this.cell(cell, header, cellSpan, width);
        });
        // A short row is completed with an empty cell, so the grid and its borders stay whole.
        if (column < columns) {
          const width = twips.slice(column).reduce((a, b) => a + b, 0);
          tableCells.push(this.cell({ text: '' }, header, columns - column, width));
        }
        return new TableRow({
          children: tableCells,
          // `undefined`, not false: false would be written out as an explicit "off".
          tableHeader: header || undefined,
          cantSplit: true,
          keepNext: header || undefined,
        });
      };
      children.push(
        new Table({
          rows: [
            ...block.header.map((cells) => row(cells, true)),
            ...block.rows.map((cells) => row(cells, false)),
          ],
          width: { size: TEXT_WIDTH, type: WidthType.DXA },
          columnWidths: twips,
          layout: TableLayoutType.FIXED,
          borders: TABLE_BORDERS,
          // Cell margins once for the table, not on every cell.
          margins: { top: 40, bottom: 40, left: 85, right: 85 },
        }),
      );
    }
    children.push(...this.sourceAndNote(block.source, block.note));
    return children;
  }

  private cell(cell: ReportCell, header: boolean, span: number, width: number): TableCell {
    const fill = hexFill(cell.fill) ?? (header ? HEADER_FILL : undefined);
    const color = textColourOn(fill);
    return new TableCell({
      columnSpan: span > 1 ? span : undefined,
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
      // One paragraph per line of the cell's text.
      children: cleanText(cell.text)
        .split('\n')
        .map(
          (line) =>
            new Paragraph({
              style: 'TableText',
              alignment: cell.align && cell.align !== 'left' ? ALIGN[cell.align] : undefined,
              children: [
                new TextRun({
                  text: line,
                  bold: header || cell.bold || undefined,
                  italics: cell.italic || undefined,
                  color,
                }),
              ],
            }),
        ),
    });
  }

  private sourceAndNote(source: string, note: string | undefined): Paragraph[] {
    const lines = [source, note ?? ''].map((text) => cleanText(text).trim()).filter(Boolean);
    // The space after the last line parts the table or chart from the text that follows.
    return lines.map(
      (text, index) =>
        new Paragraph({
          style: 'Fonte',
          spacing: index === lines.length - 1 ? { after: 240 } : undefined,
          children: [new TextRun(text)],
        }),
    );
  }

  /** Caption above, the bar chart as a picture, the source below. */
  private chart(block: Extract<ReportBlock, { kind: 'chart' }>): BodyChild[] {
    const caption = cleanText(block.caption);
    const png = barChartPng(block.bars);
    // Width and height from the PNG's IHDR, to keep the aspect ratio.
    const [pxWidth, pxHeight] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    let width = CHART_WIDTH_PX;
    let height = Math.round((CHART_WIDTH_PX * pxHeight) / pxWidth);
    if (height > CHART_MAX_HEIGHT_PX) {
      width = Math.round((width * CHART_MAX_HEIGHT_PX) / height);
      height = CHART_MAX_HEIGHT_PX;
    }
    const described = block.bars.map((bar) => `${bar.label}: ${bar.valueText}`).join('; ');
    return [
      new Paragraph({
        style: 'Caption',
        pageBreakBefore: this.takeBreak(),
        children: [new TextRun(caption)],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: 60, after: 60, ...SINGLE_LINE },
        children: [
          new ImageRun({
            type: 'png',
            data: png,
            transformation: { width, height },
            // Screen readers and Word's accessibility checker read this instead of the picture.
            altText: {
              name: caption,
              title: caption,
              description: cleanText(`${block.valueLabel} – ${described}`),
            },
          }),
        ],
      }),
      ...this.sourceAndNote(block.source, undefined),
    ];
  }
}
