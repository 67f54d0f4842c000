import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readQdpx } from '../../../src/main/core/exchange/qdpx-read';
import { importCodebookInto, importQdpx } from '../../../src/main/core/exchange/qdpx-import';
import { createProject } from '../../../src/main/core/store/project-store';
import { ProjectSession } from '../../../src/main/core/store/project-session';
import { CampoError } from '../../../src/shared/ipc/errors';
import { tempDir } from '../../helpers/temp-dir';

const QDE = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Ostile">
  <CodeBook><Codes><Code guid="a0000000-0000-0000-0000-000000000001" name="Tema" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="b0000000-0000-0000-0000-000000000001" name="Uno" plainTextPath="internal://uno.txt">
      <PlainTextSelection guid="c0000000-0000-0000-0000-000000000001" startPosition="0" endPosition="5">
        <Coding guid="d0000000-0000-0000-0000-000000000001"><CodeRef targetGUID="a0000000-0000-0000-0000-000000000001"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <TextSource guid="b0000000-0000-0000-0000-000000000002" name="Due" plainTextPath="internal://due.txt"/>
  </Sources>
</Project>`;

async function zipOf(entries: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(entries)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Rewrites the uncompressed size an entry declares, in its local header and the directory. */
function declareSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const patched = Buffer.from(bytes);
  const encoded = Buffer.from(name);
  for (let i = 0; i + 4 <= patched.length; i += 1) {
    const signature = patched.readUInt32LE(i);
    const at = signature === 0x04034b50 ? 30 : signature === 0x02014b50 ? 46 : -1;
    if (at < 0 || !patched.subarray(i + at, i + at + encoded.length).equals(encoded)) continue;
    patched.writeUInt32LE(size, i + (signature === 0x04034b50 ? 22 : 24));
  }
  return new Uint8Array(patched);
}

const sessions: ProjectSession[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const session of sessions.splice(0)) await session.close();
});

/** Imports expecting a refusal; returns it after checking nothing was left in parentDir. */
async function refused(
  bytes: Uint8Array,
  limits?: Parameters<typeof importQdpx>[0]['limits'],
): Promise<CampoError> {
  const parentDir = await tempDir();
  const error = await importQdpx({ bytes, fileName: 'ostile.qdpx', parentDir, limits }).then(
    (result) => {
      sessions.push(result.session);
      throw new Error('imported');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CampoError);
  expect(await readdir(parentDir)).toEqual([]);
  return error as CampoError;
}

describe('hostile archives are refused and leave nothing behind', () => {
  it('zip slip: ../../evil.txt', async () => {
    const error = await refused(await zipOf({ 'project.qde': QDE, '../../evil.txt': 'x' }));
    expect(error.code).toBe('FILE_DAMAGED');
    expect(error.details?.reason).toMatch(/percorso non ammesso/);
  });

  it('absolute paths: /etc/passwd, C:\\x, \\\\server\\share', async () => {
    for (const name of ['/etc/passwd', 'C:\\x.txt', '\\\\server\\share\\x.txt']) {
      const error = await refused(await zipOf({ 'project.qde': QDE, [name]: 'root:x:0:0' }));
      expect([error.code, error.details?.reason]).toEqual([
        'FILE_DAMAGED',
        expect.stringMatching(/percorso non ammesso/),
      ]);
    }
  });

  it('an entry declared above its cap', async () => {
    const bytes = await zipOf({ 'project.qde': QDE, 'sources/uno.txt': 'a'.repeat(100_000) });
    const error = await refused(bytes, { sourceBytes: 64 * 1024 });
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.details?.file).toMatch(/uno\.txt/);
  });

  it('a zip bomb that lies about its size', async () => {
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const bytes = declareSize(
      await zipOf({ 'project.qde': QDE, 'sources/uno.txt': zeros }),
      'sources/uno.txt',
      1_000,
    );
    expect(bytes.length).toBeLessThan(20_000);
    const error = await refused(bytes);
    expect(error.code).toBe('FILE_DAMAGED');
    expect(error.details?.reason).toMatch(/più grande di quanto dichiara/);
  });

  it('a zip bomb whose entries together pass the cap', async () => {
    const text = 'bla '.repeat(150_000);
    const bytes = await zipOf({
      'project.qde': QDE,
      'sources/uno.txt': text,
      'sources/due.txt': text,
    });
    const error = await refused(bytes, { totalBytes: 1024 * 1024 });
    expect(error.details?.reason).toBe('contenuto decompresso troppo grande');
  });

  it('a zip declaring more than the import cap in total', async () => {
    const bytes = declareSize(
      await zipOf({ 'project.qde': QDE, 'sources/uno.txt': 'ciao' }),
      'sources/uno.txt',
      300 * 1024 * 1024,
    );
    expect((await refused(bytes)).code).toBe('FILE_DAMAGED');
  });

  it('XML with a DOCTYPE (billion laughs)', async () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE Project [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
]>
<Project xmlns="urn:QDA-XML:project:1.0" name="&lol2;"/>`;
    const error = await refused(await zipOf({ 'project.qde': laughs }));
    expect([error.code, error.details?.reason]).toEqual([
      'FILE_DAMAGED',
      'il file XML contiene una dichiarazione DOCTYPE o ENTITY: non viene aperto',
    ]);
  });

  it('XML with an ENTITY declaration', async () => {
    const xml = QDE.replace('<CodeBook>', '<!ENTITY xxe SYSTEM "file:///etc/passwd"><CodeBook>');
    const error = await refused(await zipOf({ 'project.qde': xml }));
    expect(error.details?.reason).toMatch(/DOCTYPE o ENTITY/);
  });

  it('a file that is not a zip, a truncated zip, a zip without .qde', async () => {
    expect((await refused(new TextEncoder().encode('<Project name="x"/>'))).code).toBe(
      'FILE_TYPE_MISMATCH',
    );
    const whole = await zipOf({ 'project.qde': QDE });
    expect((await refused(whole.subarray(0, whole.length - 30))).code).toBe('FILE_DAMAGED');
    const error = await refused(await zipOf({ 'sources/uno.txt': 'ciao', 'readme.md': 'x' }));
    expect([error.code, error.details?.expected]).toEqual([
      'FILE_TYPE_MISMATCH',
      'progetto REFI-QDA (.qdpx)',
    ]);
  });

  it('a failure after the project folder was created removes it', async () => {
    vi.spyOn(ProjectSession.prototype, 'addSource').mockRejectedValue(
      new CampoError('DISK_FULL', 'disk full'),
    );
    const bytes = await zipOf({ 'project.qde': QDE, 'sources/uno.txt': 'ciao mondo' });
    expect((await refused(bytes)).code).toBe('DISK_FULL');
  });

  it('never touches an existing project folder of the same name', async () => {
    const parentDir = await tempDir();
    await mkdir(join(parentDir, 'Ostile.campo'));
    await writeFile(join(parentDir, 'Ostile.campo', 'mio.txt'), 'dati');
    const bytes = await zipOf({ 'project.qde': QDE, 'sources/uno.txt': 'ciao mondo' });
    // Named by the user: refused.
    await expect(
      importQdpx({ bytes, fileName: 'o.qdpx', parentDir, name: 'Ostile' }),
    ).rejects.toMatchObject({ code: 'PROJECT_EXISTS' });
    expect(await readdir(join(parentDir, 'Ostile.campo'))).toEqual(['mio.txt']);
    // Named after the archive: a new folder beside it.
    const beside = await importQdpx({ bytes, fileName: 'o.qdpx', parentDir });
    sessions.push(beside.session);
    expect(beside.session.dir).toBe(join(parentDir, 'Ostile (2).campo'));
    expect(await readdir(join(parentDir, 'Ostile.campo'))).toEqual(['mio.txt']);
  });
});

