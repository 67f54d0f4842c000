import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli';
import { makeReturnPackage } from '../../../src/main/core/team/packages';
import { newEvaluator } from '../../../src/shared/domain/team';
import { ANNA, code, colleagueProject, leadProject } from '../../helpers/team';
import { tempDir } from '../../helpers/temp-dir';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: { CAMPO_CONFIG_DIR: await tempDir() },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('campo package and campo merge', () => {
  it('packages chosen sources blind, merges the colleague’s return and prints the report; twice changes nothing', async () => {
    const lead = await leadProject();
    await code(lead.session, lead.sourceId, 'Il bando', 'Ostacoli');
    await lead.session.close();
    const folder = await tempDir();
    const out = join(folder, 'INT-01.campopkg');

    const packaged = await run([
      'package',
      lead.session.dir,
      out,
      '--sources',
      'Intervista INT-01',
      '--blind',
    ]);
    expect(packaged).toMatchObject({ code: 0, err: '' });
    expect(packaged.out).toContain('1 fonte (cieco');

    const anna = await colleagueProject(await readFile(out), ANNA);
    expect((await anna.readSource(lead.sourceId)).codings).toEqual([]);
    await anna.mutate((project) => {
      project.evaluators.push(newEvaluator(ANNA, project.evaluators));
    });
    await code(anna, lead.sourceId, 'La rete', 'Rete');
    const back = join(folder, 'ritorno.campopkg');
    await writeFile(back, (await makeReturnPackage(anna)).bytes);
    await anna.close();

    const merged = await run(['merge', lead.session.dir, back]);
    expect(merged).toMatchObject({ code: 0, err: '' });
    expect(merged.out).toContain(
      'Codifiche di Anna Bianchi: 1 aggiunte, 0 modificate, 0 eliminate',
    );
    expect(merged.out).toContain('Valutatori: 1 aggiunti');

    const twice = await run(['merge', lead.session.dir, back, '--lang', 'en']);
    expect(twice.out).toContain('This package was merged before: nothing changed.');

    const refused = await run(['merge', lead.session.dir, join(folder, 'missing.campopkg')]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^campo: /);
  });
});
