/**
 * Case "scale": S, M and L projects (issue "benchmark at evaluation-team scale"), each measured
 * through the core the app uses and compared, in the same run, with the naive single-file
 * lowdb store: the ratio Campo / naive holds on a noisy machine where absolute times do not.
 *
 * Building, Campo's measurements and the baseline's each run in a child process of their own,
 * so each peak RSS is that phase's alone (the kernel's high-water mark of the child).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { figures, group, record, target, type Figure } from './measure';
import type { ScaleSpec } from './scale-project';

const run = promisify(execFile);

/** Campo's median over the naive store's, per operation (below 1: Campo is faster). */
export interface ScaleRatios {
  open: number;
  saveSmall: number;
  saveLarge: number;
}

/** What a child phase hands back: its figures and its peak memory. */
export interface PhaseResult {
  figures: Figure[];
  peakRssMb: number;
  /** Phase-specific values (paths, medians) the parent needs. */
  values: Record<string, string | number>;
}

const CHILD = fileURLToPath(new URL('./scale-phase.ts', import.meta.url));

/** Runs one phase in a fresh Node (with tsx), returning what it wrote to `out`. */
async function phase(args: string[], out: string): Promise<PhaseResult> {
  await run(process.execPath, ['--import', 'tsx', CHILD, ...args, `--out=${out}`], {
    maxBuffer: 64 * 1024 * 1024,
    // Its progress lines are for the person watching, on stderr like ours.
  }).catch((error: unknown) => {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`bench phase ${args[0]} failed: ${stderr.slice(-2000)}`);
  });
  return JSON.parse(await readFile(out, 'utf8')) as PhaseResult;
}

/** Builds one scale's project, measures Campo and the naive store, returns the ratios. */
export async function scaleCase(
  root: string,
  name: ScaleSpec['name'],
  runs: number,
): Promise<ScaleRatios> {
  const log = (message: string) => console.error(`[bench] ${name}: ${message}`);
  log('building…');
  const built = await phase(['build', name, root, String(runs)], join(root, `${name}-build.json`));
  const title = String(built.values.title);
  group(title);
  const adopt = (result: PhaseResult) =>
    figures.push(...result.figures.map((figure) => ({ ...figure, group: title })));
  adopt(built);
  log('measuring opening…');
  const opened = await phase(
    ['open', name, root, String(runs), String(built.values.dir)],
    join(root, `${name}-open.json`),
  );
  adopt(opened);
  log('measuring a working session…');
  const campo = await phase(
    ['campo', name, root, String(runs), String(built.values.dir)],
    join(root, `${name}-campo.json`),
  );
  adopt(campo);
  record('peak RSS of a working session (open, saves, search, exports)', [campo.peakRssMb], {
    unit: 'MB',
    ...(name === 'L' ? { target: target('max', 1_536, 'peak RSS < 1.5 GB') } : {}),
  });
  log('measuring the naive baseline…');
  const naive = await phase(
    ['naive', name, root, String(runs), String(built.values.dir)],
    join(root, `${name}-naive.json`),
  );
  adopt(naive);
  record('baseline: peak RSS of the naive phase', [naive.peakRssMb], { unit: 'MB' });

  const ratios: ScaleRatios = {
    open: Number(opened.values.openMedian) / Number(naive.values.openMedian),
    saveSmall: Number(campo.values.saveSmallMedian) / Number(naive.values.saveMedian),
    saveLarge: Number(campo.values.saveLargeMedian) / Number(naive.values.saveMedian),
  };
  for (const [key, value] of Object.entries(ratios)) {
    record(`ratio Campo / naive: ${key}`, [value], {
      unit: 'x',
      note:
        key === 'saveLarge' && name === 'L'
          ? `target ≥ 20× faster (ratio ≤ 0.05): ${value <= 0.05 ? 'OK' : 'MISSED'}`
          : `${(1 / value).toFixed(1)}× ${value < 1 ? 'faster' : 'slower'} than naive`,
    });
  }
  return ratios;
}
