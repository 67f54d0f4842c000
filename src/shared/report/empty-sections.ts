import type { ProjectFile } from '../model/project';
import type { ReportSectionId } from './model';

/**
 * The sections that would print only their «nothing yet» line for this project (no matrix, no
 * NGT session, no indicator …): the composer marks them, so a draft does not carry a nearly
 * blank page for each. The agreement annex is not judged here (it depends on a comparison kept
 * for the report, worked out at export).
 */
export function emptySections(project: ProjectFile): Set<ReportSectionId> {
  const empty = new Set<ReportSectionId>();
  if (project.questions.length === 0) {
    empty.add('method');
    empty.add('questions');
  }
  if (!project.frameworkSummaries.some((summary) => summary.text.trim() !== '')) {
    empty.add('framework');
  }
  if (!project.matrices.some((matrix) => matrix.template !== 'europe2020'))
    empty.add('integration');
  if (!project.matrices.some((matrix) => matrix.template === 'europe2020')) empty.add('europe2020');
  if (project.ngtSessions.length === 0) empty.add('ngt');
  if (project.indicators.length === 0) empty.add('indicators');
  if (project.participants.length === 0) empty.add('participants');
  if (!project.sessions.some((session) => session.status !== 'planned')) empty.add('fieldwork');
  return empty;
}
