/**
 * LibreOffice and poppler as test oracles: convert what Campo exports the way a user's office
 * suite would read it, then look at the text. `.ci/run` installs them; a machine without them
 * fails these tests with a message saying what to install, never skips silently.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where tests keep files for people to look at (page screenshots): `test-results/artefacts`. */
export const ARTEFACTS_DIR = join(process.cwd(), 'test-results', 'artefacts');

async function tool(command: string, args: string[], timeout = 120_000): Promise<string> {
  try {
    const { stdout } = await run(command, args, { timeout, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `${command} is missing: apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils`,
        { cause: error },
      );
    }
    throw error;
  }
}

/**
 * Converts `file` with LibreOffice (`soffice --headless --convert-to <filter>`) into `outDir`,
 * with a profile of its own so two conversions never share one. Returns the produced files.
 */
export async function convertWithOffice(
  file: string,
  filter: string,
  outDir: string,
): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const profile = await mkdtemp(join(tmpdir(), 'campo-lo-profile-'));
  try {
    const before = new Set(await readdir(outDir));
    await tool('soffice', [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      filter,
      '--outdir',
      outDir,
      file,
    ]);
    const produced = (await readdir(outDir)).filter((name) => !before.has(name));
    if (produced.length === 0) throw new Error(`LibreOffice produced nothing from ${file}`);
    return produced.map((name) => join(outDir, name));
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** A DOCX as PDF (LibreOffice), returning the PDF's path. */
export async function docxToPdf(docx: string, outDir: string): Promise<string> {
  const [pdf] = await convertWithOffice(docx, 'pdf', outDir);
  return pdf!;
}

/** The PDF's text with its layout kept (`pdftotext -layout`), pages split on form feeds. */
export async function pdfPages(pdf: string): Promise<string[]> {
  const text = await tool('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']);
  return text.split('\f').filter((page, index, all) => index < all.length - 1 || page.trim());
}

/** Renders page `page` (1-based) of a PDF as `<name>.png` in ARTEFACTS_DIR; returns its path. */
export async function pdfPagePng(pdf: string, page: number, name: string): Promise<string> {
  await mkdir(ARTEFACTS_DIR, { recursive: true });
  const prefix = join(ARTEFACTS_DIR, name);
  await tool('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdf,
    prefix,
  ]);
  return `${prefix}.png`;
}

/**
 * Every sheet of a workbook as CSV text (LibreOffice, UTF-8, comma-separated, all sheets), by
 * sheet name. Needs LibreOffice ≥ 7.2 for the "all sheets" option.
 */
export async function workbookAsCsv(xlsx: string, outDir: string): Promise<Map<string, string>> {
  // Filter options: separator 44 (,), quote 34 ("), charset 76 (UTF-8), first line 1, …, sheet -1.
  const produced = await convertWithOffice(
    xlsx,
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
    outDir,
  );
  const stem = basename(xlsx, extname(xlsx));
  const sheets = new Map<string, string>();
  for (const file of produced) {
    const name = basename(file, '.csv').slice(stem.length + 1);
    sheets.set(name, await readFile(file, 'utf8'));
  }
  return sheets;
}
