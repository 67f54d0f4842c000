/**
 * Matching records of two projects started apart (issue 18): no common base, so no common ids.
 * Records are matched by id first; then codes by their path in the codebook, participants by
 * pseudonym, evaluation questions and interviews by their code are *proposed* as the same
 * record, for the lead to confirm in a preview. Confirmed matches rewrite theirs' ids to ours
 * before the merge. Pure.
 */
import type { Code, ProjectFile } from '../model/project';
import { consensusDecisionId, frameworkSummaryId } from '../model/constants';
import type { LayerFile } from '../model/source';
import type { RecordMatch, TeamSide } from './team-merge';

const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** "Ostacoli / Burocrazia": a code's names from the root (folded, for matching). */
function codePaths(codes: readonly Code[], folded = true): Map<string, string> {
  const byId = new Map(codes.map((code) => [code.id, code]));
  const paths = new Map<string, string>();
  for (const code of codes) {
    const names: string[] = [];
    let at: Code | undefined = code;
    for (let depth = 0; at && depth < 50; depth += 1) {
      names.unshift(folded ? fold(at.name) : at.name);
      at = at.parentId ? byId.get(at.parentId) : undefined;
    }
    paths.set(code.id, names.join(' / '));
  }
  return paths;
}

/**
 * Whether a proposal is taken unless the lead says otherwise (the app's ticked boxes, the CLI
 * without --no-match). Not a participant's: pseudonyms are numbered in order, so INT-01 of
 * another project is often another person.
 */
export function matchedByDefault(match: RecordMatch): boolean {
  return match.kind !== 'participant';
}

/** Proposes, for each record of theirs without an id in ours, the record of ours with the same name. */
export function proposeMatches(ours: ProjectFile, theirs: ProjectFile): RecordMatch[] {
  const proposals: RecordMatch[] = [];
  const propose = <T extends { id: string }>(
    kind: RecordMatch['kind'],
    mine: readonly T[],
    other: readonly T[],
    key: (item: T) => string,
    label: (item: T) => string,
    sides?: (item: T) => string,
  ) => {
    const ourIds = new Set(mine.map((item) => item.id));
    const theirIds = new Set(other.map((item) => item.id));
    const free = new Map<string, T>();
    for (const item of mine) {
      if (!theirIds.has(item.id) && key(item) && !free.has(key(item))) free.set(key(item), item);
    }
    for (const item of other) {
      if (ourIds.has(item.id)) continue;
      const match = free.get(key(item));
      if (!match) continue;
      free.delete(key(item));
      proposals.push({
        kind,
        ourId: match.id,
        theirId: item.id,
        label: label(item),
        ...(sides ? { sides: { ours: sides(match), theirs: sides(item) } } : {}),
      });
    }
  };
  const ourPaths = codePaths(ours.codes);
  const theirPaths = codePaths(theirs.codes);
  const theirNames = codePaths(theirs.codes, false);
  propose(
    'question',
    ours.questions,
    theirs.questions,
    (question) => fold(question.code),
    (question) => question.code,
  );
  propose(
    'code',
    ours.codes,
    theirs.codes,
    (code) => (ourPaths.get(code.id) ?? theirPaths.get(code.id))!,
    (code) => theirNames.get(code.id) ?? code.name,
  );
  propose(
    'participant',
    ours.participants,
    theirs.participants,
    (participant) => fold(participant.code),
    (participant) => participant.code,
    // Role and organisation, never the name (personal data stays out of the preview).
    (participant) =>
      [participant.role, participant.organisation].filter((part) => part.trim()).join(' · '),
  );
  propose(
    'session',
    ours.sessions,
    theirs.sessions,
    (session) => `${session.kind}:${fold(session.code)}`,
    (session) => session.code,
  );
  return proposals;
}

/** Replaces every string equal to a mapped id, anywhere in a JSON value. */
function rewrite<T>(value: T, ids: ReadonlyMap<string, string>): T {
  if (typeof value === 'string') return (ids.get(value) ?? value) as T;
  if (Array.isArray(value)) return value.map((item) => rewrite(item, ids)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, rewrite(item, ids)]),
    ) as T;
  }
  return value;
}

/**
 * Theirs with the confirmed matches' ids replaced by ours (ids are random UUIDs, so a string
 * equal to one is that reference). Framework summaries, whose id is made of a participant's and
 * a question's, and consensus decisions, whose id is made of their passage's, get theirs
 * recomputed.
 */
export function applyMatches(theirs: TeamSide, matches: readonly RecordMatch[]): TeamSide {
  if (matches.length === 0) return theirs;
  const ids = new Map(matches.map((match) => [match.theirId, match.ourId]));
  const project = rewrite(theirs.project, ids);
  project.frameworkSummaries = project.frameworkSummaries.map((summary) => ({
    ...summary,
    id: frameworkSummaryId(summary.participantId, summary.questionId),
  }));
  project.consensusDecisions = project.consensusDecisions.map((decision) => ({
    ...decision,
    id: consensusDecisionId(decision.sourceId, decision.codeId, decision.start, decision.end),
  }));
  const layers = new Map<string, Map<string, LayerFile>>();
  for (const [sourceId, bySource] of theirs.layers) {
    const copy = new Map<string, LayerFile>();
    for (const [coderId, layer] of bySource) {
      copy.set(coderId, {
        ...layer,
        codings: layer.codings.map((coding) => ({
          ...coding,
          codeId: ids.get(coding.codeId) ?? coding.codeId,
        })),
      });
    }
    layers.set(sourceId, copy);
  }
  return { project, layers };
}
