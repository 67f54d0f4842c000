import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { placeSelections } from '../../../src/shared/exchange/place-codings';
import type { PositionUnit } from '../../../src/shared/exchange/positions';
import {
  parseCodebookQdc,
  parseProjectQde,
  type RefiCode,
  type RefiSelection,
} from '../../../src/shared/exchange/qde-parse';
import { CampoError } from '../../../src/shared/ipc/errors';
import { REFI_FIXTURES } from '../../helpers/refi-fixtures';

const FIXTURES = REFI_FIXTURES;

async function qdeOf(archive: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(join(FIXTURES, archive)));
  return zip.file('project.qde')!.async('string');
}

/** "parent > child" for every code, in tree order. */
function paths(codes: RefiCode[], parent = ''): string[] {
  return codes.flatMap((code) => {
    const path = parent ? `${parent} > ${code.name}` : code.name;
    return [path, ...paths(code.children, path)];
  });
}

function refusal(run: () => unknown): CampoError {
  try {
    run();
  } catch (error) {
    if (error instanceof CampoError) return error;
    throw error;
  }
  throw new Error('not refused');
}

const selection = (start: number, end: number, name = ''): RefiSelection => ({
  guid: `${start}-${end}`,
  name,
  start,
  end,
  description: '',
  codings: [],
  userGuid: null,
  createdAt: null,
  noteGuids: [],
});

describe('parseProjectQde on real exports', () => {
  it('reads the qc demo: nested codebook, bare source paths, several codings per selection', async () => {
    const project = parseProjectQde(await qdeOf('qc-demo.qdpx'));
    expect(project.name).toBe('qc project');
    expect([...project.users.values()]).toEqual(['cp']);
    expect(project.codes.map((code) => code.name)).toEqual([
      'rq1_definition',
      'rq2_curriculum_and_instruction',
      'rq3_process',
    ]);
    const all = paths(project.codes);
    expect(all).toHaveLength(262);
    expect(all).toContain('rq1_definition > competencies > programming');
    expect(all).toContain('rq1_definition > framings > cs_as_programming > programming');
    expect(all).toContain(
      'rq1_definition > rationales > cs_literacy > digital_citizenship > citizenship',
    );
    expect(project.sources.map((source) => [source.plainTextPath, source.name])).toEqual([
      ['board_2017.txt', ''],
      ['admin-1.txt', ''],
    ]);
    const selections = project.sources.flatMap((source) => source.selections);
    expect(selections).toHaveLength(158);
    expect(selections.reduce((sum, s) => sum + s.codings.length, 0)).toBe(205);
    const line60 = selections.find((s) => s.name === 'line:60')!;
    expect([line60.start, line60.end, line60.codings.length]).toEqual([3670, 3750, 2]);
    expect(line60.codings[0]!.userGuid).toBe('39633935-3331-3962-6632-373436373264');
  });

  it('reads the NVivo for Mac export: two users, rich and plain paths', async () => {
    const project = parseProjectQde(await qdeOf('nvivo-mac-15-codebook.qdpx'));
    expect([...project.users.values()]).toEqual(['chrisp', 'cp']);
    expect(paths(project.codes)).toHaveLength(262);
    expect(project.sources.map((source) => source.richTextPath)).toEqual([
      'internal://d097e6fd-7671-4d95-a8b6-7795fa4a72e1.docx',
      'internal://e65f5ee2-9a55-47f1-bb0b-4921d8ce15c4.docx',
    ]);
    expect(project.sources.every((source) => source.selections.length === 0)).toBe(true);
  });

  it('reads every element type of the hand-authored project', async () => {
    const project = parseProjectQde(
      await readFile(join(FIXTURES, 'hand-authored', 'project.qde'), 'utf8'),
    );
    expect(paths(project.codes)).toEqual([
      'Topics',
      'Topics > Health',
      'Topics > Health > Diet',
      'Topics > Wellbeing',
    ]);
    const health = project.codes[0]!.children[0]!;
    expect([health.color, health.description]).toEqual([
      '#33cc33',
      'Anything about physical or mental health',
    ]);
    expect(project.variables).toEqual([
      { guid: '30000000-0000-0000-0000-000000000001', name: 'Age', type: 'Integer' },
      { guid: '30000000-0000-0000-0000-000000000002', name: 'Consented', type: 'Boolean' },
    ]);
    expect(project.cases).toEqual([
      {
        guid: 'd0000000-0000-0000-0000-000000000001',
        name: 'Participant 1',
        description: 'A pseudonymised interview participant.',
        values: [
          { variableGuid: '30000000-0000-0000-0000-000000000001', value: 34 },
          { variableGuid: '30000000-0000-0000-0000-000000000002', value: true },
        ],
        sourceGuids: ['40000000-0000-0000-0000-000000000001'],
        selectionGuids: ['50000000-0000-0000-0000-000000000001'],
      },
    ]);
    expect(project.sources).toHaveLength(1);
    expect(project.sources[0]!.selections.map((s) => [s.name, s.start, s.end])).toEqual([
      ['Diet and health', 0, 15],
      ['health are closely', 9, 23],
    ]);
    expect([project.otherSources, project.otherSourceNames]).toEqual([
      4,
      ['photo.jpg', 'doc.pdf', 'interview.m4a', 'clip.mp4'],
    ]);
    expect(project.notes).toEqual([
      {
        guid: 'a0000000-0000-0000-0000-000000000001',
        name: 'Research memo',
        text: 'Remember to follow up on diet-related comments.',
        plainTextPath: null,
      },
    ]);
    expect(project.projectNoteGuids).toEqual(['a0000000-0000-0000-0000-000000000001']);
    expect(project.links[0]).toMatchObject({
      originGuid: 'a0000000-0000-0000-0000-000000000001',
      targetGuid: '50000000-0000-0000-0000-000000000001',
    });
    expect(project.origin).toBe('refi_qda test fixture');
    expect(project.sets).toEqual([
      {
        name: 'Diet-related',
        description: expect.any(String),
        codeGuids: ['20000000-0000-0000-0000-000000000003'],
        sourceGuids: ['40000000-0000-0000-0000-000000000001'],
      },
    ]);
  });
});

