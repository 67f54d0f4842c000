/**
 * One phase of the scale case, run in a child process by scale.ts:
 *   build <size> <root> <runs>          writes the project, its naive copy and the peer's input
 *   open  <size> <root> <runs> <dir>    opening and the first searches, on fresh cores
 *   campo <size> <root> <runs> <dir>    a working session through Campo's core (+ write floor)
 *   exports <size> <root> <runs> <dir>  DOCX and QDPX of the whole project
 *   workbook <size> <root> <runs> <dir> XLSX of the whole project
 *   naive <size> <root> <runs> <dir>    the naive lowdb store
 * Writes { figures, peakRssMb, values } as JSON to --out=<file>.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { constants, writeSync } from 'node:fs';
import { open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeFileDurable } from '../../src/main/core/store/durable-file';
import { WRITE_THROUGH } from '../../src/main/core/store/layer-journal';
import { openProject } from '../../src/main/core/store/project-store';
import { applyCoding } from '../../src/shared/domain/coding';
import { benchCore } from './bench-core';
import { figures, group, measure, record, target, type Target } from './measure';
import { naiveOpen, naiveSaveCoding, writeNaiveCopy } from './naive-store';
import { peerDump } from './peer';
import {
  BENCH_EVALUATOR,
  buildScaleProject,
  saveRuns,
  SCALES,
  type ScaleSpec,
} from './scale-project';
import { RARE_WORD, spreadSpans } from './synthetic';
import type { PhaseResult } from './scale';

/** The issues' targets for each scale (issue 9 for M; issue 17 for L and XL). */
const TARGETS: Record<ScaleSpec['name'], Partial<Record<string, Target>>> = {
  S: {},
  M: {
    open: target('median', 500, 'open < 500 ms'),
    search: target('median', 100, '< 100 ms'),
    docx: target('median', 3_000, '< 3 s'),
  },
  L: {
    counts: target('median', 100, '< 100 ms'),
    saveSmall: target('p95', 3, 'p95 < 3 ms'),
    saveLarge: target('p95', 5, 'p95 < 5 ms'),
    firstSearch: target('median', 300, '< 300 ms'),
    search: target('median', 500, '< 500 ms'),
  },
  XL: {
    search: target('median', 500, '< 500 ms'),
  },
};

const withTarget = (t: Target | undefined) => (t ? { target: t } : {});

/** Resident memory now, as a figure: where in the phase the memory goes. */
function rssCheckpoint(label: string): void {
  record(`RSS ${label}`, [Math.round(process.memoryUsage().rss / 1024 / 102.4) / 10], {
    unit: 'MB',
  });
}
const naiveFile = (root: string, name: string) => join(root, `naive-${name}.json`);
export const peerInput = (root: string, name: string) => join(root, `peer-${name}.ndjson`);

async function build(root: string, spec: ScaleSpec): Promise<PhaseResult['values']> {
  const log = (message: string) => console.error(`[bench] ${message}`);
  let started = performance.now();
  const peer = peerDump(peerInput(root, spec.name));
  const built = await buildScaleProject(join(root, `scale-${spec.name}`), spec, log, peer.dump);
  await peer.close();
  const title =
    `scale ${spec.name}: ${spec.transcripts} transcripts + one of 300,000 characters ` +
    `(${(built.characters / 1e6).toFixed(1)} M characters), ${built.codingCount} codings, ` +
    `${spec.codes} codes, an NGT session, a filled integration matrix`;
  group(title);
  record('setup: build the project through the store, caches included (not a target)', [
    performance.now() - started,
  ]);
  if (spec.name !== 'XL') {
    started = performance.now();
    await writeNaiveCopy(built.dir, naiveFile(root, spec.name));
    record('setup: write the naive single-file copy', [performance.now() - started]);
  }
  return { title, dir: built.dir, typicalCodeIndex: 9, codes: spec.codes };
}

/**
 * Opening as after starting the app (a fresh core each time; the first run warms the disk
 * cache): until the coding screen has its counts, then the first searches.
 */
