import { randomUUID } from 'node:crypto';
import { jsonEqual } from '../../../shared/domain/merge';
import { checkBallotEntries, hasVotes } from '../../../shared/domain/ngt';
import { nextParticipantCode } from '../../../shared/domain/pseudonyms';
import type { Handlers } from '../../../shared/ipc/contract';
import { CampoError } from '../../../shared/ipc/errors';
import { NgtSessionSchema, type NgtSession } from '../../../shared/model/ngt';
import { ParticipantSchema, type ProjectFile } from '../../../shared/model/project';
import { findById, type CoreState } from './context';

type NgtHandlers = Pick<
  Handlers,
  | 'ngtAdd'
  | 'ngtUpdate'
  | 'ngtDelete'
  | 'ngtParticipantAdd'
  | 'ngtIdeaAdd'
  | 'ngtPass'
  | 'ngtTurnUndo'
  | 'ngtIdeaUpdate'
  | 'ngtIdeasMerge'
  | 'ngtIdeaUnmerge'
  | 'ngtRoundStart'
  | 'ngtBallotSave'
  | 'ngtRatingSave'
  | 'ngtBallotDelete'
>;

/** A rule of the method the facilitator ran into; `rule` picks the explanation. */
type NgtRule =
  | 'merge-self'
  | 'merge-merged'
  | 'merge-after-voting'
  | 'too-few-ideas'
  | 'not-a-participant'
  | 'wrong-round'
  | 'unknown-idea'
  | 'undo-after-voting'
  | 'undo-merged'
  | 'rule-after-voting'
  | 'ideas-after-voting'
  | 'unmerge-after-voting'
  | 'has-card';

function refuse(rule: NgtRule, message: string): CampoError {
  return new CampoError('NGT_RULE', message, { rule });
}

/** NGT-01, NGT-02 … after the highest number used. */
function nextNgtCode(sessions: readonly NgtSession[]): string {
  const highest = Math.max(0, ...sessions.map((s) => Number(/^NGT-(\d+)$/.exec(s.code)?.[1] ?? 0)));
  return `NGT-${String(highest + 1).padStart(2, '0')}`;
}

/** I1, I2 … in recording order; numbers are never reused, even after a merge. */
function nextIdeaCode(session: NgtSession): string {
  const highest = Math.max(0, ...session.ideas.map((idea) => Number(idea.code.slice(1))));
  return `I${highest + 1}`;
}

function ngtOf(project: ProjectFile, id: string): NgtSession {
  return findById(project.ngtSessions, id, 'NGT session');
}

/** Passes the round-robin turn to the next participant. */
function advanceTurn(session: NgtSession): void {
  const seats = session.participantIds.length;
  session.turn = seats === 0 ? 0 : (session.turn + 1) % seats;
}

