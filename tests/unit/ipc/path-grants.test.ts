import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { dispatch } from '../../../src/main/core/dispatch';
import { createCore } from '../../../src/main/core/handlers';
import { PathGrants } from '../../../src/main/core/handlers/path-grants';
import { createLogger } from '../../../src/main/core/logger';
import { findResourcesDir } from '../../../src/main/core/paths';
import { SettingsStore } from '../../../src/main/core/settings';
import { qdpxArchive } from '../../../src/main/core/exchange/qdpx-export';
import { errorMessage } from '../../../src/shared/i18n';
import type { HandlerArgs, HandlerName, HandlerResult } from '../../../src/shared/ipc/contract';
import type { Envelope } from '../../../src/shared/ipc/errors';
import { defaultReportSettings } from '../../../src/shared/report/model';
import { testCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp-dir';

const logger = createLogger(null);

/** A desktop core whose native dialogs answer with what the test puts in `answers`. */
async function desktopCore() {
  const root = await tempDir();
  const answers = {
    folder: null as string | null,
    open: null as string | null,
    save: null as string | null,
  };
  const core = createCore({
    host: 'electron',
    settings: await SettingsStore.load(join(root, 'config')),
    defaultProjectsDir: join(root, 'projects'),
    resourcesDir: findResourcesDir(),
    logger,
    emit: () => undefined,
    pickFolder: async () => answers.folder,
    pickOpenFile: async () => answers.open,
    pickSavePath: async () => answers.save,
  });
  // Closed before the temp folder goes: a snapshot may still be under way.
  onTestFinished(() => core.shutdown());
  const call = <K extends HandlerName>(name: K, args: HandlerArgs<K>) =>
    dispatch(core.handlers, name, args, logger) as Promise<Envelope<HandlerResult<K>>>;
  return { root, answers, call, projectsDir: join(root, 'projects'), shutdown: core.shutdown };
}

/** A .qdpx of a small project, as bytes. */
async function someQdpx(): Promise<Buffer> {
  const { call, projectsDir } = await desktopCore();
  const created = await call('projectCreate', { name: 'Sorgente', parentDir: projectsDir });
  expect(created.ok).toBe(true);
  if (!created.ok) throw new Error('not created');
  const { bytes } = await qdpxArchive({
    project: created.value.project,
    readSource: async () => null,
    userName: 'x',
  });
  return Buffer.from(bytes);
}

describe('paths from the renderer (desktop app)', () => {
  it('write an export only where the user chose in the save dialog, once', async () => {
    const { root, answers, call, projectsDir } = await desktopCore();
    await call('projectCreate', { name: 'Rapporto', parentDir: projectsDir });
    // A dotfile the renderer should never be able to overwrite with DOCX bytes.
    const dotfile = join(root, '.bashrc');
    await writeFile(dotfile, 'export PATH=$HOME/bin:$PATH\n');
    const settings = defaultReportSettings('it');
    const forged = await call('reportExport', { settings, target: dotfile });
    expect(forged).toMatchObject({ ok: false, error: { code: 'PATH_NOT_GRANTED' } });
    expect(await readFile(dotfile, 'utf8')).toBe('export PATH=$HOME/bin:$PATH\n');
    if (!forged.ok) {
      expect(errorMessage(forged.error, 'en')).toContain(
        'choose it in the system’s Open or Save dialog',
      );
    }

    answers.save = join(root, 'Rapporto.docx');
    const picked = await call('dialogSavePath', { fileName: 'Rapporto.docx', extension: 'docx' });
    expect(picked).toEqual({ ok: true, value: answers.save });
    const written = await call('reportExport', { settings, target: answers.save });
    expect(written).toMatchObject({ ok: true, value: { path: answers.save } });
    expect((await readFile(answers.save)).subarray(0, 2).toString()).toBe('PK');
    // The grant was for that one export.
    const again = await call('workbookExport', { language: 'it', target: answers.save });
    expect(again).toMatchObject({ ok: false, error: { code: 'PATH_NOT_GRANTED' } });
  });

  it('read an archive only when the user chose it in the open dialog', async () => {
    const { root, answers, call } = await desktopCore();
    const archive = join(root, 'progetto.qdpx');
    await writeFile(archive, await someQdpx());
    const forged = await call('qdpxImport', { fileName: 'passwd', path: '/etc/passwd' });
    expect(forged).toMatchObject({ ok: false, error: { code: 'PATH_NOT_GRANTED' } });
    const unasked = await call('qdpxImport', { fileName: 'progetto.qdpx', path: archive });
    expect(unasked).toMatchObject({ ok: false, error: { code: 'PATH_NOT_GRANTED' } });

    answers.open = archive;
    expect(await call('dialogOpenFile', { extensions: ['qdpx'] })).toEqual({
      ok: true,
      value: archive,
    });
    const imported = await call('qdpxImport', { fileName: 'progetto.qdpx', path: archive });
    expect(imported).toMatchObject({ ok: true });
  });

  it('refuse a package larger than a package can be before reading it, however it is opened', async () => {
    const { root, answers, call, projectsDir } = await desktopCore();
    await call('projectCreate', { name: 'Squadra', parentDir: projectsDir });
    // 1.1 GB on paper, nothing on disk (sparse): reading it would be the mistake.
    const huge = join(root, 'enorme.campopkg');
    await writeFile(huge, '');
    await truncate(huge, 1_100 * 1024 * 1024);
    for (const name of ['teamPackageOpen', 'teamMergePreview'] as const) {
      answers.open = huge;
      await call('dialogOpenFile', { extensions: ['campopkg'] });
      const refused = await call(name, { fileName: 'enorme.campopkg', path: huge } as never);
      expect(refused, name).toMatchObject({
        ok: false,
        error: { code: 'FILE_TOO_LARGE', details: { file: 'enorme.campopkg' } },
      });
    }
  });

  it('open or create projects in folders the user picked, knew, or the default one', async () => {
    const { root, answers, call, projectsDir, shutdown } = await desktopCore();
    const elsewhere = await tempDir();
    const typed = await call('projectCreate', { name: 'Altrove', parentDir: elsewhere });
    expect(typed).toMatchObject({ ok: false, error: { code: 'PATH_NOT_GRANTED' } });

    answers.folder = elsewhere;
    await call('dialogPickFolder', {});
    const created = await call('projectCreate', { name: 'Altrove', parentDir: elsewhere });
    expect(created.ok).toBe(true);
    const inDefault = await call('projectCreate', { name: 'Solito', parentDir: projectsDir });
    expect(inDefault.ok).toBe(true);

    // Both are recent projects now: reopening them needs no dialog.
    if (!created.ok) return;
    expect((await call('projectOpen', { path: created.value.path })).ok).toBe(true);
    expect((await call('backupList', { path: created.value.path })).ok).toBe(true);
    // A folder nobody chose is refused, whatever it holds.
    const stranger = await call('projectOpen', { path: root });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'PATH_NOT_GRANTED' } });
    const restore = await call('backupRestore', { path: root, backupId: 'x' });
    expect(restore).toMatchObject({ ok: false, error: { code: 'PATH_NOT_GRANTED' } });
    // The in-app folder browser is browser mode's; the desktop app does not list folders.
    expect(await call('foldersList', { path: '/' })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED' },
    });
    // Closed before `elsewhere` is removed: its project may still be taking a snapshot.
    await shutdown();
  });
});

