import { createHash } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { qdcFile, qdpxArchive } from '../../../src/main/core/exchange/qdpx-export';
import { buildCodebookQdc, buildProjectQde, guidOf } from '../../../src/shared/exchange/qde-writer';
import { ProjectFileSchema, type ProjectFile } from '../../../src/shared/model/project';
import { SourceFileSchema, type SourceFile } from '../../../src/shared/model/source';
import { xmllint } from '../../helpers/refi-fixtures';

const GUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The text between two code-point positions. */
function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

const ARRAYS = new Set([
  'User',
  'Code',
  'Variable',
  'Case',
  'VariableValue',
  'SourceRef',
  'TextSource',
  'PlainTextSelection',
  'Coding',
  'NoteRef',
  'Note',
  'Set',
  'MemberSource',
]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => ARRAYS.has(name),
});

interface XmlNode {
  [key: string]: string | XmlNode[] | XmlNode | undefined;
}

/** The root `Project` element, parsed. */
function parseProject(xml: string): XmlNode {
  return (parser.parse(xml) as { Project: XmlNode }).Project;
}

function list(node: XmlNode | undefined, key: string): XmlNode[] {
  return (node?.[key] as XmlNode[] | undefined) ?? [];
}

function child(node: XmlNode | undefined, key: string): XmlNode | undefined {
  return node?.[key] as XmlNode | undefined;
}

const T0 = '2026-03-02T09:00:00.000Z';
const ROOT_CODE = 'A1B2C3D4-E5F6-4788-9900-AABBCCDDEEFF';
const INTERVIEW =
  'Intervistatrice: Com’è andata?\r\nP01: Bene 😀 davvero, è così & <ok>.\r\nIntervistatrice: Grazie.\r\n';
const NOTES = 'Appunti: il partenariato «funziona» 👍🏽 secondo P02.';

function codingAt(text: string, passage: string, fields: Record<string, unknown>) {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`not in text: ${passage}`);
  return {
    start,
    end: start + passage.length,
    text: passage,
    createdAt: T0,
    coderId: 'unnamed',
    ...fields,
  };
}

