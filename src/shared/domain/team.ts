/**
 * The evaluation team as the project knows it (issue 18): evaluators with initials, a colour per
 * coder and a role. Pure helpers shared by the core and the screens.
 */
import type { Evaluator, EvaluatorRole } from '../model/project';
import { isConsensus } from './agreement-consensus';

/**
 * Coder colours: distinct in hue and lightness, readable on white as margin bars, and told apart
 * by their initials too (never by colour alone).
 */
export const CODER_PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#17becf',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
] as const;

/** "Maria Rossi" → "MR"; "anna" → "AN"; empty → "?". */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/[\s._-]+/u)
    .filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0]!.slice(0, 2).toUpperCase();
  return (words[0]![0]! + words.at(-1)![0]!).toUpperCase();
}

/** The first palette colour no one in the team uses yet (cycling when all are taken). */
export function nextCoderColour(team: readonly Pick<Evaluator, 'colour'>[]): string {
  const used = new Set(team.map((member) => member.colour?.toLowerCase()));
  return CODER_PALETTE.find((colour) => !used.has(colour)) ?? CODER_PALETTE[team.length % 10]!;
}

/** A new team member, with initials from the name and a free colour. */
export function newEvaluator(
  input: { id: string; name: string; initials?: string; role?: EvaluatorRole },
  team: readonly Evaluator[] = [],
): Evaluator {
  return {
    id: input.id,
    name: input.name,
    initials: input.initials?.trim() || initialsOf(input.name),
    colour: nextCoderColour(team),
    role: input.role ?? 'coder',
  };
}

/**
 * The colour each member is shown in: their own, unless an earlier member already shows it (two
 * colleagues who joined in separate packages may have picked the same one), then a free one.
 */
export function displayColours(
  team: readonly Pick<Evaluator, 'id' | 'colour'>[],
): Map<string, string> {
  const shown = new Map<string, string>();
  const used = new Set<string>();
  for (const member of team) {
    let colour = member.colour?.toLowerCase() ?? '';
    if (!colour || used.has(colour)) {
      colour =
        CODER_PALETTE.find((candidate) => !used.has(candidate)) ?? CODER_PALETTE[used.size % 10]!;
    }
    used.add(colour);
    shown.set(member.id, colour);
  }
  return shown;
}

/**
 * How a coder is shown: the team's record, else a neutral entry naming the id's start. The
 * consensus layer is named `consensusName` when given (the screen's language: its record keeps
 * the name in the language of the project when it was made).
 */
export function coderDisplay(
  team: readonly Evaluator[],
  coderId: string,
  consensusName?: string,
): { name: string; initials: string; colour: string } {
  const member = team.find((evaluator) => evaluator.id === coderId);
  return {
    name:
      (consensusName && isConsensus(coderId) ? consensusName : member?.name) || coderId.slice(0, 8),
    initials: member?.initials || initialsOf(member?.name ?? coderId),
    colour: displayColours(team).get(coderId) ?? CODER_PALETTE[team.length % CODER_PALETTE.length]!,
  };
}
