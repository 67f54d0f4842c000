import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_HITS, searchHit, searchProject } from '../../../src/main/core/coding/search';
import { openProject } from '../../../src/main/core/store/project-store';
import type { ProjectSession } from '../../../src/main/core/store/project-session';
import { segmentSpeakers } from '../../../src/shared/domain/coding-analysis';
import { findMatches } from '../../../src/shared/domain/search';
import { segmentContext } from '../../../src/shared/domain/segment-context';
import { ParticipantSchema } from '../../../src/shared/model/project';
import {
  SpeakerTurnSchema,
  type SourceFile,
  type SpeakerTurn,
} from '../../../src/shared/model/source';
import { newProject, sourceFile } from '../../helpers/store';

const ANNA = { id: 'ev-anna', name: 'Anna' };

/** A transcript whose turns are its "LABEL: words" lines. */
function transcript(id: string, lines: string[]): SourceFile {
  let text = '';
  const turns: SpeakerTurn[] = [];
  for (const [i, line] of lines.entries()) {
    const colon = line.indexOf(': ');
    const start = text.length;
    text += `${line}\r\n`;
    if (colon > 0) {
      const speaker = line.slice(0, colon);
      turns.push(
        SpeakerTurnSchema.parse({ id: `${id}-t${i}`, start, end: text.length - 2, speaker }),
      );
    }
  }
  return sourceFile(id, text, turns);
}

/** Long turns, accents, combining marks, ligatures, emoji, CRLF: what folding must map back. */
const LINES = [
  'Intervistatore: Com’è andata la formazione a Città di Castello?',
  `INT-01: ${'Parole di contorno senza importanza. '.repeat(30)}La CITTÀ ha risposto bene, la citta\u0300 no.`,
  'INT-02: Ufficio: l’ufficio 😀 città-stato, e poi cittàdina (non è una parola).',
  'Nota senza parlante: città',
  `INT-01: ${'x'.repeat(900)} città ${'y'.repeat(900)}`,
];

/** The hits as search gave them before the search cache kept contexts: the whole text read. */
async function expected(session: ProjectSession, query: string, wholeWord: boolean) {
  const pseudonyms = new Map(session.project.participants.map((p) => [p.id, p.code]));
  const hits = [];
  for (const summary of session.project.sources) {
    const doc = await session.readDoc(summary.id);
    for (const match of findMatches(doc.text, query, { wholeWord })) {
      const context = segmentContext(doc.text, doc.turns, match.start, match.end, 90);
      const who = segmentSpeakers(
        { turns: doc.turns, participantIds: summary.participantIds },
        match.start,
        match.end,
      );
      hits.push(searchHit(summary, match, context, who, pseudonyms));
    }
  }
  return hits;
}

/** Drops every text from memory, as after opening or once the working set has moved on. */
function forgetTexts(session: ProjectSession) {
  for (const summary of session.project.sources) session.sources.forget(summary.id);
}

async function project() {
  const { dir, session } = await newProject('Contesti', { evaluator: ANNA });
  await session.addSource(transcript('s1', LINES));
  await session.addSource(transcript('s2', LINES.slice().reverse()));
  await session.mutate((draft) => {
    draft.participants.push(
      ParticipantSchema.parse({ id: 'p1', code: 'INT-01', name: 'Maria Rossi' }),
    );
  });
  await session.caches.ready();
  return { dir, session };
}

describe('search from the search cache', () => {
  it('finds the same hits, contexts and speakers as reading every text', async () => {
    const { dir, session } = await project();
    expect(await readdir(join(dir, 'cache', 'context'))).toEqual(['s1.bin', 's2.bin']);
    for (const [query, wholeWord] of [
      ['città', true],
      ['città', false],
      ['CITTA', true],
      ['ufficio', true],
      ['x città y', false],
      ['😀 città', false],
      ['a', true],
    ] as const) {
      forgetTexts(session);
      const found = (await searchProject(session, query, { wholeWord })).hits;
      expect(found, `${query} ${wholeWord}`).toEqual(await expected(session, query, wholeWord));
      expect(found.length).toBeGreaterThan(0);
    }
    await session.close();
  });

  it('past the cap, shows the first hits and says there are more', async () => {
    const { session } = await newProject('Tante città', { evaluator: ANNA });
    // 3 sources × 2,000 "città": 6,000 matches, 1,000 more than are shown.
    for (const id of ['a', 'b', 'c']) {
      await session.addSource(sourceFile(id, 'La città. '.repeat(2_000)));
    }
    const found = await searchProject(session, 'citta', { wholeWord: true });
    expect(found.truncated).toBe(true);
    expect(found.hits).toHaveLength(MAX_HITS);
    const two = await searchProject(session, 'citta', { wholeWord: true }, ['a', 'b']);
    expect(two).toMatchObject({ truncated: false });
    expect(two.hits).toHaveLength(4_000);
    await session.close();
  });

  it('shows a speaker linked to a participant at once, and after reopening', async () => {
    const { dir, session } = await project();
    forgetTexts(session);
    const before = (await searchProject(session, 'risposto', { wholeWord: true })).hits;
    expect(before.map((hit) => [hit.speaker, hit.speakerLabel])).toEqual([
      ['', 'INT-01'],
      ['', 'INT-01'],
    ]);
    // The text is unchanged (same textRev); only the turns now name the participant.
    await session.mutateSource('s1', (draft) => {
      for (const turn of draft.turns) if (turn.speaker === 'INT-01') turn.participantId = 'p1';
    });
    forgetTexts(session);
    const after = (await searchProject(session, 'risposto', { wholeWord: true })).hits;
    expect(after.map((hit) => [hit.sourceId, hit.speaker])).toEqual([
      ['s1', 'INT-01'],
      ['s2', ''],
    ]);
    await session.close();
    const reopened = await openProject(dir, { evaluator: ANNA });
    const again = (await searchProject(reopened, 'risposto', { wholeWord: true })).hits;
    expect(again).toEqual(after);
    await reopened.close();
  });

  it('reads the text again when its cache file is damaged or gone, and writes it anew', async () => {
    const { dir, session } = await project();
    const want = await expected(session, 'città', true);
    await session.close();
    const contextDir = join(dir, 'cache', 'context');
    await writeFile(join(contextDir, 's1.bin'), 'not a context file');
    await rm(join(contextDir, 's2.bin'));
    const reopened = await openProject(dir, { evaluator: ANNA });
    expect((await searchProject(reopened, 'città', { wholeWord: true })).hits).toEqual(want);
    expect((await readdir(contextDir)).sort()).toEqual(['s1.bin', 's2.bin']);
    await reopened.close();
  });
});