describe('paths from the renderer (browser mode)', () => {
  it('accept no file path: uploads in, downloads out', async () => {
    const { core, projectsDir, root } = await testCore();
    onTestFinished(() => core.shutdown());
    const call = <K extends HandlerName>(name: K, args: HandlerArgs<K>) =>
      dispatch(core.handlers, name, args, logger);
    await call('projectCreate', { name: 'Browser', parentDir: projectsDir });
    const target = join(root, 'x.docx');
    const forged = await call('reportExport', { settings: defaultReportSettings('it'), target });
    expect(forged).toMatchObject({ ok: false, error: { code: 'PATH_NOT_GRANTED' } });
    const download = await call('reportExport', {
      settings: defaultReportSettings('it'),
      target: null,
    });
    expect(download).toMatchObject({ ok: true, value: { path: null } });
    const byPath = await call('qdpxImport', { fileName: 'p.qdpx', path: '/etc/passwd' });
    expect(byPath).toMatchObject({ ok: false, error: { code: 'PATH_NOT_GRANTED' } });
    const upload = await call('qdpxImport', {
      fileName: 'p.qdpx',
      data: (await someQdpx()).toString('base64'),
    });
    expect(upload.ok).toBe(true);
  });
});

describe('PathGrants', () => {
  it('forget a dialog answer after ten minutes; a file answer serves once', () => {
    let now = 0;
    const grants = new PathGrants(() => now);
    grants.grant('save-file', '/tmp/a.docx');
    grants.grant('folder', '/tmp/cartella');
    expect(grants.use('open-file', '/tmp/a.docx')).toBe(false);
    expect(grants.use('save-file', '/tmp/a.docx')).toBe(true);
    expect(grants.use('save-file', '/tmp/a.docx')).toBe(false);
    expect(grants.use('folder', '/tmp/cartella/')).toBe(true);
    expect(grants.use('folder', '/tmp/cartella')).toBe(true);
    now += 10 * 60_000;
    expect(grants.use('folder', '/tmp/cartella')).toBe(false);
  });
});
