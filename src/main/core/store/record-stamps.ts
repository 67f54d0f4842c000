/**
 * Revisions and tombstones of project.json's records, set centrally after every change
 * (STORE-V2 §2): a record that differs from the version last saved gets rev + 1, the time and the
 * evaluator; one that disappeared gets a tombstone. Also keeps the versions saved while the
 * project is open, so a window's stale change can be merged against the version it saw.
 */
import type { ProjectFile, RecordKind, Stamp, Tombstone } from '../../../shared/model/project';
import { RECORD_COLLECTIONS } from '../../../shared/model/record-collections';

type Item = Stamp & { id: string };

export { RECORD_COLLECTIONS };

export type CollectionKind = (typeof RECORD_COLLECTIONS)[number][0];

/** The singletons of project.json (their id is their kind). */
const SINGLETONS = ['meta', 'report'] as const;

/** A record's content without its stamp, as JSON: what decides whether it changed. */
export function contentOf(record: object): string {
  const { rev: _rev, updatedAt: _at, updatedBy: _by, ...content } = record as Item;
  return JSON.stringify(content);
}

interface Saved {
  rev: number;
  updatedAt: string | null;
  updatedBy: string | null;
  content: string;
  /** The window that saved this revision, when this session saved it. */
  client?: string;
}

/** What a stamping pass found changed, by kind. */
export interface StampedChanges {
  changed: Array<{ kind: RecordKind; id: string }>;
  deleted: Array<{ kind: RecordKind; id: string }>;
}

const MAX_VERSIONS_PER_RECORD = 20;
const MAX_VERSIONS = 20_000;

/**
 * Remembers, per record, the content and stamp last saved, and a bounded history of earlier
 * saved contents by revision.
 */
export class RecordStamper {
  private saved = new Map<string, Saved>();
  /** project.json as read at open, turned into `saved` at first need (opening stays cheap). */
  private pending: ProjectFile | null = null;
  private readonly versions = new Map<string, Map<number, string>>();
  /** The window that saved each revision (this session's saves only). */
  private readonly clients = new Map<string, Map<number, string>>();
  private versionCount = 0;

  /**
   * Takes `project` as the saved state. `lazily`: `project` is looked at only when a record is
   * first stamped or asked about, or at `settle()`; the caller must settle before changing it.
   */
  remember(project: ProjectFile, lazily = false): void {
    this.saved = new Map();
    this.pending = lazily ? project : null;
    if (!lazily) this.load(project);
  }

  /** Takes the saved state from the project given lazily, if not done yet. */
  settle(): void {
    if (!this.pending) return;
    const project = this.pending;
    this.pending = null;
    this.load(project);
  }

  private load(project: ProjectFile): void {
    for (const [kind, id, record] of records(project)) {
      this.saved.set(`${kind}:${id}`, {
        rev: record.rev ?? 0,
        updatedAt: record.updatedAt ?? null,
        updatedBy: record.updatedBy ?? null,
        content: contentOf(record),
      });
    }
  }

  /** The saved revision of a record (0 when unknown). */
  revOf(kind: RecordKind, id: string): number {
    this.settle();
    return this.saved.get(`${kind}:${id}`)?.rev ?? 0;
  }

  /**
   * True when every revision of the record after `rev` was saved by `client`: a window that is
   * only behind on its own saves (two quick edits in flight) is not in conflict with itself.
   */
  onlySavedBy(kind: RecordKind, id: string, rev: number, client: string): boolean {
    this.settle();
    const key = `${kind}:${id}`;
    const current = this.saved.get(key)?.rev ?? 0;
    const byRev = this.clients.get(key);
    for (let next = rev + 1; next <= current; next++) {
      if (byRev?.get(next) !== client) return false;
    }
    return true;
  }

