import { CampoError } from '../../../shared/ipc/errors';
import type { CodingUpdate, UndoState } from '../../../shared/ipc/types';
import type { Code, ConsensusDecision, ProjectFile } from '../../../shared/model/project';
import type { Coding, SourceFile } from '../../../shared/model/source';
import type { ProjectSession } from '../store/project-session';

/** The codings of one source a change removed (`before`) and added (`after`), by id. */
interface SourceDelta {
  id: string;
  before: Coding[];
  after: Coding[];
}

/** Consensus decisions a change removed (`before`) and added (`after`), by id. */
interface DecisionDelta {
  before: ConsensusDecision[];
  after: ConsensusDecision[];
}

/**
 * One undoable step: the codebook before/after (when it changed), the consensus decisions and
 * the codings it touched.
 */
export interface HistoryEntry {
  label: string;
  codes: { before: Code[]; after: Code[] } | null;
  decisions: DecisionDelta | null;
  sources: SourceDelta[];
}

/** Decisions in `from` whose id is not in `to`. */
function decisionsMissing(
  from: readonly ConsensusDecision[],
  to: readonly ConsensusDecision[],
): ConsensusDecision[] {
  const kept = new Set(to.map((decision) => decision.id));
  return from.filter((decision) => !kept.has(decision.id));
}

/** A decision as undo puts it back: its revision and stamps are the store's to give. */
function unstamped({ id, sourceId, codeId, start, end }: ConsensusDecision): ConsensusDecision {
  return { id, sourceId, codeId, start, end };
}

const MAX_ENTRIES = 200;

function byPosition(a: Coding, b: Coding): number {
  return a.start - b.start || a.end - b.end;
}

function inPositionOrder(codings: readonly Coding[]): boolean {
  for (let i = 1; i < codings.length; i++) {
    const a = codings[i - 1]!;
    const b = codings[i]!;
    if (a.start > b.start || (a.start === b.start && a.end > b.end)) return false;
  }
  return true;
}

/** Field by field: a save re-parses every coding, so unchanged ones are equal, not identical. */
function sameCoding(a: Coding, b: Coding | undefined): boolean {
  return (
    b !== undefined &&
    a.start === b.start &&
    a.end === b.end &&
    a.codeId === b.codeId &&
    a.memo === b.memo &&
    a.key === b.key &&
    a.textChanged === b.textChanged &&
    a.text === b.text &&
    a.coderId === b.coderId &&
    a.createdAt === b.createdAt
  );
}

/** Codings present in `from` but not, identical, in `to`. */
function missingFrom(from: readonly Coding[], to: readonly Coding[]): Coding[] {
  const kept = new Map(to.map((coding) => [coding.id, coding]));
  return from.filter((coding) => !sameCoding(coding, kept.get(coding.id)));
}

function conflict(label: string): CampoError {
  return new CampoError('UNDO_CONFLICT', `Cannot revert "${label}": changed since`, { label });
}

/** One coding a change touched: its view before the change (null: new) and after (null: gone). */
interface Touched {
  before: Coding | null;
  after: Coding | null;
}

/**
 * A coding change under way: it remembers the codebook as it was before the first edit and, per
 * source, each coding the edits replaced, removed or added (as the store reports them), so the
 * finished change can be undone exactly without comparing every coding of the source.
 */
export class CodingChange {
  private codesBefore: Code[] | null = null;
  private decisionsBefore: ConsensusDecision[] | null = null;
  private readonly touched = new Map<string, Map<string, Touched>>();
  /** Each source's codings before the first edit, for a source whose save failed part-way. */
  private readonly sourcesBefore = new Map<string, Coding[]>();
  /** Sources whose delta is unknown (a failed save): compared in full in `entry`. */
  private readonly unsure = new Set<string>();
  createdCodeId: string | null = null;

  constructor(
    readonly session: ProjectSession,
    readonly label: string,
  ) {}

  /** Changes project.json (the codebook and anything else) in one durable write. */
  async editProject<R>(change: (project: ProjectFile) => R): Promise<R> {
    this.codesBefore ??= structuredClone(this.session.project.codes);
    this.decisionsBefore ??= this.session.project.consensusDecisions.map(unstamped);
    return this.session.mutate(change);
  }

