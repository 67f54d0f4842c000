import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../src/main/core/store/backups';
import { createProject, openProject } from '../../../src/main/core/store/project-store';
import { tempDir } from '../../helpers/temp-dir';

const WRITER = join(import.meta.dirname, '..', '..', 'helpers', 'crash-writer.ts');
const ROUNDS = 25;

interface Acks {
  questions: number[];
  sources: number[];
}

/** Runs the writer until it has acknowledged a few saves, then SIGKILLs it at a random moment. */
function runAndKill(dir: string, start: number): Promise<Acks> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, String(start)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Acks = { questions: [], sources: [] };
    let buffer = '';
    let stderr = '';
    let killScheduled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [, kind, n] = line.split(' ');
        (kind === 'source' ? acks.sources : acks.questions).push(Number(n));
      }
      if (!killScheduled) {
        killScheduled = true;
        setTimeout(() => child.kill('SIGKILL'), 5 + Math.random() * 120);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited ${code}: ${stderr}`));
      else resolve(acks);
    });
  });
}

/**
 * Every JSON file Campo may read must parse: the project, its sources and every completed
 * snapshot. An unfinished snapshot (`*.partial`, killed mid-copy) is never read and is removed at
 * the next open; returns how many files were checked.
 */
async function assertEveryFileParses(folder: string): Promise<number> {
  let files = 0;
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && entry.name.endsWith('.partial')) continue;
    if (entry.isDirectory()) files += await assertEveryFileParses(path);
    else if (entry.name.endsWith('.json')) {
      const text = await readFile(path, 'utf8');
      expect(() => JSON.parse(text), path).not.toThrow();
      files += 1;
    }
  }
  return files;
}

describe('crash safety', () => {
  it(`never loses an acknowledged save when the writer is SIGKILLed (${ROUNDS} rounds)`, async () => {
    const parentDir = await tempDir();
    const created = await createProject({ parentDir, name: 'Crash' });
    const dir = created.dir;
    await created.close();

    const acked: Acks = { questions: [], sources: [] };
    let next = 1;
    for (let round = 0; round < ROUNDS; round += 1) {
      const acks = await runAndKill(dir, next);
      acked.questions.push(...acks.questions);
      acked.sources.push(...acks.sources);
      next = Math.max(next, ...acks.questions, ...acks.sources) + 2;

      expect(await assertEveryFileParses(dir)).toBeGreaterThan(0);
      // The dead writer's lock is stale: the next open takes it over.
      const session = await openProject(dir, { backupIntervalMs: 3_600_000 });
      const codes = new Set(session.project.questions.map((q) => q.code));
      for (const n of acked.questions)
        expect(codes.has(`DV${n}`), `DV${n} acknowledged`).toBe(true);
      const sourceIds = new Set(session.project.sources.map((s) => s.id));
      for (const n of acks.sources) {
        expect(sourceIds.has(`s${n}`), `s${n} acknowledged`).toBe(true);
        expect((await session.readSource(`s${n}`)).text.startsWith(`Turno ${n}:`)).toBe(true);
      }
      expect(new Set(session.project.questions.map((q) => q.id)).size).toBe(
        session.project.questions.length,
      );
      await session.close();
      // Opening cleared any snapshot the kill interrupted (checked once queued work is done).
      const leftovers = await readdir(join(dir, 'backups'));
      expect(leftovers.filter((name) => name.endsWith('.partial'))).toEqual([]);
    }
    expect(acked.questions.length + acked.sources.length).toBeGreaterThan(ROUNDS);
    expect((await listBackups(dir)).length).toBeGreaterThan(0);
    const leftovers = (await readdir(dir)).filter((name) => name.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  }, 120_000);
});
