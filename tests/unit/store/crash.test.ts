import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../src/main/core/store/backups';
import { createProject, openProject } from '../../../src/main/core/store/project-store';
import { tempDir } from '../../helpers/temp-dir';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const WRITER = join(ROOT, 'tests', 'helpers', 'crash-writer.ts');
const V1_FIXTURE = join(ROOT, 'tests', 'fixtures', 'v1-demo');
/** At least 100 (issue 17): saves, saves while the caches rebuild, and migrations. */
const ROUNDS = 100;
const LANES = 2;
const FIXED = 'PASSAGGIO FISSO';

interface Acks {
  questions: number[];
  sources: number[];
  codings: Array<{ sourceId: string; id: string; passage: string }>;
  memos: Array<{ sourceId: string; id: string }>;
  edits: number;
}

const noAcks = (): Acks => ({ questions: [], sources: [], codings: [], memos: [], edits: 0 });

/**
 * The writer as one ES module (esbuild, dependencies left to node_modules): a round then costs
 * a Node start rather than compiling TypeScript, so a hundred rounds stay cheap.
 */
async function bundleWriter(): Promise<string> {
  const out = join(ROOT, '.campo-tmp', `crash-writer-${process.pid}.mjs`);
  await mkdir(join(ROOT, '.campo-tmp'), { recursive: true });
  await build({
    entryPoints: [WRITER],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: out,
    logLevel: 'error',
  });
  return out;
}

/**
 * Runs the writer until it has acknowledged 1–5 saves (at random), then SIGKILLs it at a random
 * moment: counting acknowledgements rather than time keeps every round exercising saves however
 * loaded the machine is.
 */
