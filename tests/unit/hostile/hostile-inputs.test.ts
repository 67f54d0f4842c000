import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectDataFiles } from '../../../src/main/core/store/data-files';
import { errorMessage } from '../../../src/shared/i18n';
import type { Envelope, WireError } from '../../../src/shared/ipc/errors';
import { HOSTILE_CASES, type HostileCase } from '../../helpers/hostile-cases';

/**
 * Issue 15's hostile-input suite: every importer is fed files that froze or killed Campo, and
 * more of each kind, through browser mode's host running in a process of its own. For each file:
 * a clear typed error in both languages (or a clean import) within 5 s, the host answering other
 * calls meanwhile, its memory bounded, and the open project unchanged to the byte.
 * CAMPO_HOSTILE_FULL=1 adds the same shapes at their caps; CAMPO_TEST_FIGURES=1 prints the
 * figures (also in test-results/hostile-inputs.json).
 */

const FULL = Boolean(process.env.CAMPO_HOSTILE_FULL);
const HOST = join(import.meta.dirname, '..', '..', 'helpers', 'hostile-host.ts');
/**
 * The bound the issue sets for a refusal on this machine; the full-size files (up to the caps)
 * get the text parser's own time limit.
 */
const TIME_LIMIT_MS = 5_000;
const FULL_TIME_LIMIT_MS = 15_000;
/**
 * A call made meanwhile must be answered within this. The host's own share of a request is
 * decoding its JSON body, bounded by the upload caps: about 0.1 s for the largest one on an idle
 * machine, ten times that on this one when four other test suites share its two cores.
 */
const PING_LIMIT_MS = 2_000;
/**
 * At full size, importing 100,000 codes validates and writes a project.json of 20 MB in the
 * host's own thread (the store's work, not parsing): seconds, reported in the figures.
 */
const FULL_PING_LIMIT_MS = 6_000;
/** The host's own memory: far below what the hostile files would expand to. */
const HOST_RSS_LIMIT = 900 * 1024 * 1024;
/** A parser process: its 1 GB heap cap plus the buffers it reads. */
const PARSER_RSS_LIMIT = 1_600 * 1024 * 1024;

let child: ChildProcess;
let root = '';
let base = '';
let token = '';
let demo = '';
let projects = '';
let current = '';
const figures: Array<Record<string, string | number>> = [];

