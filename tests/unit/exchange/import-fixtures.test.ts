import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { importCodebookInto, importQdpx } from '../../../src/main/core/exchange/qdpx-import';
import { PROJECT_NOTES_HEADING } from '../../../src/main/core/exchange/qdpx-import-map';
import type { ProjectSession } from '../../../src/main/core/store/project-session';
import type { PositionUnit } from '../../../src/shared/exchange/positions';
import type { Code } from '../../../src/shared/model/project';
import type { SourceFile } from '../../../src/shared/model/source';
import { interviewDocx } from '../../helpers/files';
import { tempDir } from '../../helpers/temp-dir';
import { REFI_FIXTURES } from '../../helpers/refi-fixtures';

const FIXTURES = REFI_FIXTURES;

async function zipOf(entries: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(entries)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Every code as "root > child" from the Campo tree (parentId links). */
function campoPaths(codes: Code[]): string[] {
  const byId = new Map(codes.map((code) => [code.id, code]));
  const pathOf = (code: Code): string => {
    const parent = code.parentId ? byId.get(code.parentId) : undefined;
    return parent ? `${pathOf(parent)} > ${code.name}` : code.name;
  };
  return codes.map(pathOf).sort();
}

/** The code paths of a .qde read with a bare tag scan, independently of the importer. */
function xmlPaths(xml: string): string[] {
  const codebook = xml.slice(xml.indexOf('<CodeBook'), xml.indexOf('</CodeBook>'));
  const stack: string[] = [];
  const paths: string[] = [];
  for (const [tag] of codebook.matchAll(/<\/?Code\b[^>]*>/g)) {
    if (tag.startsWith('</')) {
      stack.pop();
      continue;
    }
    const name = /\bname="([^"]*)"/.exec(tag)![1]!;
    paths.push([...stack, name].join(' > '));
    if (!tag.endsWith('/>')) stack.push(name);
  }
  return paths.sort();
}

async function sourcesOf(session: ProjectSession): Promise<SourceFile[]> {
  return Promise.all(session.project.sources.map((summary) => session.readSource(summary.id)));
}

// Sessions hold a lock: closed after each test, before tempDir removes the folder.
const sessions: ProjectSession[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

async function importFile(bytes: Uint8Array, fileName: string) {
  const result = await importQdpx({ bytes, fileName, parentDir: await tempDir() });
  sessions.push(result.session);
  return result;
}

describe('qc-demo.qdpx (qc 1.3.2)', () => {
  it('imports the codebook, both sources and every coding on its original passage', async () => {
    const bytes = await readFile(join(FIXTURES, 'qc-demo.qdpx'));
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('project.qde')!.async('string');
    const { session, summary } = await importFile(bytes, 'qc-demo.qdpx');

    expect(campoPaths(session.project.codes)).toEqual(xmlPaths(xml));
    expect(
      session.project.codes.filter((code) => code.parentId === null).map((c) => c.name),
    ).toEqual(['rq1_definition', 'rq2_curriculum_and_instruction', 'rq3_process']);

    // Each Coding of the XML, with its selection's range, read by regular expressions.
    const expected = new Map<string, { file: string; start: number; end: number; code: string }>();
    for (const [, file, body] of xml.matchAll(
      /<TextSource plainTextPath="([^"]+)"[^>]*?(?:\/>|>(.*?)<\/TextSource>)/gs,
    )) {
      for (const [, start, end, codings] of (body ?? '').matchAll(
        /<PlainTextSelection [^>]*startPosition="(\d+)" endPosition="(\d+)">(.*?)<\/PlainTextSelection>/gs,
      )) {
        for (const [, guid, code] of codings!.matchAll(
          /<Coding guid="([^"]+)"[^>]*><CodeRef targetGUID="([^"]+)"/g,
        )) {
          expected.set(guid!, { file: file!, start: Number(start), end: Number(end), code: code! });
        }
      }
    }
    expect(expected.size).toBe(205);
    const distinct = new Set(
      [...expected.values()].map((e) => `${e.file}:${e.code}:${e.start}:${e.end}`),
    );

    const sources = await sourcesOf(session);
    expect(sources.map((source) => [source.title, source.origin, source.kind])).toEqual([
      ['board_2017', 'txt', 'document'],
      ['admin-1', 'txt', 'document'],
    ]);
    let checked = 0;
    for (const source of sources) {
      const original = await zip.file(`sources/${source.title}.txt`)!.async('string');
      expect(source.text).toBe(original);
      for (const coding of source.codings) {
        const origin = expected.get(coding.id)!;
        expect(origin.file).toBe(`${source.title}.txt`);
        expect(coding.codeId).toBe(origin.code);
        expect(coding.text).toBe(Array.from(original).slice(origin.start, origin.end).join(''));
        // The REFI user "cp" is an evaluator of the project; the coding is in their layer.
        expect(session.project.evaluators.find((e) => e.id === coding.coderId)?.name).toBe('cp');
        checked += 1;
      }
    }
    expect(checked).toBe(distinct.size);
    expect(summary).toMatchObject({
      codes: 262,
      sources: 2,
      codings: distinct.size,
      unplaced: 0,
      cases: 0,
      skippedSources: 0,
    });
    expect(Object.values(summary.units)).toEqual(['codepoint', 'codepoint']);
    expect(session.project.meta).toMatchObject({ title: 'qc project', evaluators: ['cp'] });
  });
});

