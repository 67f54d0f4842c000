/**
 * Case "one long transcript": a 300,000-character focus group with 2,000 codings, and what a
 * coder does on it all day long: code a passage, write a memo, undo/redo, open the text.
 */
import { performance } from 'node:perf_hooks';
import { benchCore, type BenchCore } from './bench-core';
import { addParticipants, buildCodebook, importTranscript } from './build';
import { group, measure, record } from './measure';
import { planCodings, spreadSpans, transcriptFile } from './synthetic';

/** The coding-save target of the coding workbench (issue: scale cases). */
export const SAVE_TARGET = { stat: 'p95', limitMs: 8, label: 'p95 < 8 ms' } as const;

/** The long project's title, as the start screen's recent list shows it. */
export const LONG_PROJECT_TITLE = 'Focus group lungo';
const TEXT_CHARS = 300_000;
const CODINGS = 2_000;

/** What the browser case needs to find the project and its quick keys again. */
export interface LongProject {
  dir: string;
  sourceId: string;
  /** Speaker turns of the transcript (what the coding view lists). */
  turns: number;
  /** Names of the DV codes, in quick-key order (index 0 is key 1). */
  dvCodeNames: string[];
}

const log = (message: string) => console.error(`[bench] ${message}`);

/** Builds the long-transcript project, measures it, and leaves it closed on disk. */
export async function longTranscriptCase(root: string, runs: number): Promise<LongProject> {
  group('one long transcript (300,000 characters, 2,000 codings)');
  const core = await benchCore(root);
  const { call } = core;
  const created = await call('projectCreate', {
    name: LONG_PROJECT_TITLE,
    parentDir: core.projectsDir,
  });
  const codebook = await buildCodebook(call);
  await addParticipants(call, 12);
  const speakers = ['INT-01', 'INT-02', 'INT-03', 'INT-04', 'INT-05', 'INT-06'];
  const file = transcriptFile(TEXT_CHARS, speakers, 1);
  let started = performance.now();
  const source = await importTranscript(call, 'Focus group di Mantova', file);
  record('setup: transcriptRead + transcriptImport (300k chars)', [performance.now() - started]);
  const sourceId = source.id;

  // The last code stays unused, so the measured codings below are never united with others.
  const [spare, ...used] = [...codebook.codeIds].reverse();
  const plan = planCodings(source.text, CODINGS, used);
  log(`coding ${plan.length} passages one codingApply at a time…`);
  const setup: number[] = [];
  for (const coding of plan) {
    started = performance.now();
    await call('codingApply', { sourceId, ...coding });
    setup.push(performance.now() - started);
  }
  record('setup: codingApply, source growing 0 → 2,000 codings', setup, {
    note: 'every call while the source filled up',
  });
  // First against last: what a save costs grows with the codings already in the source.
  record('setup: codingApply, first 100 (source nearly empty)', setup.slice(0, 100), {
    target: SAVE_TARGET,
  });
  record('setup: codingApply, last 100 (1,900–2,000 codings)', setup.slice(-100), {
    target: SAVE_TARGET,
  });

  const spans = spreadSpans(source.text, runs + 2, 60);
  await measure(
    'codingApply (acknowledged: durably on disk)',
    runs,
    (run) => call('codingApply', { sourceId, codeId: spare!, ...spans[run]! }),
    { target: SAVE_TARGET },
  );

  const codings = (await call('sourceGet', { id: sourceId })).codings;
  const step = Math.floor(codings.length / (runs + 3));
  await measure(
    'codingUpdate (memo)',
    runs,
    (run) =>
      call('codingUpdate', {
        sourceId,
        codingId: codings[run * step]!.id,
        patch: { memo: `Nota ${run}: perché la città ha risposto così? 🤔` },
      }),
    { target: SAVE_TARGET },
  );
  await measure('codingUndo + codingRedo (the memo above)', runs, async () => {
    await call('codingUndo', {});
    await call('codingRedo', {});
  });

  await measure('sourceGet, source in memory', runs, () => call('sourceGet', { id: sourceId }));
  const bytes = Buffer.byteLength(JSON.stringify(await call('sourceGet', { id: sourceId })));
  await measure(
    'sourceGet + JSON encode/decode (browser-host payload)',
    runs,
    async () => {
      const value = await call('sourceGet', { id: sourceId });
      JSON.parse(JSON.stringify({ ok: true, value }));
    },
    { note: `${(bytes / 1024 / 1024).toFixed(2)} MB of JSON per call` },
  );
  const project = (await call('projectCurrent', {}))!.project;
  const dvCodeNames = codebook.dvCodeIds.map(
    (id) => project.codes.find((code) => code.id === id)!.name,
  );
  await core.shutdown();

  await measureColdSourceGet(root, created.path, sourceId, runs);
  return { dir: created.path, sourceId, turns: source.turns.length, dvCodeNames };
}

/**
 * The first sourceGet after opening the project: the file is read, parsed and validated. Each
 * run opens the project on a fresh core (not timed) and times only that first read.
 */
async function measureColdSourceGet(
  root: string,
  dir: string,
  sourceId: string,
  runs: number,
): Promise<void> {
  let core: BenchCore | null = null;
  await measure(
    'sourceGet, first read after open (read + parse + validate)',
    runs,
    () => core!.call('sourceGet', { id: sourceId }),
    {
      warmup: 1,
      async before() {
        await core?.shutdown();
        core = await benchCore(root);
        await core.call('projectOpen', { path: dir });
      },
    },
  );
  await core!.shutdown();
}
