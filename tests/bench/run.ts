/**
 * `npm run bench`: the scale cases of the coding workbench, measured through the same core the
 * app uses. Not part of `npm test` (it takes minutes and its figures depend on the machine).
 *
 *   npm run bench                  all cases, 30 runs per figure, browser case included
 *   npm run bench -- --runs=50     more runs per figure
 *   npm run bench -- --no-ui       skip the browser case (no Chromium needed)
 *   npm run bench -- --keep        keep the temporary projects and print where they are
 *   npm run bench -- --sizes=S,M   only these scales (S, M, L by default; XL on request)
 *   npm run bench -- --no-peer     without the SQLite peer (else installed on first use)
 *   npm run bench -- --cases=scale only these cases (scale, long, retrieval, ui, codebook)
 *
 * Prints a table and writes bench-results.json in the current folder. See docs/PERFORMANCE.md.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { codebookCase } from './codebook-import';
import { longTranscriptCase } from './long-transcript';
import { figures, watchMemory } from './measure';
import { machine, saveResults, table } from './report';
import { retrievalCase } from './retrieval';
import { scaleCase, type ScaleOutcome, type ScaleRatios } from './scale';
import { uiCase } from './ui';
import { uiOpenCase } from './ui-scale';

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

async function main(): Promise<void> {
  const runs = Number(option('runs') ?? 30);
  if (!Number.isInteger(runs) || runs < 5) throw new Error('--runs must be an integer ≥ 5');
  const withUi = !process.argv.includes('--no-ui');
  const keep = process.argv.includes('--keep');
  const sizes = (option('sizes') ?? 'S,M,L').split(',').filter(Boolean);
  if (sizes.some((size) => !['S', 'M', 'L', 'XL'].includes(size))) {
    throw new Error('--sizes: S, M, L, XL');
  }
  const withPeer = !process.argv.includes('--no-peer');
  const cases = new Set((option('cases') ?? 'scale,long,retrieval,ui,codebook').split(','));
  const ratios: Record<string, ScaleRatios> = {};
  const outcomes: Record<string, Omit<ScaleOutcome, 'skipped'>> = {};
  const started = performance.now();
  // Taken first: its load average tells whether something else was running when we started.
  const where = machine();
  const memory = watchMemory();
  const skipped: string[] = [];
  const root = await mkdtemp(join(tmpdir(), 'campo-bench-'));
  let hostPeakMb: number | null = null;
  try {
    if (cases.has('scale')) {
      for (const size of sizes as Array<'S' | 'M' | 'L' | 'XL'>) {
        const { skipped: notMeasured, ...outcome } = await scaleCase(root, size, runs, withPeer);
        outcomes[size] = outcome;
        if (outcome.ratios) ratios[size] = outcome.ratios;
        skipped.push(...notMeasured);
      }
    }
    const long = cases.has('long') || cases.has('ui') ? await longTranscriptCase(root, runs) : null;
    if (cases.has('retrieval')) await retrievalCase(root, runs);
    // The browser opens L (and XL) as a user would, to the coding screen's counts.
    if (cases.has('scale') && cases.has('ui') && withUi) {
      for (const size of sizes.filter((name) => name === 'L' || name === 'XL')) {
        try {
          await uiOpenCase(root, `Valutazione ${size}`, 5, size === 'L' ? 1_000 : undefined);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          skipped.push(`browser open of ${size} failed: ${reason}`);
        }
      }
    }
    if (cases.has('codebook')) await codebookCase(root, runs);
    if (!cases.has('ui') || !long) skipped.push('browser case not selected (--cases)');
    else if (withUi) {
      try {
        hostPeakMb = (await uiCase(root, long)).hostPeakMb;
      } catch (error) {
        // The browser case depends on Chromium and a built renderer; the core figures stand.
        const reason = error instanceof Error ? error.message : String(error);
        skipped.push(`browser case failed: ${reason}`);
        console.error(`[bench] browser case failed: ${reason}`);
      }
    } else skipped.push('browser case skipped (--no-ui)');
  } finally {
    if (keep) console.error(`[bench] projects kept in ${root}`);
    else await rm(root, { recursive: true, force: true });
  }
  const { sampledPeakMb, maxRssMb } = memory.stop();
  const results = {
    machine: where,
    totalSeconds: Math.round((performance.now() - started) / 100) / 10,
    memory: {
      benchPeakRssSampledMb: sampledPeakMb,
      benchMaxRssMb: maxRssMb,
      ...(hostPeakMb !== null ? { browserHostPeakRssMb: hostPeakMb } : {}),
    },
    skipped,
    ratios: ratios as unknown as Record<string, Record<string, number>>,
    sizes: outcomes,
    figures,
  };
  const out = resolve('bench-results.json');
  await saveResults(out, results);
  const m = results.machine;
  console.log(
    `\nCampo bench — ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.date}`,
  );
  console.log(
    `load average at start ${m.loadAtStart}; times in ms; ${runs} runs per figure unless n says otherwise\n`,
  );
  console.log(table(figures));
  console.log(
    `\npeak RSS of the bench process: ${sampledPeakMb} MB sampled, ${maxRssMb} MB max` +
      (hostPeakMb !== null ? `; browser host: ${hostPeakMb} MB` : ''),
  );
  for (const reason of skipped) console.log(`note: ${reason}`);
  console.log(`total ${results.totalSeconds} s; results in ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