/** Nominal Group Technique sessions: setup, round robin, clarification, ballots. */
export function ngtHandlers(state: CoreState): NgtHandlers {
  /**
   * Applies `change` to one NGT session and returns it as saved; with `baseRev`, a change made
   * on an older revision is merged with what others saved since, or refused (STORE-V2 §3).
   */
  async function change(
    sessionId: string,
    edit: (ngt: NgtSession, project: ProjectFile) => void,
    baseRev?: number,
  ) {
    const session = state.requireSession();
    await session.mutate((project) => {
      const ngt = ngtOf(project, sessionId);
      if (baseRev === undefined) edit(ngt, project);
      else session.rebase('ngtSession', ngt, baseRev, ngt.code, (draft) => edit(draft, project));
    });
    return ngtOf(session.project, sessionId);
  }

  return {
    async ngtAdd(fields) {
      const session = state.requireSession();
      const id = randomUUID();
      await session.mutate((project) => {
        project.ngtSessions.push(
          NgtSessionSchema.parse({ ...fields, id, code: nextNgtCode(project.ngtSessions) }),
        );
      });
      return ngtOf(session.project, id);
    },

    ngtUpdate: ({ sessionId, patch, baseRev, dropCards = false }) =>
      change(
        sessionId,
        (ngt, project) => {
          // The ballots were cast under this rule: scored under another, the ranking would say
          // what the group never voted (the second round's threshold, likewise, its ratings).
          const rescoring =
            (patch.rule !== undefined && !jsonEqual(patch.rule, ngt.rule)) ||
            (patch.ratingThreshold !== undefined &&
              patch.ratingThreshold !== ngt.ratingThreshold) ||
            (patch.consensusShare !== undefined && patch.consensusShare !== ngt.consensusShare);
          if (rescoring && hasVotes(ngt)) {
            throw refuse('rule-after-voting', `${ngt.code} has votes`);
          }
          for (const id of patch.participantIds ?? [])
            findById(project.participants, id, 'participant');
          if (patch.participantIds) {
            const staying = new Set(patch.participantIds);
            const leaving = (card: { participantId: string }) => !staying.has(card.participantId);
            const cards = ngt.votes.flatMap((round) => [...round.ballots, ...round.ratings]);
            const left = cards.find(leaving);
            if (left && !dropCards) {
              const code = project.participants.find((p) => p.id === left.participantId)?.code;
              throw new CampoError('NGT_RULE', `${code} has a card`, {
                rule: 'has-card',
                code: code ?? '',
              });
            }
            for (const round of ngt.votes) {
              round.ballots = round.ballots.filter((card) => !leaving(card));
              round.ratings = round.ratings.filter((card) => !leaving(card));
            }
          }
          Object.assign(ngt, patch);
          if (patch.participantIds)
            ngt.turn = Math.min(ngt.turn, Math.max(0, patch.participantIds.length - 1));
        },
        baseRev,
      ),

    async ngtDelete({ sessionId }) {
      const session = state.requireSession();
      await session.mutate((project) => {
        ngtOf(project, sessionId);
        project.ngtSessions = project.ngtSessions.filter((s) => s.id !== sessionId);
      });
      return null;
    },

    ngtParticipantAdd: ({ sessionId, role }) =>
      change(sessionId, (ngt, project) => {
        const id = randomUUID();
        const code = nextParticipantCode(project.participants, ngt.code);
        project.participants.push(ParticipantSchema.parse({ id, code, role: role ?? '' }));
        ngt.participantIds.push(id);
      }),

    ngtIdeaAdd: ({ sessionId, text }) =>
      change(sessionId, (ngt) => {
        if (hasVotes(ngt)) throw refuse('ideas-after-voting', `${ngt.code} has votes`);
        ngt.ideas.push({
          id: randomUUID(),
          code: nextIdeaCode(ngt),
          text,
          authorId: ngt.participantIds[ngt.turn] ?? null,
          mergedInto: null,
          clarification: '',
          createdAt: new Date().toISOString(),
        });
        ngt.passesInARow = 0;
        advanceTurn(ngt);
      }),

    ngtPass: ({ sessionId }) =>
      change(sessionId, (ngt) => {
        if (hasVotes(ngt)) throw refuse('ideas-after-voting', `${ngt.code} has votes`);
        ngt.passesInARow += 1;
        advanceTurn(ngt);
      }),

    ngtTurnUndo: ({ sessionId, ideaId, turn, passesInARow }) =>
      change(sessionId, (ngt) => {
        if (hasVotes(ngt)) throw refuse('undo-after-voting', `${ngt.code} has votes`);
        if (ideaId) {
          const idea = findById(ngt.ideas, ideaId, 'idea');
          if (idea.mergedInto || ngt.ideas.some((other) => other.mergedInto === ideaId)) {
            throw refuse('undo-merged', `${idea.code} was merged`);
          }
          ngt.ideas = ngt.ideas.filter((other) => other.id !== ideaId);
        }
        ngt.turn = Math.min(turn, Math.max(0, ngt.participantIds.length - 1));
        ngt.passesInARow = passesInARow;
      }),

    ngtIdeaUpdate: ({ sessionId, ideaId, patch, baseRev }) =>
      change(
        sessionId,
        (ngt) => {
          Object.assign(findById(ngt.ideas, ideaId, 'idea'), patch);
        },
        baseRev,
      ),

    ngtIdeasMerge: ({ sessionId, fromId, intoId }) =>
      change(sessionId, (ngt) => {
        const from = findById(ngt.ideas, fromId, 'idea');
        const into = findById(ngt.ideas, intoId, 'idea');
        if (fromId === intoId) throw refuse('merge-self', 'An idea cannot be merged into itself');
        if (from.mergedInto || into.mergedInto) {
          throw refuse('merge-merged', 'One of the ideas was merged already');
        }
        if (hasVotes(ngt)) throw refuse('merge-after-voting', 'Ballots were entered already');
        from.mergedInto = intoId;
        // Ideas merged into `from` earlier follow it.
        for (const idea of ngt.ideas) if (idea.mergedInto === fromId) idea.mergedInto = intoId;
      }),

    ngtIdeaUnmerge: ({ sessionId, ideaId }) =>
      change(sessionId, (ngt) => {
        const idea = findById(ngt.ideas, ideaId, 'idea');
        if (hasVotes(ngt)) throw refuse('unmerge-after-voting', 'Ballots were entered already');
        idea.mergedInto = null;
      }),

    ngtRoundStart: ({ sessionId, kind, ideaIds }) =>
      change(sessionId, (ngt) => {
        const live = ngt.ideas.filter((idea) => !idea.mergedInto).map((idea) => idea.id);
        const chosen = ideaIds ?? live;
        for (const id of chosen) {
          if (!live.includes(id)) throw refuse('unknown-idea', `Idea ${id} is not on the list`);
        }
        if (chosen.length < 2) throw refuse('too-few-ideas', 'A vote needs at least two ideas');
        ngt.votes.push({ id: randomUUID(), kind, ideaIds: chosen, ballots: [], ratings: [] });
        ngt.step = ngt.votes.length === 1 ? 'voting' : 'second-round';
      }),

    ngtBallotSave: ({ sessionId, roundId, participantId, entries }) =>
      change(sessionId, (ngt) => {
        const round = findById(ngt.votes, roundId, 'round');
        if (round.kind !== 'vote') throw refuse('wrong-round', 'This round is rated, not voted');
        if (!ngt.participantIds.includes(participantId)) {
          throw refuse('not-a-participant', 'Not a participant of this session');
        }
        const merged = Object.fromEntries(
          ngt.ideas.flatMap((idea) => (idea.mergedInto ? [[idea.id, idea.mergedInto]] : [])),
        );
        const check = checkBallotEntries({
          entries,
          ideaIds: round.ideaIds,
          mergedIdeaIds: merged,
          rule: ngt.rule,
        });
        if (!check.ok) {
          throw new CampoError('BALLOT_INVALID', 'The ballot breaks the rule', {
            problems: check.problems,
          });
        }
        const points = Object.fromEntries(Object.entries(check.points).filter(([, p]) => p > 0));
        round.ballots = round.ballots
          .filter((ballot) => ballot.participantId !== participantId)
          .concat({ participantId, points, enteredAt: new Date().toISOString() });
      }),

    ngtRatingSave: ({ sessionId, roundId, participantId, values }) =>
      change(sessionId, (ngt) => {
        const round = findById(ngt.votes, roundId, 'round');
        if (round.kind !== 'rating') throw refuse('wrong-round', 'This round is voted, not rated');
        if (!ngt.participantIds.includes(participantId)) {
          throw refuse('not-a-participant', 'Not a participant of this session');
        }
        for (const id of Object.keys(values)) {
          if (!round.ideaIds.includes(id))
            throw refuse('unknown-idea', `Idea ${id} is not rated here`);
        }
        round.ratings = round.ratings
          .filter((rating) => rating.participantId !== participantId)
          .concat({ participantId, values, enteredAt: new Date().toISOString() });
      }),

    ngtBallotDelete: ({ sessionId, roundId, participantId }) =>
      change(sessionId, (ngt) => {
        const round = findById(ngt.votes, roundId, 'round');
        round.ballots = round.ballots.filter((b) => b.participantId !== participantId);
        round.ratings = round.ratings.filter((r) => r.participantId !== participantId);
      }),
  };
}
