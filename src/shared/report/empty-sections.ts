import type { ProjectFile } from '../model/project';
import type { ReportSectionId } from './model';

/*
 * What each chapter prints from: the composer asks whether it is empty (emptySections), the
 * chapter prints it or its «nothing yet» line. One selector each, so the two cannot disagree.
 */

/** The integration (external coherence) matrices and any custom ones: all but Europe 2020. */
export const integrationMatrices = (project: Pick<ProjectFile, 'matrices'>) =>
  project.matrices.filter((matrix) => matrix.template !== 'europe2020');

/** The matrices of the contribution to the Europe 2020 headline targets. */
export const europe2020Matrices = (project: Pick<ProjectFile, 'matrices'>) =>
  project.matrices.filter((matrix) => matrix.template === 'europe2020');

/** Interviews and focus groups held (or at least not only planned). */
export const heldSessions = (project: Pick<ProjectFile, 'sessions'>) =>
  project.sessions.filter((session) => session.status !== 'planned');

/** The framework matrix's summaries that hold words. */
export const writtenSummaries = (project: Pick<ProjectFile, 'frameworkSummaries'>) =>
  project.frameworkSummaries.filter((summary) => summary.text.trim() !== '');

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
  if (writtenSummaries(project).length === 0) empty.add('framework');
  if (integrationMatrices(project).length === 0) empty.add('integration');
  if (europe2020Matrices(project).length === 0) empty.add('europe2020');
  if (project.ngtSessions.length === 0) empty.add('ngt');
  if (project.indicators.length === 0) empty.add('indicators');
  if (project.participants.length === 0) empty.add('participants');
  if (heldSessions(project).length === 0) empty.add('fieldwork');
  return empty;
}