function fixture(): { project: ProjectFile; sources: SourceFile[] } {
  const project = ProjectFileSchema.parse({
    schemaVersion: 2,
    app: 'campo',
    id: 'project-1',
    createdAt: T0,
    updatedAt: '2026-03-03T10:00:00.000Z',
    evaluators: [
      { id: 'marta', name: 'marta' },
      { id: 'luca', name: 'luca' },
    ],
    meta: {
      title: 'Valutazione & <FSE>\u0007 2026',
      language: 'it',
      description: 'Progetto di prova.',
    },
    participants: [
      {
        id: 'p-anna',
        code: 'P01',
        name: 'Annunziata Verdolini',
        role: 'Dirigente',
        organisation: 'Comune di Brescia',
        territory: 'Brescia',
        partnershipType: 'istituzionale',
        attributes: [
          { key: 'Età', type: 'number', value: 47.5 },
          { key: 'Capofila', type: 'boolean', value: true },
          { key: 'Ingresso', type: 'date', value: '2019-04-01' },
          { key: 'Misto', type: 'text', value: 'alto' },
        ],
      },
      {
        id: 'p-bruno',
        code: 'P02',
        attributes: [{ key: 'Misto', type: 'number', value: 3 }],
      },
      { id: 'p-carla', code: 'P03' },
    ],
    codes: [
      { id: ROOT_CODE, name: 'Accesso', colour: '#1a2b3c', description: 'Chi arriva ai servizi' },
      { id: 'code-barriers', name: 'Barriere & ostacoli', parentId: ROOT_CODE },
      { id: 'code-deep', name: 'Digitale', parentId: 'code-barriers', description: 'a < b' },
      { id: 'code-results', name: 'Risultati' },
    ],
    sessions: [
      {
        id: 'session-int-02',
        kind: 'interview',
        code: 'INT-02',
        title: 'Intervista al Comune',
        participantIds: ['p-anna'],
        sourceIds: ['source-int'],
        status: 'transcribed',
      },
      { id: 'session-int-03', kind: 'interview', code: 'INT-03', status: 'planned' },
    ],
    sources: [
      {
        id: 'source-int',
        title: 'INT-02 – Comune',
        participantIds: ['p-anna'],
        createdAt: T0,
        updatedAt: T0,
      },
      { id: 'source-notes', title: 'Appunti', kind: 'notes', createdAt: T0, updatedAt: T0 },
    ],
  });
  const interview = SourceFileSchema.parse({
    schemaVersion: 2,
    id: 'source-int',
    title: 'INT-02 – Comune',
    text: INTERVIEW,
    createdAt: T0,
    updatedAt: T0,
    codings: [
      codingAt(INTERVIEW, 'Com’è andata?', { id: 'c-before', codeId: ROOT_CODE, coderId: 'marta' }),
      codingAt(INTERVIEW, 'davvero, è così & <ok>', {
        id: 'c-after',
        codeId: 'code-deep',
        coderId: 'luca',
        memo: 'Riga 1\r\nRiga 2 & <fine>',
      }),
      codingAt(INTERVIEW, 'andata?\r\nP01: Bene 😀', {
        id: 'c-crlf',
        codeId: 'code-barriers',
        coderId: 'marta',
      }),
      {
        ...codingAt(INTERVIEW, 'Grazie', { id: 'c-changed', codeId: ROOT_CODE }),
        textChanged: true,
      },
    ],
    memos: [
      {
        id: 'memo-1',
        text: 'Rivedere con P01\r\n& <poi>',
        coderId: 'marta',
        createdAt: T0,
        updatedAt: T0,
      },
    ],
  });
  const notes = SourceFileSchema.parse({
    schemaVersion: 2,
    id: 'source-notes',
    title: 'Appunti',
    kind: 'notes',
    text: NOTES,
    createdAt: T0,
    updatedAt: T0,
    turns: [{ id: 't1', start: 0, end: NOTES.length, speaker: 'P02', participantId: 'p-bruno' }],
    codings: [codingAt(NOTES, 'secondo P02', { id: 'c-notes', codeId: 'code-results' })],
  });
  return { project, sources: [notes, interview] };
}

function build() {
  const { project, sources } = fixture();
  return buildProjectQde({ project, sources, now: T0, userName: 'marta' });
}

describe('guidOf', () => {
  it('keeps GUIDs (lower-cased) and hashes other ids into stable, distinct GUIDs', () => {
    expect(guidOf(ROOT_CODE)).toBe(ROOT_CODE.toLowerCase());
    expect(guidOf(`{${ROOT_CODE}}`)).toBe(ROOT_CODE.toLowerCase());
    const hashed = guidOf('code-barriers');
    expect(hashed).toMatch(GUID_SHAPE);
    // A name-based (version 5, RFC 4122 variant) UUID.
    expect(hashed[14]).toBe('5');
    expect('89ab').toContain(hashed[19]);
    expect(guidOf('code-barriers')).toBe(hashed);
    expect(guidOf('code-barrierz')).not.toBe(hashed);
    // Pinned: a later version must name the same entities the same, or re-imports duplicate them.
    const namespace = Buffer.from('6b1d2f8e3c474a95b0e29d4f71c3a862', 'hex');
    const digest = createHash('sha1')
      .update(Buffer.concat([namespace, Buffer.from('code-barriers', 'utf8')]))
      .digest();
    digest[6] = (digest[6]! & 0x0f) | 0x50;
    digest[8] = (digest[8]! & 0x3f) | 0x80;
    expect(hashed.replace(/-/g, '')).toBe(digest.subarray(0, 16).toString('hex'));
    expect(guidOf('')).toMatch(GUID_SHAPE);
    expect(guidOf('è 😀 emoji')).toMatch(GUID_SHAPE);
  });
});