async function rpc(
  name: string,
  body: string,
): Promise<{ status: number; envelope: Envelope<unknown> }> {
  const response = await fetch(`${base}/rpc/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Campo-Token': token },
    body,
  });
  return { status: response.status, envelope: (await response.json()) as Envelope<unknown> };
}

async function call<T>(name: string, args: object): Promise<T> {
  const { envelope } = await rpc(name, JSON.stringify(args));
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as T;
}

async function open(path: string): Promise<void> {
  if (current === path) return;
  await call('projectOpen', { path });
  current = path;
}

/** Resident memory of a process and of its children (the parser processes), in bytes. */
async function memory(pid: number): Promise<{ host: number; parsers: number }> {
  const rss = async (id: string | number) => {
    const status = await readFile(`/proc/${id}/status`, 'utf8').catch(() => '');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  };
  let parsers = 0;
  for (const task of await readdir(`/proc/${pid}/task`).catch(() => [] as string[])) {
    const children = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    for (const id of children.split(/\s+/).filter(Boolean))
      parsers = Math.max(parsers, await rss(id));
  }
  return { host: await rss(pid), parsers };
}

/** Every data file of a project with its bytes. */
async function dataState(dir: string): Promise<Map<string, string>> {
  const state = new Map<string, string>();
  for (const file of await projectDataFiles(dir))
    state.set(file, await readFile(join(dir, file), 'utf8'));
  return state;
}

/** While `work` runs: calls the host every 100 ms and samples memory every 50 ms. */
async function watched<T>(work: () => Promise<T>) {
  let busy = true;
  const pings: number[] = [];
  const peaks = { host: 0, parsers: 0 };
  const pinger = (async () => {
    while (busy) {
      const start = performance.now();
      await rpc('appInfo', '{}');
      pings.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const sampler = (async () => {
    while (busy) {
      const now = await memory(child.pid!);
      peaks.host = Math.max(peaks.host, now.host);
      peaks.parsers = Math.max(peaks.parsers, now.parsers);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const start = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - start, pings, peaks };
  } finally {
    busy = false;
    await Promise.all([pinger, sampler]);
  }
}

/** A refusal the user can read: typed, in Italian and in English, with every placeholder filled. */
function expectClearRefusal(error: WireError, codes: string[]) {
  expect(codes, `${error.code}: ${error.message}`).toContain(error.code);
  const italian = errorMessage(error, 'it');
  const english = errorMessage(error, 'en');
  for (const text of [italian, english]) {
    expect(text).not.toMatch(/[{}]|undefined|NaN/);
    expect(text.length).toBeGreaterThan(20);
  }
  expect(english).not.toBe(italian);
  const reason = error.details?.reason;
  if (error.details?.reasonKey && typeof reason === 'string') expect(english).not.toContain(reason);
}

const cases = HOSTILE_CASES.filter((c) => FULL || !c.full);

describe(`hostile inputs (${cases.length} files${FULL ? ', full size' : ''})`, () => {
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'campo-hostile-'));
    child = spawn(process.execPath, ['--import', 'tsx', HOST, root], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    [base, token] = await new Promise<[string, string]>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        const ready = /READY (\d+) (\S+)/.exec(chunk.toString());
        if (ready) resolve([`http://127.0.0.1:${ready[1]}`, ready[2]!]);
      });
      child.on('exit', (code) => reject(new Error(`host exited ${code}: ${stderr}`)));
    });
    projects = join(root, 'projects');
    demo = (await call<{ path: string }>('projectOpenDemo', {})).path;
    current = demo;
    // The first file starts the parser process (seconds from TypeScript sources under load, as
    // here; a utility process in the app): started here, so each case times its own file.
    const warm = { fileName: 'prova.txt', data: Buffer.from('INT-01: pronto').toString('base64') };
    await call('transcriptRead', warm);
  }, 60_000);

  afterAll(async () => {
    child?.kill('SIGTERM');
    await rm(root, { recursive: true, force: true });
    await mkdir('test-results', { recursive: true });
    await writeFile(
      join('test-results', 'hostile-inputs.json'),
      `${JSON.stringify(figures, null, 2)}\n`,
    );
    if (process.env.CAMPO_TEST_FIGURES) console.table(figures);
  });

  it.each(cases.map((c) => [`${c.importer}: ${c.name}`, c] as const))(
    '%s',
    async (_, c: HostileCase) => {
      // An import that may change a project gets one of its own; the demo one must not change.
      if (c.writes) {
        const name = `Prove ${figures.length}`;
        current = (await call<{ path: string }>('projectCreate', { name, parentDir: projects }))
          .path;
      } else await open(demo);
      const before = await dataState(demo);
      const { handler, args } = c.request();
      const body = JSON.stringify(args);
      const { result, ms, pings, peaks } = await watched(() => rpc(handler, body));
      const { envelope } = result;
      figures.push({
        importer: c.importer,
        file: c.name,
        bytes: body.length,
        outcome: envelope.ok ? 'imported' : envelope.error.code,
        ms: Math.round(ms),
        slowestPingMs: Math.round(Math.max(0, ...pings)),
        hostMb: Math.round(peaks.host / 1024 / 1024),
        parserMb: Math.round(peaks.parsers / 1024 / 1024),
      });

      if ('refused' in c.expect) {
        expect(envelope.ok, 'should be refused').toBe(false);
        if (!envelope.ok) expectClearRefusal(envelope.error, c.expect.refused);
      } else {
        expect(
          envelope.ok,
          envelope.ok ? '' : `${envelope.error.code}: ${envelope.error.message}`,
        ).toBe(true);
        if (envelope.ok) c.expect.accepted(envelope.value);
      }
      expect(ms, 'answered within the bound').toBeLessThan(
        c.full ? FULL_TIME_LIMIT_MS : TIME_LIMIT_MS,
      );
      expect(Math.max(0, ...pings), 'the host answered other calls meanwhile').toBeLessThan(
        c.full ? FULL_PING_LIMIT_MS : PING_LIMIT_MS,
      );
      expect(peaks.host, 'host memory').toBeLessThan(HOST_RSS_LIMIT);
      expect(peaks.parsers, 'parser memory').toBeLessThan(PARSER_RSS_LIMIT);

      // A qdpx import opens the project it made: go back to the demo one.
      if (handler === 'qdpxImport' && envelope.ok) current = '';
      await open(demo);
      expect(await dataState(demo)).toEqual(before);
    },
    60_000,
  );
});