function runAndKill(
  writer: string,
  dir: string,
  start: number,
  maxDelayMs: number,
  snapshots: boolean,
) {
  return new Promise<Acks>((resolve, reject) => {
    const args = [writer, dir, String(start), snapshots ? 'snapshots' : 'journal'];
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks = noAcks();
    let buffer = '';
    let stderr = '';
    let killScheduled = false;
    let acked = 0;
    const killAfter = 1 + Math.floor(Math.random() * 5);
    const schedule = () => {
      if (killScheduled || (maxDelayMs <= 200 && acked < killAfter)) return;
      killScheduled = true;
      setTimeout(() => child.kill('SIGKILL'), Math.random() * maxDelayMs);
    };
    // Migrations are killed from the start, saves once 1–5 of them are acknowledged.
    if (maxDelayMs > 200) schedule();
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [, kind, a, b, c] = line.split(' ');
        if (kind === 'question') acks.questions.push(Number(a));
        else if (kind === 'source') acks.sources.push(Number(a));
        else if (kind === 'coding') {
          acks.codings.push({ sourceId: a!, id: b!, passage: decodeURIComponent(c!) });
        } else if (kind === 'memo') acks.memos.push({ sourceId: a!, id: b! });
        else if (kind === 'edit') acks.edits += 1;
        if (kind) acked += 1;
      }
      schedule();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited ${code}: ${stderr}`));
      else resolve(acks);
    });
  });
}

/**
 * Every JSON file Campo may read must parse: the project, its sources, layers and every
 * completed snapshot (an unfinished `*.partial` one is never read). Returns how many there are.
 */
async function assertEveryFileParses(folder: string): Promise<number> {
  let files = 0;
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && (entry.name.endsWith('.partial') || entry.name === 'cache'))
      continue;
    if (entry.isDirectory()) files += await assertEveryFileParses(path);
    else if (entry.name.endsWith('.json')) {
      const text = await readFile(path, 'utf8');
      expect(() => JSON.parse(text), path).not.toThrow();
      files += 1;
    }
  }
  return files;
}

/** Opens the project and checks that every acknowledged save is there, as it was saved. */
async function assertNothingLost(dir: string, acked: Acks, v1Codings: number): Promise<number> {
  const session = await openProject(dir, {
    backupIntervalMs: 3_600_000,
    evaluator: { id: 'ev-crash', name: 'Crash' },
  });
  try {
    const codes = new Set(session.project.questions.map((q) => q.code));
    for (const n of acked.questions) expect(codes.has(`DV${n}`), `DV${n} acknowledged`).toBe(true);
    for (const n of acked.sources) {
      expect((await session.readSource(`s${n}`)).text.startsWith(`Turno ${n}:`)).toBe(true);
    }
    for (const { sourceId, id, passage } of acked.codings) {
      const found = (await session.readSource(sourceId)).codings.find((c) => c.id === id);
      // A later coding of the same code may have united it into an earlier one: then the
      // passage is still coded by some coding that covers it.
      const covering = (await session.readSource(sourceId)).codings.some(
        (c) => c.text.includes(passage) && !c.textChanged,
      );
      expect(found?.text === passage || covering, `coding ${id} acknowledged`).toBe(true);
    }
    for (const { sourceId, id } of acked.memos) {
      const memos = (await session.readSource(sourceId)).memos.map((m) => m.id);
      expect(memos, `memo ${id} acknowledged`).toContain(id);
    }
    if (session.project.sources.some((s) => s.id === 'edit-me')) {
      const edited = await session.readSource('edit-me');
      const fixed = edited.codings.find((c) => c.id === 'fixed-coding');
      // Through every interrupted correction the coding follows its words.
      expect(fixed && edited.text.slice(fixed.start, fixed.end)).toBe(FIXED);
      expect(fixed?.textChanged).toBe(false);
      expect(edited.text.match(/^(\d+\. )*/)![0].split('. ').length - 1).toBeGreaterThanOrEqual(
        acked.edits,
      );
    }
    let codings = 0;
    for (const summary of session.project.sources) {
      codings += (await session.readSource(summary.id)).codings.length;
    }
    expect(codings).toBeGreaterThanOrEqual(v1Codings);
    expect(new Set(session.project.questions.map((q) => q.id)).size).toBe(
      session.project.questions.length,
    );
    return codings;
  } finally {
    await session.close();
  }
}

describe('crash safety', () => {
  it(`loses no acknowledged save and leaves no unreadable project over ${ROUNDS} SIGKILLs (saves, cache rebuilds, migrations)`, async () => {
    const writer = await bundleWriter();
    const parent = await tempDir();
    let totalAcks = 0;
    let migrations = 0;
    let journalReplays = 0;
    const lane = async (laneId: number) => {
      const created = await createProject({ parentDir: parent, name: `Crash ${laneId}` });
      const savesDir = created.dir;
      await created.close();
      const acked = noAcks();
      let next = 1;
      for (let round = laneId; round < ROUNDS; round += LANES) {
        const scenario = round % 10 < 3 ? 'migration' : round % 10 < 5 ? 'rebuild' : 'saves';
        let dir = savesDir;
        let roundAcks = acked;
        let v1Codings = 0;
        if (scenario === 'migration') {
          // A v1 project of the last release, killed during its migration (or just after).
          dir = join(parent, `v1-${round}.campo`);
          await cp(V1_FIXTURE, dir, { recursive: true });
          roundAcks = noAcks();
          v1Codings = 10;
          migrations += 1;
        } else if (scenario === 'rebuild') {
          // The caches are gone: the writer's saves race their background rebuild.
          await rm(join(dir, 'cache'), { recursive: true, force: true });
        }
        // Half the rounds take snapshots all the time (each writes the coding journal into the
        // layer files first); the others leave the journal to grow, as a user coding does.
        const acks = await runAndKill(
          writer,
          dir,
          next,
          scenario === 'migration' ? 900 : 150,
          round % 2 === 0,
        );
        roundAcks.questions.push(...acks.questions);
        roundAcks.sources.push(...acks.sources);
        roundAcks.codings.push(...acks.codings);
        roundAcks.memos.push(...acks.memos);
        roundAcks.edits += acks.edits;
        totalAcks +=
          acks.questions.length +
          acks.sources.length +
          acks.codings.length +
          acks.memos.length +
          acks.edits;
        next += 500;

        expect(await assertEveryFileParses(dir)).toBeGreaterThan(0);
        // Coding saves the writer had not yet written into layer files: the open replays them.
        if ((await stat(join(dir, 'codings.journal')).catch(() => null))?.size) journalReplays += 1;
        // The dead writer's lock is stale: the next open takes it over.
        await assertNothingLost(dir, roundAcks, v1Codings);
        const leftovers = await readdir(join(dir, 'backups'));
        expect(leftovers.filter((name) => name.endsWith('.partial'))).toEqual([]);
        if (scenario === 'migration') await rm(dir, { recursive: true, force: true });
      }
      expect((await listBackups(savesDir)).length).toBeGreaterThan(0);
      const rootLeftovers = (await readdir(savesDir)).filter((name) => name.endsWith('.tmp'));
      expect(rootLeftovers).toEqual([]);
    };
    try {
      await Promise.all(Array.from({ length: LANES }, (_, laneId) => lane(laneId)));
    } finally {
      await rm(writer, { force: true });
    }
    expect(migrations).toBe(30);
    expect(totalAcks).toBeGreaterThan(ROUNDS);
    // The kills land on the journal path too, not only on layer-file writes.
    expect(journalReplays).toBeGreaterThan(10);
    if (process.env.CAMPO_CRASH_REPORT) {
      console.log(
        `crash test: ${ROUNDS} SIGKILLs (${migrations} during migrations), ` +
          `${totalAcks} acknowledged saves, ${journalReplays} coding journals replayed, ` +
          `0 lost, 0 unreadable`,
      );
    }
  }, 600_000);
});