describe('buildProjectQde', () => {
  it('validates against Project.xsd', async () => {
    expect(await xmllint(build().xml, 'Project.xsd')).toEqual({
      code: 0,
      stderr: expect.stringContaining('validates'),
    });
  });

  it('writes positions in code points, and slicing each exported file by them gives the coded text', () => {
    const { xml, files, counts } = build();
    const { sources } = fixture();
    const project = parseProject(xml);
    const byPath = new Map(files.map((file) => [file.path, file.text]));
    const textSources = list(child(project, 'Sources'), 'TextSource');
    const selections = textSources.flatMap((source) => {
      const path = (source.plainTextPath as string).replace('internal://', 'sources/');
      const text = byPath.get(path)!;
      return list(source, 'PlainTextSelection').map((selection) => ({ selection, text }));
    });
    expect(selections).toHaveLength(4);
    const codings = new Map(sources.flatMap((s) => s.codings).map((c) => [guidOf(c.id), c]));
    for (const { selection, text } of selections) {
      const coding = codings.get(selection.guid as string)!;
      const start = Number(selection.startPosition);
      const end = Number(selection.endPosition);
      expect(sliceCodePoints(text, start, end)).toBe(coding.text);
    }
    const positions = (id: string) => {
      const selection = selections.find((s) => s.selection.guid === guidOf(id))!.selection;
      return [Number(selection.startPosition), Number(selection.endPosition)];
    };
    const after = codings.get(guidOf('c-after'))!;
    // After the emoji (two UTF-16 units, one code point) positions are one less than offsets.
    expect(positions('c-after')).toEqual([after.start - 1, after.end - 1]);
    const before = codings.get(guidOf('c-before'))!;
    expect(positions('c-before')).toEqual([before.start, before.end]);
    // The CRLF counts as two characters; the emoji at the end of the range as one.
    const crlf = codings.get(guidOf('c-crlf'))!;
    expect(positions('c-crlf')).toEqual([crlf.start, crlf.end - 1]);
    // The coding whose text changed is left out and counted.
    expect(selections.some((s) => s.selection.guid === guidOf('c-changed'))).toBe(false);
    expect(counts).toEqual({ codes: 4, sources: 2, codings: 4, cases: 3, skipped: 1 });
  });

  it('exports the source texts byte for byte under GUID names, in the project order', () => {
    const { xml, files } = build();
    expect(files).toEqual([
      { path: `sources/${guidOf('source-int')}.txt`, text: INTERVIEW },
      { path: `sources/${guidOf('source-notes')}.txt`, text: NOTES },
    ]);
    const textSources = list(child(parseProject(xml), 'Sources'), 'TextSource');
    expect(textSources.map((s) => [s.name, s.plainTextPath, s.creatingUser])).toEqual([
      ['INT-02 – Comune', `internal://${guidOf('source-int')}.txt`, guidOf('user:marta')],
      ['Appunti', `internal://${guidOf('source-notes')}.txt`, guidOf('user:marta')],
    ]);
  });

  it('nests the code tree with upper-case colours and descriptions', () => {
    const codes = list(child(child(parseProject(build().xml), 'CodeBook'), 'Codes'), 'Code');
    expect(codes.map((code) => code.name)).toEqual(['Accesso', 'Risultati']);
    const [access] = codes;
    expect(access).toMatchObject({
      guid: ROOT_CODE.toLowerCase(),
      isCodable: 'true',
      color: '#1A2B3C',
      Description: 'Chi arriva ai servizi',
    });
    const [barriers] = list(access, 'Code');
    expect(barriers).toMatchObject({ name: 'Barriere & ostacoli', color: '#888888' });
    expect(list(barriers, 'Code').map((code) => [code.name, code.Description])).toEqual([
      ['Digitale', 'a < b'],
    ]);
  });

  it('never writes a personal name, and escapes or drops characters XML cannot hold', () => {
    const { xml, files } = build();
    for (const text of [xml, ...files.map((f) => f.text)]) {
      expect(text).not.toContain('Verdolini');
      expect(text).not.toContain('Annunziata');
    }
    expect(xml).toContain('name="Valutazione &amp; &lt;FSE&gt; 2026"');
    expect(xml).not.toContain('\u0007');
    expect(xml).toContain('<Description>Riga 1&#13;\nRiga 2 &amp; &lt;fine&gt;</Description>');
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0"',
      ),
    ).toBe(true);
    expect(parseProject(xml).name).toBe('Valutazione & <FSE> 2026');
  });

  it('writes users, codings by their coder, memos as notes and the interview as a set', () => {
    const project = parseProject(build().xml);
    expect(list(child(project, 'Users'), 'User')).toEqual([
      { guid: guidOf('user:marta'), name: 'marta' },
      { guid: guidOf('user:luca'), name: 'luca' },
    ]);
    const selections = list(child(project, 'Sources'), 'TextSource').flatMap((s) =>
      list(s, 'PlainTextSelection'),
    );
    const after = selections.find((s) => s.guid === guidOf('c-after'))!;
    expect(after).toMatchObject({
      name: 'davvero, è così & <ok>',
      creatingUser: guidOf('user:luca'),
      creationDateTime: T0,
    });
    expect(list(after, 'Coding')).toEqual([
      {
        guid: guidOf('c-afterc'),
        creatingUser: guidOf('user:luca'),
        creationDateTime: T0,
        CodeRef: { targetGUID: guidOf('code-deep') },
      },
    ]);
    // A coding without a coder names no user rather than a wrong one.
    const notes = selections.find((s) => s.guid === guidOf('c-notes'))!;
    expect(notes.creatingUser).toBeUndefined();

    const [interview] = list(child(project, 'Sources'), 'TextSource');
    expect(list(interview, 'NoteRef')).toEqual([{ targetGUID: guidOf('memo-1') }]);
    expect(list(child(project, 'Notes'), 'Note')).toEqual([
      expect.objectContaining({
        guid: guidOf('memo-1'),
        name: 'Memo – INT-02 – Comune',
        PlainTextContent: expect.stringContaining('Rivedere con P01'),
      }),
    ]);
    // The planned interview has no source: no empty set.
    expect(list(child(project, 'Sets'), 'Set')).toEqual([
      {
        guid: guidOf('session-int-02'),
        name: 'INT-02',
        Description: 'Intervista al Comune',
        MemberSource: [{ targetGUID: guidOf('source-int') }],
      },
    ]);
  });

  it('writes cases by pseudonym with typed variables and the sources they take part in', () => {
    const project = parseProject(build().xml);
    const variables = list(child(project, 'Variables'), 'Variable');
    expect(variables.map((v) => [v.name, v.typeOfVariable])).toEqual([
      ['Ruolo', 'Text'],
      ['Organizzazione', 'Text'],
      ['Territorio', 'Text'],
      ['Tipo di partenariato', 'Text'],
      ['Età', 'Float'],
      ['Capofila', 'Boolean'],
      ['Ingresso', 'Date'],
      // Text for one participant, a number for another: written as text.
      ['Misto', 'Text'],
    ]);
    const nameOf = new Map(variables.map((v) => [v.guid, v.name]));
    const cases = list(child(project, 'Cases'), 'Case');
    expect(cases.map((c) => c.name)).toEqual(['P01', 'P02', 'P03']);
    const values = (index: number) =>
      list(cases[index], 'VariableValue').map((value) => {
        const { VariableRef, ...rest } = value as { VariableRef: XmlNode };
        return [nameOf.get(VariableRef.targetGUID as string), rest];
      });
    expect(values(0)).toEqual([
      ['Ruolo', { TextValue: 'Dirigente' }],
      ['Organizzazione', { TextValue: 'Comune di Brescia' }],
      ['Territorio', { TextValue: 'Brescia' }],
      ['Tipo di partenariato', { TextValue: 'Istituzionale' }],
      ['Età', { FloatValue: '47.5' }],
      ['Capofila', { BooleanValue: 'true' }],
      ['Ingresso', { DateValue: '2019-04-01' }],
      ['Misto', { TextValue: 'alto' }],
    ]);
    expect(values(1)).toEqual([['Misto', { TextValue: '3' }]]);
    // P01 is listed on the interview; P02 speaks in the notes' turn; P03 is in no source.
    expect(list(cases[0], 'SourceRef')).toEqual([{ targetGUID: guidOf('source-int') }]);
    expect(list(cases[1], 'SourceRef')).toEqual([{ targetGUID: guidOf('source-notes') }]);
    expect(cases[2]).toEqual({ guid: guidOf('p-carla'), name: 'P03' });
  });

  it('names the variables in English for an English project', () => {
    const { project, sources } = fixture();
    project.meta.language = 'en';
    const xml = buildProjectQde({ project, sources, now: T0, userName: 'marta' }).xml;
    const variables = list(child(parseProject(xml), 'Variables'), 'Variable');
    expect(variables.slice(0, 4).map((v) => v.name)).toEqual([
      'Role',
      'Organisation',
      'Territory',
      'Partnership type',
    ]);
    expect(xml).toContain('<TextValue>Institutional</TextValue>');
  });

  it('writes numbers as xsd:decimal, never in exponent notation', async () => {
    const { project, sources } = fixture();
    project.participants[2]!.attributes = [{ key: 'Età', type: 'number', value: 1e21 }];
    project.participants[1]!.attributes = [{ key: 'Età', type: 'number', value: -1.5e-7 }];
    const { xml } = buildProjectQde({ project, sources, now: T0, userName: 'marta' });
    expect(xml).toContain('<FloatValue>1000000000000000000000</FloatValue>');
    expect(xml).toContain('<FloatValue>-0.00000015</FloatValue>');
    expect(await xmllint(xml, 'Project.xsd')).toMatchObject({ code: 0 });
  });

  it('gives the same document for the same project, and still validates with no codes or sources', async () => {
    expect(build().xml).toBe(build().xml);
    const { project } = fixture();
    const bare = { ...project, codes: [], participants: [], sessions: [], sources: [] };
    const { xml, counts } = buildProjectQde({ project: bare, sources: [], now: T0, userName: '' });
    expect(counts).toEqual({ codes: 0, sources: 0, codings: 0, cases: 0, skipped: 0 });
    expect(await xmllint(xml, 'Project.xsd')).toMatchObject({ code: 0 });
  });
});

