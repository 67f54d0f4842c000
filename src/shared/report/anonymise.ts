import { mapOffset, type TextEdit } from '../domain/reanchor';
import type { Participant, ProjectFile } from '../model/project';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Particles of a name, never taken alone for a person ("Della" of "Anna Della Valle"). */
const PARTICLES = new Set(['della', 'delle', 'dello', 'degli', 'dalla', 'dalle', 'dallo']);

/** What is left of a name once pseudonymised twice: a part shared by two participants. */
const SHARED_PART = '[…]';

/** Whole words only: letters and digits on either side are part of another word. */
const wholeWords = (alternatives: string[], flags: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${alternatives.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    flags,
  );

/**
 * A function replacing every participant's real name in a text with their pseudonym: the name
 * as written and without a trailing parenthesis ("Giulia Ferrari (nome fittizio)" → also
 * "Giulia Ferrari"), as whole words, ignoring case; names shorter than 3 characters are left
 * alone (they would match inside ordinary words). Then each part of a name on its own, as
 * people are named in Italian text ("la signora Ferrari", "Giulia ha detto"): written with its
 * capital, of four letters or more, not a particle. A part two participants share ("Rossi" of
 * two Rossi) names neither: it becomes "[…]". Used by the report and the workbook.
 */
export function anonymiser(
  participants: readonly Participant[],
  options: AnonymiserOptions = {},
): (text: string) => string {
  const codes = new Map<string, string>();
  const parts = new Map<string, string>();
  for (const participant of participants) {
    const name = participant.name.trim();
    const bare = name.replace(/\s*\([^)]*\)\s*$/, '').trim();
    for (const each of [name, bare]) {
      const key = each.toLocaleLowerCase();
      if (each.length >= 3 && !codes.has(key)) codes.set(key, participant.code);
    }
    for (const part of new Set(bare.split(/[\s'’]+/u))) {
      if (part.length < 4 || !/^\p{Lu}/u.test(part) || PARTICLES.has(part.toLocaleLowerCase())) {
        continue;
      }
      const held = parts.get(part);
      parts.set(
        part,
        held === undefined || held === participant.code ? participant.code : SHARED_PART,
      );
    }
  }
  const steps: Pass[] = [];
  if (codes.size > 0) {
    // One pattern for all names, longest first, so a full name wins over a shorter one inside it.
    const names = [...codes.keys()].sort((a, b) => b.length - a.length);
    const codeOf = (match: string) =>
      codes.get(match.toLocaleLowerCase()) ??
      // Case folding can differ from lower-casing (ß, dotted I): find the name that matched.
      codes.get(
        names.find((name) => new RegExp(`^${escapeRegExp(name)}$`, 'iu').test(match)) ?? '',
      ) ??
      // Unreachable (the pattern only matches names), but never hand the name back.
      SHARED_PART;
    steps.push([wholeWords(names, 'giu'), codeOf]);
    // Parts as written (case-sensitive): "Rosa" the person, not "rosa" the colour. In a title
    // made from a file's name ("int01_ferrari") whatever their case (see titleAnonymiser).
    if (parts.size > 0) {
      const anyCase = options.partsInAnyCase === true;
      const keyOf = (part: string) => (anyCase ? part.toLocaleLowerCase() : part);
      // In any case, «Rosa» and «rosa» of two participants are one part shared: neither's.
      const byKey = new Map<string, string>();
      for (const [part, code] of parts) {
        const held = byKey.get(keyOf(part));
        byKey.set(keyOf(part), held === undefined || held === code ? code : SHARED_PART);
      }
      const partPattern = wholeWords(
        [...byKey.keys()].sort((a, b) => b.length - a.length),
        anyCase ? 'giu' : 'gu',
      );
      steps.push([partPattern, (part) => byKey.get(keyOf(part)) ?? SHARED_PART]);
    }
  }
  const replaced = (text: string) =>
    steps.reduce((current, [pattern, replace]) => current.replace(pattern, replace), text);
  passes.set(replaced, steps);
  const kept = keptNames(options.keep ?? [], codes);
  if (kept === null || steps.length === 0) return replaced;
  // The kept names stand as written; only the text between them is anonymised.
  return (text: string) => {
    let out = '';
    let from = 0;
    for (const match of text.matchAll(kept)) {
      out += replaced(text.slice(from, match.index)) + match[0];
      from = match.index + match[0].length;
    }
    return out + replaced(text.slice(from));
  };
}

/** What an anonymiser leaves alone. */
export interface AnonymiserOptions {
  /**
   * Names that are not participants' and stay as written, whole (the evaluators in a workbook's
   * coder column and reliability figures: «Carla Conti» is not «Carla FG-02-P2» because a
   * participant is a Conti). A name that is also a participant's full name is not kept. Such an
   * anonymiser cannot be given to `anonymiseWithOffsets`.
   */
  keep?: readonly string[];
  /**
   * Parts of names are matched whatever their case ("ferrari" too): for titles, which are often
   * a file's name written in lower case (see `titleAnonymiser`).
   */
  partsInAnyCase?: boolean;
}

/**
 * The anonymiser for titles of sources and sessions: a title filled in from a file's name
 * («int01_ferrari») names people in lower case, and a colour or a common word that is also a
 * surname is rare in a title (walk-through 9 found a surname in a package sent without names).
 */
export function titleAnonymiser(participants: readonly Participant[]): (text: string) => string {
  return anonymiser(participants, { partsInAnyCase: true });
}

/** One pattern for the names to keep, longest first (see AnonymiserOptions); null when none. */
function keptNames(names: readonly string[], participantNames: ReadonlyMap<string, string>) {
  const kept = [
    ...new Set(
      names
        .map((name) => name.trim())
        .filter((name) => name.length >= 3 && !participantNames.has(name.toLocaleLowerCase())),
    ),
  ].sort((a, b) => b.length - a.length);
  return kept.length === 0 ? null : wholeWords(kept, 'gu');
}

/** One replacement pass of an anonymiser: a pattern, and what each of its matches becomes. */
type Pass = [RegExp, (match: string) => string];

/** The replacement passes of each anonymiser (see `anonymiseWithOffsets`). */
const passes = new WeakMap<(text: string) => string, readonly Pass[]>();

/** A text anonymised, and where an offset of the original text went in it. */
export interface AnonymisedText {
  text: string;
  /** An offset of the original in the anonymised text (inside a replaced name: its start or end). */
  offset(at: number, side: 'start' | 'end'): number;
  /**
   * The way back: an offset of the anonymised text in the original (inside a pseudonym: the
   * start or end of the name it stands for). Offsets outside every name go there and back exactly.
   */
  original(at: number, side: 'start' | 'end'): number;
}

/**
 * `anonymise(text)` with the offsets mapped, for a text whose codings must still point at their
 * words once the names in it are replaced (the REFI-QDA export, a work package without names),
 * and for codings made on the anonymised text that must come back to the original words.
 */
export function anonymiseWithOffsets(
  anonymise: (text: string) => string,
  text: string,
): AnonymisedText {
  const known = passes.get(anonymise);
  // Any other function would leave the names in, unseen: a bug, not a text without names.
  if (!known) throw new Error('anonymiseWithOffsets needs a function made by anonymiser()');
  const steps: TextEdit[][] = [];
  let current = text;
  for (const [pattern, replace] of known) {
    const edits: TextEdit[] = [];
    let shift = 0;
    current = current.replace(pattern, (match: string, at: number) => {
      const replaced = replace(match);
      edits.push({
        oldStart: at,
        oldEnd: at + match.length,
        newStart: at + shift,
        newEnd: at + shift + replaced.length,
      });
      shift += replaced.length - match.length;
      return replaced;
    });
    steps.push(edits);
  }
  // Each pass's edits the other way round, undone last pass first.
  const back = steps.map((edits) =>
    edits.map((edit) => ({
      oldStart: edit.newStart,
      oldEnd: edit.newEnd,
      newStart: edit.oldStart,
      newEnd: edit.oldEnd,
    })),
  );
  return {
    text: current,
    offset: (at, side) => steps.reduce((mapped, edits) => mapOffset(mapped, edits, side), at),
    original: (at, side) => back.reduceRight((mapped, edits) => mapOffset(mapped, edits, side), at),
  };
}

/**
 * The titles of a project's sources and interviews or focus groups with names replaced (a
 * source's title is often its file's name: "INT-01_Bianchi"), for what leaves the project
 * without names: a REFI-QDA archive, a work package.
 */
export function titlesWithoutNames<P extends Pick<ProjectFile, 'sources' | 'sessions'>>(
  project: P,
  anonymise: (text: string) => string,
): P {
  return {
    ...project,
    sources: project.sources.map((summary) => ({ ...summary, title: anonymise(summary.title) })),
    sessions: project.sessions.map((session) => ({ ...session, title: anonymise(session.title) })),
  };
}
