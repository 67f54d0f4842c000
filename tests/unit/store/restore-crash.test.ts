import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  backupIsComplete,
  listBackups,
  projectDataFiles,
} from '../../../src/main/core/store/backups';
import { openProject } from '../../../src/main/core/store/project-store';
import { CURRENT_SCHEMA_VERSION } from '../../../src/shared/model/project';
import type { SourceFile } from '../../../src/shared/model/source';
import { newProject } from '../../helpers/store';

const KILLER = join(import.meta.dirname, '..', '..', 'helpers', 'restore-killer.ts');
const ROUNDS = 12;

/** Every data file of the project with its bytes: what "the project" is, byte for byte. */
async function dataState(dir: string): Promise<Map<string, string>> {
  const state = new Map<string, string>();
  for (const file of await projectDataFiles(dir)) {
    state.set(file, await readFile(join(dir, file), 'utf8'));
  }
  return state;
}

/** The same for a backup's copy. */
async function backupState(dir: string, id: string): Promise<Map<string, string>> {
  const state = new Map<string, string>();
  const root = join(dir, 'backups', id);
  state.set('project.json', await readFile(join(root, 'project.json'), 'utf8'));
  for (const name of (await readdir(join(root, 'sources'))).sort()) {
    state.set(`sources/${name}`, await readFile(join(root, 'sources', name), 'utf8'));
  }
  return state;
}

/**
 * Runs the killer and SIGKILLs it at a random moment of the phase `target` names (its second
 * restore, or its first pruning); returns what it printed (BEGIN and ACK lines).
 */
function runAndKill(
  dir: string,
  first: string,
  second: string,
  target: 'restore' | 'prune',
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', KILLER, dir, first, second], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: string[] = [];
    let buffer = '';
    let stderr = '';
    let begun = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('BEGIN')) {
          if (line === `BEGIN ${target}`) begun += 1;
          // A restore of 60 files takes some tens of milliseconds here, a pruning a few.
          const window = target === 'restore' ? 80 : 40;
          if (begun === (target === 'restore' ? 2 : 1)) {
            begun += 1;
            setTimeout(() => child.kill('SIGKILL'), Math.random() * window);
          }
        }
        if (line !== 'READY') acks.push(line);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`killer exited ${code}: ${stderr}`));
      else resolve(acks);
    });
  });
}

describe('restore and pruning under SIGKILL', () => {
  it(`leave the project wholly one backup or the other, and no half-deleted backup (${ROUNDS} rounds)`, async () => {
    const { dir, session } = await newProject('Ripristino');
    const source = (id: string, words: string): SourceFile => ({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id,
      title: `Trascrizione ${id}`,
      kind: 'transcript',
      origin: 'typed',
      fictional: false,
      text: `${words} `.repeat(2_000),
      turns: [],
      codings: [],
      memos: [],
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    // Backup A: sources a0…a29; backup B: a0…a9 changed, b0…b29 new, a10…a29 gone.
    for (let i = 0; i < 30; i += 1) await session.addSource(source(`a${i}`, `prima ${i}`));
    await session.mutate((p) => (p.meta.programme = 'stato A'));
    // Through the session's queue, never beside a snapshot it takes; pre-restore: never pruned.
    const a = await session.backupNow('pre-restore');
    for (let i = 10; i < 30; i += 1) await session.deleteSource(`a${i}`);
    for (let i = 0; i < 10; i += 1) {
      await session.mutateSource(
        `a${i}`,
        (draft) => void (draft.text = `dopo ${i} `.repeat(2_000)),
      );
    }
    for (let i = 0; i < 30; i += 1) await session.addSource(source(`b${i}`, `nuova ${i}`));
    await session.mutate((p) => (p.meta.programme = 'stato B'));
    const b = await session.backupNow('pre-restore');
    await session.close();
    const states = { [a.id]: await backupState(dir, a.id), [b.id]: await backupState(dir, b.id) };
    expect(await dataState(dir)).toEqual(states[b.id]);

    const seen = new Set<string>();
    const cutShort = { restores: 0, prunes: 0, halfPruned: 0 };
    let acked = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const first = round % 2 === 0 ? a.id : b.id;
      const second = first === a.id ? b.id : a.id;
      const acks = await runAndKill(dir, first, second, round % 3 === 2 ? 'prune' : 'restore');
      acked += acks.filter((line) => line.startsWith('ACK')).length;
      // Where the kill landed: inside a restore (its journal is there), inside a pruning.
      if ((await readdir(dir)).includes('.restore.json')) cutShort.restores += 1;
      if (acks.at(-1) === 'BEGIN prune') cutShort.prunes += 1;
      if ((await readdir(join(dir, 'backups'))).some((name) => name.endsWith('.pruning')))
        cutShort.halfPruned += 1;
      // The next open finishes a restore the kill cut short, and clears half-pruned backups.
      const opened = await openProject(dir, { backupIntervalMs: 3_600_000 });
      await opened.close();
      const state = await dataState(dir);
      const match = Object.entries(states).find(([, expected]) => isEqual(state, expected));
      expect(match, `round ${round}: the project is neither backup`).toBeDefined();
      seen.add(match![0]);
      // After an acknowledged restore, the project is that backup or the one restored after it.
      const last = acks
        .filter((line) => line.startsWith('ACK restore'))
        .at(-1)
        ?.split(' ')[2];
      if (last) expect([last, last === first ? second : first]).toContain(match![0]);

      const names = await readdir(join(dir, 'backups'));
      expect(names.filter((name) => /\.(partial|pruning)$/.test(name))).toEqual([]);
      const listed = await listBackups(dir);
      expect(listed.length).toBe(names.length);
      for (const backup of listed) expect(await backupIsComplete(dir, backup.id)).toBe(true);
      expect(await readdir(dir)).not.toContain('.restore.json');
    }
    expect(acked).toBeGreaterThan(ROUNDS);
    if (process.env.CAMPO_TEST_FIGURES) console.log('cut short', cutShort);
    expect(seen.size).toBe(2);
  }, 180_000);
});

function isEqual(left: Map<string, string>, right: Map<string, string>): boolean {
  if (left.size !== right.size) return false;
  for (const [file, text] of left) if (right.get(file) !== text) return false;
  return true;
}
