import type { Participant } from '../model/project';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A function replacing every participant's real name in a text with their pseudonym: the name
 * as written and without a trailing parenthesis ("Giulia Ferrari (nome fittizio)" → also
 * "Giulia Ferrari"), as whole words, ignoring case; names shorter than 3 characters are left
 * alone (they would match inside ordinary words). Used by the report and the workbook.
 */
export function anonymiser(participants: readonly Participant[]): (text: string) => string {
  const codes = new Map<string, string>();
  for (const participant of participants) {
    const name = participant.name.trim();
    const bare = name.replace(/\s*\([^)]*\)\s*$/, '').trim();
    for (const each of [name, bare]) {
      const key = each.toLocaleLowerCase();
      if (each.length >= 3 && !codes.has(key)) codes.set(key, participant.code);
    }
  }
  if (codes.size === 0) return (text) => text;
  // One pattern for all names, longest first, so a full name wins over a shorter one inside it.
  const names = [...codes.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  const codeOf = (match: string) =>
    codes.get(match.toLocaleLowerCase()) ??
    // Case folding can differ from lower-casing (ß, dotted I): find the name that matched.
    codes.get(
      names.find((name) => new RegExp(`^${escapeRegExp(name)}$`, 'iu').test(match)) ?? '',
    ) ??
    // Unreachable (the pattern only matches names), but never hand the name back.
    '[…]';
  return (text) => text.replace(pattern, codeOf);
}
