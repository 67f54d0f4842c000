import { describe, expect, it } from 'vitest';
import { conflictFieldLabel } from '../../../src/shared/domain/team-labels';
import { translator } from '../../../src/shared/i18n';
import { ProjectFileSchema, type RecordKind } from '../../../src/shared/model/project';

/** project.json's lists and singletons, by the record kind a conflict names. */
const KINDS: Record<string, RecordKind> = {
  meta: 'meta',
  report: 'report',
  evaluators: 'evaluator',
  questions: 'question',
  participants: 'participant',
  indicators: 'indicator',
  codes: 'code',
  frameworkSummaries: 'frameworkSummary',
  ngtSessions: 'ngtSession',
  matrices: 'matrix',
  sessions: 'session',
  sources: 'source',
  consensusDecisions: 'consensusDecision',
};

interface Inspectable {
  def?: { innerType?: Inspectable; type?: string; element?: Inspectable };
  shape?: Record<string, unknown>;
}

/** The fields of a record kind's schema (through defaults, optionals and arrays). */
function fieldsOf(schema: Inspectable): string[] {
  let inner: Inspectable | undefined = schema;
  while (inner?.def?.innerType) inner = inner.def.innerType;
  if (inner?.def?.type === 'array') inner = inner.def.element;
  while (inner?.def?.innerType) inner = inner.def.innerType;
  return Object.keys(inner?.shape ?? {});
}

describe('conflictFieldLabel', () => {
  it('names every field a merge conflict can show in the user’s language, never by its key', () => {
    // Found by a newcomer walk-through: a question's criterion was shown as «criterion».
    const shape = (ProjectFileSchema as unknown as { shape: Record<string, Inspectable> }).shape;
    let checked = 0;
    for (const language of ['it', 'en'] as const) {
      const t = translator(language);
      for (const [list, kind] of Object.entries(KINDS)) {
        for (const field of fieldsOf(shape[list]!)) {
          if (['id', 'rev', 'updatedAt', 'updatedBy'].includes(field)) continue;
          const label = conflictFieldLabel(field, t, kind);
          expect(label, `${kind}.${field}`).not.toMatch(/[{}]|Un altro campo|Another field/);
          expect(label, `${kind}.${field}`).not.toBe(field);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
    expect(conflictFieldLabel('criterion', translator('it'), 'question')).toBe('Criterio');
  });
});
