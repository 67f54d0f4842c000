import type { Coding, Memo } from '../../../shared/model/source';

/**
 * What the store remembers of revisions while a project is open: earlier versions of codings
 * and memos (bounded), for merging a stale change, and which window saved each revision, so a
 * window's own later saves are not taken for a colleague's.
 */
export class RevisionLog {
  private readonly versions = new Map<string, Map<number, Coding | Memo>>();
  private readonly savedBy = new Map<string, string>();

  /** @param max how many items' histories are kept (each up to 10 versions) */
  constructor(private readonly max = 50_000) {}

  /** Keeps `value` as the version of `id` at `rev`. */
  keep(id: string, rev: number, value: Coding | Memo): void {
    const revs = this.versions.get(id) ?? new Map<number, Coding | Memo>();
    // Most recently changed last: the oldest histories go first when the log is full.
    this.versions.delete(id);
    this.versions.set(id, revs);
    revs.set(rev, value);
    if (revs.size > 10) revs.delete(revs.keys().next().value!);
    if (this.versions.size > this.max) this.versions.delete(this.versions.keys().next().value!);
  }

  /** A coding or memo as it was at `rev`, when still kept. */
  at(id: string, rev: number): Coding | Memo | undefined {
    return this.versions.get(id)?.get(rev);
  }

  /** Notes that `client` saved revision `rev` of `id`. */
  noteSaved(id: string, rev: number, client: string): void {
    this.savedBy.set(`${id}:${rev}`, client);
    if (this.savedBy.size > this.max) this.savedBy.delete(this.savedBy.keys().next().value!);
  }

  /** True when every revision of `id` after `rev` up to `current` was `client`'s. */
  onlySavedBy(id: string, rev: number, current: number, client: string): boolean {
    for (let next = rev + 1; next <= current; next++) {
      if (this.savedBy.get(`${id}:${next}`) !== client) return false;
    }
    return true;
  }
}
