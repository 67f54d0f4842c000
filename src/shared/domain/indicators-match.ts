/**
 * Re-importing a monitoring extract: which rows name an indicator the project already has, and
 * what they would change in it. Monthly extracts are the normal case, so a second import of the
 * same file must update (or skip) its indicators, never add them twice.
 */
import type { Indicator } from '../model/project';
import { foldAccents } from './folding';
import type { IndicatorDraft, IndicatorField } from './indicators-import';

/** What may be changed in an indicator already there. */
export type IndicatorImportPatch = Partial<IndicatorDraft>;

/** What an import would do, row by row, before anything is saved. */
export interface IndicatorImportPlan {
  /** Rows naming no indicator of the project: added as new. */
  fresh: IndicatorDraft[];
  /** Rows naming an indicator of the project, with the values they would change in it. */
  matched: Array<{ indicator: Indicator; patch: IndicatorImportPatch }>;
  /** Row by row (as `drafts`): added, changing one already there, or naming one as it is. */
  outcomes: Array<'new' | 'update' | 'same'>;
  /** Row by row: the indicator already there it names, and what it would change, or null. */
  existing: Array<{ indicator: Indicator; patch: IndicatorImportPatch } | null>;
}

const fold = (value: string) => foldAccents(value).replace(/\s+/g, ' ').trim();

/**
 * What makes two indicators the same one: the code ("CO01", case and spacing aside) when there
 * is one; otherwise the axis and the name. Monitoring systems key indicators by code.
 */
export function indicatorKey(indicator: Pick<Indicator, 'code' | 'axis' | 'name'>): string {
  const code = fold(indicator.code);
  return code ? `code:${code}` : `name:${fold(indicator.axis)}|${fold(indicator.name)}`;
}

/**
 * Splits the rows read from an extract (`drafts`, with `filled[i]` the fields row i had a value
 * for) into new indicators and updates of `existing` ones. An update changes only the fields the
 * row filled (a blank cell never erases a value) and, when it changes anything, names
 * `defaultSource` as the data's source unless the row gave one. New indicators without a source
 * get `defaultSource` too.
 */
export function planIndicatorImport(
  drafts: readonly IndicatorDraft[],
  filled: readonly (readonly IndicatorField[])[],
  existing: readonly Indicator[],
  defaultSource: string,
): IndicatorImportPlan {
  const byKey = new Map<string, Indicator>();
  for (const indicator of existing) {
    const key = indicatorKey(indicator);
    if (!byKey.has(key)) byKey.set(key, indicator);
  }
  const plan: IndicatorImportPlan = { fresh: [], matched: [], outcomes: [], existing: [] };
  drafts.forEach((draft, index) => {
    const indicator = byKey.get(indicatorKey(draft));
    if (!indicator) {
      plan.fresh.push({ ...draft, source: draft.source || defaultSource });
      plan.outcomes.push('new');
      plan.existing.push(null);
      return;
    }
    const patch: Record<string, unknown> = {};
    for (const field of filled[index] ?? []) {
      // The code is what matched ("co01" is CO01): it is not changed.
      if (field === 'code' && indicator.code !== '') continue;
      if (draft[field] !== indicator[field]) patch[field] = draft[field];
    }
    const given = filled[index]?.includes('source') ?? false;
    if (Object.keys(patch).length > 0 && !given && indicator.source !== defaultSource) {
      patch.source = defaultSource;
    }
    plan.matched.push({ indicator, patch: patch as IndicatorImportPatch });
    plan.existing.push(plan.matched.at(-1)!);
    plan.outcomes.push(Object.keys(patch).length > 0 ? 'update' : 'same');
  });
  return plan;
}