describe('buildCodebookQdc', () => {
  it('validates against Codebook.xsd and nests the codes', async () => {
    const xml = buildCodebookQdc(fixture().project);
    expect(await xmllint(xml, 'Codebook.xsd')).toMatchObject({ code: 0 });
    expect(xml).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Campo ');
    const codes = (parser.parse(xml) as { CodeBook: { Codes: XmlNode } }).CodeBook.Codes;
    const [access] = list(codes, 'Code');
    expect(list(list(access, 'Code')[0], 'Code')[0]).toMatchObject({ name: 'Digitale' });
  });

  it('refuses an empty codebook, which the schema cannot express', () => {
    const project = { ...fixture().project, codes: [] };
    expect(() => buildCodebookQdc(project)).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});

describe('qdpxArchive', () => {
  it('zips the UTF-8 texts (no BOM) under sources/ and project.qde, the same bytes each time', async () => {
    const { project, sources } = fixture();
    const byId = new Map(sources.map((source) => [source.id, source]));
    const input = {
      project,
      readSource: async (id: string) => byId.get(id),
      userName: 'marta',
      now: new Date(T0),
    };
    const { bytes, counts } = await qdpxArchive(input);
    expect(counts.codings).toBe(4);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual([
      'sources/',
      `sources/${guidOf('source-int')}.txt`,
      `sources/${guidOf('source-notes')}.txt`,
      'project.qde',
    ]);
    const raw = await zip.file(`sources/${guidOf('source-int')}.txt`)!.async('nodebuffer');
    expect(raw.equals(Buffer.from(INTERVIEW, 'utf8'))).toBe(true);
    const qde = await zip.file('project.qde')!.async('string');
    expect(qde).toBe(buildProjectQde({ project, sources, userName: 'marta', now: T0 }).xml);
    expect((await qdpxArchive(input)).bytes.equals(bytes)).toBe(true);
  });

  it('writes the codebook file as UTF-8 XML', () => {
    const { project } = fixture();
    expect(qdcFile(project).toString('utf8')).toBe(buildCodebookQdc(project));
  });
});
