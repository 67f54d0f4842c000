/**
 * Child process of the restore/prune crash test: restores two backups in turn, and between
 * restores takes automatic snapshots and prunes them hard, printing "BEGIN restore" and
 * "BEGIN prune" as each starts, "ACK restore <id>" once a restore is complete and "ACK prune"
 * after each pruning. The parent SIGKILLs it at a random
 * moment.
 */
import { createSnapshot, pruneBackups } from '../../src/main/core/store/backups';
import { restoreBackup } from '../../src/main/core/store/recovery';

const [dir, first, second] = process.argv.slice(2) as [string, string, string];
process.stdout.write('READY\n');
for (let n = 0; ; n += 1) {
  const backupId = n % 2 === 0 ? first : second;
  process.stdout.write('BEGIN restore\n');
  await restoreBackup(dir, backupId);
  process.stdout.write(`ACK restore ${backupId}\n`);
  for (let i = 0; i < 6; i += 1) await createSnapshot(dir, 'auto', 1);
  process.stdout.write('BEGIN prune\n');
  await pruneBackups(dir, { keepRecent: 1, keepDays: 0 });
  process.stdout.write('ACK prune\n');
}