describe('real-file quirks are accepted', () => {
  async function imported(entries: Record<string, string | Uint8Array>) {
    const result = await importQdpx({
      bytes: await zipOf(entries),
      fileName: 'strano.qdpx',
      parentDir: await tempDir(),
    });
    sessions.push(result.session);
    const texts = await Promise.all(
      result.session.project.sources.map(async (s) => (await result.session.readSource(s.id)).text),
    );
    return { ...result, texts };
  }

  it('a BOM and CRLF in project.qde (NVivo for Windows)', async () => {
    const { summary, texts } = await imported({
      'project.qde': `\uFEFF${QDE.replace(/\n/g, '\r\n')}`,
      'sources/uno.txt': '\uFEFFciao mondo',
      'sources/due.txt': 'due',
    });
    expect(texts).toEqual(['ciao mondo', 'due']);
    expect([summary.codings, summary.unplaced]).toEqual([1, 0]);
  });

  it('a Sources/ folder with a capital S', async () => {
    const { texts, summary } = await imported({
      'project.qde': QDE,
      'Sources/uno.txt': 'ciao mondo',
      'Sources/due.txt': 'due',
    });
    expect(texts).toEqual(['ciao mondo', 'due']);
    expect(summary.skippedSources).toBe(0);
  });

  it('the inner XML named after the project (ATLAS.ti 26)', async () => {
    const { session, summary } = await imported({
      'Other Name.qde': QDE,
      'sources/uno.txt': 'ciao mondo',
    });
    expect(session.project.meta.title).toBe('Ostile');
    // due.txt is absent: that source is skipped, not the archive refused.
    expect(summary).toMatchObject({ sources: 1, skippedSources: 1, codings: 1 });
    expect(summary.skipped).toEqual([{ name: 'Due', reason: 'missing' }]);
  });

  it('a Windows-1252 text source', async () => {
    const bytes = new Uint8Array([0x80, 0x20, 0x63, 0x69, 0x74, 0x74, 0xe0]); // "€ città"
    const { texts } = await imported({ 'project.qde': QDE, 'sources/uno.txt': bytes });
    expect(texts).toEqual(['€ città']);
  });

  it('a codebook in the old 0.4 namespace', async () => {
    const session = await createProject({ parentDir: await tempDir(), name: 'Codebook' });
    sessions.push(session);
    const qdc = `<?xml version="1.0"?>\r\n<CodeBook xmlns="urn:QDA-XML:codebook:0:4"><Codes><Code guid="10000000-0000-0000-0000-000000000001" name="Vecchio" isCodable="true"/></Codes></CodeBook>`;
    const result = await importCodebookInto(session, {
      bytes: new TextEncoder().encode(qdc),
      fileName: 'vecchio.qdc',
    });
    expect(result).toEqual({ added: 1, existing: 0, groups: [] });
    expect(session.project.codes.map((code) => code.name)).toEqual(['Vecchio']);
  });

  it('readQdpx alone writes nothing and reports unreadable sources', async () => {
    const contents = await readQdpx(await zipOf({ 'project.qde': QDE }), 'solo.qdpx');
    expect([...contents.unreadable.values()]).toEqual(['missing', 'missing']);
    expect(contents.texts.size).toBe(0);
  });
});
