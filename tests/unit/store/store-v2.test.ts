import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectProject } from '../../../src/main/core/inspect';
import { CACHE_VERSION } from '../../../src/main/core/store/caches';
import { CountsTable } from '../../../src/main/core/store/counts-table';
import { emptyLayer } from '../../../src/main/core/store/layers';
import { openProject } from '../../../src/main/core/store/project-store';
import type { ProjectSession } from '../../../src/main/core/store/project-session';
import { passageFingerprint } from '../../../src/shared/domain/fingerprint';
import type { SourceFile } from '../../../src/shared/model/source';
import { codePassage as code, newProject, sourceFile } from '../../helpers/store';

const ANNA = { id: 'ev-anna', name: 'Anna' };
const BRUNO = { id: 'ev-bruno', name: 'Bruno' };
const TEXT = 'Intervistatore: Com’è andata?\nINT-01: Bene 😀, la città ha risposto.\n';

function transcript(id: string, text = TEXT): SourceFile {
  return sourceFile(id, text);
}

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

describe('store v2 layout', () => {
  it('keeps the text apart and each coder’s codings in a layer of their own', async () => {
    const { dir, session } = await newProject('Strati', { evaluator: ANNA });
    await session.addSource(transcript('s1'));
    await code(session, 's1', 'la città');
    const docPath = join(dir, 'sources', 's1.json');
    const docBefore = await stat(docPath);
    const projectBefore = await stat(join(dir, 'project.json'));
    await code(session, 's1', 'Bene 😀', 'code-b');
    await session.close();

    // A coding save rewrote the layer only: neither the text nor project.json.
    expect((await stat(docPath)).ino).toBe(docBefore.ino);
    expect((await stat(join(dir, 'project.json'))).ino).toBe(projectBefore.ino);
    const doc = await readJson(docPath);
    expect(doc).toMatchObject({ schemaVersion: 2, id: 's1', text: TEXT, textRev: 1, rev: 1 });
    expect(doc.codings).toBeUndefined();
    expect(await readdir(join(dir, 'codings', 's1'))).toEqual(['ev-anna.json']);
    const layer = await readJson(join(dir, 'codings', 's1', 'ev-anna.json'));
    expect(layer).toMatchObject({ sourceId: 's1', coderId: 'ev-anna', textRev: 1 });
    // The passage is not stored twice: a fingerprint, not the text.
    expect(layer.codings.map((c: { fp: string; text?: string }) => [c.fp, c.text])).toEqual([
      [passageFingerprint('Bene 😀'), undefined],
      [passageFingerprint('la città'), undefined],
    ]);
    // One line per coding, so a person (and a diff) reads it.
    const lines = (await readFile(join(dir, 'codings', 's1', 'ev-anna.json'), 'utf8')).split('\n');
    expect(lines.filter((line) => line.includes('"codeId"'))).toHaveLength(2);
  });

  it('gives two coders two layers, and reads both back as one source', async () => {
    const { dir, session } = await newProject('Due', { evaluator: ANNA });
    await session.addSource(transcript('s1'));
    await code(session, 's1', 'la città');
    await session.close();
    const bruno = await openProject(dir, { evaluator: BRUNO });
    await code(bruno, 's1', 'la città');
    const source = await bruno.readSource('s1');
    // Same code, same words, two coders: two codings, never united across layers.
    expect(source.codings.map((c) => [c.coderId, c.text])).toEqual([
      ['ev-anna', 'la città'],
      ['ev-bruno', 'la città'],
    ]);
    expect(bruno.project.evaluators.map((e) => e.id)).toContain('ev-anna');
    await bruno.close();
    expect((await readdir(join(dir, 'codings', 's1'))).sort()).toEqual([
      'ev-anna.json',
      'ev-bruno.json',
    ]);
  });

  it('flags a coding whose passage no longer matches a text changed outside Campo', async () => {
    const { dir, session } = await newProject('Deriva', { evaluator: ANNA });
    await session.addSource(transcript('s1'));
    await code(session, 's1', 'la città');
    await session.close();
    const docPath = join(dir, 'sources', 's1.json');
    const doc = await readJson(docPath);
    await writeFile(docPath, JSON.stringify({ ...doc, text: doc.text.replace('città', 'CITTÀ') }));
    const reopened = await openProject(dir, { evaluator: ANNA });
    const [coding] = (await reopened.readSource('s1')).codings;
    expect(coding).toMatchObject({ textChanged: true, text: 'la CITTÀ' });
    await reopened.close();
    const report = await inspectProject(dir);
    expect(report.problems).toEqual([
      { key: 'cli.problem.drifted', file: 'sources/s1.json', count: 1 },
    ]);
  });
});

