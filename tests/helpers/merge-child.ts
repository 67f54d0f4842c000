/**
 * Child process of the merge kill test: merges the package file <pkg> into the project <dir>
 * (conflicts decided "theirs") and SIGKILLs itself at the <k>-th step of the merge. With k = 0 it
 * lists the steps on stdout and exits normally.
 */
import { readFile } from 'node:fs/promises';
import { openProject } from '../../src/main/core/store/project-store';
import { applyMerge, previewMerge } from '../../src/main/core/team/merge-run';
import { readPackage } from '../../src/main/core/team/packages';

const [dir, pkgPath, killAt] = process.argv.slice(2);
const target = Number(killAt);
let step = 0;
const session = await openProject(dir!, {
  evaluator: { id: 'ev-lead', name: 'Laura Neri' },
  backupIntervalMs: 3_600_000,
});
const pkg = await readPackage(await readFile(pkgPath!), 'pkg');
const preview = await previewMerge(session, pkg);
const decisions = Object.fromEntries(
  preview.conflicts.map((entry) => [entry.key, 'theirs' as const]),
);
await applyMerge(
  session,
  pkg,
  { decisions },
  {
    hook(name) {
      step += 1;
      if (target === 0) process.stdout.write(`${name}\n`);
      if (step === target) process.kill(process.pid, 'SIGKILL');
    },
  },
);
