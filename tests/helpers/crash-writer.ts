/**
 * Child process of the crash test: opens a project (migrating it when it is older) and saves as
 * fast as it can, printing one line after each save resolves (i.e. is acknowledged as durable):
 *   ACK question <n> | ACK source <n> | ACK coding <sourceId> <codingId> <passage>
 *   ACK memo <sourceId> <memoId> | ACK edit <n>
 * The parent kills it with SIGKILL at a random moment. Bundled by the test (esbuild), so a round
 * costs a Node start, not a TypeScript compile.
 */
import { applyCoding } from '../../src/shared/domain/coding';
import { reanchorCodings } from '../../src/shared/domain/reanchor';
import { openProject } from '../../src/main/core/store/project-store';

const [dir, startArg, mode] = process.argv.slice(2);
const start = Number(startArg);
// Frequent snapshots, so kills also land in the middle of a backup; or none for a while, so
// coding saves stay in the journal.
const session = await openProject(dir!, {
  backupIntervalMs: mode === 'journal' ? 3_600_000 : 30,
  // A short journal: kills also land in checkpoints that write it into the layer files.
  journalMaxBytes: mode === 'journal' ? 16_384 : 4096,
  evaluator: { id: 'ev-crash', name: 'Crash' },
});
const now = () => new Date().toISOString();
const ack = (line: string) => process.stdout.write(`ACK ${line}\n`);
/** The source whose text keeps being corrected under a coding that must follow its words. */
const EDITED = 'edit-me';
const FIXED = 'PASSAGGIO FISSO';

if (!session.project.sources.some((s) => s.id === EDITED)) {
  // One save: the source and its coding appear together or not at all.
  const text = `Inizio. ${FIXED} e poi la fine.`;
  const at = text.indexOf(FIXED);
  await session.addSource({
    id: EDITED,
    title: 'Testo corretto',
    kind: 'transcript',
    origin: 'typed',
    fictional: false,
    text,
    turns: [],
    codings: applyCoding([], text, {
      id: 'fixed-coding',
      codeId: 'code-fixed',
      start: at,
      end: at + FIXED.length,
      coderId: session.evaluator.id,
      createdAt: now(),
    }),
    memos: [],
    createdAt: now(),
    updatedAt: now(),
  });
  ack('setup');
}

const codable = () => session.project.sources.filter((s) => s.id !== EDITED && s.characters > 40);

for (let n = start; ; n += 1) {
  // Fewer text corrections (each first writes the journal into the layer files) in journal mode.
  const kind = mode === 'journal' && n % 5 === 4 && n % 15 !== 4 ? 2 : n % 5;
  const target = codable()[n % Math.max(1, codable().length)];
  if (kind === 0 || !target) {
    await session.addSource({
      id: `s${n}`,
      title: `Trascrizione ${n}`,
      kind: 'transcript',
      origin: 'typed',
      fictional: false,
      text: `Turno ${n}: è già cambiato qualcosa 🙂 `.repeat(60),
      turns: [],
      codings: [],
      memos: [],
      createdAt: now(),
      updatedAt: now(),
    });
    ack(`source ${n}`);
  } else if (kind === 1) {
    await session.mutate((project) => {
      project.questions.push({
        id: `q${n}`,
        code: `DV${n}`,
        text: `Domanda ${n} — perché?`,
        criterion: 'Efficacia',
        judgementCriteria: 'x'.repeat(n % 7 === 0 ? 20_000 : 10),
        indicators: '',
        sources: '',
        methods: [],
        subQuestions: [],
        answer: '',
      });
    });
    ack(`question ${n}`);
  } else if (kind === 2) {
    const id = `c${n}`;
    const passage = await session.mutateSource(target.id, (draft) => {
      let from = (n * 7) % Math.max(1, draft.text.length - 20);
      // Never inside an emoji: a span cuts between code points.
      const low = (at: number) => /[\udc00-\udfff]/.test(draft.text[at] ?? '');
      while (low(from) || low(from + 12)) from += 1;
      draft.codings = applyCoding(draft.codings, draft.text, {
        id,
        codeId: `code-${n}`,
        start: from,
        end: from + 12,
        coderId: session.evaluator.id,
        createdAt: now(),
      });
      return draft.text.slice(from, from + 12);
    });
    ack(`coding ${target.id} ${id} ${encodeURIComponent(passage)}`);
  } else if (kind === 3) {
    const id = `m${n}`;
    await session.mutateSource(target.id, (draft) => {
      draft.memos.push({
        id,
        text: `Memo ${n}`,
        coderId: session.evaluator.id,
        createdAt: now(),
        updatedAt: now(),
      });
    });
    ack(`memo ${target.id} ${id}`);
  } else {
    // A correction before the coded words: the coding must move with them (text journal).
    await session.mutateSource(EDITED, (draft) => {
      const text = `${n}. ${draft.text}`;
      draft.codings = reanchorCodings(draft.codings, draft.text, text).codings;
      draft.text = text;
    });
    ack(`edit ${n}`);
  }
}
