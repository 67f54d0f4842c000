import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { loadAgreementInput } from '../../../src/main/core/agreement/agreement-data';
import { loadCorpus } from '../../../src/main/core/coding/corpus';
import {
  detachedCopy,
  readExportCorpus,
  refuseUnreadable,
} from '../../../src/main/core/coding/export-corpus';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '../../../src/shared/i18n';
import { CampoError } from '../../../src/shared/ipc/errors';
import { openProject } from '../../../src/main/core/store/project-store';
import {
  CURRENT_SCHEMA_VERSION,
  EvaluationQuestionSchema,
} from '../../../src/shared/model/project';
import { buildReport } from '../../../src/shared/report/build-report';
import { defaultReportSettings } from '../../../src/shared/report/model';
import { buildWorkbook } from '../../../src/shared/report/workbook';
import { tempDir } from '../../helpers/temp-dir';
import { ANNA, TWO_CODERS_TEXT, writeTwoCoderProject } from '../../helpers/two-coders';

/** The two-coder project, one passage made a key quotation, and a second source nobody coded. */
async function openProjectToExport() {
  const fixture = await writeTwoCoderProject(await tempDir());
  // A text budget of one byte: every source read evicts the one before, as at 3,000 transcripts.
  const session = await openProject(fixture.dir, { evaluator: ANNA, textBudgetBytes: 1 });
  await session.mutate((project) => {
    project.questions.push(
      EvaluationQuestionSchema.parse({
        id: 'q1',
        code: 'DV1',
        text: 'I bandi sono stati tempestivi?',
      }),
    );
    project.codes = project.codes.map((code) => ({ ...code, questionId: 'q1' }));
  });
  await session.mutateSource(fixture.sourceId, (draft) => {
    draft.codings = draft.codings.map((coding) =>
      coding.id === 'c-a1' ? { ...coding, key: true } : coding,
    );
  });
  const now = new Date().toISOString();
  await session.addSource({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: 'src-notes',
    title: 'Note di campo',
    kind: 'transcript',
    origin: 'typed',
    fictional: false,
    text: 'Nessuno ha ancora codificato queste note.',
    turns: [],
    codings: [],
    memos: [],
    createdAt: now,
    updatedAt: now,
  });
  return { session, ...fixture };
}

describe('what an export reads from the open project', () => {
  it('gives the report and the workbook the same content as the whole texts did', async () => {
    const { session } = await openProjectToExport();
    const whole = await loadCorpus(session);
    const { input } = await loadAgreementInput(session);
    const settings = {
      ...defaultReportSettings('it'),
      sections: [...defaultReportSettings('it').sections, 'agreement' as const],
    };
    const today = '2026-12-05';
    const before = buildReport({
      project: session.project,
      corpus: whole,
      agreementInput: input,
      settings,
      today,
    });
    const forReport = await readExportCorpus(session, 'key');
    const after = buildReport({ project: session.project, ...forReport, settings, today });
    expect(after).toEqual(before);
    // The key quotation is in it, and so is the agreement annex of the two coders.
    expect(JSON.stringify(after)).toContain('Il bando è arrivato tardi e i Comuni non');
    expect(after.blocks.some((b) => b.kind === 'heading' && /Affidabilità/.test(b.text))).toBe(
      true,
    );

    const forWorkbook = await readExportCorpus(session, 'all');
    expect(forWorkbook.agreementInput).toEqual(input);
    expect(
      await buildWorkbook({ project: session.project, ...forWorkbook, language: 'it' }),
    ).toEqual(
      await buildWorkbook({
        project: session.project,
        corpus: whole,
        agreementInput: input,
        language: 'it',
      }),
    );
    await session.close();
  });

  it('reads only the key passages for a report, every passage for a workbook, with progress', async () => {
    const { session, sourceId } = await openProjectToExport();
    const calls: Array<[number, number]> = [];
    const report = await readExportCorpus(session, 'key', (done, total) =>
      calls.push([done, total]),
    );
    expect(calls.at(-1)).toEqual([2, 2]);
    expect(report.corpus.map((source) => source.id)).toEqual([sourceId, 'src-notes']);
    const texts = (corpus: typeof report.corpus) =>
      Object.fromEntries(corpus[0]!.codings.map((coding) => [coding.id, coding.text]));
    expect(texts(report.corpus)).toEqual({
      'c-a1': TWO_CODERS_TEXT.slice(0, 40),
      'c-b1': '',
      'c-a2': '',
      'c-b2': '',
    });
    const workbook = await readExportCorpus(session, 'all');
    expect(texts(workbook.corpus)).toEqual({
      'c-a1': TWO_CODERS_TEXT.slice(0, 40),
      'c-b1': TWO_CODERS_TEXT.slice(20, 60),
      'c-a2': TWO_CODERS_TEXT.slice(60, 100),
      'c-b2': TWO_CODERS_TEXT.slice(70, 100),
    });
    // Nobody coded the notes: they are no source of the agreement study.
    expect(workbook.agreementInput.sources.map((source) => source.id)).toEqual([sourceId]);
    await session.close();
  });

  it('names a source that cannot be read, and an export refuses rather than leave its codings out', async () => {
    // Found by a newcomer walk-through: the report said «no passage coded yet» for questions
    // coded in a damaged transcript, and «Rapporto esportato».
    const { session, dir } = await openProjectToExport();
    await writeFile(join(dir, 'sources', 'src-notes.json'), '{"schemaVersion": 2, "id": "src-no');
    session.sources.forget('src-notes'); // as when the text cache has let it go
    const read = await readExportCorpus(session, 'all');
    expect(read.unreadable).toEqual(['Note di campo']);
    expect(read.corpus.map((source) => source.id)).not.toContain('src-notes');
    const refused = (() => {
      try {
        refuseUnreadable(read.unreadable);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refused).toBeInstanceOf(CampoError);
    expect(errorMessage(refused as CampoError, 'it')).toBe(
      'Non esportato: una trascrizione non si può leggere (Note di campo), e ciò che vi è codificato mancherebbe. Ripristina una copia di sicurezza (Copie di sicurezza) e riprova.',
    );
    expect(() => refuseUnreadable([])).not.toThrow();
    await session.close();
  });

  it('keeps passages that do not hold their transcripts in memory', () => {
    // V8 keeps a slice as a view of its parent: 200 passages would hold 200 transcripts.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const retainedMb = (copy: (passage: string) => string) => {
      gc();
      const before = process.memoryUsage().heapUsed;
      const kept: string[] = [];
      for (let n = 0; n < 200; n++) {
        const transcript = `${n} ${'Il bando è arrivato tardi. '.repeat(20_000)}`;
        kept.push(copy(transcript.slice(100, 400)));
      }
      gc();
      const mb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
      expect(kept).toHaveLength(200);
      return mb;
    };
    expect(retainedMb((passage) => passage)).toBeGreaterThan(50);
    expect(retainedMb(detachedCopy)).toBeLessThan(5);
  });
});
