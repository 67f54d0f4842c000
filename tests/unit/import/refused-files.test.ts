import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDemoProject } from '../../../src/main/core/demo';
import { importTranscriptFiles } from '../../../src/main/core/import/import-transcripts';
import { findResourcesDir } from '../../../src/main/core/paths';
import { interviewDocx, zipBomb } from '../../helpers/files';
import { tempDir } from '../../helpers/temp-dir';

/** Every byte of project.json and every source file, to compare before and after. */
async function projectState(dir: string) {
  const sources = (await readdir(join(dir, 'sources'))).sort();
  return {
    project: await readFile(join(dir, 'project.json'), 'utf8'),
    sources: await Promise.all(
      sources.map(async (name) => [name, await readFile(join(dir, 'sources', name), 'utf8')]),
    ),
  };
}

describe('refused transcript files', () => {
  it('leave the project byte for byte as it was', async () => {
    const root = await tempDir();
    const session = await writeDemoProject(root, findResourcesDir());
    const dir = session.dir;
    await session.close();
    const docx = await interviewDocx();
    const files: Array<[string, Uint8Array]> = [
      ['troncato.docx', docx.subarray(0, docx.length - 300)],
      ['finto.docx', new TextEncoder().encode('solo testo')],
      ['travestito.vtt', docx],
      ['vuoto.txt', new Uint8Array()],
      ['bomba.docx', zipBomb()],
      ['enorme.txt', new Uint8Array(21 * 1024 * 1024).fill(0x61)],
      ['foto.jpg', new Uint8Array([0xff, 0xd8, 0xff])],
    ];
    for (const [name, bytes] of files) await writeFile(join(root, name), bytes);
    const before = await projectState(dir);

    const results = await importTranscriptFiles(
      dir,
      files.map(([name]) => join(root, name)),
    );
    expect(results.map((r) => [r.file, r.ok ? 'ok' : r.error.code])).toEqual([
      ['troncato.docx', 'FILE_DAMAGED'],
      ['finto.docx', 'FILE_TYPE_MISMATCH'],
      ['travestito.vtt', 'FILE_TYPE_MISMATCH'],
      ['vuoto.txt', 'FILE_EMPTY'],
      ['bomba.docx', 'FILE_DAMAGED'],
      ['enorme.txt', 'FILE_TOO_LARGE'],
      ['foto.jpg', 'FILE_TYPE_UNSUPPORTED'],
    ]);
    expect(await projectState(dir)).toEqual(before);
  });
});
