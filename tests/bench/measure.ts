/**
 * Timing helpers of `npm run bench`: run an operation N times, keep every sample, summarise as
 * median and p95, and collect the figures for the report. No framework: the figures must come
 * from plain `performance.now()` around the real calls, nothing else in between.
 */
import { performance } from 'node:perf_hooks';

/** Median and 95th percentile of a set of samples, in milliseconds. */
export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** A target a figure is held to (e.g. coding save p95 < 20 ms). */
export interface Target {
  /** Which statistic the limit applies to. */
  stat: 'median' | 'p95' | 'max';
  limitMs: number;
  /** How the target is written in the docs ("p95 < 20 ms"). */
  label: string;
}

/** A target, as the figures declare it. */
export const target = (stat: Target['stat'], limitMs: number, label: string): Target => ({
  stat,
  limitMs,
  label,
});

/** One line of the report. */
export interface Figure extends Stats {
  group: string;
  name: string;
  /** Milliseconds unless `unit` says otherwise (counts, frames). */
  unit: string;
  target?: Target;
  /** Whether the target was met; absent when there is no target. */
  met?: boolean;
  note?: string;
  samples: number[];
}

export interface MeasureOptions {
  /** Runs done first and thrown away (JIT, caches): the figures are steady-state. */
  warmup?: number;
  target?: Target;
  note?: string;
  /** Runs before each timed run, outside the timing (e.g. make a fresh selection). */
  before?: (run: number) => Promise<void> | void;
}

/** Every figure recorded so far, in order; the report prints and saves these. */
export const figures: Figure[] = [];

let currentGroup = 'general';

/** Figures recorded from now on belong to `name` (a case of the benchmark). */
export function group(name: string): void {
  currentGroup = name;
}

/** Nearest-rank percentile of sorted samples (p in 0..100). */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Summary statistics of `samples` (any unit). */
export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/**
 * Records samples measured elsewhere (in the browser, or a one-off timing) as a figure.
 * Returns the summary.
 */
export function record(
  name: string,
  samples: readonly number[],
  options: { target?: Target; note?: string; unit?: string } = {},
): Stats {
  const summary = stats(samples);
  const figure: Figure = {
    group: currentGroup,
    name,
    unit: options.unit ?? 'ms',
    ...summary,
    samples: samples.map((sample) => Math.round(sample * 1000) / 1000),
  };
  if (options.target) {
    figure.target = options.target;
    figure.met = summary[options.target.stat] < options.target.limitMs;
  }
  if (options.note) figure.note = options.note;
  figures.push(figure);
  return summary;
}

/**
 * Times `fn` `runs` times, one after the other (each run awaited), and records the figure.
 * `fn` gets the run index so each run can work on its own data. Returns median and p95.
 */
export async function measure(
  name: string,
  runs: number,
  fn: (run: number) => Promise<unknown> | unknown,
  options: MeasureOptions = {},
): Promise<Stats> {
  const warmup = options.warmup ?? 2;
  for (let run = 0; run < warmup; run++) {
    await options.before?.(run);
    await fn(run);
  }
  const samples: number[] = [];
  for (let run = warmup; run < warmup + runs; run++) {
    await options.before?.(run);
    const started = performance.now();
    await fn(run);
    samples.push(performance.now() - started);
  }
  return record(name, samples, options);
}

/**
 * Peak resident memory of this process: sampled every 100 ms (process.memoryUsage().rss), and
 * the kernel's own high-water mark (resourceUsage().maxRSS), which misses no spike.
 */
export function watchMemory(): { stop(): { sampledPeakMb: number; maxRssMb: number } } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;
      return { sampledPeakMb: mb(peak), maxRssMb: mb(process.resourceUsage().maxRSS * 1024) };
    },
  };
}
