/**
 * One coder's damaged codings file on a transcript (found by a newcomer walk-through: one cut
 * line made the whole transcript unopenable, for every coder, with a half-English message).
 */
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../../src/main/core/store/project-store';
import { SourceStore, type LayerSetAside } from '../../../src/main/core/store/source-store';
import { CampoError } from '../../../src/shared/ipc/errors';
import { errorMessage } from '../../../src/shared/i18n';
import { codePassage, newProject, sourceFile } from '../../helpers/store';

const ANNA = { id: 'ev-anna', name: 'Anna' };
const TEXT = 'Il bando era troppo complesso. La rete ha funzionato. Servono risorse.';

describe('a damaged codings file of one coder', () => {
  it('is set aside and told; the transcript opens with the others’ codings, and work goes on', async () => {
    const { dir, session } = await newProject('Strati', { evaluator: ANNA });
    await session.addSource(sourceFile('s1', TEXT));
    await codePassage(session, 's1', 'troppo complesso');
    await session.close();
    const folder = join(dir, 'codings', 's1');
    // Bruno coded the same passage; his file is counted, then damaged while the project is closed.
    const annas = JSON.parse(await readFile(join(folder, 'ev-anna.json'), 'utf8'));
    await writeFile(
      join(folder, 'ev-bruno.json'),
      JSON.stringify({ ...annas, coderId: 'ev-bruno' }),
    );
    await rm(join(dir, 'cache'), { recursive: true, force: true }); // counted afresh
    const counted = await openProject(dir, { evaluator: ANNA });
    await counted.readSource('s1');
    expect((await counted.caches.allTotals()).get('s1')?.get('code-a')).toBe(2);
    await counted.close();
    const damaged =
      '{"schemaVersion":2,"sourceId":"s1","coderId":"ev-bruno","textRev":0,"codings":[{"id';
    await writeFile(join(folder, 'ev-bruno.json'), damaged);

    // A reader without the lock (the command line, an export) reports it, in Italian, naming it.
    const reader = new SourceStore(dir, { readOnly: true });
    const refused = await reader.view('s1').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CampoError);
    const message = errorMessage(refused as CampoError, 'it');
    expect(message).toContain('ev-bruno.json');
    expect(message).toContain('Copie di sicurezza');
    expect(message).not.toMatch(/JSON at position/);

    const reopened = await openProject(dir, { evaluator: ANNA });
    const told: LayerSetAside[] = [];
    reopened.sources.onLayerSetAside((event) => told.push(event));
    const source = await reopened.readSource('s1');
    expect(source.codings.map((coding) => coding.text)).toEqual(['troppo complesso']);
    expect(told).toEqual([
      { sourceId: 's1', coderId: 'ev-bruno', keptAs: expect.stringContaining('ev-bruno.corrupt-') },
    ]);
    expect(await readFile(told[0]!.keptAs, 'utf8')).toBe(damaged);
    // His codings leave the counts with the file.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await reopened.caches.allTotals()).get('s1')?.get('code-a')).toBe(1);
    expect((await readdir(folder)).sort()).toEqual([
      'ev-anna.json',
      told[0]!.keptAs.split('/').pop(),
    ]);
    await codePassage(reopened, 's1', 'La rete');
    await reopened.close();

    const again = await openProject(dir, { evaluator: ANNA });
    expect((await again.readSource('s1')).codings.map((coding) => coding.text)).toEqual([
      'troppo complesso',
      'La rete',
    ]);
    await again.close();
  });
});
