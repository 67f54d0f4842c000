/**
 * The snapshot of project.json in the cache folder (project-snapshot.ts) and the open path that
 * uses it: a snapshot stands in for project.json only when it is of that very file; a stale,
 * damaged or missing one is ignored and made again, deleting the cache loses nothing, and a
 * project.json the cache does not vouch for is still checked in full. Also: a folder a crash left
 * with every kind of leftover at once is settled by one open (the folders are listed once).
 */
import { readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { projectCodec } from '../../../src/main/core/store/codecs';
import { stampOf } from '../../../src/main/core/store/file-stamp';
import { decodeSnapshot, encodeSnapshot } from '../../../src/main/core/store/project-snapshot';
import { openProject } from '../../../src/main/core/store/project-store';
import type { ProjectSession } from '../../../src/main/core/store/project-session';
import type { ProjectFile } from '../../../src/shared/model/project';
import { CURRENT_SCHEMA_VERSION } from '../../../src/shared/model/project';
import type { SourceFile } from '../../../src/shared/model/source';
import { newProject } from '../../helpers/store';

const ANNA = { id: 'ev-anna', name: 'Anna' };
/** Characters beyond Latin-1 (the snapshot escapes them), Latin-1 ones and a pair of surrogates. */
const TITLE = 'Valutazione – l’impatto del FSE 2021–2027 sulla città € 😀';

const projectPath = (dir: string) => join(dir, 'project.json');
const snapshotPath = (dir: string) => join(dir, 'cache', 'project.snapshot');
const fileValue = async (dir: string) => JSON.parse(await readFile(projectPath(dir), 'utf8'));

function transcript(id: string): SourceFile {
  const now = new Date().toISOString();
  return {
    ...{ id, title: `Intervista ${id} – “prima”`, kind: 'transcript', origin: 'typed' },
    ...{ fictional: false, text: 'INT-01: Com’è andata? Bene.\n', turns: [], codings: [] },
    ...{ memos: [], createdAt: now, updatedAt: now },
  };
}

/** A closed project whose title and sources have characters beyond Latin-1. */
async function savedProject(): Promise<string> {
  const { dir, session } = await newProject('Istantanea', { evaluator: ANNA });
  await session.mutate((project) => {
    project.meta.title = TITLE;
  });
  await session.addSource(transcript('s1'));
  await session.addSource(transcript('s2'));
  await session.close();
  return dir;
}

/** What the snapshot on disk holds for project.json as it is now (undefined: none of it). */
async function snapshotNow(dir: string): Promise<unknown> {
  const bytes = await readFile(snapshotPath(dir)).catch(() => null);
  const stamp = await stampOf(projectPath(dir));
  return bytes && stamp ? decodeSnapshot(bytes, stamp) : undefined;
}

/** Opens `dir` as Anna, counting the full schema checks of project.json meanwhile. */
async function openCounting(dir: string): Promise<{ session: ProjectSession; checks: number }> {
  const spy = vi.spyOn(projectCodec, 'parse');
  try {
    const session = await openProject(dir, { evaluator: ANNA });
    const checks = spy.mock.calls.filter(([, path]) => path === projectPath(dir)).length;
    return { session, checks };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('the snapshot of project.json', () => {
  it('keeps every character: escapes beyond Latin-1, surrogates, control characters', async () => {
    const value = {
      title: TITLE,
      lone: 'a\ud800b\udfffc',
      controls: 'tab\tnewline\nnul\u0000 "quoted" back\\slash \\"',
      latin1: 'àèìòù ÿ ß © \u0080',
      'chiave – città': [1.5, -0, 1e21, null, true, { nested: '“virgolette” ∑ 𝄞', empty: '' }],
    };
    const stamp = (await stampOf(import.meta.filename))!;
    for (const json of [JSON.stringify(value), JSON.stringify(value, null, 2)]) {
      const bytes = encodeSnapshot(Buffer.from(json, 'utf8'), stamp)!;
      // Each byte of the payload is one character: the text is Latin-1, escapes included.
      const text = bytes.subarray(264).toString('latin1');
      expect(text.length).toBeLessThanOrEqual(JSON.stringify(value).length * 6);
      expect(JSON.stringify(decodeSnapshot(bytes, stamp))).toBe(JSON.stringify(value));
      // Of another file (or another version of this one): not used.
      expect(decodeSnapshot(bytes, { ...stamp, size: '1' })).toBeUndefined();
    }
    // With a byte-order mark, as an editor may write the file.
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(JSON.stringify(value)),
    ]);
    expect(JSON.stringify(decodeSnapshot(encodeSnapshot(bom, stamp)!, stamp))).toBe(
      JSON.stringify(value),
    );
  });

  it('rewrites any JSON text Campo may write to the same value (random texts)', async () => {
    const stamp = (await stampOf(import.meta.filename))!;
    let seed = 17;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = [
      'a',
      ' ',
      '"',
      '\\',
      '\n',
      '\u0001',
      'é',
      'ÿ',
      '’',
      '–',
      '€',
      '😀',
      '\ud83d',
      '{',
      ':',
    ];
    const text = () =>
      Array.from({ length: Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * 15)]).join(
        '',
      );
    const valueOf = (depth: number): unknown => {
      const pick = next();
      if (depth > 3 || pick < 0.3) return text();
      if (pick < 0.4) return Math.round(next() * 1e6) / 100;
      if (pick < 0.45) return next() < 0.5 ? null : true;
      if (pick < 0.7)
        return Array.from({ length: Math.floor(next() * 4) }, () => valueOf(depth + 1));
      return Object.fromEntries(
        Array.from({ length: Math.floor(next() * 4) }, () => [text(), valueOf(depth + 1)]),
      );
    };
    for (let round = 0; round < 300; round++) {
      const value = valueOf(0);
      const json = JSON.stringify(value, null, round % 2 ? 2 : undefined);
      const decoded = decodeSnapshot(encodeSnapshot(Buffer.from(json, 'utf8'), stamp)!, stamp);
      expect(JSON.stringify(decoded)).toBe(JSON.stringify(value));
    }
  });

  it('is not made of a text that is not the JSON Campo writes', async () => {
    const stamp = (await stampOf(import.meta.filename))!;
    // Not UTF-8; a character beyond ASCII outside a string; a string never closed.
    expect(encodeSnapshot(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), stamp)).toBeNull();
    expect(encodeSnapshot(Buffer.from('{"a": 1}\u00a0'), stamp)).toBeNull();
    expect(encodeSnapshot(Buffer.from('{"a": "b}'), stamp)).toBeNull();
  });

  it('is written at close, holds exactly what reading project.json gives, and is what the next open takes', async () => {
    const dir = await savedProject();
    const onDisk = await fileValue(dir);
    expect(JSON.stringify(await snapshotNow(dir))).toBe(JSON.stringify(onDisk));
    const { session, checks } = await openCounting(dir);
    // The file Campo wrote itself: trusted, so neither parsed again nor checked again.
    expect(checks).toBe(0);
    expect(JSON.stringify(session.project)).toBe(JSON.stringify(onDisk));
    expect(session.project.meta.title).toBe(TITLE);
    await session.close();
    // Proof that the open reads the snapshot: one labelled with this file's stamp but holding
    // another title is believed (which is why only Campo writes one, from the file itself).
    const stamp = (await stampOf(projectPath(dir)))!;
    const other = { ...onDisk, meta: { ...onDisk.meta, title: 'Dalla istantanea' } };
    await writeFile(snapshotPath(dir), encodeSnapshot(Buffer.from(JSON.stringify(other)), stamp)!);
    const fromSnapshot = await openProject(dir, { evaluator: ANNA });
    expect(fromSnapshot.project.meta.title).toBe('Dalla istantanea');
    await fromSnapshot.close();
  });

  it('follows the project.json a session saves: written again once it is saved and quiet', async () => {
    const dir = await savedProject();
    const session = await openProject(dir, { evaluator: ANNA });
    await session.mutate((project) => {
      project.meta.title = 'Rinominata – di nuovo';
    });
    expect(await snapshotNow(dir)).toBeUndefined();
    await session.close();
    expect(JSON.stringify(await snapshotNow(dir))).toBe(JSON.stringify(await fileValue(dir)));
    const again = await openProject(dir, { evaluator: ANNA });
    expect(again.project.meta.title).toBe('Rinominata – di nuovo');
    await again.close();
  });

  it('is ignored for a project.json changed outside Campo, renamed over or edited in place', async () => {
    const dir = await savedProject();
    // Renamed over, as an editor or a sync tool writes.
    const raw = (await fileValue(dir)) as ProjectFile;
    raw.meta.title = 'Corretto a mano';
    await writeFile(`${projectPath(dir)}.edit`, JSON.stringify(raw, null, 2));
    await rename(`${projectPath(dir)}.edit`, projectPath(dir));
    let opened = await openCounting(dir);
    expect(opened.checks).toBe(1);
    expect(opened.session.project.meta.title).toBe('Corretto a mano');
    await opened.session.close();
    // In place: same inode, same size, only the time differs; a broken title is refused.
    const text = await readFile(projectPath(dir), 'utf8');
    const before = await stat(projectPath(dir));
    const title = '"title": "Corretto a mano"';
    const broken = text.replace(title, '"title": ""'.padEnd(title.length, ' '));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeFile(projectPath(dir), broken);
    expect((await stat(projectPath(dir))).ino).toBe(before.ino);
    const refused = await openProject(dir, { evaluator: ANNA }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'PROJECT_CORRUPT' });
    // A valid edit in place is read, not the snapshot of the file before it.
    await writeFile(projectPath(dir), text.replace('Corretto a mano', 'Corretto di nuovo'));
    opened = await openCounting(dir);
    expect(opened.session.project.meta.title).toBe('Corretto di nuovo');
    await opened.session.close();
  });

  it('is ignored when damaged, and made again from project.json', async () => {
    const dir = await savedProject();
    const onDisk = await fileValue(dir);
    const good = await readFile(snapshotPath(dir));
    // One bit of the title ("Valutazione" → "Walutazione"): still JSON, the checksum fails.
    const flipped = Buffer.from(good);
    const at = flipped.indexOf('Valutazione \\u2013');
    flipped[at] = flipped[at]! ^ 0x01;
    const damages: Array<[string, Buffer]> = [
      ['one bit flipped', flipped],
      ['cut short', good.subarray(0, good.length - 100)],
      ['empty', Buffer.alloc(0)],
      ['zeros', Buffer.alloc(good.length)],
      ['not a snapshot', Buffer.from('{"project": "json"}')],
    ];
    for (const [what, bytes] of damages) {
      await writeFile(snapshotPath(dir), bytes);
      const session = await openProject(dir, { evaluator: ANNA });
      expect(JSON.stringify(session.project), what).toBe(JSON.stringify(onDisk));
      await session.close();
      expect(JSON.stringify(await snapshotNow(dir)), what).toBe(JSON.stringify(onDisk));
    }
  });

  it('is rebuilt with the rest of the cache folder, whose loss loses nothing', async () => {
    const dir = await savedProject();
    const onDisk = await fileValue(dir);
    await rm(join(dir, 'cache'), { recursive: true });
    const { session, checks } = await openCounting(dir);
    // Nothing vouches for project.json any more: checked in full.
    expect(checks).toBe(1);
    expect(JSON.stringify(session.project)).toBe(JSON.stringify(onDisk));
    await session.close();
    expect(JSON.stringify(await snapshotNow(dir))).toBe(JSON.stringify(onDisk));
  });

  it('is checked by the schema like the file itself when the cache does not vouch for it', async () => {
    const dir = await savedProject();
    // As a crash leaves it: the caches' state not clean, the snapshot still of this file.
    const statePath = join(dir, 'cache', 'state.json');
    const state = JSON.parse(await readFile(statePath, 'utf8'));
    await writeFile(statePath, JSON.stringify({ ...state, clean: false }));
    expect(await snapshotNow(dir)).toBeDefined();
    const { session, checks } = await openCounting(dir);
    expect(checks).toBe(1);
    expect(JSON.stringify(session.project)).toBe(JSON.stringify(await fileValue(dir)));
    await session.close();
  });
});

