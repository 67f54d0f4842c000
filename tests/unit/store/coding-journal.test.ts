/**
 * The coding journal (layer-journal.ts): a coding save appends one line and rewrites no file;
 * whatever a crash leaves in it is written into the layer files at the next open; replaying it
 * twice, or over newer layer files, changes nothing; a torn line is skipped; a restore, a
 * deletion and the readers without the lock all see exactly what was saved.
 */
import { appendFile, cp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerCodersOnDisk } from '../../../src/main/core/agreement/agreement-data';
import {
  journalLine,
  LayerJournal,
  parseLayerJournal,
  readLayerJournal,
  WRITE_THROUGH,
} from '../../../src/main/core/store/layer-journal';
import { layerDelta, type LayerDelta } from '../../../src/shared/domain/layer-delta';
import type { Coding, Memo, SourceFile } from '../../../src/shared/model/source';
import { openProject } from '../../../src/main/core/store/project-store';
import type { ProjectSession } from '../../../src/main/core/store/project-session';
import { CountsTable } from '../../../src/main/core/store/counts-table';
import { restoreBackup } from '../../../src/main/core/store/recovery';
import { readProjectFolder } from '../../../src/main/core/team/packages';
import { codePassage as code, newProject, savedLayer, sourceFile } from '../../helpers/store';
import { tempDir } from '../../helpers/temp-dir';

const ANNA = { id: 'ev-anna', name: 'Anna' };
const TEXT =
  'Intervistatore: Com’è andata?\nINT-01: Bene 😀, la città ha risposto. Poi i ritardi.\n';
const JOURNAL = 'codings.journal';

/** A journal delta of Anna's adding coding `c<n>` at `n` on s1. */
const delta = (n: number): LayerDelta => ({
  sourceId: 's1',
  coderId: ANNA.id,
  textRev: 0,
  codings: [
    {
      id: `c${n}`,
      codeId: 'k1',
      start: n,
      end: n + 4,
      fp: 'x',
      memo: '',
      key: false,
      textChanged: false,
      createdAt: '2026-12-05T09:00:00.000Z',
      rev: 1,
    },
  ],
  memos: [],
  tombstones: [],
});

/** A project with one transcript, open as Anna, with saves held in the journal (no idle write). */
async function journaled() {
  const made = await newProject('Diario', { evaluator: ANNA, checkpointIdleMs: 3_600_000 });
  await made.session.addSource(sourceFile('s1', TEXT));
  return made;
}

/** The folder as a crash would leave it now: copied while the session holds it, lock aside. */
async function crashCopy(dir: string): Promise<string> {
  const copy = join(await tempDir(), 'Dopo il crash.campo');
  await cp(dir, copy, { recursive: true });
  await rm(join(copy, '.lock'), { force: true });
  return copy;
}

const journalLines = async (dir: string) =>
  (await readFile(join(dir, JOURNAL), 'utf8').catch(() => '')).split('\n').filter(Boolean);

const codingsOf = async (session: ProjectSession, id = 's1') =>
  (await session.readSource(id)).codings.map((c) => [c.id, c.text, c.memo, c.rev]);

/** A new coding of `passage` by the session's evaluator (Anna). */
function coding(draft: SourceFile, passage: string, codeId = 'code-a'): Coding {
  const start = draft.text.indexOf(passage);
  return {
    id: `c-${codeId}-${start}`,
    codeId,
    start,
    end: start + passage.length,
    coderId: ANNA.id,
    text: passage,
    memo: '',
    key: false,
    textChanged: false,
    createdAt: new Date().toISOString(),
  };
}

/** The draft's coding at `at`, moved to code-b. */
const recoded = (draft: SourceFile, at: number): Coding => ({
  ...draft.codings[at]!,
  codeId: 'code-b',
});

/** A source memo by Anna. */
function sourceMemo(text: string): Memo {
  const now = new Date().toISOString();
  return { id: `m-${text.length}`, coderId: ANNA.id, text, createdAt: now, updatedAt: now };
}

