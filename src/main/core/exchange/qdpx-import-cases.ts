import { FULL_CASE_NAME } from '../../../shared/exchange/import-summary';
import type { RefiProject } from '../../../shared/exchange/qde-parse';
import type { Participant, ParticipantAttributeSchema } from '../../../shared/model/project';
import type { z } from 'zod';

type Attribute = z.infer<typeof ParticipantAttributeSchema>;

/** ParticipantSchema's limit on a pseudonym. */
const PARTICIPANT_CODE_MAX = 40;

/** A case name shortened to fit a pseudonym, for the import summary. */
export interface ShortenedCase {
  name: string;
  code: string;
}

/** A typed attribute from a variable value; null when the value does not fit the type. */
function attribute(key: string, type: string, value: string | number | boolean | null) {
  if (value === null) return null;
  const kind = type.toLowerCase();
  if (kind === 'boolean') {
    const text = String(value).trim().toLowerCase();
    if (text === 'true' || text === '1') return { key, type: 'boolean', value: true } as const;
    if (text === 'false' || text === '0') return { key, type: 'boolean', value: false } as const;
    return null;
  }
  if (kind === 'integer' || kind === 'float') {
    const number = typeof value === 'number' ? value : Number(String(value).trim() || 'x');
    return Number.isFinite(number) ? ({ key, type: 'number', value: number } as const) : null;
  }
  if (kind === 'date' || kind === 'datetime') {
    // DateTime keeps its calendar day as written (no time-zone shift).
    const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value).trim());
    if (!day) return null;
    const date = new Date(`${day[0]}T00:00:00Z`);
    const valid = !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day[0]);
    return valid ? ({ key, type: 'date', value: day[0] } as const) : null;
  }
  return { key, type: 'text', value: String(value).slice(0, 2_000) } as const;
}

/** A case name cut to fit a pseudonym: at a word boundary when one is near, with "…". */
export function shortCode(name: string, max = PARTICIPANT_CODE_MAX): string {
  if (name.length <= max) return name;
  const cut = name.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= max / 2 ? cut.slice(0, space) : cut).trim()}…`;
}

/**
 * Cases as participants: pseudonym = case name, unique, ≤ 40 characters; `name` (personal data)
 * stays empty. A longer case name (QualiLab writes descriptions there) is shortened, kept whole
 * in the text attribute FULL_CASE_NAME, and listed in `shortened` for the summary.
 */
export function mapCases(
  project: RefiProject,
  nextId: (guid: string) => string,
): { participants: Participant[]; shortened: ShortenedCase[] } {
  const variables = new Map(project.variables.map((variable) => [variable.guid, variable]));
  const codesUsed = new Set<string>();
  const shortened: ShortenedCase[] = [];
  const participants = project.cases.map((refi, index) => {
    const name = refi.name.replace(/\s+/g, ' ').trim();
    const base = shortCode(name) || `CASO-${index + 1}`;
    let code = base;
    for (let n = 2; codesUsed.has(code.toLowerCase()); n += 1) {
      const suffix = ` (${n})`;
      const stem = name === '' ? base : shortCode(name, PARTICIPANT_CODE_MAX - suffix.length);
      code = `${stem.slice(0, PARTICIPANT_CODE_MAX - suffix.length).trim()}${suffix}`;
    }
    codesUsed.add(code.toLowerCase());
    const attributes: Attribute[] = [];
    if (base !== name && name !== '') {
      shortened.push({ name, code });
      attributes.push({ key: FULL_CASE_NAME, type: 'text', value: name.slice(0, 2_000) });
    }
    for (const { variableGuid, value } of refi.values) {
      const variable = variables.get(variableGuid);
      const key = variable?.name.slice(0, 100).trim();
      if (!variable || !key || attributes.some((other) => other.key === key)) continue;
      const typed = attribute(key, variable.type, value);
      if (typed) attributes.push(typed);
    }
    return {
      id: nextId(refi.guid),
      code,
      name: '',
      role: '',
      organisation: '',
      territory: '',
      partnershipType: null,
      attributes,
      consent: { given: null, date: null, scope: '', note: '' },
    };
  });
  return { participants, shortened };
}
