/**
 * Case "scale": S, M, L (and XL) projects, each measured through the core the app uses and
 * compared, in the same run, with the naive single-file lowdb store, with Campo's own write floor
 * and with the QualCoder-schema SQLite peer (issue 17): ratios hold on a noisy machine where
 * absolute times do not.
 *
 * Building, Campo's measurements, the baseline's and the peer's each run in a child process of
 * their own, so each peak RSS is that phase's alone (the kernel's high-water mark of the child).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { figures, group, record, target, type Figure } from './measure';
import { ensurePeer, peerPhase, type PeerResult } from './peer';
import { saveRuns, SCALES, type ScaleSpec } from './scale-project';
import { RARE_WORD } from './synthetic';

const run = promisify(execFile);

/** Campo's median over the naive store's, per operation (below 1: Campo is faster). */
export interface ScaleRatios {
  open: number;
  saveSmall: number;
  saveLarge: number;
}

/** Campo ÷ SQLite peer, per operation, as bench-results.json keeps it (issue 17). */
export interface VsSqlite {
  openToCounts: number;
  saveSmallP95: number;
  saveLargeP95: number;
  firstSearch: number;
}

/**
 * Campo ÷ its write floor: the bytes a save writes, written the same durable way (since the
 * coding journal: one line appended to an open file and written through (O_DSYNC; elsewhere flushed with fdatasync)).
 */
export interface VsFloor {
  saveSmallP95: number;
  saveLargeP95: number;
}

export interface ScaleOutcome {
  ratios: ScaleRatios | null;
  vsSqlite: VsSqlite | null;
  vsFloor: VsFloor;
  /** Why a comparison is missing (peer not installed, naive skipped at XL). */
  skipped: string[];
}

/** What a child phase hands back: its figures and its peak memory. */
export interface PhaseResult {
  figures: Figure[];
  peakRssMb: number;
  /** Phase-specific values (paths, medians) the parent needs. */
  values: Record<string, string | number>;
}

const CHILD = fileURLToPath(new URL('./scale-phase.ts', import.meta.url));
const RSS_TARGETS: Partial<Record<ScaleSpec['name'], number>> = { L: 800, XL: 2_048 };

/**
 * The heap an export gets on an 8 GB laptop: V8 gives a process a quarter of the machine's
 * memory, and Electron's main process (where the core runs) is no exception.
 */
export const LAPTOP_HEAP_MB = 2_048;

/** Runs one phase in a fresh Node (with tsx), returning what it wrote to `out`. */
async function phase(args: string[], out: string, heapMb?: number): Promise<PhaseResult> {
  const heap = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
  await run(process.execPath, [...heap, '--import', 'tsx', CHILD, ...args, `--out=${out}`], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: unknown) => {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`bench phase ${args[0]} failed: ${stderr.slice(-2000)}`);
  });
  return JSON.parse(await readFile(out, 'utf8')) as PhaseResult;
}

const median = (samples: number[] = []) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.ceil(sorted.length / 2) - 1]! : Number.NaN;
};
const p95 = (samples: number[] = []) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.ceil(0.95 * sorted.length) - 1]! : Number.NaN;
};

/** Builds and measures the peer on the same data; its figures join the scale's table. */
async function sqlitePeer(root: string, spec: ScaleSpec, runs: number): Promise<PeerResult> {
  const db = join(root, `peer-${spec.name}.qda`);
  const built = await peerPhase(
    ['build', join(root, `peer-${spec.name}.ndjson`), db],
    join(root, `peer-${spec.name}-build.json`),
  );
  record(
    'SQLite peer: setup, build the QualCoder-schema database (not a target)',
    built.samples.build!,
  );
  const params = {
    rareWord: RARE_WORD,
    commonWord: 'città',
    smallFid: 1,
    smallLength: 60_000,
    largeFid: spec.transcripts + 1,
    largeLength: 290_000,
    typicalCid: 10,
    spareCid: spec.codes,
    saveRuns: saveRuns(runs),
  };
  const paramsPath = join(root, `peer-${spec.name}-params.json`);
  await (await import('node:fs/promises')).writeFile(paramsPath, JSON.stringify(params));
  const measured = await peerPhase(
    ['measure', db, String(runs), paramsPath],
    join(root, `peer-${spec.name}-measure.json`),
  );
  const s = measured.samples;
  record('SQLite peer: open → counts per code (GROUP BY cid)', s.openToCounts!);
  record(
    'SQLite peer: first search after open, rare word (LIKE over every text)',
    s.firstSearchRare!,
  );
  record('SQLite peer: first search after open, common word', s.firstSearchCommon!);
  record(
    'SQLite peer: one coding inserted durably, small source (WAL, synchronous=FULL)',
    s.saveSmall!,
  );
  record('SQLite peer: one coding inserted durably, large source', s.saveLarge!);
  record('SQLite peer: search, rare word', s.searchRare!);
  record('SQLite peer: search, common word', s.searchCommon!);
  record('SQLite peer: retrieval of one code with context (join + substr)', s.retrieveOne!, {
    note: `${measured.values.segments} segments`,
  });
  record('SQLite peer: peak RSS of its working session', [measured.peakRssMb], { unit: 'MB' });
  return measured;
}