describe('the coding journal', () => {
  it('takes a coding save as one appended line, rewriting no file', async () => {
    const { dir, session } = await journaled();
    const doc = await stat(join(dir, 'sources', 's1.json'));
    const project = await stat(join(dir, 'project.json'));
    await code(session, 's1', 'la città');
    await code(session, 's1', 'i ritardi', 'code-b');
    expect(await journalLines(dir)).toHaveLength(2);
    // No layer file yet, and neither the text nor project.json was touched.
    expect(await readdir(join(dir, 'codings')).catch(() => [])).toEqual([]);
    expect((await stat(join(dir, 'sources', 's1.json'))).mtimeMs).toBe(doc.mtimeMs);
    expect((await stat(join(dir, 'project.json'))).mtimeMs).toBe(project.mtimeMs);
    // A reader without the lock sees both codings.
    const layer = (await savedLayer(dir, 's1', ANNA.id))!;
    expect(layer.codings.map((c) => c.codeId).sort()).toEqual(['code-a', 'code-b']);
    await session.close();
    // Closing writes the layer file and removes the emptied journal.
    const names = await readdir(dir);
    expect(names).not.toContain(JOURNAL);
    const file = JSON.parse(await readFile(join(dir, 'codings', 's1', 'ev-anna.json'), 'utf8'));
    expect(file.codings).toHaveLength(2);
  });

  it('after a crash, the next open writes the journal into the layer files, torn line aside', async () => {
    const { dir, session } = await journaled();
    await code(session, 's1', 'la città');
    await code(session, 's1', 'i ritardi', 'code-b');
    await session.mutateSource('s1', (draft) => {
      draft.codings = draft.codings.map((c) =>
        c.codeId === 'code-a' ? { ...c, memo: 'nota' } : c,
      );
      draft.memos.push({
        id: 'm1',
        text: 'Da rileggere',
        coderId: ANNA.id,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      });
    });
    await session.mutateSource('s1', (draft) => {
      draft.codings = draft.codings.filter((c) => c.codeId !== 'code-b');
    });
    const expected = await codingsOf(session);
    const copy = await crashCopy(dir);
    // A save the kill cut short: half a line, never acknowledged.
    await appendFile(join(copy, JOURNAL), '\n0123456789ab {"v":1,"deltas":[{"sourceId":"s1","cod');
    await session.close();

    const reopened = await openProject(copy, { evaluator: ANNA });
    expect(await codingsOf(reopened)).toEqual(expected);
    // A last line cut short was never acknowledged: nothing to tell, nothing kept.
    expect(reopened.notices.map((n) => n.kind)).not.toContain('journal-damaged');
    expect((await readdir(copy)).filter((name) => name.includes('.damaged-'))).toEqual([]);
    expect((await reopened.readSource('s1')).memos.map((m) => m.id)).toEqual(['m1']);
    expect(await readdir(copy)).not.toContain(JOURNAL);
    const file = JSON.parse(await readFile(join(copy, 'codings', 's1', 'ev-anna.json'), 'utf8'));
    expect(file.codings.map((c: { memo?: string }) => c.memo)).toEqual(['nota']);
    expect(file.tombstones.map((t: { kind: string }) => t.kind)).toEqual(['coding']);
    await reopened.close();
  });

  it('replayed again over layer files that already hold it, or newer ones, changes nothing', async () => {
    const { dir, session } = await journaled();
    await code(session, 's1', 'la città');
    const older = await readFile(join(dir, JOURNAL));
    await session.mutateSource('s1', (draft) => {
      draft.codings = draft.codings.map((c) => ({ ...c, memo: 'rivista' }));
    });
    await session.checkpoint();
    expect(await journalLines(dir)).toEqual([]);
    const expected = await codingsOf(session);
    const copy = await crashCopy(dir);
    // A crash after the layer files were written, before the journal was emptied; here with
    // only the older line left: its revision 1 must not undo the revision 2 in the file.
    await writeFile(join(copy, JOURNAL), older);
    await session.close();
    const reopened = await openProject(copy, { evaluator: ANNA });
    expect(await codingsOf(reopened)).toEqual(expected);
    expect(expected[0]).toEqual([expect.any(String), 'la città', 'rivista', 2]);
    await reopened.close();
  });

  it('skips a damaged line and keeps the others', () => {
    const line = (n: number) =>
      `\n${'x'.repeat(12)} {"v":1,"deltas":[]}`.replace(
        'x'.repeat(12),
        String(n).padStart(12, '0'),
      );
    const read = parseLayerJournal(line(1) + line(2));
    expect(read).toEqual({ deltas: [], skipped: 2, damaged: 0 });
  });

  it('keeps a copy of a journal whose saved lines were damaged since, and says so at open', async () => {
    // Found by a newcomer walk-through: a damaged line followed by intact ones is not a write
    // a crash cut short; its coding went, and the journal with it, without a word.
    const { dir, session } = await journaled();
    await code(session, 's1', 'la città');
    await code(session, 's1', 'i ritardi', 'code-b');
    const copy = await crashCopy(dir);
    await session.close();
    const [first, second] = await journalLines(copy);
    const damagedFirst = first!.replace('"code-a"', '"code-x"');
    expect(damagedFirst).not.toBe(first);
    const before = `\n${damagedFirst}\n\n${second}\n`;
    await writeFile(join(copy, JOURNAL), before);

    const reopened = await openProject(copy, { evaluator: ANNA });
    expect((await reopened.readSource('s1')).codings.map((c) => c.text)).toEqual(['i ritardi']);
    const notice = reopened.notices.find((n) => n.kind === 'journal-damaged');
    expect(notice).toMatchObject({ kind: 'journal-damaged', lines: 1 });
    const keptAs = (notice as { keptAs: string }).keptAs;
    expect(keptAs.startsWith(join(copy, `${JOURNAL}.damaged-`))).toBe(true);
    expect(await readFile(keptAs, 'utf8')).toBe(before);
    await reopened.close();
  });

  it('writes on the calling thread until one write stalls, then on the worker thread, losing no line', async () => {
    const steady = await tempDir();
    const fast = new LayerJournal(steady, { stalledWriteMs: 60_000 });
    await fast.append([delta(1)]);
    await fast.append([delta(2)]);
    // Where the system writes through (not Windows): on the caller.
    expect(fast.writesOnCaller).toBe(WRITE_THROUGH !== undefined);
    await fast.close();
    // Every write counts as stalled here: the first goes on the caller, the rest to the worker.
    const stalling = await tempDir();
    const slow = new LayerJournal(stalling, { stalledWriteMs: -1 });
    expect(slow.writesOnCaller).toBe(WRITE_THROUGH !== undefined);
    await slow.append([delta(1)]);
    expect(slow.writesOnCaller).toBe(false);
    await slow.append([delta(2)]);
    await slow.append([delta(3)]);
    expect(slow.bytes).toBe((await stat(join(stalling, JOURNAL))).size);
    await slow.close();
    for (const dir of [steady, stalling]) {
      const read = await readLayerJournal(dir);
      expect(read.skipped).toBe(0);
      expect(read.deltas.map((d) => d.codings[0]!.id)).toEqual(
        dir === steady ? ['c1', 'c2'] : ['c1', 'c2', 'c3'],
      );
    }
  });

  it('cuts a torn last line off before appending, so a later open reads no damage', async () => {
    // Found in a review: after a crash and a checkpoint that failed at the next open, new lines
    // followed the torn one, which the open after that reported as saved work damaged since.
    for (const longLine of [false, true]) {
      const dir = await tempDir();
      const first = journalLine([delta(1)]);
      // The second line's write cut short by the crash (a long one: a merge's).
      const torn = journalLine([delta(2)]).slice(0, longLine ? -1 : 40);
      const padded = longLine ? torn.replace('"memo":""', `"memo":"${'x'.repeat(200_000)}"`) : torn;
      await writeFile(join(dir, JOURNAL), first + padded);
      expect(parseLayerJournal(first + padded)).toMatchObject({ skipped: 1, damaged: 0 });
      const journal = new LayerJournal(dir);
      await journal.append([delta(3)]);
      await journal.close();
      const read = await readLayerJournal(dir);
      expect(read).toMatchObject({ skipped: 0, damaged: 0 });
      expect(read.deltas.map((d) => d.codings[0]!.id)).toEqual(['c1', 'c3']);
      expect(journal.bytes).toBe((await stat(join(dir, JOURNAL))).size);
    }
  });

  it('journals exactly what each change made, and the counts follow each change', async () => {
    const { dir, session } = await journaled();
    const layerNow = async () => (await session.sources.layersOf('s1')).get(ANNA.id);
    const recounted = async () => {
      const table = CountsTable.empty();
      table.setFromLayers('s1', (await session.sources.layersOf('s1')).values());
      return table.byCoder('s1');
    };
    const steps: Array<[string, (draft: SourceFile) => void]> = [
      ['a first coding', (draft) => void draft.codings.push(coding(draft, 'la città', 'code-a'))],
      ['a second', (draft) => void draft.codings.push(coding(draft, 'i ritardi', 'code-b'))],
      ['a third, of the same code', (draft) => void draft.codings.push(coding(draft, 'Bene'))],
      ['one moved to another code', (draft) => void (draft.codings[0] = recoded(draft, 0))],
      ['a memo on one', (draft) => void (draft.codings[1] = { ...draft.codings[1]!, memo: 'x' })],
      ['one removed', (draft) => void draft.codings.splice(0, 1)],
      ['a source memo', (draft) => void draft.memos.push(sourceMemo('Da rileggere'))],
      ['the memo removed', (draft) => void draft.memos.splice(0, 1)],
    ];
    for (const [step, change] of steps) {
      const before = await layerNow();
      await session.mutateSource('s1', change);
      const after = (await layerNow())!;
      const last = parseLayerJournal((await journalLines(dir)).at(-1)!).deltas;
      expect(last, step).toEqual([layerDelta(before, after)]);
      // Only what changed: never the codings the change left alone.
      expect(last[0]!.codings.length + last[0]!.memos.length, step).toBeLessThanOrEqual(1);
      expect((await session.caches.allCounts()).get('s1'), step).toEqual(await recounted());
    }
    expect(Object.fromEntries((await session.caches.allCounts()).get('s1')!.get(ANNA.id)!)).toEqual(
      { 'code-a': 1, 'code-b': 1 },
    );
    await session.close();
  });

  it('is written into the layer files once saving pauses', async () => {
    const { dir, session } = await newProject('Pausa', { evaluator: ANNA, checkpointIdleMs: 50 });
    await session.addSource(sourceFile('s1', TEXT));
    await code(session, 's1', 'la città');
    expect(await journalLines(dir)).toHaveLength(1);
    await expect
      .poll(async () => (await readdir(join(dir, 'codings', 's1')).catch(() => [])).length)
      .toBe(1);
    await expect.poll(() => journalLines(dir)).toEqual([]);
    await session.close();
  });

  it('is written in steps: a save waits for one step, and a source saved meanwhile is written again', async () => {
    const { dir, session } = await newProject('Passi', {
      evaluator: ANNA,
      checkpointIdleMs: 300,
    });
    const ids = Array.from({ length: 60 }, (_, n) => `s${n}`);
    for (const id of ids) await session.addSource(sourceFile(id, TEXT));
    // Once saving pauses, the journal is written into the layer files, 20 sources a step.
    for (const id of ids) await code(session, id, 'la città');
    const codingsIn = async (id: string) =>
      (
        JSON.parse(
          await readFile(join(dir, 'codings', id, 'ev-anna.json'), 'utf8').catch(() => '{}'),
        ) as { codings?: unknown[] }
      ).codings?.length ?? 0;
    await expect.poll(() => codingsIn('s0'), { interval: 1 }).toBe(1);
    // s0 is in its file: a save on it waits for a step, not for all 60 files.
    await code(session, 's0', 'i ritardi', 'code-b');
    const inFiles = await Promise.all(ids.map(codingsIn));
    expect(inFiles.filter((n) => n > 0).length, 'files written when the save ended').toBeLessThan(
      60,
    );
    await expect.poll(() => journalLines(dir)).toEqual([]);
    expect(await Promise.all(ids.map(codingsIn))).toEqual(ids.map((id) => (id === 's0' ? 2 : 1)));
    await session.close();
  });

  it('is not brought back by a restore, and the pre-restore snapshot keeps its codings', async () => {
    const { dir, session } = await journaled();
    await code(session, 's1', 'la città');
    const backup = await session.backupNow();
    await code(session, 's1', 'i ritardi', 'code-b');
    const copy = await crashCopy(dir);
    await session.close();
    expect(await journalLines(copy)).toHaveLength(1);

    await restoreBackup(copy, backup.id);
    expect(await readdir(copy)).not.toContain(JOURNAL);
    const reopened = await openProject(copy, { evaluator: ANNA });
    expect((await reopened.readSource('s1')).codings.map((c) => c.codeId)).toEqual(['code-a']);
    const snapshots = await readdir(join(copy, 'backups'));
    const before = snapshots.find((name) => name.includes('pre-restore'))!;
    const kept = JSON.parse(
      await readFile(join(copy, 'backups', before, 'codings', 's1', 'ev-anna.json'), 'utf8'),
    );
    expect(kept.codings.map((c: { codeId: string }) => c.codeId).sort()).toEqual([
      'code-a',
      'code-b',
    ]);
    await reopened.close();
  });

  it('leaves nothing of a deleted source to come back', async () => {
    const { dir, session } = await journaled();
    await session.addSource(sourceFile('s2', TEXT));
    await code(session, 's2', 'la città');
    await session.deleteSource('s2');
    const copy = await crashCopy(dir);
    await session.close();
    const reopened = await openProject(copy, { evaluator: ANNA });
    expect(reopened.project.sources.map((s) => s.id)).toEqual(['s1']);
    expect(await readdir(join(copy, 'codings')).catch(() => [])).not.toContain('s2');
    await reopened.close();
  });

  it('is read by the command line and by a colleague reading the folder', async () => {
    const { dir, session } = await journaled();
    await code(session, 's1', 'la città');
    // Anna's layer exists only in the journal.
    expect((await layerCodersOnDisk(dir, ['s1'])).get('s1')).toEqual([ANNA.id]);
    const folder = await readProjectFolder(dir);
    const layer = folder.theirs.layers.get('s1')?.get(ANNA.id);
    expect(layer?.codings.map((c) => c.codeId)).toEqual(['code-a']);
    await session.close();
  });
});
