import { CampoError } from '../../../shared/ipc/errors';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/model/project';
import { listBackups, readBackupFile } from './backups';
import { projectCodec } from './codecs';
import { PROJECT_FILE } from './layout';
import { schemaVersionOf } from './migrations';

/** Backups whose project.json Campo can open, newest first (at most `max`). */
export async function usableBackups(dir: string, max = 5) {
  const usable = [];
  for (const backup of await listBackups(dir)) {
    const read = await readBackupFile(dir, backup.id, PROJECT_FILE);
    if (read.status !== 'ok') continue;
    const version = schemaVersionOf(read.value);
    if (version > CURRENT_SCHEMA_VERSION) continue;
    if (version === CURRENT_SCHEMA_VERSION) {
      try {
        projectCodec.parse(read.value, PROJECT_FILE);
      } catch {
        continue;
      }
    }
    usable.push(backup);
    if (usable.length >= max) break;
  }
  return usable;
}

/**
 * The error for a project.json that cannot be opened, carrying the backups that could replace
 * it so the UI can offer "restore the backup of 10:30" in one click.
 */
export async function describeCorruption(dir: string, reason: string): Promise<CampoError> {
  const backups = await usableBackups(dir);
  return new CampoError('PROJECT_CORRUPT', `${PROJECT_FILE} cannot be read: ${reason}`, {
    path: dir,
    file: PROJECT_FILE,
    reason,
    backups: backups.map((backup) => ({
      id: backup.id,
      createdAt: backup.createdAt,
      kind: backup.kind,
    })),
  });
}
