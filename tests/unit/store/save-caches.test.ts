/**
 * What a coding save keeps between saves (the views of unchanged codings, each layer's encoded
 * lines, the codings index, the undo delta the store reports) must never go stale. After every
 * step of long sequences (apply, unite, remove, memo, undo, redo, another window's rebase, a text
 * correction, a source with several coders) the files on disk must be exactly what the plain
 * serializer writes for them, the session's view exactly what a fresh read assembles, and undo
 * must put back exactly what was there.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/core/dispatch';
import { createLogger } from '../../../src/main/core/logger';
import { layerCodec, sourceCodec } from '../../../src/main/core/store/codecs';
import { serializeLayer, viewOf } from '../../../src/main/core/store/layers';
import { SourceStore } from '../../../src/main/core/store/source-store';
import type { HandlerArgs, HandlerName, HandlerResult } from '../../../src/shared/ipc/contract';
import type { Coding, SourceFile } from '../../../src/shared/model/source';
import { projectCore, testCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp-dir';
import { writeTwoCoderProject } from '../../helpers/two-coders';

type Call = <K extends HandlerName>(name: K, args: HandlerArgs<K>) => Promise<HandlerResult<K>>;

/**
 * Every layer file of a source on disk is what `serializeLayer` writes for it, and the view is
 * what a reader without the lock assembles from those files and the coding journal.
 */
async function expectOnDisk(dir: string, source: SourceFile): Promise<void> {
  const doc = sourceCodec.parse(
    JSON.parse(await readFile(join(dir, 'sources', `${source.id}.json`), 'utf8')),
    'source',
  );
  const folder = join(dir, 'codings', source.id);
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names.filter((file) => file.endsWith('.json')).sort()) {
    const text = await readFile(join(folder, name), 'utf8');
    const layer = layerCodec.parse(JSON.parse(text), name);
    expect(text, `${name} as the serializer writes it`).toBe(serializeLayer(layer));
  }
  const reader = new SourceStore(dir, { readOnly: true });
  const layers = [...(await reader.layersOf(source.id)).values()];
  const fresh = viewOf(doc, layers).view;
  const byId = (codings: readonly Coding[]) =>
    [...codings].sort((a, b) => a.id.localeCompare(b.id));
  expect(byId(source.codings)).toEqual(byId(fresh.codings));
  expect(source.memos).toEqual(fresh.memos);
  expect(source.text).toBe(fresh.text);
  // The session's list is in position order, as a fresh one is.
  const positions = source.codings.map((coding) => [coding.start, coding.end]);
  expect(positions).toEqual(fresh.codings.map((coding) => [coding.start, coding.end]));
}

/** The codings as a user sees them: revisions and stamps aside. */
function content(source: SourceFile) {
  return source.codings
    .map(({ rev: _rev, updatedAt: _at, updatedBy: _by, ...fields }) => fields)
    .sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
}

/** A transcript of `words` words, and the span of its n-th word. */
function transcript(words: number) {
  const vocabulary = ['bando', 'città', 'Regione', 'ritardi', 'personale', 'formazione', 'tavolo'];
  const list = Array.from({ length: words }, (_, i) => `${vocabulary[i % 7]}${i}`);
  const text = list.join(' ');
  const starts: number[] = [];
  let at = 0;
  for (const word of list) {
    starts.push(at);
    at += word.length + 1;
  }
  const span = (from: number, to = from) => ({
    start: starts[from]!,
    end: starts[to]! + list[to]!.length,
  });
  return { text, span };
}

/** A step, then the disk checked against a fresh read. */
async function step<R>(call: Call, dir: string, sourceId: string, work: () => Promise<R>) {
  const result = await work();
  await expectOnDisk(dir, await call('sourceGet', { id: sourceId }));
  return result;
}

