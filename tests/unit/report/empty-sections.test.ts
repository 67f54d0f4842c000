import { describe, expect, it } from 'vitest';
import { emptySections } from '../../../src/shared/report/empty-sections';
import { sampleProject } from '../export/workbook-fixture';

describe('sections with nothing to print yet', () => {
  it('are the ones whose data the project lacks, and follow it as data comes', () => {
    // Found by a newcomer walk-through: NGT, Europe 2020 and the framework summaries, ticked by
    // default, were each a nearly blank page of a new project's draft.
    const project = sampleProject();
    const full = emptySections(project);
    expect([...full]).not.toContain('ngt');
    expect([...full]).not.toContain('indicators');

    project.ngtSessions = [];
    project.indicators = [];
    project.frameworkSummaries = project.frameworkSummaries.map((s) => ({ ...s, text: '  ' }));
    project.matrices = project.matrices.filter((m) => m.template === 'europe2020');
    project.sessions = project.sessions.map((s) => ({ ...s, status: 'planned' as const }));
    const empty = emptySections(project);
    for (const id of ['ngt', 'indicators', 'framework', 'integration', 'fieldwork'] as const) {
      expect(empty.has(id)).toBe(true);
    }
    // The cover, the index, the premessa and the conclusions always have something.
    for (const id of ['cover', 'index', 'premessa', 'conclusions'] as const) {
      expect(empty.has(id)).toBe(false);
    }
  });
});
