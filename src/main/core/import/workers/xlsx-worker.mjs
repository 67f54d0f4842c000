// Reads the first sheet of an XLSX or a CSV with SheetJS inside a worker thread with a memory cap
// and a time limit: npm's xlsx 0.18.5 has unpatched advisories on its read path
// (CVE-2023-30533, CVE-2024-22363), so it never runs in the app's own thread. The rows it posts
// are validated with zod by the caller.
import { parentPort, workerData } from 'node:worker_threads';
import XLSX from 'xlsx';

const { bytes, text, maxRows, maxColumns } = workerData;

function cell(value) {
  if (value instanceof Date) {
    const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 10);
  }
  if (typeof value === 'string') return value.slice(0, 10_000);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

try {
  const workbook =
    text !== undefined
      ? XLSX.read(text, { type: 'string', raw: true, cellDates: true, dense: true })
      : XLSX.read(Buffer.from(bytes), {
          type: 'buffer',
          cellDates: true,
          cellFormula: false,
          cellHTML: false,
          dense: true,
        });
  const sheet = workbook.Sheets[workbook.SheetNames[0]];
  const rows = sheet
    ? XLSX.utils.sheet_to_json(sheet, { header: 1, raw: true, defval: null, blankrows: false })
    : [];
  const clipped = rows.slice(0, maxRows + 1).map((row) => row.slice(0, maxColumns).map(cell));
  parentPort.postMessage({
    ok: true,
    value: { rows: clipped, truncated: rows.length > maxRows + 1 },
  });
} catch (error) {
  parentPort.postMessage({ ok: false, error: String(error?.message ?? error).slice(0, 300) });
}
