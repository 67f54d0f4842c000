import { describe, expect, it } from 'vitest';
import { scoreBallots, summariseRatings } from '../../../src/shared/domain/ngt';
import { projectCore } from '../../helpers/core';

describe('NGT session handlers', () => {
  it('seat 5 participants, record 8 ideas round robin with a pass, merge, vote, and keep it all', async () => {
    const { call, refusal, core, dir } = await projectCore();
    let ngt = await call('ngtAdd', {
      question: 'Quali buone pratiche del partenariato andrebbero mantenute?',
      rule: { kind: 'rank-top-k', k: 3, tieBreak: ['votes', 'top-votes'] },
    });
    expect(ngt).toMatchObject({ code: 'NGT-01', step: 'setup', turn: 0 });
    for (let i = 0; i < 5; i++) ngt = await call('ngtParticipantAdd', { sessionId: ngt.id });
    const project = (await call('projectCurrent', {}))!.project;
    const seats = ngt.participantIds.map(
      (id) => project.participants.find((p) => p.id === id)!.code,
    );
    expect(seats).toEqual(['NGT-01-P1', 'NGT-01-P2', 'NGT-01-P3', 'NGT-01-P4', 'NGT-01-P5']);

    // Round robin: P1…P5, then P1, P2 (who passes), P3, P4.
    const texts = ['Cabina di regia', 'Sportello', 'Giro del lunedì', 'Volontari', 'Tirocini'];
    for (const text of texts) ngt = await call('ngtIdeaAdd', { sessionId: ngt.id, text });
    ngt = await call('ngtIdeaAdd', { sessionId: ngt.id, text: 'Riunioni brevi' });
    ngt = await call('ngtPass', { sessionId: ngt.id });
    expect(ngt.passesInARow).toBe(1);
    ngt = await call('ngtIdeaAdd', { sessionId: ngt.id, text: 'Sportello di quartiere' });
    ngt = await call('ngtIdeaAdd', { sessionId: ngt.id, text: 'Formazione comune' });
    expect(ngt.ideas.map((idea) => idea.code)).toEqual([
      'I1',
      'I2',
      'I3',
      'I4',
      'I5',
      'I6',
      'I7',
      'I8',
    ]);
    const authors = ngt.ideas.map((idea) => ngt.participantIds.indexOf(idea.authorId!) + 1);
    expect(authors).toEqual([1, 2, 3, 4, 5, 1, 3, 4]);
    expect(ngt.passesInARow).toBe(0);

    // I7 repeats I2: merged, and numbering stays.
    const id = (code: string) => ngt.ideas.find((idea) => idea.code === code)!.id;
    ngt = await call('ngtIdeasMerge', { sessionId: ngt.id, fromId: id('I7'), intoId: id('I2') });
    expect(ngt.ideas.find((i) => i.code === 'I7')!.mergedInto).toBe(id('I2'));

    ngt = await call('ngtRoundStart', { sessionId: ngt.id, kind: 'vote' });
    const round = ngt.votes[0]!;
    expect(round.ideaIds).toHaveLength(7);
    expect(ngt.step).toBe('voting');

    // A card with 3 points twice, and one on the merged idea: refused, nothing saved.
    const [p1, p2, p3, p4, p5] = ngt.participantIds as [string, string, string, string, string];
    const invalid = await refusal('ngtBallotSave', {
      sessionId: ngt.id,
      roundId: round.id,
      participantId: p1,
      entries: [
        { ideaId: id('I1'), points: 3 },
        { ideaId: id('I3'), points: 3 },
        { ideaId: id('I7'), points: 1 },
      ],
    });
    expect(invalid.code).toBe('BALLOT_INVALID');
    const codes = (invalid.details!.problems as Array<{ code: string }>).map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['merged-idea', 'not-a-permutation']));
    expect((await call('projectCurrent', {}))!.project.ngtSessions[0]!.votes[0]!.ballots).toEqual(
      [],
    );

    const cards: Array<[string, string[]]> = [
      [p1, ['I1', 'I3', 'I2']],
      [p2, ['I3', 'I1', 'I5']],
      [p3, ['I3', 'I2', 'I1']],
      [p4, ['I2', 'I3', 'I4']],
      [p5, ['I1', 'I3', 'I6']],
    ];
    for (const [participantId, order] of cards) {
      ngt = await call('ngtBallotSave', {
        sessionId: ngt.id,
        roundId: round.id,
        participantId,
        entries: order.map((code, i) => ({ ideaId: id(code), points: 3 - i })),
      });
    }
    expect(
      await refusal('ngtIdeasMerge', { sessionId: ngt.id, fromId: id('I5'), intoId: id('I6') }),
    ).toMatchObject({ code: 'NGT_RULE', details: { rule: 'merge-after-voting' } });

    // Hand tally: I3 = 2+3+3+2+2 = 12, I1 = 3+2+1+3 = 9, I2 = 1+2+3 = 6, I4 1, I5 1, I6 1, I8 0.
    const rows = scoreBallots({
      ideaIds: ngt.votes[0]!.ideaIds,
      ballots: ngt.votes[0]!.ballots.map((b) => ({
        participant: b.participantId,
        points: b.points,
      })),
      rule: ngt.rule,
    });
    const byCode = (row: { ideaId: string }) => ngt.ideas.find((i) => i.id === row.ideaId)!.code;
    expect(rows.map((row) => [byCode(row), row.total, row.rank])).toEqual([
      ['I3', 12, 1],
      ['I1', 9, 2],
      ['I2', 6, 3],
      ['I4', 1, 4],
      ['I5', 1, 4],
      ['I6', 1, 4],
      ['I8', 0, 7],
    ]);

    // Second round: the top three rated 1–10.
    ngt = await call('ngtRoundStart', {
      sessionId: ngt.id,
      kind: 'rating',
      ideaIds: [id('I3'), id('I1'), id('I2')],
    });
    const second = ngt.votes[1]!;
    for (const [participantId, value] of [
      [p1, 8],
      [p2, 9],
      [p3, 7],
      [p4, 6],
      [p5, 9],
    ] as const) {
      ngt = await call('ngtRatingSave', {
        sessionId: ngt.id,
        roundId: second.id,
        participantId,
        values: { [id('I3')]: value },
      });
    }
    const ratings = summariseRatings({
      ideaIds: [id('I3')],
      ratings: ngt.votes[1]!.ratings.map((r) => ({
        participant: r.participantId,
        values: r.values,
      })),
      threshold: ngt.ratingThreshold,
      consensusShare: ngt.consensusShare,
    });
    expect(ratings[0]).toMatchObject({ n: 5, median: 8, shareAtLeast: 80, consensus: true });
    await core.shutdown();

    // Everything is on disk: a new core opening the folder finds the same session.
    const again = await projectCore();
    const reopened = await again.call('projectOpen', { path: dir });
    expect(reopened.project.ngtSessions[0]).toEqual(ngt);
    await again.core.shutdown();
  });
});

