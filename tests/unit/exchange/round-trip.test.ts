/**
 * Export → import through the app's handlers: the same codes, sources, codings (same passages)
 * and cases come back, with emoji and CRLF in the text. And the command line's summary line.
 */
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import JSZip from 'jszip';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli';
import type { Code } from '../../../src/shared/model/project';
import { projectCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp-dir';

const TEXT =
  'Intervistatrice: Com’è andata? 😀\r\nINT-01: Città più vicina, perché il bando è arrivato tardi 👍🏽.\r\nINT-01: Però la rete ha tenuto & ha funzionato.\r\n';

/** Code paths ("Parent > Child") with their colour and description, sorted. */
const codeTree = (codes: readonly Code[]) => {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const path = (code: Code): string =>
    code.parentId ? `${path(byId.get(code.parentId)!)} > ${code.name}` : code.name;
  return codes.map((c) => `${path(c)} ${c.colour.toLowerCase()} ${c.description}`).sort();
};

describe('REFI-QDA round trip', () => {
  it('gives back the same codes, sources, codings and cases', async () => {
    const { call } = await projectCore();
    const participant = await call('participantAdd', {
      code: 'INT-01',
      name: 'Mario Rossi',
      organisation: 'Comune di Lodi',
      attributes: [
        { key: 'Anni di esperienza', type: 'number', value: 12 },
        { key: 'Capofila', type: 'boolean', value: true },
      ],
    });
    const parent = (await call('codeAdd', { name: 'Criticità', parentId: null })).createdCodeId!;
    const child = (await call('codeAdd', { name: 'Tempi 😀', parentId: parent })).createdCodeId!;
    await call('codeUpdate', { id: parent, patch: { description: 'Problemi & ritardi' } });
    const source = await call('transcriptImport', {
      title: 'Intervista INT-01',
      origin: 'txt',
      text: TEXT,
      turns: [
        {
          speaker: 'INT-01',
          start: TEXT.indexOf('INT-01'),
          end: TEXT.length,
          time: null,
          participantId: participant.id,
        },
      ],
      sessionId: null,
    });
    const passages = ['bando è arrivato tardi 👍🏽', 'la rete ha tenuto & ha funzionato', '😀'];
    for (const [index, passage] of passages.entries()) {
      const start = TEXT.indexOf(passage);
      await call('codingApply', {
        sourceId: source.id,
        codeId: index === 1 ? parent : child,
        start,
        end: start + passage.length,
      });
    }
    const before = (await call('projectCurrent', {}))!.project;

    await call('identitySet', { name: 'Chiara Lombardi', initials: 'CL' });
    const exported = await call('qdpxExport', { target: null });
    expect(exported.fileName).toMatch(/\.qdpx$/);
    // The file names the evaluator as the team knows her, never the computer's account.
    const zip = await JSZip.loadAsync(exported.data!, { base64: true });
    const qde = await zip.file('project.qde')!.async('string');
    expect([...qde.matchAll(/<User [^>]*name="([^"]*)"/g)].map((m) => m[1])).toEqual([
      'Chiara Lombardi',
    ]);
    expect(qde).not.toContain(`name="${userInfo().username}"`);
    const imported = await call('qdpxImport', {
      fileName: exported.fileName,
      data: exported.data!,
      parentDir: await tempDir(),
    });
    expect(imported.summary).toMatchObject({ sources: 1, codings: 3, unplaced: 0, cases: 1 });
    // The imported project is the open one now.
    expect((await call('projectCurrent', {}))!.path).toBe(imported.snapshot.path);
    // The same archive again: a second project beside the first, never over it.
    const again = await call('qdpxImport', {
      fileName: exported.fileName,
      data: exported.data!,
      parentDir: dirname(imported.snapshot.path),
    });
    expect(again.snapshot.path).not.toBe(imported.snapshot.path);
    expect(again.snapshot.path).toMatch(/\(2\)\.campo$/);
    const after = imported.snapshot.project;

    // The codebook, and the DV-less tree with colours and descriptions.
    expect(codeTree(after.codes)).toEqual(codeTree(before.codes));
    // The source's text exactly (CRLF and emoji), and every coding on the same passage.
    const [summary] = after.sources;
    const text = (await call('sourceGet', { id: summary!.id })).text;
    expect(text).toBe(TEXT);
    const codings = (await call('sourceGet', { id: summary!.id })).codings;
    const names = new Map(after.codes.map((c) => [c.id, c.name]));
    expect(
      codings.map((c) => [names.get(c.codeId), c.text, TEXT.slice(c.start, c.end)]).sort(),
    ).toEqual(
      [
        ['Tempi 😀', passages[0], passages[0]],
        ['Criticità', passages[1], passages[1]],
        ['Tempi 😀', passages[2], passages[2]],
      ].sort(),
    );
    // Her own codings come back into her own layer: one Chiara Lombardi in the team, not two.
    const chiara = after.evaluators.filter((member) => member.name === 'Chiara Lombardi');
    expect(chiara).toHaveLength(1);
    expect(new Set(codings.map((c) => c.coderId))).toEqual(new Set([chiara[0]!.id]));
    // The case: pseudonym and typed attributes, never the real name.
    expect(after.participants).toHaveLength(1);
    const [back] = after.participants;
    expect(back!.code).toBe(participant.code);
    expect(back!.name).toBe('');
    expect(back!.attributes).toEqual(
      expect.arrayContaining([
        { key: 'Anni di esperienza', type: 'number', value: 12 },
        { key: 'Capofila', type: 'boolean', value: true },
      ]),
    );
    expect(summary!.participantIds).toEqual([back!.id]);
  });

  it('runs from the command line with the summary line of the app', async () => {
    const dir = await tempDir();
    const io = { out: [] as string[], err: [] as string[] };
    const cli = (args: string[]) =>
      runCli(args, {
        out: (line) => io.out.push(line),
        err: (line) => io.err.push(line),
        env: { CAMPO_CONFIG_DIR: join(dir, 'config') },
      });
    expect(await cli(['demo', join(dir, 'Demo.campo')])).toBe(0);
    expect(await cli(['export', 'qdpx', join(dir, 'Demo.campo'), join(dir, 'demo.qdpx')])).toBe(0);
    expect(await cli(['export', 'qdc', join(dir, 'Demo.campo'), join(dir, 'demo.qdc')])).toBe(0);
    expect((await readFile(join(dir, 'demo.qdc'), 'utf8')).startsWith('<?xml')).toBe(true);
    expect(await cli(['import', 'qdpx', join(dir, 'demo.qdpx'), join(dir, 'Copia.campo')])).toBe(0);
    expect(io.err).toEqual([]);
    const summary = io.out.slice(io.out.findIndex((line) => line.includes(' codici, ')));
    expect(summary[0]).toMatch(
      /^\d+ codici, 3 documenti, 8 codifiche importate; 0 non collocate → .*Copia\.campo$/,
    );
    // Campo writes its interviews and focus groups as document groups: said, not silently lost.
    expect(summary.some((line) => /^ {2}\d gruppi di documenti non importati: /.test(line))).toBe(
      true,
    );

    // Its own codebook merged back into the copy: nothing new.
    io.out.length = 0;
    expect(await cli(['import', 'qdc', join(dir, 'Copia.campo'), join(dir, 'demo.qdc')])).toBe(0);
    expect(io.out).toEqual([
      expect.stringMatching(/^Codebook importato: 0 codici nuovi, \d+ già presenti\.$/),
    ]);
  });
});