describe('revisions and tombstones', () => {
  it('stamps each changed record, leaves the others, and buries what is deleted', async () => {
    const { session } = await newProject('Revisioni', { evaluator: ANNA });
    const participant = (code: string) => ({ id: `p-${code}`, code });
    await session.mutate((p) => {
      p.participants.push(participant('INT-01') as never, participant('INT-02') as never);
    });
    const first = session.project.participants.map((p) => [p.code, p.rev, p.updatedBy]);
    expect(first).toEqual([
      ['INT-01', 1, 'ev-anna'],
      ['INT-02', 1, 'ev-anna'],
    ]);
    await session.mutate((p) => {
      p.participants[0]!.role = 'Dirigente';
    });
    expect(session.project.participants.map((p) => p.rev)).toEqual([2, 1]);
    // A handler that replaces an unchanged record does not bump it, nor can it forge a stamp.
    await session.mutate((p) => {
      p.participants = p.participants.map((r) => ({ ...r, rev: 99 }));
    });
    expect(session.project.participants.map((p) => p.rev)).toEqual([2, 1]);
    await session.mutate((p) => {
      p.participants = p.participants.filter((r) => r.code !== 'INT-02');
    });
    expect(session.project.tombstones).toEqual([
      {
        kind: 'participant',
        id: 'p-INT-02',
        rev: 2,
        deletedAt: expect.any(String),
        deletedBy: 'ev-anna',
      },
    ]);
    // Brought back (an undo): the tombstone goes and the revisions go on from it.
    await session.mutate((p) => {
      p.participants.push(participant('INT-02') as never);
    });
    expect(session.project.tombstones).toEqual([]);
    expect(session.project.participants.find((p) => p.code === 'INT-02')?.rev).toBe(3);
    await session.close();
  });

  it('stamps codings in their layer and leaves a tombstone for a removed one', async () => {
    const { dir, session } = await newProject('Codifiche', { evaluator: ANNA });
    await session.addSource(transcript('s1'));
    await code(session, 's1', 'la città');
    await session.mutateSource('s1', (draft) => {
      draft.codings = draft.codings.map((c) => ({ ...c, memo: 'nota' }));
    });
    expect((await session.readSource('s1')).codings[0]).toMatchObject({ rev: 2, memo: 'nota' });
    await session.mutateSource('s1', (draft) => {
      draft.codings = [];
    });
    await session.close();
    const layer = await readJson(join(dir, 'codings', 's1', 'ev-anna.json'));
    expect(layer.codings).toEqual([]);
    expect(layer.tombstones).toEqual([
      {
        kind: 'coding',
        id: expect.any(String),
        rev: 3,
        deletedAt: expect.any(String),
        deletedBy: 'ev-anna',
      },
    ]);
  });
});

describe('text corrections', () => {
  it('finishes a correction a crash interrupted after the journal and before the layers', async () => {
    const { dir, session } = await newProject('Giornale', { evaluator: ANNA });
    await session.addSource(transcript('s1'));
    await code(session, 's1', 'la città');
    await session.close();
    // The state a crash leaves between step 1 (journal) and step 2 (layers) of STORE-V2 §5.
    const doc = await readJson(join(dir, 'sources', 's1.json'));
    const corrected = doc.text.replace('Bene', 'Molto bene');
    await writeFile(
      join(dir, 'sources', 's1.edit.json'),
      JSON.stringify({ ...doc, text: corrected, textRev: 2, rev: 2 }),
    );
    const reopened = await openProject(dir, { evaluator: ANNA });
    const source = await reopened.readSource('s1');
    expect(source.text).toBe(corrected);
    // The coding moved with the words: re-anchored from the old text to the new.
    const [coding] = source.codings;
    expect(corrected.slice(coding!.start, coding!.end)).toBe('la città');
    expect(coding!.textChanged).toBe(false);
    expect(reopened.project.sources[0]).toMatchObject({ textRev: 2, characters: corrected.length });
    await reopened.close();
    expect(await readdir(join(dir, 'sources'))).toEqual(['s1.json']);
  });
});

