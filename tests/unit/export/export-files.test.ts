import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFileName, writeExportFile } from '../../../src/main/core/export/export-files';
import { CampoError } from '../../../src/shared/ipc/errors';
import { projectCore, testCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp-dir';

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CampoError);
  return error as CampoError;
};

describe('writing an export to the user’s disk', () => {
  it('replaces an existing file whole and leaves no temporary file behind', async () => {
    const dir = await tempDir();
    const target = join(dir, 'Rapporto.docx');
    await writeFile(target, 'old content that is longer than the new one');
    await writeExportFile(target, Buffer.from('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['Rapporto.docx']);
  });

  it('refuses a file open in LibreOffice or Word, and a read-only file, changing nothing', async () => {
    const dir = await tempDir();
    const target = join(dir, 'Rapporto.docx');
    await writeFile(target, 'the evaluator’s edits');

    await writeFile(join(dir, '.~lock.Rapporto.docx#'), 'lock');
    const inLibreOffice = await refusal(writeExportFile(target, Buffer.from('x')));
    expect(inLibreOffice.code).toBe('TARGET_OPEN');
    expect(inLibreOffice.details).toMatchObject({ app: 'LibreOffice', path: target });

    const wordDir = await tempDir();
    const wordTarget = join(wordDir, 'Rapporto finale.docx');
    await writeFile(wordTarget, 'x');
    await writeFile(join(wordDir, '~$pporto finale.docx'), 'owner');
    expect((await refusal(writeExportFile(wordTarget, Buffer.from('y')))).details).toMatchObject({
      app: 'Word',
    });

    const readOnly = join(await tempDir(), 'Protetto.docx');
    await writeFile(readOnly, 'kept');
    await chmod(readOnly, 0o444);
    expect((await refusal(writeExportFile(readOnly, Buffer.from('z')))).code).toBe(
      'TARGET_READ_ONLY',
    );
    expect(await readFile(readOnly, 'utf8')).toBe('kept');
    expect(await readFile(target, 'utf8')).toBe('the evaluator’s edits');
  });

  it('refuses a folder and a missing folder with the path in the error', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'cartella.docx'));
    expect(
      (await refusal(writeExportFile(join(dir, 'cartella.docx'), Buffer.from('x')))).code,
    ).toBe('PERMISSION_DENIED');
    const missing = join(dir, 'non-esiste', 'r.docx');
    const error = await refusal(writeExportFile(missing, Buffer.from('x')));
    expect(error.code).toBe('PATH_NOT_FOUND');
  });

  it('names files after the title without characters file systems refuse', () => {
    expect(exportFileName('Rapporto 2021: POR/FSE "bozza"?', 'docx')).toBe(
      'Rapporto 2021 POR FSE bozza.docx',
    );
    expect(exportFileName('...', 'xlsx')).toBe('Campo.xlsx');
  });
});

describe('export handlers', () => {
  it('build the demo report with progress, as bytes for a download or into a chosen file', async () => {
    // The desktop app: a file is written only where the user chose in the save dialog.
    const target = join(await tempDir(), 'Dati.xlsx');
    const { core, events } = await testCore({ savePath: () => target });
    const { dispatch } = await import('../../../src/main/core/dispatch');
    const { createLogger } = await import('../../../src/main/core/logger');
    const call = async (name: string, args: unknown) => {
      const answer = await dispatch(
        core.handlers,
        name as never,
        args as never,
        createLogger(null),
      );
      if (!answer.ok) throw new Error(answer.error.code);
      return answer.value as never;
    };
    await call('projectOpenDemo', {});
    const settings = { sections: ['cover', 'ngt', 'participants'], includeNames: true };

    const outline: { headings: Array<{ text: string }>; tables: number; figures: number } =
      await call('reportOutline', { settings });
    expect(outline.headings.map((h) => h.text)).toEqual([
      '1. Risultati delle sessioni di Nominal Group Technique',
      'NGT-01 – Quali pratiche di collaborazione nel partenariato andrebbero mantenute o rafforzate nella programmazione 2021-2027?',
      'Allegato 1 – Partecipanti',
    ]);
    expect([outline.tables, outline.figures]).toEqual([2, 1]);

    const download: { data: string; fileName: string; bytes: number; path: null } = await call(
      'reportExport',
      { settings, target: null },
    );
    expect(download.fileName).toBe(
      'Rapporto Annuale di Valutazione 2021 – POR FSE Lombardia (demo).docx',
    );
    const bytes = Buffer.from(download.data, 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.length).toBe(download.bytes);
    const fractions = events
      .filter((e) => e.event === 'exportProgress')
      .map((e) => (e.payload as { fraction: number }).fraction);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.length).toBeGreaterThan(3);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);

    expect(await call('dialogSavePath', { fileName: 'Dati.xlsx', extension: 'xlsx' })).toBe(target);
    const saved: { path: string; data: null } = await call('workbookExport', {
      language: 'en',
      target,
    });
    expect(saved).toMatchObject({ path: target, data: null });
    expect((await readFile(target)).subarray(0, 2).toString()).toBe('PK');
  });

  it('keep the composer’s choices in the project, never the real-names option', async () => {
    const { call, dir } = await projectCore();
    const kept = await call('reportSettingsSave', {
      settings: { sections: ['premessa', 'method'], title: 'Bozza RAV', includeNames: true },
    });
    expect(kept).toMatchObject({
      sections: ['premessa', 'method'],
      title: 'Bozza RAV',
      includeNames: false,
    });
    await call('projectClose', {});
    const reopened = await call('projectOpen', { path: dir });
    expect(reopened.project.report).toMatchObject({ title: 'Bozza RAV', includeNames: false });
  });
});
