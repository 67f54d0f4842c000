import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/shared/i18n';
import type { MessageKey } from '../../../src/shared/i18n';
import { buildReport } from '../../../src/shared/report/build-report';
import { emptySections } from '../../../src/shared/report/empty-sections';
import { ReportSettingsSchema, type ReportSectionId } from '../../../src/shared/report/model';
import { sampleExport, sampleProject } from '../export/workbook-fixture';

/** The project with no NGT, indicator, summary, integration matrix or session held. */
function emptied() {
  const project = sampleProject();
  project.ngtSessions = [];
  project.indicators = [];
  project.frameworkSummaries = project.frameworkSummaries.map((s) => ({ ...s, text: '  ' }));
  project.matrices = project.matrices.filter((m) => m.template === 'europe2020');
  project.sessions = project.sessions.map((s) => ({ ...s, status: 'planned' as const }));
  return project;
}

/** The «nothing yet» line each judged chapter prints. */
const NONE: Partial<Record<ReportSectionId, MessageKey>> = {
  method: 'report.method.none',
  framework: 'report.framework.none',
  integration: 'report.integration.none',
  europe2020: 'report.europe2020.none',
  ngt: 'report.ngt.none',
  indicators: 'report.indicators.none',
  participants: 'report.participants.none',
  fieldwork: 'report.fieldwork.none',
};

/** The text of the report made of `section` alone. */
const printed = (project: ReturnType<typeof sampleProject>, section: ReportSectionId) =>
  JSON.stringify(
    buildReport({
      project,
      ...sampleExport(),
      settings: ReportSettingsSchema.parse({ sections: [section] }),
      today: '2026-12-06',
    }).blocks,
  );

describe('sections with nothing to print yet', () => {
  it('are the ones whose data the project lacks, and follow it as data comes', () => {
    // Found by a newcomer walk-through: NGT, Europe 2020 and the framework summaries, ticked by
    // default, were each a nearly blank page of a new project's draft.
    const full = emptySections(sampleProject());
    expect([...full]).not.toContain('ngt');
    expect([...full]).not.toContain('indicators');

    const empty = emptySections(emptied());
    for (const id of ['ngt', 'indicators', 'framework', 'integration', 'fieldwork'] as const) {
      expect(empty.has(id)).toBe(true);
    }
    // The cover, the index, the premessa and the conclusions always have something.
    for (const id of ['cover', 'index', 'premessa', 'conclusions'] as const) {
      expect(empty.has(id)).toBe(false);
    }
  });

  it('are exactly those whose chapter prints only its «nothing yet» line', () => {
    const t = translator('it');
    for (const project of [sampleProject(), emptied()]) {
      const empty = emptySections(project);
      for (const [section, key] of Object.entries(NONE) as [ReportSectionId, MessageKey][]) {
        expect(
          printed(project, section).includes(JSON.stringify(t(key)).slice(1, -1)),
          section,
        ).toBe(empty.has(section));
      }
    }
  });
});
