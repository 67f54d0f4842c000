/**
 * The fixed parts of an XLSX file (SpreadsheetML, ECMA-376 / ISO 29500 transitional) and the
 * escaping its XML needs. The worksheets and the shared strings are streamed by xlsx-writer.ts.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The root element every worksheet and the shared strings part open with. */
export const WORKSHEET_OPEN = `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${DOC_RELS}">`;
export const SST_OPEN = (count: number, unique: number) =>
  `${XML_HEAD}<sst xmlns="${MAIN}" count="${count}" uniqueCount="${unique}">`;

/** Style indexes in styles.xml's cellXfs. */
export const STYLE = { normal: 0, date: 1, header: 2 } as const;

// Characters XML 1.0 cannot hold, and the carriage return a parser would turn into a line feed
// (written the way Excel does, `_xHHHH_`), the `_xHHHH_` a text
// already contains (escaped so Excel does not decode it), the markup characters, and lone
// surrogates (half an emoji, which no encoder can write).
const NEEDS_ESCAPE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[&<>"\u0000-\u0008\u000b-\u001f\ufffe\uffff]|_x[0-9a-fA-F]{4}_|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeOne(match: string): string {
  switch (match) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '"':
      return '&quot;';
    default:
      if (match.length > 1) return `_x005F${match}`;
      if (match >= '\ud800' && match <= '\udfff') return '\ufffd';
      return `_x${match.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
  }
}

/** Text as XML character data or an attribute value; lone surrogates become U+FFFD. */
export function escapeXml(text: string): string {
  return text.replace(NEEDS_ESCAPE, escapeOne);
}

/** A `<t>` element, keeping leading, trailing and repeated white space. */
export function textElement(text: string): string {
  const preserve = /^\s|\s$|\s\s|[\t\n\r]/.test(text) ? ' xml:space="preserve"' : '';
  return `<t${preserve}>${escapeXml(text)}</t>`;
}

/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** A range such as A1:R301 (0-based last row and column). */
export function rangeRef(lastRow: number, lastColumn: number): string {
  return `A1:${columnName(lastColumn)}${lastRow + 1}`;
}

/**
 * A column width in Excel's units from a width in characters, as Excel computes it for its
 * default font (maximum digit width 6 px, 5 px of padding): what SheetJS reads back as `wch`.
 */
export function columnWidth(characters: number): number {
  return Math.round(((characters * 6 + 5) / 6) * 256) / 256;
}

/** A sheet name as a formula refers to it: quoted, inner quotes doubled. */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** What the workbook part needs of each sheet. */
export interface SheetEntry {
  name: string;
  /** The autofilter's range (A1:R301), when the sheet has a header. */
  filterRef: string | null;
}

export function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, index) =>
      `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>'
  );
}

export function packageRelsXml(): string {
  return (
    `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELS}">` +
    `<Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="${PACKAGE_RELS}/metadata/core-properties" Target="docProps/core.xml"/>` +
    `<Relationship Id="rId3" Type="${DOC_RELS}/extended-properties" Target="docProps/app.xml"/>` +
    '</Relationships>'
  );
}

export function workbookRelsXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, index) =>
      `<Relationship Id="rId${index + 1}" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
  ).join('');
  return (
    `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELS}">${sheets}` +
    `<Relationship Id="rId${sheetCount + 1}" Type="${DOC_RELS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheetCount + 2}" Type="${DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>'
  );
}

/** The workbook: its sheets in order, and each autofilter's hidden name (Excel needs it). */
export function workbookXml(sheets: readonly SheetEntry[]): string {
  const list = sheets
    .map(
      (sheet, index) =>
        `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
    )
    .join('');
  const filters = sheets
    .flatMap((sheet, index) => {
      if (!sheet.filterRef) return [];
      const [from, to] = sheet.filterRef.split(':').map((ref) => ref.replace(/(\d+)$/, '$$$1'));
      const absolute = `${quotedSheet(sheet.name)}!$${from}:$${to}`;
      return [
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escapeXml(absolute)}</definedName>`,
      ];
    })
    .join('');
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}">` +
    '<workbookPr/><bookViews><workbookView/></bookViews>' +
    `<sheets>${list}</sheets>` +
    (filters ? `<definedNames>${filters}</definedNames>` : '') +
    '</workbook>'
  );
}

/** Three cell styles: normal, a date shown dd/mm/yyyy, and a bold header. */
export function stylesXml(dateFormat: string): string {
  return (
    `${XML_HEAD}<styleSheet xmlns="${MAIN}">` +
    `<numFmts count="1"><numFmt numFmtId="164" formatCode="${escapeXml(dateFormat)}"/></numFmts>` +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
    '<fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

/** Title and author, which Excel shows under File › Info. */
export function corePropsXml(title: string, author: string): string {
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>${escapeXml(author)}</dc:creator>` +
    '</cp:coreProperties>'
  );
}

export function appPropsXml(): string {
  return (
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
    '<Application>Campo</Application></Properties>'
  );
}

/** The sheet's view: the header row stays in sight while scrolling. */
export const FROZEN_HEADER =
  '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>';