async function opening(root: string, spec: ScaleSpec, runs: number, dir: string) {
  // Ten fresh cores: the first opens of a process run before the JIT has compiled the open path.
  const slowRuns = Math.min(runs, 10);
  const targets = TARGETS[spec.name];
  const opened: number[] = [];
  const usable: number[] = [];
  const rare: number[] = [];
  const common: number[] = [];
  for (let run = 0; run <= slowRuns; run++) {
    const core = await benchCore(root);
    const t0 = performance.now();
    await core.call('projectOpen', { path: dir });
    const t1 = performance.now();
    await core.call('codeCounts', {});
    const t2 = performance.now();
    await core.call('textSearch', { query: RARE_WORD, wholeWord: true });
    const t3 = performance.now();
    await core.call('textSearch', { query: 'città', wholeWord: true });
    const t4 = performance.now();
    await core.shutdown();
    if (run === 0) continue;
    opened.push(t1 - t0);
    usable.push(t2 - t0);
    rare.push(t3 - t2);
    common.push(t4 - t3);
  }
  const open = record('open: projectOpen (overview usable)', opened, withTarget(targets.open));
  const counts = record(
    'open → coding screen with its code counts (counts cache)',
    usable,
    withTarget(targets.counts),
  );
  const first = record(`first search after open: rare word ("${RARE_WORD}")`, rare, {
    ...withTarget(targets.firstSearch),
    note: 'fresh core: trigram filters and folded texts read from the cache folder',
  });
  record('first search after open: common word ("città"), after the rare one', common);
  return { openMedian: open.median, openToCounts: counts.median, firstSearch: first.median };
}

/** The write floor: the same bytes as a save, written the same durable way, nothing else. */
async function writeFloor(label: string, layerPath: string, runs: number) {
  const bytes = await readFile(layerPath);
  // Beside the layer (same folder, same directory fsync), under a name no reader takes.
  const probe = join(layerPath, '..', '.floor-probe');
  const floor = await measure(
    `write floor: ${label} (${bytes.length} bytes, temp + fsync + rename + fsync dir)`,
    runs,
    () => writeFileDurable(probe, bytes),
  );
  await rm(probe, { force: true });
  return floor;
}

/**
 * The floor of a coding save as Campo now writes it: one line of the size a save journals,
 * appended to a file kept open in the project folder and written through (O_DSYNC, see
 * layer-journal.ts), on the calling thread as the journal writes while the disk keeps up
 * (on Windows, a write and a flush on the worker thread, as the journal does there).
 * `write()` times one such write.
 */
async function journalProbe(dir: string, lineBytes: number) {
  const probe = join(dir, '.journal-floor-probe');
  // Opened the way the journal is: written through (O_DSYNC) where the system has it.
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (WRITE_THROUGH ?? 0);
  const handle = await open(probe, flags);
  const line = Buffer.alloc(lineBytes, 0x61);
  return {
    async write(): Promise<number> {
      const started = performance.now();
      if (WRITE_THROUGH === undefined) {
        await handle.write(line);
        await handle.datasync();
      } else writeSync(handle.fd, line);
      return performance.now() - started;
    },
    async close(): Promise<void> {
      await handle.close();
      await rm(probe, { force: true });
    },
  };
}

/** The coding journal's size now (0 when there is none). */
async function journalSize(dir: string): Promise<number> {
  return (await stat(join(dir, 'codings.journal')).catch(() => null))?.size ?? 0;
}

