/**
 * Case "retrieval": an evaluation's whole corpus (50 one-to-one interviews, 10,000 codings) and
 * the analysis screens over it: retrieval, search, matrices, code counts, and opening it.
 */
import { performance } from 'node:perf_hooks';
import type { StoreOptions } from '../../src/main/core/store/project-store';
import { benchCore, type BenchCore } from './bench-core';
import { addParticipants, buildCodebook, codeInBulk, importTranscript } from './build';
import { group, measure, record, type Target } from './measure';
import { planCodings, RARE_WORD, transcriptFile, type PlannedCoding } from './synthetic';

const SOURCES = 50;
const CHARS_PER_SOURCE = 50_000;
const CODINGS_PER_SOURCE = 200;
/** "Well under a second" for all 10,000 segments, read as: p95 below half a second. */
const RETRIEVAL_TARGET: Target = {
  stat: 'p95',
  limitMs: 500,
  label: 'well under 1 s (p95 < 500 ms)',
};

const log = (message: string) => console.error(`[bench] ${message}`);

/** Builds the retrieval project (closed on disk at the end) and measures the analysis calls. */
export async function retrievalCase(root: string, runs: number): Promise<string> {
  group(`retrieval (${SOURCES} sources, ${SOURCES * CODINGS_PER_SOURCE} codings)`);
  const core = await benchCore(root);
  const { call } = core;
  const created = await call('projectCreate', {
    name: 'Valutazione 50 interviste',
    parentDir: core.projectsDir,
  });
  const codebook = await buildCodebook(call);
  await addParticipants(call, SOURCES);

  log(`importing ${SOURCES} transcripts and coding them…`);
  const started = performance.now();
  const planned: Array<PlannedCoding & { sourceId: string }> = [];
  for (let index = 0; index < SOURCES; index++) {
    const code = `INT-${String(index + 1).padStart(2, '0')}`;
    // A few interviews mention the rare word once or twice; most never do.
    const file = transcriptFile(CHARS_PER_SOURCE, [code], 100 + index, index % 10 === 0 ? 2 : 0);
    const source = await importTranscript(call, `Intervista ${code}`, file);
    for (const coding of planCodings(source.text, CODINGS_PER_SOURCE, codebook.codeIds, index)) {
      planned.push({ ...coding, sourceId: source.id });
    }
  }
  await codeInBulk(call, planned);
  record('setup: import 50 transcripts + 10,000 codings (searchCodeAll)', [
    performance.now() - started,
  ]);

  const all = await call('segmentsRetrieve', {});
  if (all.length !== SOURCES * CODINGS_PER_SOURCE) {
    throw new Error(`Expected ${SOURCES * CODINGS_PER_SOURCE} segments, got ${all.length}`);
  }
  const payload = Buffer.byteLength(JSON.stringify(all));
  await measure(
    'segmentsRetrieve: all 10,000 segments with context',
    runs,
    () => call('segmentsRetrieve', {}),
    { target: RETRIEVAL_TARGET, note: `${(payload / 1024 / 1024).toFixed(1)} MB of JSON` },
  );
  // What the browser host adds before the page has the list: encoding the envelope, and the
  // page decoding it (Node's JSON stands in for the browser's).
  await measure(
    'segmentsRetrieve: all, + JSON encode/decode (browser-host payload)',
    runs,
    async () => {
      const value = await call('segmentsRetrieve', {});
      JSON.parse(JSON.stringify({ ok: true, value }));
    },
    { target: RETRIEVAL_TARGET },
  );
  const leaf = codebook.codeIds.at(-1)!;
  const one = await call('segmentsRetrieve', { codeIds: [leaf] });
  await measure(
    'segmentsRetrieve: one code',
    runs,
    () => call('segmentsRetrieve', { codeIds: [leaf] }),
    { note: `${one.length} segments` },
  );

  const common = await call('textSearch', { query: 'città', wholeWord: true });
  await measure(
    'textSearch: common word ("città")',
    runs,
    () => call('textSearch', { query: 'città', wholeWord: true }),
    { note: `${common.hits.length} hits${common.truncated ? ', capped (truncated)' : ''}` },
  );
  const rare = await call('textSearch', { query: RARE_WORD, wholeWord: true });
  await measure(
    `textSearch: rare word ("${RARE_WORD}")`,
    runs,
    () => call('textSearch', { query: RARE_WORD, wholeWord: true }),
    { note: `${rare.hits.length} hits` },
  );

  const twenty = codebook.codeIds.slice(0, 20);
  await measure('matrixCooccurrence: 20 codes', runs, () =>
    call('matrixCooccurrence', { codeIds: twenty }),
  );
  const cells = await call('frameworkMatrix', {});
  await measure('frameworkMatrix', runs, () => call('frameworkMatrix', {}), {
    note: `${cells.length} cells`,
  });
  await measure('codeCounts', runs, () => call('codeCounts', {}));
  await core.shutdown();

  await measureOpen(root, created.path, runs);
  return created.path;
}

/**
 * Opening the project on a fresh core, as after starting the app: `projectOpen` (lock,
 * project.json, recent list), then the first `codeCounts`, which the coding screen asks for
 * first and which reads every source file: from then on the workbench answers from memory.
 */
async function measureOpen(root: string, dir: string, runs: number): Promise<void> {
  const timeOpen = async (storeOptions: StoreOptions | undefined, count: number) => {
    const opened: number[] = [];
    const usable: number[] = [];
    for (let run = 0; run < count + 1; run++) {
      const core: BenchCore = await benchCore(root, storeOptions ? { storeOptions } : {});
      const started = performance.now();
      await core.call('projectOpen', { path: dir });
      const afterOpen = performance.now();
      await core.call('codeCounts', {});
      const done = performance.now();
      await core.shutdown();
      // The first run warms the disk cache and the JIT; it is not kept.
      if (run === 0) continue;
      opened.push(afterOpen - started);
      usable.push(done - started);
    }
    return { opened, usable };
  };
  const usual = await timeOpen(undefined, runs);
  record('projectOpen (fresh core)', usual.opened);
  record('projectOpen → first codeCounts (all sources loaded)', usual.usable);
  // The first open after the backup interval (10 min) snapshots the project first: reads queue
  // behind the snapshot. backupIntervalMs: 0 makes every open such an open.
  const due = await timeOpen({ backupIntervalMs: 0 }, Math.min(runs, 10));
  record('projectOpen → first codeCounts, automatic backup due', due.usable, {
    note: 'first open after 10 minutes: snapshot taken before reads are served',
  });
}
