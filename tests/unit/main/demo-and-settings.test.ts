import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemoSpec, writeDemoProject } from '../../../src/main/core/demo';
import { findResourcesDir } from '../../../src/main/core/paths';
import { listBackups, readBackupFile } from '../../../src/main/core/store/backups';
import { SettingsStore } from '../../../src/main/core/settings';
import { levelOf, summariseMatrix } from '../../../src/shared/domain/matrix';
import { scoreBallots } from '../../../src/shared/domain/ngt';
import { tempDir } from '../../helpers/temp-dir';

describe('demo project', () => {
  it('is built from the seed report: programme, the 8 RAV questions, Tabella 2.1, fictional transcripts', async () => {
    const session = await writeDemoProject(await tempDir(), findResourcesDir());
    const { project } = session;
    expect(project.meta.programme).toBe('POR FSE 2014-2020 Regione Lombardia');
    expect(project.meta.thematicObjectives).toEqual(['OT8', 'OT9', 'OT10', 'OT11', 'Asse V']);
    expect(project.questions.map((q) => q.code)).toEqual([
      'DV1',
      'DV2',
      'DV3',
      'DV4',
      'DV5',
      'DV6',
      'DV7',
      'DV8',
    ]);
    expect(project.questions.at(-1)?.criterion).toBe('Partenariato');
    expect(project.indicators.find((i) => i.achieved === 830)?.name).toMatch(/Destinatari/);
    expect(project.indicators.find((i) => i.achieved === 63.1)?.unit).toBe('%');
    // Pseudonyms by default: at most one (fictional) name.
    expect(project.participants.filter((p) => p.name).map((p) => p.name)).toEqual([
      expect.stringMatching(/fittizio/),
    ]);

    // A completed interview and a focus group with their transcripts, and a planned interview.
    expect(project.sessions.map((s) => [s.code, s.kind, s.status, s.sourceIds.length])).toEqual([
      ['INT-02', 'interview', 'transcribed', 1],
      ['INT-05', 'interview', 'transcribed', 1],
      ['INT-03', 'interview', 'planned', 0],
      ['FG-01', 'focusGroup', 'transcribed', 1],
    ]);
    const focusGroup = project.sessions.find((s) => s.code === 'FG-01')!;
    expect(focusGroup.participantIds).toHaveLength(4);
    expect(focusGroup.guide.every((g) => g.questionIds.length > 0)).toBe(true);

    // The focus group came through the VTT importer: Teams cues of one speaker merged into turns.
    const fg = await session.readSource(focusGroup.sourceIds[0]!);
    expect(fg.origin).toBe('demo');
    expect(fg.turns.length).toBe(44);
    expect(fg.turns[0]).toMatchObject({ speaker: 'Facilitatrice', time: 3.12 });
    expect(fg.text).toContain('🙏');

    expect(project.sources).toHaveLength(3);
    for (const summary of project.sources) {
      expect(summary.fictional).toBe(true);
      const source = await session.readSource(summary.id);
      expect(source.turns.length).toBeGreaterThan(10);
      // Every turn of an interviewee is linked to their participant record.
      const evaluator = ['Intervistatrice', 'Facilitatrice'];
      const speakers = new Set(
        source.turns.filter((t) => !evaluator.includes(t.speaker)).map((t) => t.participantId),
      );
      expect([...speakers].every((id) => project.participants.some((p) => p.id === id))).toBe(true);
    }

    // A codebook to start from: one code per DV on keys 1–8, thematic codes, example codings.
    expect(project.codes.filter((c) => c.followsQuestion).map((c) => c.quickKey)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    const newTargets = project.codes.find((c) => c.name === 'Nuovi target')!;
    expect(project.codes.find((c) => c.id === newTargets.parentId)!.name).toMatch(/^DV1 – /);
    let codings = 0;
    for (const summary of project.sources) {
      const source = await session.readSource(summary.id);
      for (const coding of source.codings) {
        expect(source.text.slice(coding.start, coding.end)).toBe(coding.text);
        expect(project.codes.some((c) => c.id === coding.codeId)).toBe(true);
      }
      codings += source.codings.length;
    }
    expect(codings).toBe(8);

    // A closed NGT session with the partners: five cards, one merged idea, I5 first.
    const [ngt] = project.ngtSessions;
    expect(ngt).toMatchObject({
      code: 'NGT-01',
      step: 'closed',
      participantIds: expect.any(Array),
    });
    expect(ngt!.ideas.filter((idea) => idea.mergedInto)).toHaveLength(1);
    const rows = scoreBallots({
      ideaIds: ngt!.votes[0]!.ideaIds,
      ballots: ngt!.votes[0]!.ballots.map((b) => ({
        participant: b.participantId,
        points: b.points,
      })),
      rule: ngt!.rule,
    });
    const code = (id: string) => ngt!.ideas.find((idea) => idea.id === id)!.code;
    expect(rows.slice(0, 4).map((row) => [code(row.ideaId), row.total])).toEqual([
      ['I5', 10],
      ['I4', 7],
      ['I1', 6],
      ['I2', 5],
    ]);

    // A filled integration matrix (4 × 5, two dimensions) and the Europe 2020 contribution.
    const [integration, europe] = project.matrices;
    expect(integration!.cells).toHaveLength(20);
    const summary = summariseMatrix(integration!);
    expect(summary.dimensions.map((d) => [d.overall.rated, d.overall.notApplicable])).toEqual([
      [18, 2],
      [18, 2],
    ]);
    expect(
      europe!.rows.map(
        (row) =>
          levelOf(
            europe!,
            europe!.cells.find((c) => c.rowId === row.id)!,
            europe!.dimensions[0]!.id,
          )?.label.it,
      ),
    ).toEqual(['Medio', 'Basso', 'Basso', 'Alto', 'Nullo']);
    await session.close();
  });

  it('has a whole snapshot among its backups, not only the half-built one of its first save', async () => {
    // Found by a newcomer walk-through: restoring the demo's only backup dropped its NGT
    // session, its matrices, 5 participants and 4 codes.
    const session = await writeDemoProject(await tempDir(), findResourcesDir());
    const whole = session.project;
    await session.close();
    const [newest] = await listBackups(session.dir);
    const read = await readBackupFile(session.dir, newest!.id, 'project.json');
    expect(read.status).toBe('ok');
    const backedUp = (read as { value: typeof whole }).value;
    expect(backedUp.ngtSessions).toHaveLength(whole.ngtSessions.length);
    expect(backedUp.matrices).toHaveLength(whole.matrices.length);
    expect(backedUp.participants).toHaveLength(whole.participants.length);
    expect(backedUp.codes).toHaveLength(whole.codes.length);
  });

  it('refuses a demo file that breaks its schema, naming the field', async () => {
    const resources = await tempDir();
    const { mkdir, cp } = await import('node:fs/promises');
    await mkdir(join(resources, 'demo'), { recursive: true });
    await cp(join(findResourcesDir(), 'demo'), join(resources, 'demo'), { recursive: true });
    const spec = JSON.parse(await readFile(join(resources, 'demo', 'demo.json'), 'utf8'));
    spec.questions[0].colour = 'rosso';
    await writeFile(join(resources, 'demo', 'demo.json'), JSON.stringify(spec));
    await expect(loadDemoSpec(resources)).rejects.toThrow(/questions\.0/);
  });
});

describe('settings', () => {
  it('keep the language and recent projects across restarts, newest first, at most ten', async () => {
    const dir = await tempDir();
    const settings = await SettingsStore.load(dir);
    expect(settings.settings.language).toBe('it');
    await settings.update({ language: 'en' });
    for (let i = 0; i < 12; i += 1)
      await settings.addRecent(`/progetti/p${i}.campo`, `Progetto ${i}`);
    await settings.addRecent('/progetti/p3.campo', 'Progetto 3');
    const again = await SettingsStore.load(dir);
    expect(again.settings.language).toBe('en');
    const recent = await again.recent();
    expect(recent).toHaveLength(10);
    expect(recent[0]).toMatchObject({ path: '/progetti/p3.campo', exists: false });
    expect(recent.filter((r) => r.path === '/progetti/p3.campo')).toHaveLength(1);
  });

  it('set a damaged settings file aside and start from defaults', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'settings.json'), '{"language": "it", "recent": [');
    const settings = await SettingsStore.load(dir);
    expect(settings.settings.language).toBe('it');
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(dir)).some((name) => name.startsWith('settings.corrupt-'))).toBe(true);
  });
});