  /** Changes one source's codings in one durable write of its file. */
  async editSource<R>(sourceId: string, change: (source: SourceFile) => R): Promise<R> {
    let touched = this.touched.get(sourceId);
    if (!touched) {
      touched = new Map();
      this.touched.set(sourceId, touched);
    }
    const into = touched;
    try {
      return await this.session.mutateSource(
        sourceId,
        (draft) => {
          // The codings before the first edit, taken from the draft (a copy of the saved view's
          // list, which the edit may change in place) rather than by another read of the source.
          if (!this.sourcesBefore.has(sourceId)) {
            this.sourcesBefore.set(sourceId, [...draft.codings]);
          }
          const outcome = change(draft);
          if (!inPositionOrder(draft.codings)) draft.codings.sort(byPosition);
          return outcome;
        },
        (delta) => {
          for (const coding of delta.removed) {
            const seen = into.get(coding.id);
            if (seen) seen.after = null;
            else into.set(coding.id, { before: coding, after: null });
          }
          for (const coding of delta.added) {
            const seen = into.get(coding.id);
            if (seen) seen.after = coding;
            else into.set(coding.id, { before: null, after: coding });
          }
        },
      );
    } catch (error) {
      // Refused, or failed on the way to the disk: what reached it is found by comparison.
      this.unsure.add(sourceId);
      throw error;
    }
  }

  /** The step to keep in the history (null when nothing changed). */
  async entry(): Promise<HistoryEntry | null> {
    const codesChanged =
      this.codesBefore !== null &&
      JSON.stringify(this.codesBefore) !== JSON.stringify(this.session.project.codes);
    const sources: SourceDelta[] = [];
    for (const [id, touched] of this.touched) {
      const delta = this.unsure.has(id)
        ? await this.compared(id)
        : { id, ...composed(touched.values()) };
      if (delta.before.length || delta.after.length) sources.push(delta);
    }
    // Only a change that edited project.json can have changed the decisions.
    const decisionsNow = this.decisionsBefore
      ? this.session.project.consensusDecisions.map(unstamped)
      : [];
    const decisions = this.decisionsBefore && {
      before: decisionsMissing(this.decisionsBefore, decisionsNow),
      after: decisionsMissing(decisionsNow, this.decisionsBefore),
    };
    const decisionsChanged = !!decisions && decisions.before.length + decisions.after.length > 0;
    if (!codesChanged && !decisionsChanged && sources.length === 0) return null;
    return {
      label: this.label,
      codes: codesChanged
        ? { before: this.codesBefore!, after: structuredClone(this.session.project.codes) }
        : null,
      decisions: decisionsChanged ? decisions : null,
      sources,
    };
  }

  /**
   * The delta of a source by comparing all its codings before and after. A save that failed
   * before its edit ran (the source was not found, the project closed) changed nothing.
   */
  private async compared(id: string): Promise<SourceDelta> {
    const before = this.sourcesBefore.get(id);
    if (!before) return { id, before: [], after: [] };
    const after = (await this.session.readSource(id)).codings;
    return { id, before: missingFrom(before, after), after: missingFrom(after, before) };
  }
}

/** What a change's edits did to a source, in position order (a coding put back as it was is no change). */
function composed(touched: Iterable<Touched>): { before: Coding[]; after: Coding[] } {
  const before: Coding[] = [];
  const after: Coding[] = [];
  for (const { before: was, after: now } of touched) {
    if (was && now && sameCoding(was, now)) continue;
    if (was) before.push(was);
    if (now) after.push(now);
  }
  return { before: before.sort(byPosition), after: after.sort(byPosition) };
}

/**
 * Undo and redo of one window's coding changes within a session (each window has its own: see
 * CoreState.history). Undo puts back exactly what a change replaced, after checking that what it
 * wrote is still there: if something else (this window or another) changed the same codings or
 * the codebook since (a DV renamed, a text edited), undo refuses rather than overwrite that
 * later work.
 */
export class CodingHistory {
  private done: HistoryEntry[] = [];
  private undone: HistoryEntry[] = [];
  private turn: Promise<unknown> = Promise.resolve();

  constructor(readonly session: ProjectSession) {}

  get state(): UndoState {
    return { undo: this.done.at(-1)?.label ?? null, redo: this.undone.at(-1)?.label ?? null };
  }

  /** Runs a change and records it; a failed change keeps whatever part reached the disk. */
  record(label: string, work: (change: CodingChange) => Promise<void>): Promise<CodingUpdate> {
    return this.inTurn(() => this.run(label, work));
  }

  /**
   * One change at a time: two quick keys pressed in a row must not both take "before" from the
   * same state, or each would record (and undo) the other's coding too.
   */
  private inTurn<R>(task: () => Promise<R>): Promise<R> {
    const result = this.turn.then(task, task);
    this.turn = result.catch(() => undefined);
    return result;
  }

  private async run(
    label: string,
    work: (change: CodingChange) => Promise<void>,
  ): Promise<CodingUpdate> {
    const change = new CodingChange(this.session, label);
    let entry: HistoryEntry | null;
    try {
      await work(change);
    } finally {
      entry = await change.entry();
      if (entry) {
        this.done.push(entry);
        if (this.done.length > MAX_ENTRIES) this.done.shift();
        this.undone = [];
      }
    }
    return this.update(label, entry, 'after', change.createdCodeId);
  }

