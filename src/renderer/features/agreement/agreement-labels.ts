import { isConsensus } from '../../../shared/domain/agreement-consensus';
import type { Translate } from '../../../shared/i18n';
import type { ProjectFile } from '../../../shared/model/project';

/** How the view names a coder: the evaluator's name, "Consenso" for the consensus layer, else the id. */
export function coderLabel(project: ProjectFile, t: Translate): (id: string) => string {
  const names = new Map(project.evaluators.map((e) => [e.id, e.name.trim()]));
  // The consensus layer in the screen's language, whatever its record says.
  return (id) => (isConsensus(id) ? t('agreement.consensus') : names.get(id) || id);
}

/** A code's name by id (the id itself for a code deleted since). */
export function codeLabel(project: ProjectFile): (id: string) => string {
  const names = new Map(project.codes.map((c) => [c.id, c.name]));
  return (id) => names.get(id) ?? id;
}
