/** A record of a CSV file with the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** The separators spreadsheets write: Italian Excel uses `;`, others `,` or tab. */
export type CsvSeparator = ';' | ',' | '\t';

/**
 * The separator of a CSV file, guessed from its first line (quoted text not counted): the one
 * found most often, `;` when none is.
 */
export function detectSeparator(csv: string): CsvSeparator {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of csv.replace(/^\uFEFF/, '')) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ';' || char === ',' || char === '\t')) counts[char]++;
  }
  let best: CsvSeparator = ';';
  for (const separator of [',', '\t'] as const) {
    if (counts[separator] > counts[best]) best = separator;
  }
  return best;
}

/**
 * Records of an RFC 4180 file: fields in double quotes may hold the separator, line breaks and
 * doubled quotes; lines end with CRLF, LF or CR; a UTF-8 BOM is dropped. Lenient like
 * spreadsheets: a quote inside an unquoted field is kept as text. Blank lines give no record.
 */
export function parseCsv(csv: string, separator: CsvSeparator): CsvRecord[] {
  const text = csv.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(field);
    if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells });
    cells = [];
    field = '';
  };
  while (i < text.length) {
    const char = text[i] as string;
    if (char === '"' && field === '') {
      // A quoted field: read up to the closing quote, "" standing for one quote. Whole stretches
      // between quotes are taken at once: a field of megabytes costs one slice, not a string
      // built character by character.
      i++;
      while (i < text.length) {
        const quote = text.indexOf('"', i);
        const end = quote < 0 ? text.length : quote;
        const stretch = text.slice(i, end);
        line += (stretch.match(/\r\n?|\n/g) ?? []).length;
        field += stretch;
        i = end;
        if (quote < 0) break;
        if (text[quote + 1] === '"') {
          field += '"';
          i = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      continue;
    }
    if (char === separator) {
      cells.push(field);
      field = '';
      i++;
    } else if (char === '\r' || char === '\n') {
      endRecord();
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += char;
      i++;
    }
  }
  if (field !== '' || cells.length > 0) endRecord();
  return records;
}

/** One CSV line (no line break), fields quoted only when they hold a separator, quote or break. */
export function formatCsvRow(cells: readonly string[], separator: CsvSeparator): string {
  return cells
    .map((cell) =>
      cell.includes(separator) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell,
    )
    .join(separator);
}

/**
 * First characters with which a spreadsheet reads a cell as a formula (`=HYPERLINK(…)`,
 * `+cmd|…`, `-2+3`, `@SUM(…)`, and the full-width forms some locales accept), or that it strips
 * before doing so (tab, carriage return). A leading apostrophe is escaped too, so that reading
 * back gives exactly what was written.
 */
const FORMULA_LEAD = /^[=+\-@\t\r'\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A cell a spreadsheet shows as text, never runs (OWASP "CSV injection"): one leading apostrophe
 * when the cell starts like a formula. `restoreFormulaCell` undoes it.
 */
export function neutraliseFormulaCell(cell: string): string {
  return FORMULA_LEAD.test(cell) ? `'${cell}` : cell;
}

/** The cell as it was before `neutraliseFormulaCell`. */
export function restoreFormulaCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_LEAD.test(cell.slice(1)) ? cell.slice(1) : cell;
}
