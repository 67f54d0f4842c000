import { randomUUID } from 'node:crypto';
import { mkdir, rename, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import { z } from 'zod';
import { CampoError } from '../../shared/ipc/errors';
import type { AppSettings, RecentProject } from '../../shared/ipc/types';
import { LANGUAGES } from '../../shared/model/project';
import { initialsOf } from '../../shared/domain/team';
import { durableDocument } from './store/json-document';
import { readJsonFile } from './store/durable-file';

const MAX_RECENT = 10;

const SettingsFileSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  language: z.enum(LANGUAGES).default('it'),
  recent: z
    .array(z.object({ path: z.string(), title: z.string(), openedAt: z.string() }))
    .default([]),
  /**
   * This user's stable evaluator id (STORE-V2 §1): every coding and change they save carries it.
   * Made once, on first use; never derived from the name, so two "utente" accounts differ.
   */
  evaluatorId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/)
    .optional(),
  /** How the team sees this evaluator; the computer account's name until they choose one. */
  evaluatorName: z.string().max(200).optional(),
  /** The evaluator's initials, as the team sees them in margins and lists. */
  evaluatorInitials: z.string().max(4).optional(),
});
type SettingsFile = z.infer<typeof SettingsFileSchema>;

const codec = {
  parse(raw: unknown, path: string): SettingsFile {
    const result = SettingsFileSchema.safeParse(raw);
    if (!result.success) throw new CampoError('INTERNAL', `Invalid settings in ${path}`);
    return result.data;
  },
  unparsable: (path: string, reason: string) => new CampoError('INTERNAL', `${path}: ${reason}`),
};

/**
 * Per-user preferences (language, recent projects) in <configDir>/settings.json, written durably
 * like a project file. A damaged settings file is set aside (never deleted) and defaults are used:
 * settings are not worth refusing to start over.
 */
export class SettingsStore {
  private constructor(private readonly db: Low<SettingsFile>) {}

  static async load(configDir: string): Promise<SettingsStore> {
    await mkdir(configDir, { recursive: true });
    const path = join(configDir, 'settings.json');
    const read = await readJsonFile(path);
    let data = SettingsFileSchema.parse({});
    let damaged = read.status === 'unparsable';
    if (read.status === 'ok') {
      const parsed = SettingsFileSchema.safeParse(read.value);
      if (parsed.success) data = parsed.data;
      else damaged = true;
    }
    if (damaged) {
      await rename(path, join(configDir, `settings.corrupt-${Date.now()}.json`)).catch(
        () => undefined,
      );
    }
    const store = new SettingsStore(durableDocument(path, codec, data));
    if (!data.evaluatorId) {
      data.evaluatorId = randomUUID();
      // Kept for next time; a read-only config folder still gets an id for this run.
      await store.db.write().catch(() => undefined);
    }
    return store;
  }

  get settings(): AppSettings {
    return {
      language: this.db.data.language,
      evaluator: this.evaluator,
      identityConfirmed: this.db.data.evaluatorName !== undefined,
    };
  }

  /** This user as an evaluator: stable id and display name. */
  get evaluator(): { id: string; name: string; initials: string } {
    let account = '';
    try {
      account = userInfo().username;
    } catch {
      // No account name (some containers): the name stays empty.
    }
    const name = this.db.data.evaluatorName ?? account;
    return {
      id: this.db.data.evaluatorId!,
      name,
      initials: this.db.data.evaluatorInitials || initialsOf(name),
    };
  }

  /** The user's name and initials as an evaluator (first use, Impostazioni). */
  async setIdentity(name: string, initials: string): Promise<AppSettings> {
    this.db.data.evaluatorName = name.trim();
    this.db.data.evaluatorInitials = initials.trim().toUpperCase() || initialsOf(name);
    await this.db.write();
    return this.settings;
  }

  async update(patch: Partial<AppSettings>): Promise<AppSettings> {
    if (patch.language) this.db.data.language = patch.language;
    await this.db.write();
    return this.settings;
  }

  /** Recent projects, newest first, each marked with whether its folder is still there. */
  async recent(): Promise<RecentProject[]> {
    return Promise.all(
      this.db.data.recent.map(async (entry) => ({
        ...entry,
        exists: await stat(join(entry.path, 'project.json')).then(
          () => true,
          () => false,
        ),
      })),
    );
  }

  async addRecent(path: string, title: string): Promise<void> {
    const others = this.db.data.recent.filter((entry) => entry.path !== path);
    this.db.data.recent = [{ path, title, openedAt: new Date().toISOString() }, ...others].slice(
      0,
      MAX_RECENT,
    );
    await this.db.write();
  }

  async forgetRecent(path: string): Promise<RecentProject[]> {
    this.db.data.recent = this.db.data.recent.filter((entry) => entry.path !== path);
    await this.db.write();
    return this.recent();
  }
}