describe('caches', () => {
  async function codedProject() {
    const { dir, session } = await newProject('Cache', { evaluator: ANNA });
    for (const id of ['s1', 's2', 's3']) {
      await session.addSource(
        transcript(id, `${TEXT} Parola rara ${id === 's2' ? 'zibaldone' : 'x'}.`),
      );
      await code(session, id, 'la città');
    }
    await code(session, 's2', 'Bene 😀', 'code-b');
    await session.close();
    return dir;
  }

  const countsOf = async (session: ProjectSession) =>
    Object.fromEntries(
      [...(await session.caches.allCounts())].map(([id, byCoder]) => [
        id,
        Object.fromEntries(byCoder.get('ev-anna') ?? []),
      ]),
    );

  it('keeps counts in a clean cache at close and uses them at the next open', async () => {
    const dir = await codedProject();
    const state = await readJson(join(dir, 'cache', 'state.json'));
    expect(state).toMatchObject({ cacheVersion: CACHE_VERSION, clean: true });
    const session = await openProject(dir, { evaluator: ANNA });
    expect(await countsOf(session)).toEqual({
      s1: { 'code-a': 1 },
      s2: { 'code-a': 1, 'code-b': 1 },
      s3: { 'code-a': 1 },
    });
    // The first write marks the cache unclean on disk, before the data file changes.
    await code(session, 's3', 'Bene 😀', 'code-b');
    expect((await readJson(join(dir, 'cache', 'state.json'))).clean).toBe(false);
    await session.close();
    expect((await readJson(join(dir, 'cache', 'state.json'))).clean).toBe(true);
  });

  it('rebuilds deleted, damaged or unclean caches in the background, losing nothing', async () => {
    const dir = await codedProject();
    const expected = { s1: { 'code-a': 1 }, s2: { 'code-a': 1, 'code-b': 1 }, s3: { 'code-a': 1 } };
    for (const damage of [
      () => rm(join(dir, 'cache'), { recursive: true, force: true }),
      () => writeFile(join(dir, 'cache', 'counts.bin'), '{"cacheVersion": 1, "sources": 7'),
      async () => {
        // Cut short: the sources whose counts are missing are counted again.
        const bytes = await readFile(join(dir, 'cache', 'counts.bin'));
        await writeFile(join(dir, 'cache', 'counts.bin'), bytes.subarray(0, bytes.length - 8));
      },
      async () => {
        // A crash after the first write: state says unclean, counts say something old.
        await writeFile(
          join(dir, 'cache', 'state.json'),
          `{"cacheVersion":${CACHE_VERSION},"clean":false}`,
        );
        const old = CountsTable.empty();
        old.setFromLayers('s1', [{ ...emptyLayer('s1', 'ev-anna', 1), codings: [] }]);
        await writeFile(join(dir, 'cache', 'counts.bin'), old.encode(CACHE_VERSION));
      },
    ]) {
      await damage();
      const session = await openProject(dir, { evaluator: ANNA });
      const progress: number[] = [];
      session.caches.onProgress((p) => progress.push(p.fraction));
      expect(await countsOf(session)).toEqual(expected);
      await session.caches.ready();
      expect(progress.at(-1)).toBe(1);
      const found = await (
        await import('../../../src/main/core/coding/search')
      ).searchProject(session, 'zibaldone', { wholeWord: true });
      expect(found.hits.map((hit) => hit.sourceId)).toEqual(['s2']);
      await session.close();
    }
  });

  it('rules sources out by their trigram filter, and still finds short and new words', async () => {
    const dir = await codedProject();
    const session = await openProject(dir, { evaluator: ANNA });
    await session.caches.ready();
    const { searchProject } = await import('../../../src/main/core/coding/search');
    const filters = ['s1', 's2', 's3'].map((id) => session.caches.search.filterFor(id, 1));
    expect(filters.map((f) => f?.mayContain('zibaldone'))).toEqual([false, true, false]);
    expect((await searchProject(session, 'CITTÀ', { wholeWord: true })).hits).toHaveLength(3);
    expect((await searchProject(session, 'x', { wholeWord: true })).hits).toHaveLength(2);
    // A corrected text is searched as it now reads.
    await session.mutateSource('s1', (draft) => {
      draft.text = draft.text.replace('Parola rara x', 'Parola rara zibaldone');
    });
    const hits = (await searchProject(session, 'zibaldone', { wholeWord: true })).hits;
    expect(hits.map((hit) => hit.sourceId)).toEqual(['s1', 's2']);
    await session.close();
  });

  it('holds texts within the memory budget (an LRU by bytes)', async () => {
    const { session } = await newProject('Memoria', { evaluator: ANNA, textBudgetBytes: 40_000 });
    for (let i = 0; i < 12; i++)
      await session.addSource(transcript(`s${i}`, 'parola '.repeat(2_000)));
    for (let i = 0; i < 12; i++) await session.readSource(`s${i}`);
    expect(session.sources.textBytes).toBeLessThanOrEqual(40_000 + 30_000);
    // An evicted text is read again when needed.
    expect((await session.readSource('s0')).text).toHaveLength(14_000);
    await session.close();
  });
});
