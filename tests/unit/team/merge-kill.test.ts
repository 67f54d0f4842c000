import { execFile, spawn } from 'node:child_process';
import { cp, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../../src/main/core/store/project-store';
import { makeReturnPackage, makeWorkPackage } from '../../../src/main/core/team/packages';
import {
  ANNA,
  LEAD,
  code,
  codingsByCoder,
  colleagueProject,
  leadProject,
} from '../../helpers/team';
import { tempDir } from '../../helpers/temp-dir';

const CHILD = join(import.meta.dirname, '..', '..', 'helpers', 'merge-child.ts');

/** What a user would notice: codes, participants, merges, and every coder's codings. */
async function state(dir: string, sourceIds: string[]) {
  const session = await openProject(dir, { evaluator: LEAD });
  const layers: Record<string, unknown> = {};
  for (const id of session.project.sources.map((summary) => summary.id)) {
    layers[id] = await codingsByCoder(session, id);
  }
  const result = {
    codes: session.project.codes.map((entry) => entry.name).sort(),
    roles: session.project.participants.map((entry) => `${entry.code}:${entry.role}`).sort(),
    merges: session.project.merges.length,
    sources: session.project.sources.map((summary) => summary.id).sort(),
    layers,
    known: sourceIds.length,
  };
  await session.close();
  return result;
}

describe('a SIGKILL during a merge', () => {
  it('leaves the project as before or fully merged, at every step', async () => {
    const lead = await leadProject();
    await code(lead.session, lead.sourceId, 'Il bando', 'Ostacoli');
    const work = await makeWorkPackage(lead.session, { sourceIds: null, blind: true });
    const anna = await colleagueProject(work.bytes, ANNA);
    await code(anna, lead.sourceId, 'La rete', 'Rete');
    await code(anna, lead.sourceId, 'più risorse', 'Ostacoli');
    await anna.mutate((project) => {
      project.codes.find((entry) => entry.name === 'Rete')!.name = 'Rete territoriale';
      project.participants[0]!.role = 'Sindaca';
    });
    // A second source of Anna's, so the merge copies a document and writes two layers.
    const extra = await anna.addSource({
      ...(await anna.readSource(lead.sourceId)),
      id: 'fonte-anna',
      title: 'Note di Anna',
      codings: [],
      memos: [],
    });
    await code(anna, extra.id, 'bando', 'Ostacoli');
    const { bytes } = await makeReturnPackage(anna);
    await anna.close();
    await lead.session.close();
    const root = await tempDir();
    const pkg = join(root, 'ritorno.campopkg');
    await writeFile(pkg, bytes);
    const pristine = lead.session.dir;
    const ids = [lead.sourceId];
    const before = await state(pristine, ids);

    const run = promisify(execFile);
    const full = join(root, 'full.campo');
    await cp(pristine, full, { recursive: true });
    const listing = await run(process.execPath, ['--import', 'tsx', CHILD, full, pkg, '0']);
    const steps = listing.stdout.trim().split('\n');
    expect(steps).toContain('committed');
    expect(steps.at(-1)).toBe('applied');
    const after = await state(full, ids);
    expect(after).not.toEqual(before);
    expect(after.codes).toContain('Rete territoriale');
    expect(after.sources).toContain('fonte-anna');

    const killAt = async (k: number) => {
      const dir = join(root, `kill-${k}.campo`);
      await cp(pristine, dir, { recursive: true });
      const signal = await new Promise<string | null>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, pkg, String(k)], {
          stdio: 'ignore',
        });
        child.on('exit', (_code, sig) => resolve(sig));
      });
      expect(signal, `step ${k} (${steps[k - 1]})`).toBe('SIGKILL');
      const now = await state(dir, ids);
      expect(now, `step ${k} (${steps[k - 1]})`).toEqual(
        k <= steps.indexOf('staged') + 1 ? before : after,
      );
      expect(await readdir(dir)).not.toContain('merge-staging');
      expect(await readdir(dir)).not.toContain('merge-staging.partial');
    };
    for (let k = 1; k <= steps.length; k += 2) {
      await Promise.all([killAt(k), ...(k + 1 <= steps.length ? [killAt(k + 1)] : [])]);
    }
  }, 240_000);
});
