import type { MessageKey } from '../../../shared/i18n';

/** Criteria of Tavola 3.1 of the seed report (the user may type their own). */
export const CRITERIA: MessageKey[] = [
  'criterion.context',
  'criterion.coherence',
  'criterion.effectiveness',
  'criterion.reprogramming',
  'criterion.horizontal',
  'criterion.growth',
  'criterion.instruments',
  'criterion.partnership',
];

/** Methods and tools evaluators list in an evaluation matrix (the user may add their own). */
export const METHODS: MessageKey[] = [
  'method.desk',
  'method.monitoring',
  'method.interviews',
  'method.focusGroup',
  'method.ngt',
  'method.survey',
  'method.statistics',
  'method.caseStudies',
  'method.integrationMatrix',
];