/** Bytes of the last line of the coding journal (what the last save appended). */
async function lastJournalLine(dir: string): Promise<number> {
  const lines = (await readFile(join(dir, 'codings.journal'), 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean);
  return Buffer.byteLength(`\n${lines.at(-1) ?? ''}\n`);
}

/**
 * What the journal defers: writing it into the layer files (a checkpoint, run when saving
 * pauses). Measured on the store directly, after `saves` codings spread over `sources` sources.
 */
async function checkpointCost(dir: string, spare: string, sourceIds: string[], saves: number) {
  const session = await openProject(dir, {
    evaluator: { id: BENCH_EVALUATOR.id, name: 'Bench' },
    checkpointIdleMs: 3_600_000,
  });
  try {
    for (let n = 0; n < saves; n++) {
      const sourceId = sourceIds[n % sourceIds.length]!;
      await session.mutateSource(sourceId, (draft) => {
        const start = (n * 997) % Math.max(1, draft.text.length - 80);
        draft.codings = applyCoding(draft.codings, draft.text, {
          id: randomUUID(),
          codeId: spare,
          start,
          end: start + 40,
          coderId: BENCH_EVALUATOR.id,
          createdAt: new Date().toISOString(),
        });
      });
    }
    const started = performance.now();
    await session.checkpoint();
    return record(
      `checkpoint: ${saves} journaled codings on ${sourceIds.length} sources written into their layer files`,
      [performance.now() - started],
      {
        note: 'runs when saving pauses (2 s), before snapshots, merges and closing; not in a save',
      },
    );
  } finally {
    await session.close();
  }
}

/** One working session: saves, search, retrieval, matrices, exports (the peak RSS that counts). */
async function campo(
  root: string,
  spec: ScaleSpec,
  runs: number,
  dir: string,
): Promise<PhaseResult['values']> {
  const targets = TARGETS[spec.name];
  const core = await benchCore(root);
  const { call } = core;
  const project = (await call('projectOpen', { path: dir })).project;
  await call('codeCounts', {});
  rssCheckpoint('with the project open and its counts shown');
  const small = project.sources[0]!.id;
  const large = project.sources.at(-1)!.id;
  const spare = project.codes.at(-1)!.id;
  const typical = project.codes[9]!.id;
  const saves = saveRuns(runs);
  // What earlier phases wrote (the build, the snapshots) is flushed first: the disk's own
  // write-back must not land in the saves of one figure and not in the other.
  if (process.platform !== 'win32') execFileSync('sync');
  const save = async (label: 'small' | 'large', sourceId: string) => {
    const source = await call('sourceGet', { id: sourceId });
    const spans = spreadSpans(source.text, saves + 2, 60);
    const apply = (run: number) => call('codingApply', { sourceId, codeId: spare, ...spans[run]! });
    // Two warm-up saves, which also tell the size of a save's journal line.
    await apply(0);
    await apply(1);
    const probe = await journalProbe(dir, await lastJournalLine(dir));
    // Each save is followed by its floor: the two are measured in the same seconds, so a
    // moment when the disk is slow weighs on both alike.
    const savedSamples: number[] = [];
    const floorSamples: number[] = [];
    try {
      for (let run = 2; run < saves + 2; run++) {
        const before = await journalSize(dir);
        const started = performance.now();
        await apply(run);
        savedSamples.push(performance.now() - started);
        // A span coded by an earlier run on this project changes nothing and writes nothing:
        // timing it as a save would flatter the figure.
        if ((await journalSize(dir)) === before) {
          throw new Error(
            `${label} save ${run} wrote nothing: ${dir} was used by an earlier run; build it afresh`,
          );
        }
        floorSamples.push(await probe.write());
      }
    } finally {
      await probe.close();
    }
    const saved = record(
      `codingApply on a ${label} source (acknowledged: durably on disk)`,
      savedSamples,
      {
        ...withTarget(label === 'small' ? targets.saveSmall : targets.saveLarge),
        note: `${source.text.length} characters, ${source.codings.length} codings`,
      },
    );
    const journal = record(
      `write floor: one ${label}-source save's journal line, written after each save`,
      floorSamples,
      { note: 'the same bytes appended to an open file and written through' },
    );
    // The write a save made before the journal: the whole layer file, durably replaced.
    const layer = join(dir, 'codings', sourceId, `${BENCH_EVALUATOR.id}.json`);
    const floor = await writeFloor(`the ${label} source's whole layer`, layer, saves);
    return { saved, floor: journal, layerFloor: floor };
  };
  const saveSmall = await save('small', small);
  const saveLarge = await save('large', large);
  rssCheckpoint('after the saves');
  for (const [label, query] of [
    ['common word ("città")', 'città'],
    [`rare word ("${RARE_WORD}")`, RARE_WORD],
  ] as const) {
    const first = await call('textSearch', { query, wholeWord: true });
    await measure(
      `textSearch: ${label}`,
      runs,
      () => call('textSearch', { query, wholeWord: true }),
      {
        ...withTarget(targets.search),
        note: `${first.hits.length} hits${first.truncated ? ' (capped)' : ''}`,
      },
    );
  }
  rssCheckpoint('after searching (folded texts kept, bounded)');
  const one = await call('segmentsRetrieve', { codeIds: [typical] });
  await measure(
    'segmentsRetrieve: all segments of one code',
    runs,
    () => call('segmentsRetrieve', { codeIds: [typical] }),
    { note: `${one.length} segments` },
  );
  const twenty = project.codes.slice(0, 20).map((code) => code.id);
  await measure('matrixCooccurrence: 20 codes', runs, () =>
    call('matrixCooccurrence', { codeIds: twenty }),
  );
  rssCheckpoint('at the end of the working session');
  await core.shutdown();
  await checkpointCost(
    dir,
    spare,
    project.sources.slice(0, 50).map((s) => s.id),
    200,
  );
  return {
    saveSmallMedian: saveSmall.saved.median,
    saveLargeMedian: saveLarge.saved.median,
    saveSmallP95: saveSmall.saved.p95,
    saveLargeP95: saveLarge.saved.p95,
    floorSmallP95: saveSmall.floor.p95,
    floorLargeP95: saveLarge.floor.p95,
    layerFloorSmallP95: saveSmall.layerFloor.p95,
    layerFloorLargeP95: saveLarge.layerFloor.p95,
  };
}

/** The exports of the whole project (their own process: their peak memory apart). */
async function exportsPhase(root: string, spec: ScaleSpec, runs: number, dir: string) {
  const targets = TARGETS[spec.name];
  const slowRuns = spec.name === 'L' || spec.name === 'XL' ? 3 : Math.min(runs, 10);
  const core = await benchCore(root);
  const { call } = core;
  await call('projectOpen', { path: dir });
  // The bench's core is a browser host: a file goes back to the page for download (a path is
  // granted only by the desktop app's save dialog). Written to disk here for a look at it.
  const keep = async (answer: { data: string | null }, name: string) => {
    if (answer.data) await writeFile(join(root, name), Buffer.from(answer.data, 'base64'));
  };
  await measure(
    'reportExport: DOCX of the full report, handed back for download',
    slowRuns,
    async () =>
      keep(await call('reportExport', { settings: {}, target: null }), `report-${spec.name}.docx`),
    { ...withTarget(targets.docx), warmup: 1 },
  );
  rssCheckpoint('after the DOCX exports');
  await measure(
    'qdpxExport: REFI-QDA archive of the whole project, handed back for download',
    slowRuns,
    async () => keep(await call('qdpxExport', { target: null }), `project-${spec.name}.qdpx`),
    { warmup: 1 },
  );
  rssCheckpoint('after the QDPX exports');
  await core.shutdown();
  return {};
}

/** The workbook of the whole project (its own process: at XL it may not fit in the heap). */
async function workbookPhase(root: string, spec: ScaleSpec, runs: number, dir: string) {
  const core = await benchCore(root);
  const { call } = core;
  await call('projectOpen', { path: dir });
  const slowRuns = spec.name === 'L' || spec.name === 'XL' ? 2 : Math.min(runs, 10);
  await measure(
    'workbookExport: XLSX of every coded segment, handed back for download',
    slowRuns,
    () => call('workbookExport', { language: 'it', target: null }),
    { warmup: 1 },
  );
  rssCheckpoint('after the XLSX exports');
  await core.shutdown();
  return {};
}

async function naive(root: string, spec: ScaleSpec, runs: number) {
  const slowRuns = spec.name === 'L' ? 5 : Math.min(runs, 10);
  const file = naiveFile(root, spec.name);
  const opens: number[] = [];
  for (let run = 0; run <= slowRuns; run++) {
    const t0 = performance.now();
    await naiveOpen(file);
    if (run > 0) opens.push(performance.now() - t0);
  }
  const open = record('baseline: naive open (whole file read and parsed)', opens);
  const db = await naiveOpen(file);
  const sourceId = db.data.sources[0]!.id;
  const saved = await measure(
    'baseline: naive save of one coding (whole file rewritten)',
    slowRuns,
    () =>
      naiveSaveCoding(db, sourceId, {
        id: randomUUID(),
        codeId: db.data.project.codes.at(-1)!.id,
        start: 0,
        end: 10,
        text: 'x'.repeat(10),
        coderId: 'bench',
        memo: '',
        key: false,
        textChanged: false,
        createdAt: new Date().toISOString(),
      }),
    { warmup: 1, note: 'lowdb JSONFile: temp file + rename, no fsync' },
  );
  return { openMedian: open.median, saveMedian: saved.median };
}

async function main(): Promise<void> {
  const [which, size, root, runsText, dir] = process.argv.slice(2);
  const out = process.argv.find((arg) => arg.startsWith('--out='))!.slice('--out='.length);
  const spec = SCALES[size as ScaleSpec['name']];
  const runs = Number(runsText);
  group(spec.name);
  let values: PhaseResult['values'];
  if (which === 'build') values = await build(root!, spec);
  else if (which === 'open') values = await opening(root!, spec, runs, dir!);
  else if (which === 'campo') values = await campo(root!, spec, runs, dir!);
  else if (which === 'exports') values = await exportsPhase(root!, spec, runs, dir!);
  else if (which === 'workbook') values = await workbookPhase(root!, spec, runs, dir!);
  else values = await naive(root!, spec, runs);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 102.4) / 10;
  const result: PhaseResult = { figures, peakRssMb, values };
  await writeFile(out, JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