describe('opening a folder a crash left with every kind of leftover at once', () => {
  it('clears the temp files, puts back a deletion not saved and adopts an orphan source', async () => {
    const dir = await savedProject();
    const sources = join(dir, 'sources');
    // s2's deletion was cut short before project.json (still listing s2) was saved.
    await rename(join(sources, 's2.json'), join(sources, 's2.deleted.json'));
    // A source written whose listing in project.json was never saved.
    const orphan = { ...transcript('s3'), schemaVersion: CURRENT_SCHEMA_VERSION };
    await writeFile(join(sources, 's3.json'), JSON.stringify(orphan));
    // Temp files of interrupted writes, and a stale lock set aside.
    await writeFile(join(dir, '.project.json.123.1.tmp'), '{');
    await writeFile(join(sources, '.s1.json.123.2.tmp'), '{');
    await writeFile(join(dir, '.lock.stale-1234'), '{}');
    await writeFile(join(dir, 'cache', '.project.snapshot.123.3.tmp'), 'PJS1');
    const session = await openProject(dir, { evaluator: ANNA });
    expect(session.project.sources.map((summary) => summary.id)).toEqual(['s1', 's2', 's3']);
    expect(session.notices).toContainEqual({ kind: 'orphan-sources-recovered', count: 1 });
    expect((await session.readSource('s2')).title).toBe('Intervista s2 – “prima”');
    expect((await readdir(sources)).sort()).toEqual(['s1.json', 's2.json', 's3.json']);
    expect((await readdir(dir)).filter((name) => name.startsWith('.'))).toEqual(['.lock']);
    expect((await readdir(join(dir, 'cache'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await session.close();
    // The adoption was saved: the next open finds nothing to settle.
    const again = await openProject(dir, { evaluator: ANNA });
    expect(again.notices).toEqual([]);
    expect(again.project.sources.map((summary) => summary.id)).toEqual(['s1', 's2', 's3']);
    await again.close();
  });
});