describe('taking back a round-robin turn', () => {
  it('removes the idea and gives the turn back; refused once merged or voted', async () => {
    const { call, refusal } = await projectCore();
    let ngt = await call('ngtAdd', { question: 'Quali priorità?' });
    for (let i = 0; i < 3; i++) ngt = await call('ngtParticipantAdd', { sessionId: ngt.id });
    ngt = await call('ngtIdeaAdd', { sessionId: ngt.id, text: 'Bandi più semplici' });
    const before = { turn: ngt.turn, passesInARow: ngt.passesInARow };
    ngt = await call('ngtPass', { sessionId: ngt.id });
    ngt = await call('ngtTurnUndo', { sessionId: ngt.id, ideaId: null, ...before });
    expect([ngt.turn, ngt.passesInARow]).toEqual([1, 0]);
    ngt = await call('ngtIdeaAdd', { sessionId: ngt.id, text: 'Per sbaglio' });
    const mistaken = ngt.ideas.at(-1)!;
    ngt = await call('ngtTurnUndo', { sessionId: ngt.id, ideaId: mistaken.id, ...before });
    expect(ngt.ideas.map((idea) => idea.text)).toEqual(['Bandi più semplici']);
    expect(ngt.turn).toBe(1);
    // The next idea takes the next number: I2 again is fine, it was never voted on or cited.
    ngt = await call('ngtIdeaAdd', { sessionId: ngt.id, text: 'Sportello unico' });
    ngt = await call('ngtIdeaAdd', { sessionId: ngt.id, text: 'Sportello unico, di nuovo' });
    const [first, second, third] = ngt.ideas;
    ngt = await call('ngtIdeasMerge', { sessionId: ngt.id, fromId: third!.id, intoId: second!.id });
    const merged = await refusal('ngtTurnUndo', {
      sessionId: ngt.id,
      ideaId: third!.id,
      turn: 2,
      passesInARow: 0,
    });
    expect(merged).toMatchObject({ code: 'NGT_RULE', details: { rule: 'undo-merged' } });
    ngt = await call('ngtRoundStart', { sessionId: ngt.id, kind: 'vote' });
    ngt = await call('ngtBallotSave', {
      sessionId: ngt.id,
      roundId: ngt.votes[0]!.id,
      participantId: ngt.participantIds[0]!,
      entries: [
        { ideaId: first!.id, points: 2 },
        { ideaId: second!.id, points: 1 },
      ],
    });
    const voted = await refusal('ngtTurnUndo', {
      sessionId: ngt.id,
      ideaId: second!.id,
      turn: 1,
      passesInARow: 0,
    });
    expect(voted).toMatchObject({ code: 'NGT_RULE', details: { rule: 'undo-after-voting' } });

    // Found by a newcomer walk-through: a rule changed after the vote re-scored the ballots
    // («275 % del massimo»), and a closed session still took ideas.
    const rescored = await refusal('ngtUpdate', {
      sessionId: ngt.id,
      patch: { rule: { ...ngt.rule, kind: 'points-pool', pool: 10, maxPerIdea: 10 } },
    });
    expect(rescored).toMatchObject({ code: 'NGT_RULE', details: { rule: 'rule-after-voting' } });
    const threshold = await refusal('ngtUpdate', {
      sessionId: ngt.id,
      patch: { ratingThreshold: ngt.ratingThreshold + 1 },
    });
    expect(threshold).toMatchObject({ details: { rule: 'rule-after-voting' } });
    for (const [name, args] of [
      ['ngtIdeaAdd', { sessionId: ngt.id, text: 'Arrivata dopo il voto' }],
      ['ngtPass', { sessionId: ngt.id }],
    ] as const) {
      const late = await refusal(name, args);
      expect(late).toMatchObject({ code: 'NGT_RULE', details: { rule: 'ideas-after-voting' } });
    }
    // What does not re-score still changes: the step, and the same rule sent again.
    ngt = await call('ngtUpdate', { sessionId: ngt.id, patch: { step: 'closed', rule: ngt.rule } });
    expect(ngt.step).toBe('closed');
  });
});

