import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { qdpxArchive } from '../../../src/main/core/exchange/qdpx-export';
import { ProjectFileSchema } from '../../../src/shared/model/project';
import { SourceFileSchema } from '../../../src/shared/model/source';

const T0 = '2026-03-02T09:00:00.000Z';
const TEXT =
  'Intervistatrice: Come è andata?\nINT-01: Devo dire che la signora Ferrari, in Regione, ci ha aiutato. ' +
  'Marco Bianchi del Comune 😀 ha firmato. Bianchi lo dico sempre.';

const passage = (words: string) => ({
  start: TEXT.indexOf(words),
  end: TEXT.indexOf(words) + words.length,
  text: words,
});

function fixture() {
  const project = ProjectFileSchema.parse({
    schemaVersion: 2,
    app: 'campo',
    id: 'p',
    createdAt: T0,
    updatedAt: T0,
    meta: { title: 'Valutazione Lecco', language: 'it' },
    participants: [
      { id: 'p1', code: 'INT-01', name: 'Marco Bianchi' },
      { id: 'p2', code: 'INT-02', name: 'Laura Ferrari' },
    ],
    codes: [{ id: 'k1', name: 'Partenariato' }],
    sessions: [
      {
        id: 'int-01',
        kind: 'interview',
        code: 'INT-01',
        title: 'Intervista a Marco Bianchi',
        participantIds: ['p1'],
        sourceIds: ['s1'],
      },
    ],
    sources: [{ id: 's1', title: 'INT-01_Bianchi', createdAt: T0, updatedAt: T0 }],
  });
  const source = SourceFileSchema.parse({
    schemaVersion: 2,
    id: 's1',
    title: 'INT-01_Bianchi',
    text: TEXT,
    createdAt: T0,
    updatedAt: T0,
    turns: [{ id: 't1', start: 32, end: TEXT.length, speaker: 'INT-01', participantId: 'p1' }],
    codings: [
      {
        id: 'c1',
        codeId: 'k1',
        coderId: 'marta',
        createdAt: T0,
        ...passage('la signora Ferrari, in Regione, ci ha aiutato'),
      },
      {
        id: 'c2',
        codeId: 'k1',
        coderId: 'marta',
        createdAt: T0,
        ...passage('del Comune 😀 ha firmato'),
        memo: 'Chiedere a Bianchi',
      },
    ],
    memos: [
      {
        id: 'm1',
        text: 'Richiamare Laura Ferrari',
        coderId: 'marta',
        createdAt: T0,
        updatedAt: T0,
      },
    ],
  });
  return { project, source };
}

async function exported(withNames: boolean) {
  const { project, source } = fixture();
  const { bytes } = await qdpxArchive({
    project,
    readSource: async () => source,
    userName: 'marta',
    now: new Date(T0),
    withNames,
  });
  const zip = await JSZip.loadAsync(bytes);
  const qde = await zip.file('project.qde')!.async('string');
  const txt = await zip.file(/^sources\/.+\.txt$/)[0]!.async('string');
  return { qde, txt };
}

describe('a REFI-QDA export leaves names out', () => {
  it('replaces names in texts, titles and memos, and its selections still read as their passages', async () => {
    const { qde, txt } = await exported(false);
    for (const name of ['Bianchi', 'Ferrari', 'Marco', 'Laura']) {
      expect(txt).not.toContain(name);
      expect(qde).not.toContain(name);
    }
    expect(txt).toContain('la signora INT-02, in Regione');
    expect(txt).toContain('INT-01 del Comune 😀 ha firmato. INT-01 lo dico sempre.');
    expect(qde).toContain('name="INT-01_INT-01"');
    // Both selections exported, each reading (in code points) as its passage without the name.
    const points = Array.from(txt);
    const read = [...qde.matchAll(/startPosition="(\d+)" endPosition="(\d+)"/g)].map(([, a, b]) =>
      points.slice(Number(a), Number(b)).join(''),
    );
    expect(read).toEqual([
      'la signora INT-02, in Regione, ci ha aiutato',
      'del Comune 😀 ha firmato',
    ]);
  });

  it('keeps them when asked (campo export qdpx --names)', async () => {
    const { qde, txt } = await exported(true);
    expect(txt).toBe(TEXT);
    expect(qde).toContain('name="INT-01_Bianchi"');
  });
});
