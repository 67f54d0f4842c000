/**
 * The REFI-QDA reference files (schemas, real exports) in ../shared/fixtures, read in place and
 * never copied into the repository, and the schema check the export tests run on them.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from './temp-dir';

/** ../shared/fixtures/refi-qda, from the repository's root. */
export const REFI_FIXTURES = join(process.cwd(), '..', 'shared', 'fixtures', 'refi-qda');

/** Validates `xml` against a schema of the fixtures with xmllint; fails (never skips) without it. */
export async function xmllint(
  xml: string,
  schema: 'Project.xsd' | 'Codebook.xsd',
): Promise<{ code: number; stderr: string }> {
  const file = join(await tempDir(), 'document.xml');
  await writeFile(file, xml, 'utf8');
  try {
    const { stderr } = await promisify(execFile)('xmllint', [
      '--noout',
      '--schema',
      join(REFI_FIXTURES, schema),
      file,
    ]);
    return { code: 0, stderr };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { code?: unknown; stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new Error('xmllint is not installed: install the apt package libxml2-utils', {
        cause: error,
      });
    }
    return { code: Number(failure.code), stderr: failure.stderr ?? String(error) };
  }
}
