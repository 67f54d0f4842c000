/**
 * The benchmark's output: a table on stdout and bench-results.json with the machine, the date
 * and every sample, so two runs (or two machines) can be compared figure by figure.
 */
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { Figure } from './measure';

/** The machine the figures were taken on. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  date: string;
  /** 1-minute load average when the run started: above ~0.5 on 2 cores, other work competed. */
  loadAtStart: number;
}

/** Describes this machine (first CPU's model, core count, Node version, now). */
export function machine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `${platform()} ${release()}`,
    node: process.version,
    date: new Date().toISOString(),
    loadAtStart: Math.round(loadavg()[0]! * 100) / 100,
  };
}

/** Milliseconds with one decimal (two below 1 ms, where in-memory calls land); counts whole. */
function format(value: number, unit: string): string {
  if (Number.isNaN(value)) return '–';
  if (unit === 'x') return value.toFixed(3);
  if (unit !== 'ms') return String(Math.round(value));
  return value.toFixed(value < 1 ? 2 : 1);
}

function verdict(figure: Figure): string {
  if (!figure.target) return '';
  return `${figure.target.label} ${figure.met ? 'OK' : 'MISSED'}`;
}

/** The figures as a fixed-width table, grouped by case, with targets and notes. */
export function table(figures: readonly Figure[]): string {
  const header = ['operation', 'n', 'median', 'p95', 'max', 'target', 'note'];
  const rows: string[][] = [];
  let lastGroup = '';
  for (const figure of figures) {
    if (figure.group !== lastGroup) {
      rows.push([`## ${figure.group}`, '', '', '', '', '', '']);
      lastGroup = figure.group;
    }
    const unit = figure.unit === 'ms' ? '' : ` ${figure.unit}`;
    rows.push([
      `  ${figure.name}`,
      String(figure.n),
      format(figure.median, figure.unit) + unit,
      format(figure.p95, figure.unit) + unit,
      format(figure.max, figure.unit) + unit,
      verdict(figure),
      figure.note ?? '',
    ]);
  }
  const widths = header.map((title, column) =>
    Math.max(
      title.length,
      ...rows.filter((row) => !row[0]!.startsWith('##')).map((row) => row[column]!.length),
    ),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0
          ? cell.padEnd(widths[0]!)
          : column < 5
            ? cell.padStart(widths[column]!)
            : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  return [
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map((row) => (row[0]!.startsWith('##') ? row[0]! : line(row))),
  ].join('\n');
}

/** Everything `npm run bench` found, as written to bench-results.json. */
export interface Results {
  machine: Machine;
  /** Wall-clock time of the whole run, seconds. */
  totalSeconds: number;
  memory: Record<string, number>;
  /** Parts of the run that were skipped or failed, and why. */
  skipped: string[];
  /** Campo / naive single-file store, median over median, per scale and operation. */
  ratios: Record<string, Record<string, number>>;
  /**
   * Per scale: `vsSqlite` (Campo ÷ the SQLite peer: openToCounts, saveSmallP95, saveLargeP95,
   * firstSearch) and `vsFloor` (Campo ÷ its write floor: saveSmallP95, saveLargeP95), issue 17.
   */
  sizes: Record<string, object>;
  figures: Figure[];
}

/** Writes the results as indented JSON. */
export async function saveResults(path: string, results: Results): Promise<void> {
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`, 'utf8');
}