describe('putting a wrong merge or a wrong card right', () => {
  it('separates a merged idea before the vote; a person taken out with a card takes it along only when asked', async () => {
    const { call, refusal } = await projectCore();
    let ngt = await call('ngtAdd', {
      question: 'Che cosa ha funzionato?',
      rule: { kind: 'rank-top-k', k: 2, tieBreak: ['votes', 'top-votes'] },
    });
    for (let i = 0; i < 3; i++) ngt = await call('ngtParticipantAdd', { sessionId: ngt.id });
    for (const text of ['Tutor', 'Rimborsi', 'Tutor aziendale']) {
      ngt = await call('ngtIdeaAdd', { sessionId: ngt.id, text });
    }
    const [i1, i2, i3] = ngt.ideas.map((idea) => idea.id) as [string, string, string];
    ngt = await call('ngtIdeasMerge', { sessionId: ngt.id, fromId: i3, intoId: i1 });
    ngt = await call('ngtIdeaUnmerge', { sessionId: ngt.id, ideaId: i3 });
    expect(ngt.ideas.map((idea) => idea.mergedInto)).toEqual([null, null, null]);

    ngt = await call('ngtRoundStart', { sessionId: ngt.id, kind: 'vote' });
    expect(ngt.votes[0]!.ideaIds).toEqual([i1, i2, i3]);
    const [p1, p2, p3] = ngt.participantIds as [string, string, string];
    for (const [who, first, second] of [
      [p1, i1, i2],
      [p2, i2, i3],
    ] as const) {
      ngt = await call('ngtBallotSave', {
        sessionId: ngt.id,
        roundId: ngt.votes[0]!.id,
        participantId: who,
        entries: [
          { ideaId: first, points: 2 },
          { ideaId: second, points: 1 },
        ],
      });
    }
    const late = await refusal('ngtIdeaUnmerge', { sessionId: ngt.id, ideaId: i3 });
    expect(late).toMatchObject({ code: 'NGT_RULE', details: { rule: 'unmerge-after-voting' } });

    // P2 leaves: refused while their card would stay; taken out with it when asked.
    const kept = await refusal('ngtUpdate', {
      sessionId: ngt.id,
      patch: { participantIds: [p1, p3] },
    });
    expect(kept).toMatchObject({
      code: 'NGT_RULE',
      details: { rule: 'has-card', code: 'NGT-01-P2' },
    });
    ngt = await call('ngtUpdate', {
      sessionId: ngt.id,
      patch: { participantIds: [p1, p3] },
      dropCards: true,
    });
    expect(ngt.participantIds).toEqual([p1, p3]);
    expect(ngt.votes[0]!.ballots.map((ballot) => ballot.participantId)).toEqual([p1]);
    // Someone without a card leaves without a question.
    ngt = await call('ngtUpdate', { sessionId: ngt.id, patch: { participantIds: [p1] } });
    expect(ngt.participantIds).toEqual([p1]);
  });
});
