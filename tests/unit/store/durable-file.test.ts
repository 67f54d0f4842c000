import { readdir, readFile, writeFile, chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonFile, writeFileDurable } from '../../../src/main/core/store/durable-file';
import { CampoError } from '../../../src/shared/ipc/errors';
import { tempDir } from '../../helpers/temp-dir';

describe('writeFileDurable', () => {
  it('replaces the content and leaves no temporary file behind', async () => {
    const dir = await tempDir();
    const target = join(dir, 'project.json');
    await writeFileDurable(target, '{"a":1}');
    await writeFileDurable(target, '{"a":2}');
    expect(await readFile(target, 'utf8')).toBe('{"a":2}');
    expect(await readdir(dir)).toEqual(['project.json']);
  });

  it('keeps the old content and explains when the folder is not writable', async () => {
    if (process.getuid?.() === 0) {
      // root ignores permissions; use a path whose parent is a file instead
      const dir = await tempDir();
      await writeFile(join(dir, 'file'), 'x');
      const error = await writeFileDurable(join(dir, 'file', 'project.json'), '{}').catch((e) => e);
      expect(error).toBeInstanceOf(CampoError);
      expect((error as CampoError).code).toBe('PATH_NOT_FOUND');
      return;
    }
    const dir = await tempDir();
    const locked = join(dir, 'locked');
    await mkdir(locked);
    await writeFile(join(locked, 'project.json'), 'old');
    await chmod(locked, 0o500);
    const error = await writeFileDurable(join(locked, 'project.json'), 'new').catch((e) => e);
    await chmod(locked, 0o700);
    expect((error as CampoError).code).toBe('PERMISSION_DENIED');
    expect(await readFile(join(locked, 'project.json'), 'utf8')).toBe('old');
  });
});

describe('readJsonFile', () => {
  it('tells missing, unparsable and valid files apart and tolerates a BOM', async () => {
    const dir = await tempDir();
    expect(await readJsonFile(join(dir, 'none.json'))).toEqual({ status: 'missing' });
    await writeFile(join(dir, 'bad.json'), '{"a": 1,');
    expect((await readJsonFile(join(dir, 'bad.json'))).status).toBe('unparsable');
    await writeFile(join(dir, 'empty.json'), '');
    expect(await readJsonFile(join(dir, 'empty.json'))).toEqual({
      status: 'unparsable',
      reason: 'empty file',
    });
    await writeFile(join(dir, 'bom.json'), '\uFEFF{"città":"Bergamo"}');
    expect(await readJsonFile(join(dir, 'bom.json'))).toEqual({
      status: 'ok',
      value: { città: 'Bergamo' },
    });
  });
});