  /** The content (no stamp) a record had at `rev`, when this session saved or read it. */
  versionAt(kind: RecordKind, id: string, rev: number): Record<string, unknown> | undefined {
    this.settle();
    const key = `${kind}:${id}`;
    const saved = this.saved.get(key);
    const content = saved?.rev === rev ? saved.content : this.versions.get(key)?.get(rev);
    return content === undefined ? undefined : (JSON.parse(content) as Record<string, unknown>);
  }

  /**
   * Stamps `project` in place against the saved state: changed and new records get the next
   * revision, `at` and `by`; unchanged ones get back their saved stamp; missing ones a tombstone.
   * The stamped state becomes the saved one (the caller reloads and calls `remember` if the
   * write then fails).
   */
  stamp(project: ProjectFile, at: string, by: string | null, client: string): StampedChanges {
    this.settle();
    const changes: StampedChanges = { changed: [], deleted: [] };
    const tombstones = new Map(project.tombstones.map((t) => [`${t.kind}:${t.id}`, t]));
    const seen = new Set<string>();
    for (const [kind, id, record] of records(project)) {
      const key = `${kind}:${id}`;
      seen.add(key);
      const content = contentOf(record);
      const saved = this.saved.get(key);
      if (saved && saved.content === content) {
        Object.assign(record, {
          rev: saved.rev,
          updatedAt: saved.updatedAt,
          updatedBy: saved.updatedBy,
        });
        continue;
      }
      const buried = tombstones.get(key);
      const rev = Math.max(saved?.rev ?? 0, buried?.rev ?? 0) + 1;
      Object.assign(record, { rev, updatedAt: at, updatedBy: by });
      if (saved) this.keepVersion(key, saved);
      if (buried) tombstones.delete(key);
      this.saved.set(key, { rev, updatedAt: at, updatedBy: by, content });
      let byRev = this.clients.get(key);
      if (!byRev) this.clients.set(key, (byRev = new Map()));
      byRev.set(rev, client);
      if (byRev.size > MAX_VERSIONS_PER_RECORD) byRev.delete(byRev.keys().next().value!);
      changes.changed.push({ kind, id });
    }
    for (const [key, saved] of this.saved) {
      if (seen.has(key)) continue;
      const colon = key.indexOf(':');
      const kind = key.slice(0, colon) as RecordKind;
      const id = key.slice(colon + 1);
      this.keepVersion(key, saved);
      this.saved.delete(key);
      if (kind === 'meta' || kind === 'report') continue;
      const tombstone: Tombstone = { kind, id, rev: saved.rev + 1, deletedAt: at, deletedBy: by };
      tombstones.set(key, tombstone);
      changes.deleted.push({ kind, id });
    }
    if (changes.deleted.length > 0 || tombstones.size !== project.tombstones.length) {
      project.tombstones = [...tombstones.values()];
    }
    return changes;
  }

  private keepVersion(key: string, saved: Saved): void {
    let byRev = this.versions.get(key);
    if (!byRev) {
      byRev = new Map();
      this.versions.set(key, byRev);
    }
    if (byRev.has(saved.rev)) return;
    byRev.set(saved.rev, saved.content);
    this.versionCount += 1;
    if (byRev.size > MAX_VERSIONS_PER_RECORD) {
      byRev.delete(byRev.keys().next().value!);
      this.versionCount -= 1;
    }
    // Oldest records' histories go first when the whole log is full.
    while (this.versionCount > MAX_VERSIONS) {
      const [oldestKey, oldest] = this.versions.entries().next().value!;
      this.versionCount -= oldest.size;
      this.versions.delete(oldestKey);
    }
  }
}

/** Every record of project.json with its kind and id (singletons named by their kind). */
function* records(project: ProjectFile): Generator<[RecordKind, string, Item]> {
  for (const kind of SINGLETONS) {
    const record = project[kind];
    if (record) yield [kind, kind, record as unknown as Item];
  }
  for (const [kind, key] of RECORD_COLLECTIONS) {
    for (const record of project[key] as Item[]) yield [kind, record.id, record];
  }
}
