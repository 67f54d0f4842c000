import type { BallotProblem } from '../../../shared/domain/ngt';
import type { Translate } from '../../../shared/i18n';

/** One line per problem, in the user's language, naming ideas by their code (I3). */
export function describeProblem(
  problem: BallotProblem,
  t: Translate,
  code: (id: string) => string,
): string {
  switch (problem.code) {
    case 'idea-twice':
      return t('ngt.problem.idea-twice', { idea: code(problem.ideaId) });
    case 'unknown-idea':
      return t('ngt.problem.unknown-idea', { idea: code(problem.ideaId) });
    case 'merged-idea':
      return t('ngt.problem.merged-idea', {
        idea: code(problem.ideaId),
        into: problem.into ? code(problem.into) : '?',
      });
    case 'not-integer':
    case 'negative':
      return t(`ngt.problem.${problem.code}`, {
        idea: code(problem.ideaId),
        points: problem.points,
      });
    case 'duplicate-points':
      return t('ngt.problem.duplicate-points', {
        points: problem.points,
        ideas: problem.ideaIds.map(code).join(', '),
      });
    case 'not-a-permutation':
      return t('ngt.problem.not-a-permutation', { expected: problem.expected.join(', ') });
    case 'empty-places':
      return t('ngt.problem.empty-places', {
        places: problem.points.map((points) => t('ngt.slot', { points })).join(', '),
      });
    case 'pool-overspent':
      return t('ngt.problem.pool-overspent', { given: problem.given, pool: problem.pool });
    case 'too-many-votes':
      return t('ngt.problem.too-many-votes', { given: problem.given, allowed: problem.allowed });
    case 'over-max-per-idea':
      return t('ngt.problem.over-max-per-idea', {
        idea: code(problem.ideaId),
        points: problem.points,
        max: problem.max,
      });
  }
}
