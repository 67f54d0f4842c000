/**
 * Child process of the crash test: opens a project and saves as fast as it can, printing
 * "ACK <kind> <n>" after each save resolves (i.e. is acknowledged as durable). The parent kills
 * it with SIGKILL at a random moment.
 */
import { openProject } from '../../src/main/core/store/project-store';

const [dir, startArg] = process.argv.slice(2);
const start = Number(startArg);
// Frequent snapshots, so kills also land in the middle of a backup.
const session = await openProject(dir!, { backupIntervalMs: 30 });
const now = () => new Date().toISOString();

for (let n = start; ; n += 1) {
  if (n % 3 === 0) {
    await session.addSource({
      schemaVersion: 2,
      id: `s${n}`,
      title: `Trascrizione ${n}`,
      kind: 'transcript',
      origin: 'typed',
      fictional: false,
      text: `Turno ${n}: è già cambiato qualcosa 🙂 `.repeat(200),
      turns: [],
      codings: [],
      memos: [],
      createdAt: now(),
      updatedAt: now(),
    });
    process.stdout.write(`ACK source ${n}\n`);
  } else {
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
    process.stdout.write(`ACK question ${n}\n`);
  }
}
