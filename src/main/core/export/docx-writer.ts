/**
 * The DOCX writer: a report model becomes a Word document laid out to the conventions of Italian
 * evaluation reports (A4, chapters on new pages, captions above tables and figures, sources
 * below, running header and "pag. X di Y" footer). Blocks are converted in docx-blocks.ts, the
 * styles live in docx-styles.ts.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import type { ReportModel } from '../../../shared/report/model';
import { BlockConverter, type BodyChild, cleanText } from './docx-blocks';
import { FURNITURE_COLOUR, reportNumbering, reportStyles, SECTION_PAGE } from './docx-styles';

/** Blocks converted between two yields to the event loop, so a long report does not freeze it. */
const BLOCKS_PER_YIELD = 50;

/**
 * Writes `model` as a DOCX file and returns its bytes.
 *
 * `onProgress(done, total)` is called after each block is converted, `total` being the number of
 * blocks; the last call is `(total, total)`. Packing the file after the last block takes a
 * moment more.
 */
export async function reportToDocx(
  model: ReportModel,
  onProgress?: (done: number, total: number) => void,
): Promise<Buffer> {
  const converter = new BlockConverter();
  const body: BodyChild[] = [];
  const total = model.blocks.length;
  for (const [index, block] of model.blocks.entries()) {
    body.push(...converter.convert(block));
    onProgress?.(index + 1, total);
    if ((index + 1) % BLOCKS_PER_YIELD === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  // Word wants at least one paragraph in the body.
  if (body.length === 0) body.push(new Paragraph({}));

  // The cover, when there is one, is the section's "title page": no header, no page number.
  const coverFirst = model.blocks[0]?.kind === 'cover';
  const furniture = { size: 18, color: FURNITURE_COLOUR };
  const header = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: cleanText(model.headerText), ...furniture })],
      }),
    ],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: [
              `${cleanText(model.pageWord)} `,
              PageNumber.CURRENT,
              ` ${cleanText(model.ofWord)} `,
              PageNumber.TOTAL_PAGES,
            ],
            ...furniture,
          }),
        ],
      }),
    ],
  });
  const empty = () => ({ children: [new Paragraph({})] });

  const document = new Document({
    title: cleanText(model.title),
    creator: 'Campo',
    lastModifiedBy: 'Campo',
    styles: reportStyles(model.language),
    numbering: reportNumbering,
    footnotes: converter.footnotes,
    // Word offers to update the fields (the index, the page count) when the file is opened.
    features: { updateFields: true },
    sections: [
      {
        properties: { titlePage: coverFirst, page: SECTION_PAGE },
        headers: coverFirst ? { default: header, first: new Header(empty()) } : { default: header },
        footers: coverFirst ? { default: footer, first: new Footer(empty()) } : { default: footer },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
