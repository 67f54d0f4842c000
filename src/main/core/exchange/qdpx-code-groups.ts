import type { RefiSet } from '../../../shared/exchange/qde-parse';
import type { Code } from '../../../shared/model/project';

/** CodeSchema's limit on a description. */
const DESCRIPTION_MAX = 20_000;

/** A Set of codes (an ATLAS.ti code group): Campo has no groups; it is noted on its codes. */
export interface CodeGroup {
  name: string;
  codes: number;
}

/** Heading of the line that notes a code's groups in its description. */
export const CODE_GROUPS_HEADING = 'Gruppi di codici';

/**
 * Notes the code groups (REFI-QDA Sets of codes) in the descriptions of their codes, since Campo
 * has no groups: "Gruppi di codici: Barriere, Fattori abilitanti". Returns each group with the
 * number of its codes found.
 */
export function noteCodeGroups(
  sets: readonly RefiSet[],
  codeOf: (guid: string) => Code | undefined,
): CodeGroup[] {
  const groupsOf = new Map<Code, string[]>();
  const groups: CodeGroup[] = [];
  for (const set of sets) {
    if (set.codeGuids.length === 0) continue;
    const name = set.name || 'Gruppo senza nome';
    let found = 0;
    for (const guid of new Set(set.codeGuids)) {
      const code = codeOf(guid);
      if (!code) continue;
      found += 1;
      groupsOf.set(code, [...(groupsOf.get(code) ?? []), name]);
    }
    groups.push({ name, codes: found });
  }
  for (const [code, names] of groupsOf) {
    const line = `${CODE_GROUPS_HEADING}: ${names.join(', ')}`;
    if (code.description.includes(line)) continue;
    code.description = [code.description, line]
      .filter(Boolean)
      .join('\n\n')
      .slice(0, DESCRIPTION_MAX);
  }
  return groups;
}