describe('a coding save keeps only what stays true', () => {
  it('writes, after every step of a long sequence, what a fresh read and the serializer give', async () => {
    const { call, core, dir, as } = await projectCore();
    const other = as('tab-b');
    const { text, span } = transcript(400);
    const source = await call('transcriptImport', {
      title: 'Focus group',
      origin: 'typed',
      text,
      turns: [],
      sessionId: null,
    });
    const codes: Array<{ id: string }> = [];
    for (const name of ['Ritardi', 'Governance', 'Esiti']) {
      codes.push({ id: (await call('codeAdd', { name, parentId: null })).createdCodeId! });
    }
    const id = source.id;
    const check = <R>(work: () => Promise<R>) => step(call, dir, id, work);
    // Forty codings spread over the text, in no particular order.
    for (let i = 0; i < 40; i++) {
      const word = (i * 37) % 390;
      await check(() =>
        call('codingApply', { sourceId: id, codeId: codes[i % 3]!.id, ...span(word) }),
      );
    }
    // A coding over two of the same code: the three are united (two removed, one replaced).
    const seen = await call('sourceGet', { id });
    const a = seen.codings.find((c) => c.codeId === codes[0]!.id)!;
    const b = seen.codings.find((c) => c.codeId === codes[0]!.id && c.start > a.end + 50)!;
    const united = await check(() =>
      call('codingApply', { sourceId: id, codeId: codes[0]!.id, start: a.start, end: b.end }),
    );
    expect(united.sources[0]!.removed.length).toBeGreaterThan(0);
    // Memo, key, boundaries, removal in the middle, then undo and redo of each.
    const target = (await call('sourceGet', { id })).codings[20]!;
    await check(() =>
      call('codingUpdate', { sourceId: id, codingId: target.id, patch: { memo: 'Perché? 🤔' } }),
    );
    await check(() =>
      call('codingUpdate', { sourceId: id, codingId: target.id, patch: { key: true } }),
    );
    await check(() =>
      call('codingUpdate', {
        sourceId: id,
        codingId: target.id,
        patch: { start: target.start, end: target.end + 5 },
      }),
    );
    const middle = (await call('sourceGet', { id })).codings[10]!;
    await check(() => call('codingRemove', { sourceId: id, codingId: middle.id }));
    for (let i = 0; i < 5; i++) await check(() => call('codingUndo', {}));
    for (let i = 0; i < 3; i++) await check(() => call('codingRedo', {}));
    // Another window edits a coding from the revision it showed: the two edits are merged.
    const shown = (await other.call('sourceGet', { id })).codings[5]!;
    await check(() =>
      call('codingUpdate', { sourceId: id, codingId: shown.id, patch: { key: true } }),
    );
    await check(() =>
      other.call('codingUpdate', {
        sourceId: id,
        codingId: shown.id,
        patch: { memo: 'dalla finestra B' },
        baseRev: shown.rev,
      }),
    );
    const merged = (await call('sourceGet', { id })).codings.find((c) => c.id === shown.id)!;
    expect([merged.key, merged.memo]).toEqual([true, 'dalla finestra B']);
    // A text correction moves every coding after the edit; saves go on from the new text.
    const fixed = `Premessa. ${text}`;
    await check(() => call('sourceTextUpdate', { sourceId: id, text: fixed }));
    await check(() =>
      call('codingApply', { sourceId: id, codeId: codes[1]!.id, start: 0, end: 8 }),
    );
    await check(() => call('codingUndo', {}));
    await core.shutdown();
  });

  it('puts back exactly what each change replaced, and refuses when it changed since', async () => {
    const { call, core, dir, as } = await projectCore();
    const other = as('tab-b');
    const { text, span } = transcript(200);
    const source = await call('transcriptImport', {
      title: 'Intervista',
      origin: 'typed',
      text,
      turns: [],
      sessionId: null,
    });
    const id = source.id;
    const code = {
      id: (await call('codeAdd', { name: 'Ritardi', parentId: null })).createdCodeId!,
    };
    const check = <R>(work: () => Promise<R>) => step(call, dir, id, work);
    for (let i = 0; i < 30; i++) {
      await check(() => call('codingApply', { sourceId: id, codeId: code.id, ...span(i * 6) }));
    }
    const changes: Array<() => Promise<unknown>> = [
      // United with its two neighbours.
      () => call('codingApply', { sourceId: id, codeId: code.id, ...span(6, 18) }),
      async () => {
        const coding = (await call('sourceGet', { id })).codings[7]!;
        return call('codingRemove', { sourceId: id, codingId: coding.id });
      },
      async () => {
        const coding = (await call('sourceGet', { id })).codings[3]!;
        return call('codingUpdate', { sourceId: id, codingId: coding.id, patch: { memo: 'Nota' } });
      },
      () => call('codingInVivo', { sourceId: id, ...span(100, 101), parentId: null }),
    ];
    for (const change of changes) {
      const before = content(await call('sourceGet', { id }));
      await check(change);
      expect(content(await call('sourceGet', { id }))).not.toEqual(before);
      await check(() => call('codingUndo', {}));
      expect(content(await call('sourceGet', { id }))).toEqual(before);
      await check(() => call('codingRedo', {}));
      expect(content(await call('sourceGet', { id }))).not.toEqual(before);
    }
    // A coding this window changed is then edited in another window: undo refuses.
    const coding = (await call('sourceGet', { id })).codings[0]!;
    await check(() =>
      call('codingUpdate', { sourceId: id, codingId: coding.id, patch: { key: true } }),
    );
    const now = (await other.call('sourceGet', { id })).codings[0]!;
    await check(() =>
      other.call('codingUpdate', {
        sourceId: id,
        codingId: now.id,
        patch: { memo: 'B' },
        baseRev: now.rev,
      }),
    );
    const kept = content(await call('sourceGet', { id }));
    const { refusal } = as('local');
    expect((await refusal('codingUndo', {})).code).toBe('UNDO_CONFLICT');
    expect(content(await call('sourceGet', { id }))).toEqual(kept);
    await core.shutdown();
  });

  it('keeps every coder layer right on a source several evaluators coded', async () => {
    const { core } = await testCore();
    const fixture = await writeTwoCoderProject(await tempDir());
    const logger = createLogger(null);
    const call: Call = async (name, args) => {
      const answer = await dispatch(core.handlers, name, args, logger, { clientId: 'lead' });
      if (!answer.ok) throw new Error(`${name}: ${answer.error.code} ${answer.error.message}`);
      return answer.value as never;
    };
    const { project } = await call('projectOpen', { path: fixture.dir });
    const id = fixture.sourceId;
    const check = <R>(work: () => Promise<R>) => step(call, fixture.dir, id, work);
    const codeId = project.codes[0]!.id;
    // This evaluator's codings interleave with Anna's and Bruno's.
    for (const [start, end] of [
      [0, 10],
      [25, 45],
      [61, 70],
      [80, 99],
    ] as const) {
      await check(() => call('codingApply', { sourceId: id, codeId, start, end }));
    }
    const view = await call('sourceGet', { id });
    expect(new Set(view.codings.map((coding) => coding.coderId)).size).toBe(3);
    const mine = view.codings.filter((c) => c.coderId === view.codings.at(-1)!.coderId);
    await check(() =>
      call('codingUpdate', { sourceId: id, codingId: mine[1]!.id, patch: { memo: 'mia' } }),
    );
    // Another evaluator's coding edited here stays in their layer.
    const anna = view.codings.find((c) => c.coderId === 'anna-7f3a')!;
    await check(() =>
      call('codingUpdate', { sourceId: id, codingId: anna.id, patch: { key: true } }),
    );
    await check(() => call('codingRemove', { sourceId: id, codingId: mine[0]!.id }));
    for (let i = 0; i < 3; i++) await check(() => call('codingUndo', {}));
    await check(() => call('codingRedo', {}));
    await core.shutdown();
  });
});
