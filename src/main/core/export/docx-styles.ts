/**
 * Page geometry, styles, list numbering and table look of the DOCX reports. The styles keep
 * Word's built-in ids (Heading1–3, Title, Subtitle, Caption, Quote, TOCHeading, TOC1–3) so that
 * Word recognises them: its index, its caption tools and a user's own template all keep working.
 */
import {
  AlignmentType,
  BorderStyle,
  LevelFormat,
  LineRuleType,
  type INumberingOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
} from 'docx';

/** One centimetre in twips (1/20 pt), the unit of Word's page geometry. */
export const CM = 567;

/** A4 portrait, 2.5 cm top and bottom, 2 cm left and right. */
export const PAGE = {
  width: 11_906,
  height: 16_838,
  marginTop: Math.round(2.5 * CM),
  marginBottom: Math.round(2.5 * CM),
  marginSide: 2 * CM,
} as const;

/** The width of the text between the side margins, in twips (17 cm). */
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.marginSide;

/** The page geometry for the section, in twips. */
export const SECTION_PAGE = {
  size: { width: PAGE.width, height: PAGE.height },
  margin: {
    top: PAGE.marginTop,
    bottom: PAGE.marginBottom,
    left: PAGE.marginSide,
    right: PAGE.marginSide,
    header: Math.round(1.2 * CM),
    footer: Math.round(1.2 * CM),
  },
};

/** The one font family of the report, body and headings alike. */
export const FONT = 'Arial';
/** Dark blue of the headings and the title. */
export const HEADING_COLOUR = '1F3864';
/** Grey of the running header and footer. */
export const FURNITURE_COLOUR = '7F7F7F';
/** Font size of table text, in half-points (9 pt). */
export const TABLE_TEXT_SIZE = 18;

/** The reference of the report's bulleted list definition (see {@link reportNumbering}). */
export const BULLETS = 'campo-bullets';

/**
 * 1.15 line spacing: Word's `line` is in 240ths of a line with the "auto" rule. The rule is
 * always written: LibreOffice reads a `line` without it as an exact height, which clips pictures.
 */
const LINE_115 = { line: 276, lineRule: LineRuleType.AUTO } as const;
/** Single line spacing, for table cells, notes and pictures. */
export const SINGLE_LINE = { line: 240, lineRule: LineRuleType.AUTO } as const;

function heading(
  id: string,
  name: string,
  outlineLevel: number,
  size: number,
  before: number,
): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: FONT, size, bold: true, color: HEADING_COLOUR },
    // The outline level is what LibreOffice's index and Word's navigation pane read.
    paragraph: {
      outlineLevel,
      keepNext: true,
      keepLines: true,
      spacing: { before, after: 120, ...LINE_115 },
    },
  };
}

function tocLevel(level: number): IParagraphStyleOptions {
  return {
    id: `TOC${level}`,
    name: `toc ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    uiPriority: 39,
    run: level === 1 ? { bold: true } : {},
    paragraph: {
      indent: { left: (level - 1) * 340 },
      spacing: { before: level === 1 ? 120 : 0, after: 40 },
    },
  };
}

/**
 * The report's styles: Arial 11 pt at 1.15 lines for the body, the document's language on every
 * run (for Word's spelling and hyphenation), the heading and caption styles Word expects, and
 * "Fonte" for the source line under tables and charts.
 */
export function reportStyles(language: 'it' | 'en'): IStylesOptions {
  return {
    default: {
      document: {
        run: {
          font: FONT,
          size: 22,
          language: { value: language === 'it' ? 'it-IT' : 'en-GB' },
        },
        paragraph: { spacing: { after: 120, ...LINE_115 } },
      },
      footnoteText: {
        run: { font: FONT, size: 18 },
        paragraph: { spacing: { after: 0, ...SINGLE_LINE } },
      },
    },
    paragraphStyles: [
      heading('Heading1', 'heading 1', 0, 32, 0),
      heading('Heading2', 'heading 2', 1, 26, 360),
      heading('Heading3', 'heading 3', 2, 23, 240),
      {
        id: 'Title',
        name: 'Title',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: FONT, size: 48, bold: true, color: HEADING_COLOUR },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 3400, after: 360 } },
      },
      {
        id: 'Subtitle',
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: FONT, size: 28, color: '595959' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 1200 } },
      },
      {
        id: 'TOCHeading',
        name: 'TOC Heading',
        basedOn: 'Normal',
        next: 'Normal',
        uiPriority: 39,
        // Looks like a chapter title but has no outline level, so the index does not list itself.
        run: { font: FONT, size: 32, bold: true, color: HEADING_COLOUR },
        paragraph: { keepNext: true, spacing: { after: 240 } },
      },
      tocLevel(1),
      tocLevel(2),
      tocLevel(3),
      {
        id: 'Caption',
        name: 'caption',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: FONT, size: 20, bold: true, italics: false, color: '262626' },
        paragraph: { keepNext: true, keepLines: true, spacing: { before: 240, after: 80 } },
      },
      {
        // Table cells: small single-spaced text. One style instead of the same properties on
        // every cell keeps a thousand-row annex light (its XML and the writer's memory).
        id: 'TableText',
        name: 'Table Text',
        basedOn: 'Normal',
        quickFormat: true,
        run: { size: TABLE_TEXT_SIZE },
        paragraph: { spacing: { before: 0, after: 0, ...SINGLE_LINE } },
      },
      {
        id: 'Fonte',
        name: 'Fonte',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: 18, italics: true, color: '404040' },
        paragraph: { spacing: { before: 60, after: 60, ...SINGLE_LINE } },
      },
      {
        id: 'Quote',
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { italics: true, color: '404040' },
        paragraph: {
          // Ragged right: a short quotation in an indented column, justified, gets wide gaps.
          alignment: AlignmentType.LEFT,
          indent: { left: CM, right: CM },
          spacing: { before: 120, after: 160 },
        },
      },
    ],
  };
}

/** The bulleted list: a plain "•" hanging 0.5 cm, the first level only (the model is flat). */
export const reportNumbering: INumberingOptions = {
  config: [
    {
      reference: BULLETS,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '•',
          alignment: AlignmentType.LEFT,
          style: {
            paragraph: { indent: { left: Math.round(1.1 * CM), hanging: Math.round(0.5 * CM) } },
          },
        },
      ],
    },
  ],
};

/** Header cells are light grey unless the model gives them a colour of their own. */
export const HEADER_FILL = 'D9D9D9';
/** Thin grey rules around and inside tables. */
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '808080' } as const;
export const TABLE_BORDERS = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
};

/** "#b6d7a8" → "B6D7A8"; anything that is not a six-digit hex colour → undefined. */
export function hexFill(fill: string | undefined): string | undefined {
  const match = fill ? /^#?([0-9a-f]{6})$/i.exec(fill.trim()) : null;
  return match ? match[1]!.toUpperCase() : undefined;
}

/** White text on dark fills, so a cell stays readable whatever colour the model picks. */
export function textColourOn(fill: string | undefined): string | undefined {
  if (!fill) return undefined;
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(fill.slice(at, at + 2), 16) / 255);
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return luminance < 0.45 ? 'FFFFFF' : undefined;
}

/** Splits `total` twips among columns in proportion to `weights`, the rounding put in the last. */
export function columnTwips(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const twips = weights.map((weight) => Math.floor((weight / sum) * total));
  twips[twips.length - 1]! += total - twips.reduce((a, b) => a + b, 0);
  return twips;
}
