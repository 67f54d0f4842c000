import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { writeDemoProject } from '../../../src/main/core/demo';
import { qdcFile, qdpxArchive } from '../../../src/main/core/exchange/qdpx-export';
import { readProjectUnlocked } from '../../../src/main/core/inspect';
import { findResourcesDir } from '../../../src/main/core/paths';
import { guidOf } from '../../../src/shared/exchange/qde-writer';
import { xmllint } from '../../helpers/refi-fixtures';
import { tempDir } from '../../helpers/temp-dir';

interface Selection {
  guid: string;
  startPosition: string;
  endPosition: string;
}
interface TextSource {
  guid: string;
  Description?: string;
  plainTextPath: string;
  PlainTextSelection?: Selection[];
}
interface Code {
  Code?: Code[];
}

function countCodes(codes: readonly Code[]): number {
  return codes.reduce((sum, code) => sum + 1 + countCodes(code.Code ?? []), 0);
}

describe('REFI-QDA export of the demo project', () => {
  it('gives a valid .qdpx whose selections read, in code points, as the demo codings', async () => {
    const session = await writeDemoProject(await tempDir(), findResourcesDir());
    const dir = session.dir;
    await session.close();
    const { project, sources } = await readProjectUnlocked(dir);

    const { bytes, counts } = await qdpxArchive({
      project,
      readSource: async (id) => sources.get(id),
      userName: 'valutatrice',
    });
    expect(counts).toMatchObject({ sources: 3, codings: 8, cases: 15, skipped: 0 });
    expect(counts.codes).toBeGreaterThanOrEqual(12);

    const zip = await JSZip.loadAsync(bytes);
    const qde = await zip.file('project.qde')!.async('string');
    expect(await xmllint(qde, 'Project.xsd')).toEqual({
      code: 0,
      stderr: expect.stringContaining('validates'),
    });

    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseAttributeValue: false,
      isArray: (name) => ['Code', 'Case', 'TextSource', 'PlainTextSelection'].includes(name),
    }).parse(qde) as {
      Project: {
        CodeBook: { Codes: { Code: Code[] } };
        Cases: { Case: unknown[] };
        Sources: { TextSource: TextSource[] };
      };
    };
    expect(countCodes(parsed.Project.CodeBook.Codes.Code)).toBeGreaterThanOrEqual(12);
    expect(parsed.Project.Cases.Case).toHaveLength(15);
    const textSources = parsed.Project.Sources.TextSource;
    expect(textSources).toHaveLength(3);

    const codings = new Map(
      [...sources.values()].flatMap((source) => source.codings).map((c) => [guidOf(c.id), c]),
    );
    const byGuid = new Map([...sources.values()].map((source) => [guidOf(source.id), source]));
    let checked = 0;
    for (const source of textSources) {
      const path = source.plainTextPath.replace('internal://', 'sources/');
      const text = await zip.file(path)!.async('string');
      expect(text).toBe(byGuid.get(source.guid)!.text);
      const points = Array.from(text);
      for (const selection of source.PlainTextSelection ?? []) {
        const coding = codings.get(selection.guid)!;
        const slice = points
          .slice(Number(selection.startPosition), Number(selection.endPosition))
          .join('');
        expect(slice).toBe(coding.text);
        checked += 1;
      }
    }
    expect(checked).toBe(8);
    // Other tools have no "fictional" flag: the demo's texts say so in their description.
    expect(textSources.every((source) => source.Description?.includes('fittizio'))).toBe(true);

    // The demo's one participant with a (fictional) name is exported by pseudonym only.
    const named = project.participants.filter((p) => p.name !== '');
    expect(named).toHaveLength(1);
    expect(qde).not.toContain(named[0]!.name);
  });

  it('gives a valid .qdc codebook', async () => {
    const session = await writeDemoProject(await tempDir(), findResourcesDir());
    const xml = qdcFile(session.project).toString('utf8');
    await session.close();
    expect(await xmllint(xml, 'Codebook.xsd')).toEqual({
      code: 0,
      stderr: expect.stringContaining('validates'),
    });
  });
});
