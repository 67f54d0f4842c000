import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli';
import { errorMessage } from '../../../src/shared/i18n';
import type { WireError } from '../../../src/shared/ipc/errors';
import { projectCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp-dir';

/** A codebook as ATLAS.ti 23 exports it: nested codes, colours, comments, and code groups. */
const ATLAS_QDC = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti Win 23.4.0">
  <Codes>
    <Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Barriere" color="#C42F2F" isCodable="true">
      <Description>Ostacoli all’accesso</Description>
      <Code guid="2FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Barriere: orari" isCodable="true"/>
      <Code guid="3FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Barriere: trasporti" isCodable="true"/>
    </Code>
    <Code guid="4FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Fattori abilitanti" color="#2F8FC4" isCodable="true"/>
  </Codes>
  <Sets>
    <Set guid="5FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Accesso ai servizi">
      <MemberCode targetGUID="2FF58B12-6F6F-4B0C-8BE5-BBDC91F55294"/>
      <MemberCode targetGUID="3FF58B12-6F6F-4B0C-8BE5-BBDC91F55294"/>
    </Set>
    <Set guid="6FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Da approfondire">
      <MemberCode targetGUID="3FF58B12-6F6F-4B0C-8BE5-BBDC91F55294"/>
      <MemberCode targetGUID="4FF58B12-6F6F-4B0C-8BE5-BBDC91F55294"/>
    </Set>
  </Sets>
</CodeBook>
`;

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('an ATLAS.ti codebook with code groups', () => {
  it('imports the codes and notes each group in the descriptions of its codes, instead of dropping it', async () => {
    const { call, core } = await projectCore();
    const result = await call('qdcImport', { fileName: 'atlas.qdc', data: base64(ATLAS_QDC) });
    expect(result).toMatchObject({
      added: 4,
      existing: 0,
      groups: [
        { name: 'Accesso ai servizi', codes: 2 },
        { name: 'Da approfondire', codes: 2 },
      ],
    });
    const byName = new Map(result.codes.map((code) => [code.name, code]));
    expect(byName.get('Barriere: trasporti')!.description).toBe(
      'Gruppi di codici: Accesso ai servizi, Da approfondire',
    );
    expect(byName.get('Fattori abilitanti')!.description).toBe('Gruppi di codici: Da approfondire');
    expect(byName.get('Barriere')!.description).toBe('Ostacoli all’accesso');
    // The same file again adds nothing and touches no description.
    const again = await call('qdcImport', { fileName: 'atlas.qdc', data: base64(ATLAS_QDC) });
    expect(again).toMatchObject({ added: 0, existing: 4 });
    expect(again.codes).toEqual(result.codes);
    // Ctrl+Z takes the import back in one step, named after the file.
    expect((await call('codingHistory', {})).undo).toBe('atlas.qdc');
    await call('codingUndo', {});
    expect((await call('projectCurrent', {}))!.project.codes).toEqual([]);
    await core.shutdown();
  });

  it('shows what an import would bring, by branch, before anything is written', async () => {
    const { call, core } = await projectCore();
    await call('codeAdd', { name: 'Fattori abilitanti', parentId: null });
    const before = (await call('projectCurrent', {}))!.project.codes;
    const preview = await call('qdcInspect', { fileName: 'atlas.qdc', data: base64(ATLAS_QDC) });
    expect(preview).toEqual({
      added: 3,
      existing: 1,
      // «Barriere» is new with its two children: one branch of three codes.
      branches: [{ name: 'Barriere', codes: 3 }],
      branchCount: 1,
      groups: [
        { name: 'Accesso ai servizi', codes: 2 },
        { name: 'Da approfondire', codes: 2 },
      ],
    });
    // Nothing written: the codebook and the undo history are as they were.
    expect((await call('projectCurrent', {}))!.project.codes).toEqual(before);
    expect((await call('codingHistory', {})).undo).not.toBe('atlas.qdc');
    const result = await call('qdcImport', { fileName: 'atlas.qdc', data: base64(ATLAS_QDC) });
    expect(result).toMatchObject({ added: preview.added, existing: preview.existing });
    await core.shutdown();
  });

  it('on the command line: `campo import qdc <project> <file>` prints the summary', async () => {
    const root = await tempDir();
    const out: string[] = [];
    const err: string[] = [];
    const cli = (args: string[]) =>
      runCli(args, {
        out: (line) => out.push(line),
        err: (line) => err.push(line),
        env: { CAMPO_CONFIG_DIR: join(root, 'config') },
      });
    await cli(['demo', join(root, 'Demo.campo')]);
    out.length = 0;
    await writeFile(join(root, 'atlas.qdc'), ATLAS_QDC);
    expect(await cli(['import', 'qdc', join(root, 'Demo.campo'), join(root, 'atlas.qdc')])).toBe(0);
    expect(out).toEqual([
      'Codebook importato: 4 codici nuovi, 0 già presenti.',
      '2 gruppi di codici annotati nella descrizione dei codici (Accesso ai servizi, Da approfondire): Campo non ha gruppi di codici.',
    ]);
    expect(err).toEqual([]);
    expect(await cli(['import', 'qdc', join(root, 'Demo.campo')])).toBe(2);
  });
});

describe('a damaged codebook', () => {
  /** The refusal of a .qdc given to the core. */
  async function refusalOf(text: string): Promise<WireError> {
    const { refusal, core } = await projectCore();
    const wire = await refusal('qdcImport', { fileName: 'atlas.qdc', data: base64(text) });
    await core.shutdown();
    return wire as WireError;
  }

  it('a truncated file: one language, and the line where the file stops', async () => {
    const cut = ATLAS_QDC.slice(0, ATLAS_QDC.indexOf('<Set guid="6FF'));
    const lines = cut.split('\n').length;
    const error = await refusalOf(cut);
    expect(error.code).toBe('FILE_DAMAGED');
    expect(errorMessage(error, 'en')).toBe(
      `The file atlas.qdc is damaged or unreadable (the file stops at line ${lines} before closing the element “CodeBook”: it is probably truncated). Nothing was changed.`,
    );
    expect(errorMessage(error, 'it')).toBe(
      `Il file atlas.qdc è danneggiato o illeggibile (il file si interrompe alla riga ${lines} prima di chiudere l’elemento «CodeBook»: probabilmente è troncato). Non è stato cambiato nulla.`,
    );
  });

  it('a file cut inside an attribute, and one with a broken tag in the middle', async () => {
    const midAttribute = ATLAS_QDC.slice(0, ATLAS_QDC.indexOf('name="Fattori') + 9);
    expect(errorMessage(await refusalOf(midAttribute), 'en')).toContain(
      `the file stops at line ${midAttribute.split('\n').length} before closing the element “CodeBook”`,
    );
    const broken = ATLAS_QDC.replace('</Code>\n    <Code guid="4FF', '</Cod>\n    <Code guid="4FF');
    const message = errorMessage(await refusalOf(broken), 'en');
    expect(message).toMatch(/\(invalid XML at line 8, column \d+\)/);
    expect(message).not.toMatch(/riga|alla|non valido/);
  });

  it('XML of another kind is refused in the user’s language', async () => {
    const other = await refusalOf('<?xml version="1.0"?><Report><Codes/></Report>');
    expect(errorMessage(other, 'en')).toContain(
      'not a REFI-QDA codebook (the element CodeBook is missing)',
    );
    expect(errorMessage(other, 'it')).toContain(
      'non è un codebook REFI-QDA (manca l’elemento CodeBook)',
    );
  });
});