  /**
   * Carries the steps onto a corrected text of source `sourceId`: `follow` moves their codings
   * of that source as the correction moved the source's own (the same function, so a step's
   * codings still equal what the source holds), and `decision` its consensus decisions. Every
   * step stays undoable; the correction itself is not a step.
   */
  followText(
    sourceId: string,
    follow: (codings: Coding[]) => Coding[],
    decision: (decision: ConsensusDecision) => ConsensusDecision | null,
  ): void {
    const moved = (decisions: ConsensusDecision[]) =>
      decisions.flatMap((d) => (d.sourceId === sourceId ? (decision(d) ?? []) : [d]));
    for (const entry of [...this.done, ...this.undone]) {
      for (const delta of entry.sources) {
        if (delta.id !== sourceId) continue;
        delta.before = follow(delta.before);
        delta.after = follow(delta.after);
      }
      if (entry.decisions) {
        entry.decisions = {
          before: moved(entry.decisions.before),
          after: moved(entry.decisions.after),
        };
      }
    }
  }

  undo(): Promise<CodingUpdate | null> {
    return this.inTurn(() => this.revert(this.done, this.undone, 'undo'));
  }

  redo(): Promise<CodingUpdate | null> {
    return this.inTurn(() => this.revert(this.undone, this.done, 'redo'));
  }

  private async revert(
    from: HistoryEntry[],
    to: HistoryEntry[],
    direction: 'undo' | 'redo',
  ): Promise<CodingUpdate | null> {
    const entry = from.at(-1);
    if (!entry) return null;
    const wanted = direction === 'undo' ? 'before' : 'after';
    const current = direction === 'undo' ? 'after' : 'before';
    const session = this.session;
    // Check everything first so a conflict changes nothing.
    if (
      entry.codes &&
      JSON.stringify(session.project.codes) !== JSON.stringify(entry.codes[current])
    ) {
      from.pop();
      throw conflict(entry.label);
    }
    if (entry.decisions) {
      const present = new Set(session.project.consensusDecisions.map((decision) => decision.id));
      const { [current]: made, [wanted]: replaced } = entry.decisions;
      if (
        made.some((decision) => !present.has(decision.id)) ||
        replaced.some((decision) => present.has(decision.id))
      ) {
        from.pop();
        throw conflict(entry.label);
      }
    }
    for (const delta of entry.sources) {
      const index = session.sources.codingIndex(await session.readSource(delta.id));
      if (delta[current].some((coding) => !sameCoding(coding, index.get(coding.id)))) {
        from.pop();
        throw conflict(entry.label);
      }
    }
    from.pop();
    for (const delta of entry.sources) {
      const drop = new Set(delta[current].map((coding) => coding.id));
      await session.mutateSource(delta.id, (draft) => {
        draft.codings = draft.codings
          .filter((coding) => !drop.has(coding.id))
          .concat(structuredClone(delta[wanted]))
          .sort(byPosition);
      });
    }
    if (entry.codes || entry.decisions) {
      const codes = entry.codes && structuredClone(entry.codes[wanted]);
      const decisions = entry.decisions;
      await session.mutate((project) => {
        if (codes) project.codes = codes;
        if (decisions) {
          const drop = new Set(decisions[current].map((decision) => decision.id));
          project.consensusDecisions = project.consensusDecisions
            .filter((decision) => !drop.has(decision.id))
            .concat(structuredClone(decisions[wanted]));
        }
      });
    }
    to.push(entry);
    return this.update(entry.label, entry, wanted, null);
  }

  /**
   * What the renderer needs to mirror a step: the codebook if it changed, and per source only
   * the codings that went (`removed`) and came (`upserted`, as saved: with their new revision),
   * not the whole list.
   */
  private async update(
    label: string,
    entry: HistoryEntry | null,
    now: 'before' | 'after',
    createdCodeId: string | null,
  ): Promise<CodingUpdate> {
    const then = now === 'after' ? 'before' : 'after';
    const sources = [];
    for (const delta of entry?.sources ?? []) {
      const kept = new Set(delta[now].map((coding) => coding.id));
      const saved = this.session.sources.codingIndex(await this.session.readSource(delta.id));
      sources.push({
        id: delta.id,
        removed: delta[then].map((coding) => coding.id).filter((id) => !kept.has(id)),
        upserted: [...kept]
          .map((id) => saved.get(id))
          .filter((coding): coding is Coding => coding !== undefined)
          .sort(byPosition),
      });
    }
    return {
      label,
      codes: entry?.codes ? this.session.project.codes : null,
      sources,
      createdCodeId,
      history: this.state,
    };
  }
}
