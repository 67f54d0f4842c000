import { execFile, spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { listBackups, readBackupFile } from '../../../src/main/core/store/backups';
import { evaluatorIdOf } from '../../../src/main/core/store/migrations';
import { accountName, openProject } from '../../../src/main/core/store/project-store';
import type { ProjectSession } from '../../../src/main/core/store/project-session';
import { copyFixture } from '../../helpers/store';

const CHILD = join(import.meta.dirname, '..', '..', 'helpers', 'migration-child.ts');
const LOCAL = { id: 'ev-local', name: 'Locale' };
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What a v1 folder holds, in the shape every later version must still hold it. */
async function v1Truth(dir: string) {
  const project = JSON.parse(await readFile(join(dir, 'project.json'), 'utf8')) as Json;
  const sources: Json[] = [];
  for (const name of (await readdir(join(dir, 'sources'))).sort()) {
    sources.push(JSON.parse(await readFile(join(dir, 'sources', name), 'utf8')));
  }
  const coderName = (coder: string) => (coder === accountName() ? LOCAL.name : coder);
  return {
    records: recordsOf(project),
    sources: sources.map((source) => ({
      id: source.id,
      text: source.text,
      turns: source.turns,
      codings: source.codings
        .map((c: Json) => ({
          id: c.id,
          codeId: c.codeId,
          start: c.start,
          end: c.end,
          text: c.text,
          memo: c.memo,
          key: c.key,
          textChanged: c.textChanged,
          createdAt: c.createdAt,
          coder: coderName(c.coder),
        }))
        .sort(byId),
      memos: source.memos.map((m: Json) => ({ id: m.id, text: m.text })),
    })),
  };
}

const byId = (a: Json, b: Json) => (a.id < b.id ? -1 : 1);

/** Every record of project.json without stamps or ids that v2 added. */
function recordsOf(project: Json) {
  const strip = ({ rev: _r, updatedAt: _u, updatedBy: _b, textRev: _t, ...rest }: Json) => rest;
  return {
    meta: strip(project.meta),
    ...Object.fromEntries(
      [
        'questions',
        'participants',
        'indicators',
        'codes',
        'ngtSessions',
        'matrices',
        'sessions',
      ].map((key) => [key, (project[key] as Json[]).map(strip)]),
    ),
    sources: (project.sources as Json[]).map(({ updatedAt: _u, ...rest }) => strip(rest)),
    frameworkSummaries: (project.frameworkSummaries as Json[]).map(({ id: _id, ...rest }) =>
      strip(rest),
    ),
  };
}

/** The same view of an open v2 project. */
async function v2State(session: ProjectSession) {
  const names = new Map(session.project.evaluators.map((e) => [e.id, e.name]));
  const sources = [];
  for (const summary of [...session.project.sources].sort(byId)) {
    const source = await session.readSource(summary.id);
    sources.push({
      id: source.id,
      text: source.text,
      turns: source.turns,
      codings: source.codings
        .map((c) => ({
          id: c.id,
          codeId: c.codeId,
          start: c.start,
          end: c.end,
          text: c.text,
          memo: c.memo,
          key: c.key,
          textChanged: c.textChanged,
          createdAt: c.createdAt,
          coder: names.get(c.coderId),
        }))
        .sort(byId),
      memos: source.memos.map((m) => ({ id: m.id, text: m.text })),
    });
  }
  return { records: recordsOf(session.project as unknown as Json), sources };
}

describe('migration v1 → v2 (a real v1 project of the last release)', () => {
  it('opens it, backup first, every record, coding and memo kept, coders become evaluators', async () => {
    const dir = await copyFixture('v1-demo');
    const truth = await v1Truth(dir);
    const originals = new Map<string, string>();
    for (const name of await readdir(join(dir, 'sources'))) {
      originals.set(name, await readFile(join(dir, 'sources', name), 'utf8'));
    }
    const session = await openProject(dir, { evaluator: LOCAL });
    expect(session.notices).toContainEqual(
      expect.objectContaining({ kind: 'migrated', from: 1, to: 2 }),
    );
    const state = await v2State(session);
    expect(state).toEqual(truth);
    expect(state.sources.flatMap((s) => s.codings)).toHaveLength(10);

    // Each distinct v1 coder string is an evaluator; the migrating account's is the local one.
    const team = session.project.evaluators.map((e) => [e.id, e.name]).sort();
    expect(team).toEqual(
      [
        [LOCAL.id, LOCAL.name],
        [evaluatorIdOf('demo', undefined), 'demo'],
        [evaluatorIdOf('mrossi', undefined), 'mrossi'],
      ].sort(),
    );
    // Every record has its revision; the framework summary got its id.
    for (const record of [...session.project.participants, ...session.project.codes]) {
      expect(record.rev).toBe(1);
    }
    expect(session.project.frameworkSummaries[0]!.id).toContain('~');
    await session.close();

    // The pre-migration backup holds the v1 files byte for byte.
    const backup = (await listBackups(dir)).find((b) => b.kind === 'pre-migration')!;
    expect(backup.schemaVersion).toBe(1);
    for (const [name, text] of originals) {
      expect(await readBackupFile(dir, backup.id, `sources/${name}`)).toEqual({
        status: 'ok',
        value: JSON.parse(text),
      });
    }
    expect((await readdir(dir)).filter((name) => name !== 'README.md').sort()).toEqual([
      'backups',
      'cache',
      'codings',
      'project.json',
      'sources',
    ]);
    // The flagged coding keeps the words it was made on, in its layer.
    const reopened = await openProject(dir, { evaluator: LOCAL });
    expect(await v2State(reopened)).toEqual(truth);
    await reopened.close();
  });

  it('survives a SIGKILL at each step of the migration: v1 or v2, nothing lost', async () => {
    const pristine = await copyFixture('v1-demo');
    const truth = await v1Truth(pristine);
    const run = promisify(execFile);
    const listing = await run(process.execPath, ['--import', 'tsx', CHILD, pristine, '0']);
    const steps = listing.stdout.trim().split('\n');
    expect(steps[0]).toBe('backup');
    expect(steps).toContain('committed');
    expect(steps.at(-1)).toBe('finished');

    const killAt = async (k: number) => {
      const dir = await copyFixture('v1-demo');
      const signal = await new Promise<string | null>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, String(k)], {
          stdio: 'ignore',
        });
        child.on('exit', (_code, sig) => resolve(sig));
      });
      expect(signal, `step ${k} (${steps[k - 1]})`).toBe('SIGKILL');
      // Before the commit the project is still v1 on disk; after it, v2. Either way it opens.
      const version = JSON.parse(await readFile(join(dir, 'project.json'), 'utf8')).schemaVersion;
      expect(version).toBe(k < steps.indexOf('committed') + 1 ? 1 : 2);
      const session = await openProject(dir, { evaluator: LOCAL });
      expect(await v2State(session), `step ${k} (${steps[k - 1]})`).toEqual(truth);
      await session.close();
      expect(await readdir(dir)).not.toContain('migrate-v2');
    };
    // Two at a time: each child is a fresh Node with tsx.
    for (let k = 1; k <= steps.length; k += 2) {
      await Promise.all([killAt(k), ...(k + 1 <= steps.length ? [killAt(k + 1)] : [])]);
    }
  }, 180_000);
});
