/**
 * Child process of the migration kill test: opens (and so migrates) the project in <dir>, and
 * SIGKILLs itself at the <k>-th step of the migration (as it happens, with nothing flushed or
 * cleaned up). With k = 0 it lists the steps on stdout and exits normally.
 */
import { openProject } from '../../src/main/core/store/project-store';

const [dir, killAt] = process.argv.slice(2);
const target = Number(killAt);
let step = 0;
const session = await openProject(dir!, {
  evaluator: { id: 'ev-local', name: 'Locale' },
  backupIntervalMs: 3_600_000,
  onMigrationStep(name) {
    step += 1;
    if (target === 0) process.stdout.write(`${name}\n`);
    if (step === target) process.kill(process.pid, 'SIGKILL');
  },
});
await session.close();