describe('parseProjectQde on variants', () => {
  const minimal = (body: string) =>
    `<?xml version="1.0" encoding="utf-8"?>\r\n<Project xmlns="urn:QDA-XML:project:1.0" name="Prova">\r\n${body}\r\n</Project>\r\n`;

  it('accepts a BOM, CRLF, upper-case GUIDs in braces, entities and selections without coding', () => {
    const xml = `\uFEFF${minimal(
      `<CodeBook><Codes><Code guid="{AAAAAAAA-0000-0000-0000-000000000001}" name="Salute &amp; cibo &#x1F600;" isCodable="true" color="#ABC"/></Codes></CodeBook>
      <Sources><TextSource guid="BBBBBBBB-0000-0000-0000-000000000001" name="Uno" plainTextPath="internal://x.txt">
        <PlainTextSelection guid="CCCCCCCC-0000-0000-0000-000000000001" name="a" startPosition="0" endPosition="4"><Description>Solo un memo</Description></PlainTextSelection>
        <PlainTextSelection guid="CCCCCCCC-0000-0000-0000-000000000002" name="b" startPosition="x" endPosition="4">
          <Coding guid="DDDDDDDD-0000-0000-0000-000000000001"><CodeRef targetGUID="AAAAAAAA-0000-0000-0000-000000000001"/></Coding>
        </PlainTextSelection>
      </TextSource></Sources>`,
    ).replace(/\n/g, '\r\n')}`;
    const project = parseProjectQde(xml);
    expect(project.codes[0]).toMatchObject({
      guid: 'aaaaaaaa-0000-0000-0000-000000000001',
      name: 'Salute & cibo 😀',
      color: '#ABC',
    });
    const [memoOnly, broken] = project.sources[0]!.selections;
    expect(memoOnly).toMatchObject({ codings: [], description: 'Solo un memo' });
    expect(broken!.start).toBeNaN();
    expect(broken!.codings[0]!.codeGuid).toBe('aaaaaaaa-0000-0000-0000-000000000001');
  });

  it('refuses a DOCTYPE (billion laughs) before parsing', () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<Project name="&lol2;"/>`;
    const error = refusal(() => parseProjectQde(laughs));
    expect(error.code).toBe('FILE_DAMAGED');
    expect(error.details?.reason).toMatch(/DOCTYPE o ENTITY/);
  });

  it('refuses an ENTITY declaration in any case', () => {
    const error = refusal(() =>
      parseProjectQde('<Project name="x"><!entity x SYSTEM "file:///etc/passwd"></Project>'),
    );
    expect(error.code).toBe('FILE_DAMAGED');
  });

  it('refuses malformed XML and a root that is not Project', () => {
    expect(refusal(() => parseProjectQde('<Project name="x"><Users></Project>')).code).toBe(
      'FILE_DAMAGED',
    );
    expect(refusal(() => parseProjectQde('<CodeBook><Codes/></CodeBook>')).details?.reason).toMatch(
      /Project/,
    );
  });
});

describe('parseCodebookQdc', () => {
  it('reads the old 0.4 namespace with a prefix', () => {
    const qdc = `<?xml version="1.0"?>
<qdc:CodeBook xmlns:qdc="urn:QDA-XML:codebook:0:4" origin="vecchio">
  <qdc:Codes>
    <qdc:Code guid="10000000-0000-0000-0000-000000000001" name="Governance" isCodable="true" color="#112233">
      <qdc:Description>Chi decide</qdc:Description>
      <qdc:Code guid="10000000-0000-0000-0000-000000000002" name="Partenariato" isCodable="true"/>
    </qdc:Code>
  </qdc:Codes>
</qdc:CodeBook>`;
    expect(parseCodebookQdc(qdc).codes).toEqual([
      {
        guid: '10000000-0000-0000-0000-000000000001',
        name: 'Governance',
        color: '#112233',
        description: 'Chi decide',
        children: [
          {
            guid: '10000000-0000-0000-0000-000000000002',
            name: 'Partenariato',
            color: null,
            description: '',
            children: [],
          },
        ],
      },
    ]);
  });

  it('reads the codebook of a project.qde too', async () => {
    expect(paths(parseCodebookQdc(await qdeOf('qc-demo.qdpx')).codes)).toHaveLength(262);
  });
});

describe('placeSelections', () => {
  const text = 'Ciao 😀 mondo\r\nperché sì 🎉 fine';
  /** The position of UTF-16 offset `offset` in `unit`, computed without positions.ts. */
  function positionIn(offset: number, unit: PositionUnit): number {
    const before = text.slice(0, offset);
    if (unit === 'utf16') return offset;
    if (unit === 'utf8') return Buffer.byteLength(before, 'utf8');
    if (unit === 'codepoint') return Array.from(before).length;
    return Array.from(before.replace(/\r\n/g, '\n')).length;
  }
  const passages = ['mondo\r\nperché', '🎉 fine', 'Ciao 😀'];

  for (const unit of ['codepoint', 'utf16', 'utf8', 'codepoint-crlf1'] as const) {
    it(`detects ${unit} positions`, () => {
      const selections = passages.map((passage) => {
        const at = text.indexOf(passage);
        return selection(positionIn(at, unit), positionIn(at + passage.length, unit), passage);
      });
      const result = placeSelections(text, selections);
      expect(result.unit).toBe(unit);
      expect(result.placed.map((placed) => placed.text)).toEqual(passages);
      expect(result.unplaced).toEqual([]);
    });
  }

  it('gives ties to the standard unit and reports selections beyond the text', () => {
    const result = placeSelections('plain ascii text', [selection(0, 5), selection(3, 400)]);
    expect(result.unit).toBe('codepoint');
    expect(result.placed.map((placed) => placed.text)).toEqual(['plain']);
    expect(result.unplaced.map((s) => s.end)).toEqual([400]);
  });

  it('uses names only to break ties, and reads names cut with an ellipsis', () => {
    // Positions 4..10 fit every unit; only the name says they are UTF-8 bytes.
    const whole = placeSelections('àèìòù abcdefghij', [selection(4, 10, 'ìòù')]);
    expect([whole.unit, whole.placed[0]!.text]).toEqual(['utf8', 'ìòù']);
    const cut = placeSelections('àè long passage of words here', [
      selection(4, 20, 'long passage…'),
    ]);
    expect([cut.unit, cut.placed[0]!.text]).toEqual(['utf8', ' long passage of']);
  });
});