describe('nvivo-mac-15-codebook.qdpx (NVivo for Mac 15)', () => {
  it('imports the nested codebook, both users and both sources, without codings', async () => {
    const bytes = await readFile(join(FIXTURES, 'nvivo-mac-15-codebook.qdpx'));
    const xml = await (await JSZip.loadAsync(bytes)).file('project.qde')!.async('string');
    const { session, summary } = await importFile(bytes, 'nvivo-mac-15-codebook.qdpx');
    const paths = campoPaths(session.project.codes);
    expect(paths).toEqual(xmlPaths(xml));
    expect(paths).toContain(
      'rq2_curriculum_and_instruction > curriculum > interdisciplinary_cs > other_subject_areas > humanities > english > writing',
    );
    expect(session.project.meta.evaluators).toEqual(['chrisp', 'cp']);
    const sources = await sourcesOf(session);
    // The plain texts are one newline: the DOCX beside each is read instead (empty too).
    expect(sources.map((source) => [source.title, source.origin, source.text])).toEqual([
      ['66653866-6334-3535-3435-366637306566', 'docx', ''],
      ['33663939-3636-3632-3038-613431643463', 'docx', ''],
    ]);
    expect(summary).toMatchObject({ codes: 262, sources: 2, codings: 0, unplaced: 0 });
  });

  it('converts a DOCX source with the transcript importer’s path; its positions are not guessed', async () => {
    const qde = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Word">
  <CodeBook><Codes><Code guid="a0000000-0000-0000-0000-000000000001" name="Rete" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="b0000000-0000-0000-0000-000000000001" name="INT-04.docx" richTextPath="internal://int04.docx">
      <PlainTextSelection guid="c0000000-0000-0000-0000-000000000001" startPosition="0" endPosition="10">
        <Coding guid="d0000000-0000-0000-0000-000000000001"><CodeRef targetGUID="a0000000-0000-0000-0000-000000000001"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>`;
    const bytes = await zipOf({ 'project.qde': qde, 'sources/int04.docx': await interviewDocx() });
    const { session, summary } = await importFile(bytes, 'word.qdpx');
    const [source] = await sourcesOf(session);
    expect(source!.origin).toBe('docx');
    expect(source!.text).toContain('Com’è andata la coprogettazione?');
    expect(source!.turns.some((turn) => turn.speaker === 'INT-04')).toBe(true);
    expect(summary).toMatchObject({ sources: 1, codings: 0, unplaced: 1, units: {} });
  });
});

describe('hand-authored project (every element type)', () => {
  it('maps cases, variables, notes and codings; skips media sources', async () => {
    const dir = join(FIXTURES, 'hand-authored');
    const entries: Record<string, Uint8Array> = {
      'project.qde': await readFile(join(dir, 'project.qde')),
    };
    for (const name of await readdir(join(dir, 'sources'))) {
      entries[`sources/${name}`] = await readFile(join(dir, 'sources', name));
    }
    const { session, summary } = await importFile(await zipOf(entries), 'hand.qdpx');
    const { project } = session;

    expect(project.participants).toHaveLength(1);
    const participant = project.participants[0]!;
    expect(participant).toMatchObject({
      id: 'd0000000-0000-0000-0000-000000000001',
      code: 'Participant 1',
      name: '',
      attributes: [
        { key: 'Age', type: 'number', value: 34 },
        { key: 'Consented', type: 'boolean', value: true },
      ],
    });
    expect(campoPaths(project.codes)).toEqual([
      'Topics',
      'Topics > Health',
      'Topics > Health > Diet',
      'Topics > Wellbeing',
    ]);
    expect(project.codes.map((code) => code.colour)).toEqual([
      expect.stringMatching(/^#[0-9a-f]{6}$/),
      '#33cc33',
      '#dc0000',
      '#0000ff',
    ]);
    expect(project.codes[1]!.description).toBe('Anything about physical or mental health');

    expect(project.sources).toHaveLength(1);
    expect(project.sources[0]!.participantIds).toEqual([participant.id]);
    const [source] = await sourcesOf(session);
    expect(source!.title).toBe('Interview 1.txt');
    // Positions are the truth; the second selection's name ("health are closely") is not.
    const nameOf = (id: string) => session.project.evaluators.find((e) => e.id === id)?.name;
    expect(source!.codings.map((c) => [c.codeId, c.text, nameOf(c.coderId)])).toEqual([
      ['20000000-0000-0000-0000-000000000002', 'Diet and health', 'Researcher A'],
      ['20000000-0000-0000-0000-000000000003', 'health are clo', 'Researcher A'],
    ]);
    // The note is linked to the first selection: it becomes a memo of that source.
    expect(source!.memos.map((memo) => memo.text)).toEqual([
      'Research memo\n\nRemember to follow up on diet-related comments.',
    ]);
    expect(project.meta.description).toBe('');
    expect(summary).toMatchObject({
      codes: 4,
      sources: 1,
      codings: 2,
      unplaced: 0,
      cases: 1,
      skippedSources: 4,
    });
    expect(summary.skipped.map((skip) => skip.name)).toEqual([
      'photo.jpg',
      'doc.pdf',
      'interview.m4a',
      'clip.mp4',
    ]);
  });

  it('puts notes no source refers to in the project description, and reports progress', async () => {
    const dir = join(FIXTURES, 'hand-authored');
    const qde = (await readFile(join(dir, 'project.qde'), 'utf8')).replace(
      /<Links>.*<\/Links>/s,
      '',
    );
    const bytes = await zipOf({
      'project.qde': qde,
      'sources/11111111-1111-1111-1111-111111111111.txt': await readFile(
        join(dir, 'sources', '11111111-1111-1111-1111-111111111111.txt'),
      ),
    });
    const progress: number[] = [];
    const result = await importQdpx({
      bytes,
      fileName: 'hand.qdpx',
      parentDir: await tempDir(),
      name: 'Studio importato',
      onProgress: (fraction) => progress.push(fraction),
    });
    sessions.push(result.session);
    expect(result.session.project.meta.title).toBe('Studio importato');
    expect(result.session.project.meta.description).toBe(
      `${PROJECT_NOTES_HEADING}\n\nResearch memo\n\nRemember to follow up on diet-related comments.`,
    );
    const [source] = await sourcesOf(result.session);
    expect(source!.memos).toEqual([]);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });
});

describe('position units', () => {
  const raw = 'Prima riga 😀 con emoji\r\nSeconda riga: perché sì 🎉\r\nTerza riga finale.';
  const passages = ['emoji\r\nSeconda', 'perché sì 🎉', 'Terza riga finale.'];

  /** Position of a UTF-16 offset of `raw` as each tool counts it, computed here independently. */
  function positionIn(offset: number, unit: PositionUnit): number {
    const before = raw.slice(0, offset);
    if (unit === 'utf16') return offset;
    if (unit === 'utf8') return new TextEncoder().encode(before).length;
    if (unit === 'codepoint') return Array.from(before).length;
    return Array.from(before.replace(/\r\n/g, '\n')).length;
  }

  function qdeWith(unit: PositionUnit, withNames: boolean): string {
    const selections = passages.map((passage, i) => {
      const at = raw.indexOf(passage);
      const name = withNames ? ` name="${passage.replace(/\r\n/g, '&#13;&#10;')}"` : '';
      return `<PlainTextSelection guid="c0000000-0000-0000-0000-00000000000${i}"${name} startPosition="${positionIn(at, unit)}" endPosition="${positionIn(at + passage.length, unit)}">
        <Coding guid="d0000000-0000-0000-0000-00000000000${i}"><CodeRef targetGUID="a0000000-0000-0000-0000-000000000001"/></Coding>
      </PlainTextSelection>`;
    });
    const beyond = `<PlainTextSelection guid="c0000000-0000-0000-0000-000000000009" startPosition="3" endPosition="9999">
        <Coding guid="d0000000-0000-0000-0000-000000000009"><CodeRef targetGUID="a0000000-0000-0000-0000-000000000001"/></Coding>
      </PlainTextSelection>`;
    return `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Unità ${unit}">
  <CodeBook><Codes><Code guid="a0000000-0000-0000-0000-000000000001" name="Tema" isCodable="true"/></Codes></CodeBook>
  <Sources><TextSource guid="b0000000-0000-0000-0000-000000000001" name="Testo" plainTextPath="internal://t.txt">
    ${selections.join('\n')}
    ${beyond}
  </TextSource></Sources>
</Project>`;
  }

  // ATLAS.ti names quotations by their text: that name is what tells CRLF-as-one from code points.
  const cases: Array<[PositionUnit, string, boolean]> = [
    ['utf16', 'NVivo', false],
    ['utf8', 'Taguette', false],
    ['codepoint-crlf1', 'ATLAS.ti', true],
    ['codepoint', 'the standard', false],
  ];
  for (const [unit, tool, withNames] of cases) {
    it(`reads ${unit} positions (${tool}) and reports the selection beyond the text`, async () => {
      const bytes = await zipOf({
        'project.qde': qdeWith(unit, withNames),
        't.txt': 'not this one',
        'sources/t.txt': new TextEncoder().encode(raw),
      });
      const { session, summary } = await importFile(bytes, `${unit}.qdpx`);
      const [source] = await sourcesOf(session);
      expect(source!.text).toBe(raw);
      expect(source!.codings.map((coding) => coding.text)).toEqual(passages);
      for (const coding of source!.codings) {
        expect(source!.text.slice(coding.start, coding.end)).toBe(coding.text);
      }
      expect(summary.units).toEqual({ [source!.id]: unit });
      expect([summary.codings, summary.unplaced]).toEqual([3, 1]);
    });
  }
});

describe('importCodebookInto', () => {
  it('matches codes by path of names and adds the new ones with their hierarchy', async () => {
    const { session } = await importFile(
      await readFile(join(FIXTURES, 'qc-demo.qdpx')),
      'qc-demo.qdpx',
    );
    const before = session.project.codes.length;
    const nvivo = await readFile(join(FIXTURES, 'nvivo-mac-15-codebook.qdpx'));
    expect(await importCodebookInto(session, { bytes: nvivo, fileName: 'nvivo.qdpx' })).toEqual({
      added: 0,
      existing: 262,
      groups: [],
    });
    const qdc = `\uFEFF<?xml version="1.0" encoding="utf-8"?>\r
<CodeBook xmlns="urn:QDA-XML:codebook:0:4" origin="old tool">\r
  <Codes>\r
    <Code guid="e0000000-0000-0000-0000-000000000001" name="RQ1_Definition" isCodable="true">\r
      <Code guid="e0000000-0000-0000-0000-000000000002" name="Nuovo sottocodice" isCodable="true" color="#f0a">\r
        <Description>Aggiunto dal codebook</Description>\r
      </Code>\r
    </Code>\r
  </Codes>\r
</CodeBook>\r
`;
    const result = await importCodebookInto(session, {
      bytes: new TextEncoder().encode(qdc),
      fileName: 'vecchio.qdc',
    });
    expect(result).toEqual({ added: 1, existing: 1, groups: [] });
    const codes = session.project.codes;
    expect(codes).toHaveLength(before + 1);
    const added = codes.find((code) => code.name === 'Nuovo sottocodice')!;
    expect(added).toMatchObject({
      id: 'e0000000-0000-0000-0000-000000000002',
      colour: '#ff00aa',
      description: 'Aggiunto dal codebook',
      parentId: codes.find((code) => code.name === 'rq1_definition')!.id,
    });
  });
});
