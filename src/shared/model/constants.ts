// Plain enumerations of the domain model, kept free of zod so the renderer can import them
// without bundling the schemas.

export const EVALUATION_TYPES = ['impact', 'process', 'mixed'] as const;
export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const PARTNERSHIP_TYPES = ['istituzionale', 'economico-sociale', 'societa-civile'] as const;
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];
export const INDICATOR_TYPES = ['financial', 'output', 'result'] as const;
export const SOURCE_KINDS = ['transcript', 'notes', 'document'] as const;
export const SOURCE_ORIGINS = ['typed', 'txt', 'docx', 'vtt', 'srt', 'demo'] as const;

/** Interviews and focus groups share one record type (a field session). */
export const SESSION_KINDS = ['interview', 'focusGroup'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const SESSION_MODES = ['in-person', 'remote', 'phone'] as const;
export const SESSION_STATUSES = ['planned', 'done', 'transcribed', 'coded'] as const;

/** The id of the framework summary of one participant × question cell (one record per cell). */
export function frameworkSummaryId(participantId: string, questionId: string): string {
  return `${participantId}~${questionId}`.slice(0, 100);
}

/**
 * The id of the consensus decision on one disagreement (a code on a passage of a source): one
 * record per passage, so two colleagues' decisions on it are one record when merged.
 */
export function consensusDecisionId(
  sourceId: string,
  codeId: string,
  start: number,
  end: number,
): string {
  return `${sourceId}~${codeId}~${start}-${end}`.slice(0, 100);
}

/** An evaluator's role in the team (issue 18). */
export const EVALUATOR_ROLES = ['lead', 'coder', 'interviewer'] as const;
export type EvaluatorRole = (typeof EVALUATOR_ROLES)[number];