/** Builds one scale's project, measures Campo, its write floor, the naive store and the peer. */
export async function scaleCase(
  root: string,
  name: ScaleSpec['name'],
  runs: number,
  withPeer: boolean,
): Promise<ScaleOutcome> {
  const spec = SCALES[name];
  const skipped: string[] = [];
  const log = (message: string) => console.error(`[bench] ${name}: ${message}`);
  log('building…');
  const built = await phase(['build', name, root, String(runs)], join(root, `${name}-build.json`));
  const title = String(built.values.title);
  group(title);
  const adopt = (result: PhaseResult) =>
    figures.push(...result.figures.map((figure) => ({ ...figure, group: title })));
  adopt(built);
  log('measuring opening and first searches…');
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
  const rssTarget = RSS_TARGETS[name];
  record(
    'peak RSS of a working session (open, counts, saves, searches, retrieval, co-occurrence)',
    [campo.peakRssMb],
    {
      unit: 'MB',
      ...(rssTarget ? { target: target('max', rssTarget, `peak RSS < ${rssTarget} MB`) } : {}),
    },
  );
  log('measuring the exports…');
  const exportPhase = async (which: 'exports' | 'workbook', what: string) => {
    const result = await phase(
      [which, name, root, String(runs), String(built.values.dir)],
      join(root, `${name}-${which}.json`),
      LAPTOP_HEAP_MB,
    ).catch((error: unknown) => {
      const oom = /heap out of memory|Allocation failed/.test(String(error));
      skipped.push(
        oom
          ? `${name}: ${what} ran out of memory in a ${LAPTOP_HEAP_MB} MB heap (an 8 GB laptop)`
          : `${name}: ${what} failed: ${String(error).slice(0, 300)}`,
      );
      return null;
    });
    if (!result) return;
    adopt(result);
    record(
      `peak RSS of the ${what} (open and export, ${LAPTOP_HEAP_MB} MB heap)`,
      [result.peakRssMb],
      {
        unit: 'MB',
        ...(rssTarget ? { target: target('max', rssTarget, `peak RSS < ${rssTarget} MB`) } : {}),
      },
    );
  };
  await exportPhase('exports', 'DOCX and QDPX exports');
  await exportPhase('workbook', 'XLSX export');
  const v = (result: PhaseResult, key: string) => Number(result.values[key]);
  const vsFloor: VsFloor = {
    saveSmallP95: v(campo, 'saveSmallP95') / v(campo, 'floorSmallP95'),
    saveLargeP95: v(campo, 'saveLargeP95') / v(campo, 'floorLargeP95'),
  };
  for (const [key, value] of Object.entries(vsFloor)) {
    record(`ratio Campo / write floor (journal line appended, written through): ${key}`, [value], {
      unit: 'x',
      note: `target ≤ 2: ${value <= 2 ? 'OK' : 'MISSED'}`,
    });
  }
  // For comparison with the figures before the journal: the whole layer file replaced.
  for (const [key, floor] of [
    ['saveSmallP95', 'layerFloorSmallP95'],
    ['saveLargeP95', 'layerFloorLargeP95'],
  ] as const) {
    record(`ratio Campo / whole-layer rewrite: ${key}`, [v(campo, key) / v(campo, floor)], {
      unit: 'x',
    });
  }

  let ratios: ScaleRatios | null = null;
  if (name === 'XL') skipped.push('XL: naive single-file store not measured (a 300 MB JSON file)');
  else {
    log('measuring the naive baseline…');
    const naive = await phase(
      ['naive', name, root, String(runs), String(built.values.dir)],
      join(root, `${name}-naive.json`),
    );
    adopt(naive);
    record('baseline: peak RSS of the naive phase', [naive.peakRssMb], { unit: 'MB' });
    ratios = {
      open: v(opened, 'openMedian') / v(naive, 'openMedian'),
      saveSmall: v(campo, 'saveSmallMedian') / v(naive, 'saveMedian'),
      saveLarge: v(campo, 'saveLargeMedian') / v(naive, 'saveMedian'),
    };
    for (const [key, value] of Object.entries(ratios)) {
      record(`ratio Campo / naive: ${key}`, [value], {
        unit: 'x',
        note: `${(1 / value).toFixed(1)}× ${value < 1 ? 'faster' : 'slower'} than naive`,
      });
    }
  }

  let vsSqlite: VsSqlite | null = null;
  const unavailable = withPeer ? await ensurePeer(log) : 'SQLite peer skipped (--no-peer)';
  if (unavailable) skipped.push(`${name}: ${unavailable}`);
  else {
    log('measuring the SQLite peer…');
    const peer = await sqlitePeer(root, spec, runs);
    group(title);
    vsSqlite = {
      openToCounts: v(opened, 'openToCounts') / median(peer.samples.openToCounts),
      saveSmallP95: v(campo, 'saveSmallP95') / p95(peer.samples.saveSmall),
      saveLargeP95: v(campo, 'saveLargeP95') / p95(peer.samples.saveLarge),
      firstSearch: v(opened, 'firstSearch') / median(peer.samples.firstSearchRare),
    };
    for (const [key, value] of Object.entries(vsSqlite)) {
      record(`ratio Campo / SQLite: ${key}`, [value], {
        unit: 'x',
        note: `${value < 1 ? `${(1 / value).toFixed(1)}× faster` : `${value.toFixed(1)}× slower`} than SQLite${key === 'openToCounts' ? `; target ≤ 2: ${value <= 2 ? 'OK' : 'MISSED'}` : ''}`,
      });
    }
  }
  return { ratios, vsSqlite, vsFloor, skipped };
}
