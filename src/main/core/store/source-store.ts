/**
 * The sources of an open project as the store keeps them (STORE-V2 §1, §4, §5): each source's
 * document (text and turns) in an LRU bounded by bytes, its coder layers (codings and memos, no
 * text) in memory once read, and the assembled view the app works with. A change to a source is
 * split back into what changed: a coding save rewrites that coder's layer only.
 */
import { mkdir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CampoError } from '../../../shared/ipc/errors';
import { describeIssues } from '../../../shared/model/issues';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/model/project';
import {
  SourceDocSchema,
  type Coding,
  type LayerFile,
  type Memo,
  type SourceDoc,
  type SourceFile,
  type SpeakerTurn,
} from '../../../shared/model/source';
import { isEmptyDelta, layerDelta, type LayerDelta } from '../../../shared/domain/layer-delta';
import { layerCodec, sourceCodec } from './codecs';
import { fsyncDirectory, isTempFileName, readJsonFile, writeFileDurable } from './durable-file';
import { errnoOf, toUserFsError } from './fs-errors';
import { serializeDocument } from './json-document';
import { LayerEncoder } from './layers';
import { frozen, layerView, forgetViews, memoView } from './layer-views';
import {
  applyDeltas,
  deltasBySource,
  LayerJournal,
  layerJournalPath,
  keepDamagedJournal,
  readLayerJournal,
} from './layer-journal';
import {
  fileNameTime,
  isSafeId,
  layerFilePath,
  layersDir,
  sourceEditPath,
  sourceFilePath,
} from './layout';
import { LayerPlanner, madeFrom, refused } from './layer-planner';
import { LruByBytes } from './lru';
import { RevisionLog } from './revision-log';

/** What a change to a source wrote. */
export interface SourceChange {
  /** The source document (title, text, turns…) was rewritten. */
  doc: boolean;
  text: boolean;
  /** Evaluators whose layer was rewritten. */
  layers: string[];
}

interface Loaded {
  doc: SourceDoc;
  /** The assembled view, built on first use. */
  view: SourceFile | null;
}

/** A source's layers by evaluator id. */
export type Layers = Map<string, LayerFile>;

/** Who saves a change and when: the stamp its records get, and the window it came from. */
export interface Stamping {
  at: string;
  by: string | null;
  client: string;
}

/**
 * The codings a change replaced or removed (`removed`: their views before it) and those it added
 * or replaced (`added`: their views as saved, with their new revision). Unchanged codings are in
 * neither, so the undo history need not compare every coding of the source.
 */
export interface CodingsDelta {
  removed: Coding[];
  added: Coding[];
}

/** A change worked out by `plan`, written by `commit`. */
export interface SourcePlan<R> {
  id: string;
  result: R;
  doc: SourceDoc;
  /** Every layer of the source after the change. */
  next: Layers;
  /** The layers to write. */
  written: Array<[string, LayerFile]>;
  change: SourceChange;
  codings: CodingsDelta;
}

/** A new source, checked: its document and its non-empty layers. */
export interface NewSource {
  doc: SourceDoc;
  layers: Array<[string, LayerFile]>;
}

/** A view's codings by id, kept current from save to save (see `SourceStore.codingIndex`). */
const codingIndexes = new WeakMap<SourceFile, Map<string, Coding>>();

/** Bytes a source document takes in memory, roughly (UTF-16 text, turns, the view's codings). */
function sizeOf(entry: Loaded): number {
  const codings = entry.view ? entry.view.codings.length * 200 : 0;
  return entry.doc.text.length * 2 + entry.doc.turns.length * 160 + codings + 1_000;
}

const DOC_FIELDS = ['title', 'kind', 'origin', 'fictional'] as const;

function sameTurns(a: readonly SpeakerTurn[], b: readonly SpeakerTurn[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((turn, i) => {
    const other = b[i]!;
    return (
      turn.id === other.id &&
      turn.start === other.start &&
      turn.end === other.end &&
      turn.speaker === other.speaker &&
      turn.participantId === other.participantId &&
      turn.time === other.time &&
      turn.guideQuestionId === other.guideQuestionId &&
      turn.questionIds.length === other.questionIds.length &&
      turn.questionIds.every((id, k) => id === other.questionIds[k])
    );
  });
}

function byPosition(a: Coding, b: Coding): number {
  return a.start - b.start || a.end - b.end;
}

export interface SourceStoreOptions {
  /** Bytes of source texts kept in memory (default 256 MB: a thousand interviews). */
  textBudgetBytes?: number;
  /** Reading without the lock (`campo info`, exports): nothing on disk is touched. */
  readOnly?: boolean;
  /**
   * Coding saves go to the coding journal (see layer-journal.ts) unless this is false: each
   * save then rewrites its layer files (the bench's comparison, tests).
   */
  journal?: boolean;
  /** The clock (tests). */
  now?: () => Date;
}

/** One coder's layer file of a source that could not be read, renamed aside (`keptAs`). */
export interface LayerSetAside {
  sourceId: string;
  coderId: string;
  keptAs: string;
}

export class SourceStore {
  private readonly texts: LruByBytes<string, Loaded>;
  private readonly layers = new Map<string, Layers>();
  /** Earlier versions of codings and memos, and the window that saved each revision. */
  private readonly revisions = new RevisionLog();
  private readonly planner: LayerPlanner;
  /** Passages whose fingerprint no longer matched the text, per source (see codingsOf). */
  readonly drifted = new Map<string, number>();

  private readonly readOnly: boolean;
  private readonly encoder = new LayerEncoder();
  /** Where coding saves go first (null: each save rewrites its layer files). */
  private readonly journal: LayerJournal | null;
  /** The journal's deltas by source, not yet in the layer files: applied to whatever is read. */
  private pending = new Map<string, LayerDelta[]>();
  private pendingCount = 0;
  /** How many of a source's pending deltas its layer files hold (written by a checkpoint step). */
  private readonly inFiles = new Map<string, number>();
  /** A reader without the lock reads the journal once, before its first layer. */
  private pendingRead: Promise<void> | null = null;
  private readonly setAsideListeners = new Set<(event: LayerSetAside) => void>();
  /** Every damaged layer file set aside by this store (opening told of those found then). */
  readonly setAside: LayerSetAside[] = [];
  private readonly now: () => Date;

  constructor(
    readonly dir: string,
    options: SourceStoreOptions = {},
  ) {
    // A source's text leaves memory with its codings' views, which hold it (see forgetViews).
    this.texts = new LruByBytes(options.textBudgetBytes ?? 256 * 1024 * 1024, sizeOf, (id) =>
      this.forgetViewsOf(id),
    );
    this.readOnly = options.readOnly ?? false;
    this.now = options.now ?? (() => new Date());
    this.journal = this.readOnly || options.journal === false ? null : new LayerJournal(dir);
    this.planner = new LayerPlanner(this.revisions, this.encoder, (view) => this.codingIndex(view));
  }

  /** Tells `listener` of each damaged layer file set aside (see `layersOf`). */
  onLayerSetAside(listener: (event: LayerSetAside) => void): () => void {
    this.setAsideListeners.add(listener);
    return () => this.setAsideListeners.delete(listener);
  }

  /** Deltas in the journal not yet written into layer files, and the journal's bytes. */
  get journalSize(): { deltas: number; bytes: number } {
    return { deltas: this.pendingCount, bytes: this.journal?.bytes ?? 0 };
  }

  /**
   * At open, with the lock: takes what a session that ended without a checkpoint (a crash) left
   * in the journal, then writes it into the layer files (see `checkpoint`). A source whose layers
   * cannot be read keeps its deltas in the journal; they are applied whenever it is read.
   */
  async recover(now: Date = new Date()): Promise<JournalRecovery> {
    const read = await readLayerJournal(this.dir);
    // Saved lines damaged since (not a last line a crash cut short): kept before the
    // checkpoint empties the journal, and told.
    const keptAs = read.damaged > 0 ? await keepDamagedJournal(this.dir, now) : null;
    this.pending = deltasBySource(read.deltas);
    this.inFiles.clear();
    this.pendingCount = read.deltas.length;
    for (const id of [...this.pending.keys()]) {
      // A source deleted since: its layers went with it.
      const gone = await stat(sourceFilePath(this.dir, id)).then(
        () => false,
        (error: unknown) => errnoOf(error) === 'ENOENT',
      );
      if (gone) this.dropPending(id);
    }
    await this.checkpoint().catch((error: unknown) => {
      console.warn('[campo] coding journal kept for the next checkpoint', error);
    });
    return { recovered: read.deltas.length, damaged: read.damaged, keptAs };
  }

  private dropPending(id: string): void {
    this.pendingCount -= this.pending.get(id)?.length ?? 0;
    this.pending.delete(id);
    this.inFiles.delete(id);
  }

  /**
   * Writes every layer the journal changed into its file (durably), then empties the journal.
   * Before any other write of layer files (a text correction, a deletion, a merge, a snapshot),
   * so the journal never holds a change older than a layer file; and when idle.
   */
  async checkpoint(): Promise<void> {
    await this.checkpointStep(Infinity);
  }

  /**
   * One step of a checkpoint: writes the layers of at most `maxSources` sources the journal
   * changed since they were last written; once every one is in its file, empties the journal
   * and returns true. Between steps saves go on (after a change to 1,000 sources, a save waits
   * for one step, not for 1,000 files); a source saved again is written again.
   */
  async checkpointStep(maxSources: number): Promise<boolean> {
    if (!this.journal) return true;
    let wrote = 0;
    for (const [id, deltas] of this.pending) {
      const done = this.inFiles.get(id) ?? 0;
      if (done === deltas.length) continue;
      if (wrote >= maxSources) return false;
      const layers = await this.layersOf(id);
      await mkdir(layersDir(this.dir, id), { recursive: true });
      for (const coderId of new Set(deltas.slice(done).map((delta) => delta.coderId))) {
        const layer = layers.get(coderId);
        if (!layer) continue;
        await writeFileDurable(layerFilePath(this.dir, id, coderId), this.encoder.parts(layer));
      }
      this.inFiles.set(id, deltas.length);
      wrote += 1;
    }
    if (this.pending.size > 0 || this.journal.bytes > 0) await this.journal.reset();
    this.pending.clear();
    this.inFiles.clear();
    this.pendingCount = 0;
    return true;
  }

  /** Ends the store's use of its files. */
  async close(): Promise<void> {
    await this.journal?.close();
  }

  /** The journal's deltas for a source (a reader without the lock reads the journal first). */
  private async pendingFor(id: string): Promise<LayerDelta[] | undefined> {
    if (this.readOnly) {
      this.pendingRead ??= readLayerJournal(this.dir).then(
        (read) => {
          this.pending = deltasBySource(read.deltas);
        },
        () => undefined,
      );
      await this.pendingRead;
    }
    return this.pending.get(id);
  }

  /** Bytes of texts held now (for the bench and tests). */
  get textBytes(): number {
    return this.texts.bytes;
  }

  private forgetViewsOf(id: string): void {
    for (const layer of this.layers.get(id)?.values() ?? []) forgetViews(layer);
  }

  /** Forgets what is held of a source (after a failed write, a deletion, a restore). */
  forget(id: string): void {
    this.texts.delete(id);
    this.layers.delete(id);
  }

  /** The source document as its file holds it, checked (nothing is kept). */
  private async readDocFile(id: string): Promise<SourceDoc> {
    const path = sourceFilePath(this.dir, id);
    const read = await readJsonFile(path);
    if (read.status === 'missing') {
      throw new CampoError('NOT_FOUND', `Source file missing: ${path}`, { id, file: path });
    }
    if (read.status === 'unparsable') throw sourceCodec.unparsable(path, read.reason);
    return sourceCodec.parse(read.value, path);
  }

  private async loaded(id: string): Promise<Loaded> {
    const held = this.texts.get(id);
    if (held) return held;
    const entry: Loaded = { doc: await this.readDocFile(id), view: null };
    this.texts.set(id, entry);
    return entry;
  }

  /** The source document: text, turns, title. */
  async doc(id: string): Promise<SourceDoc> {
    return (await this.loaded(id)).doc;
  }

  /** The source document when it is in memory now (nothing is read). */
  held(id: string): SourceDoc | undefined {
    return this.texts.get(id)?.doc;
  }

  /**
   * A source's text and turns to read only (search contexts): from memory when held, else read
   * from its file without the schema check and without keeping it, so a search over many
   * sources neither pays for validation nor pushes the working set out of memory.
   */
  async peek(id: string): Promise<Pick<SourceDoc, 'text' | 'turns'>> {
    const held = this.texts.get(id);
    if (held) return held.doc;
    const path = sourceFilePath(this.dir, id);
    const read = await readJsonFile(path);
    if (read.status !== 'ok') throw new CampoError('NOT_FOUND', `No source file ${path}`, { id });
    const doc = read.value as Partial<SourceDoc>;
    if (typeof doc.text !== 'string' || !Array.isArray(doc.turns)) {
      throw sourceCodec.unparsable(path, 'no text or turns');
    }
    return { text: doc.text, turns: doc.turns };
  }

  /** True when the layers of `id` are in memory (no read needed). */
  hasLayers(id: string): boolean {
    return this.layers.has(id);
  }

  /** The layers of a source, read from codings/<id>/ the first time. */
  async layersOf(id: string): Promise<Layers> {
    const held = this.layers.get(id);
    if (held) return held;
    const folder = layersDir(this.dir, id);
    const names = await readdir(folder).catch((error: unknown) => {
      if (errnoOf(error) === 'ENOENT') return [] as string[];
      throw toUserFsError(error, folder);
    });
    const layers: Layers = new Map();
    for (const name of names.sort()) {
      // Left by a write a crash interrupted (we hold the lock: nothing is writing it now).
      if (isTempFileName(name) && !this.readOnly) {
        await unlink(join(folder, name)).catch(() => undefined);
      }
      const coderId = name.endsWith('.json') ? name.slice(0, -5) : '';
      if (!isSafeId(coderId)) continue;
      const path = join(folder, name);
      const layer = await readLayerFile(path, id, coderId).catch(async (error: unknown) => {
        // With the lock, one coder's damaged file does not close the transcript to everyone:
        // it is set aside, kept, and told (a reader without the lock reports it instead).
        if (this.readOnly || !(error instanceof CampoError) || error.code !== 'SOURCE_CORRUPT') {
          throw error;
        }
        const keptAs = await setLayerAside(path, this.now());
        this.setAside.push({ sourceId: id, coderId, keptAs });
        for (const listener of this.setAsideListeners) listener({ sourceId: id, coderId, keptAs });
        return null;
      });
      if (layer) layers.set(coderId, layer);
    }
    const deltas = await this.pendingFor(id);
    if (deltas) {
      for (const coderId of applyDeltas(layers, id, deltas, layerJournalPath(this.dir))) {
        frozen(layers.get(coderId)!);
      }
    }
    this.layers.set(id, layers);
    return layers;
  }

  /** The source as the app sees it: document, every coder's codings (sorted) and memos. */
  async view(id: string): Promise<SourceFile> {
    const entry = await this.loaded(id);
    if (entry.view) return entry.view;
    entry.view = this.assemble(entry.doc, await this.layersOf(id));
    // Its size grew with the view's codings.
    this.texts.set(id, entry);
    return entry.view;
  }

  /**
   * The source as `view` gives it, for a pass over many sources (an export): one held in memory
   * is served from there; any other is read and assembled without being kept, so the pass
   * neither fills memory with every text nor pushes out the sources the user is working on.
   */
  async scan(id: string): Promise<SourceFile> {
    if (this.texts.has(id)) return this.view(id);
    const view = this.assemble(await this.readDocFile(id), await this.layersOf(id));
    // Read while the pass runs: nothing of this text is kept once the caller lets the view go.
    this.forgetViewsOf(id);
    return view;
  }

  /**
   * The codings of a view by id. Built once, then kept current by each save (a save changes a
   * few entries, not the whole map); a view that is no longer the source's current one gets a
   * map of its own.
   */
  codingIndex(view: SourceFile): ReadonlyMap<string, Coding> {
    let index = codingIndexes.get(view);
    if (!index) {
      index = new Map(view.codings.map((coding) => [coding.id, coding]));
      codingIndexes.set(view, index);
    }
    return index;
  }

  /** A coding or memo as it was at `rev` (kept while the project is open). */
  versionAt(id: string, rev: number): Coding | Memo | undefined {
    return this.revisions.at(id, rev);
  }

  /** True when every revision of a coding or memo after `rev` up to `current` was `client`'s. */
  onlySavedBy(id: string, rev: number, current: number, client: string): boolean {
    return this.revisions.onlySavedBy(id, rev, current, client);
  }

  /**
   * Applies `edit` to a copy of the source's view and works out what changed: the layers whose
   * codings or memos changed (stamped with `at` and `by`, deletions as tombstones) and the source
   * document when its text, turns or title changed. Nothing is written yet (see `commit`); an
   * invalid result throws VALIDATION.
   */
  async plan<R>(
    id: string,
    edit: (draft: SourceFile) => R,
    stamp: Stamping,
  ): Promise<SourcePlan<R>> {
    const before = await this.view(id);
    const entry = await this.loaded(id);
    const layers = await this.layersOf(id);
    const draft: SourceFile = {
      ...before,
      codings: [...before.codings],
      memos: [...before.memos],
    };
    // The turns are copied only for an edit that reads them (a coding save does not).
    let turns: SpeakerTurn[] | null = null;
    Object.defineProperty(draft, 'turns', {
      enumerable: true,
      configurable: true,
      get: () =>
        (turns ??= before.turns.map((turn) => ({ ...turn, questionIds: [...turn.questionIds] }))),
      set: (value: SpeakerTurn[]) => {
        turns = value;
      },
    });
    const result = edit(draft);
    const doc = this.nextDoc(entry.doc, draft, turns !== null, stamp);
    const text = doc.text !== entry.doc.text;
    const codings: CodingsDelta = { removed: [], added: [] };
    const next = this.planner.nextLayers(id, layers, draft, doc, before, stamp, codings);
    // Every layer follows a text change (its offsets now refer to the new text).
    const written = [...next.entries()].filter(
      ([coderId, layer]) => text || layer !== layers.get(coderId),
    );
    return {
      id,
      result,
      doc,
      next,
      written,
      change: { doc: entry.doc !== doc, text, layers: written.map(([coderId]) => coderId) },
      codings,
    };
  }

  /** Writes a planned change (see `write`), then holds its result as the source's state. */
  async commit<R>(plan: SourcePlan<R>): Promise<SourceFile> {
    const layers = await this.layersOf(plan.id);
    const before = this.texts.get(plan.id)?.view ?? null;
    // The folder exists once the source has a layer: no mkdir on every coding save.
    const newFolder = layers.size === 0 && plan.written.length > 0;
    if (!plan.change.doc && !plan.change.text && this.journal) {
      await this.journalWrite(plan.id, layers, plan.written);
    } else {
      await this.checkpoint();
      await this.write(
        plan.id,
        plan.doc,
        plan.change.doc,
        plan.change.text,
        plan.written,
        newFolder,
      );
    }
    for (const [coderId, layer] of plan.next) layers.set(coderId, layer);
    const view = this.assemble(plan.doc, layers);
    this.texts.set(plan.id, { doc: plan.doc, view });
    // The coding index follows the change instead of being rebuilt.
    const index = before && !plan.change.text ? codingIndexes.get(before) : undefined;
    if (before && index) {
      codingIndexes.delete(before);
      for (const coding of plan.codings.removed) index.delete(coding.id);
      for (const coding of plan.codings.added) index.set(coding.id, coding);
      codingIndexes.set(view, index);
    }
    return view;
  }

  /** The new source document, or the old one when nothing of it changed. */
  private nextDoc(old: SourceDoc, draft: SourceFile, turnsRead: boolean, stamp: Stamping) {
    const changed =
      draft.text !== old.text ||
      DOC_FIELDS.some((field) => draft[field] !== old[field]) ||
      (turnsRead && !sameTurns(draft.turns, old.turns));
    if (!changed) return old;
    const candidate = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id: old.id,
      title: draft.title,
      kind: draft.kind,
      origin: draft.origin,
      fictional: draft.fictional,
      text: draft.text,
      turns: draft.turns,
      textRev: old.textRev + (draft.text !== old.text ? 1 : 0),
      createdAt: old.createdAt,
      rev: (old.rev ?? 0) + 1,
      updatedAt: stamp.at,
      updatedBy: stamp.by,
    };
    const parsed = SourceDocSchema.safeParse(candidate);
    if (!parsed.success) throw refused(describeIssues(parsed.error));
    for (const turn of parsed.data.turns) {
      if (turn.end > parsed.data.text.length) throw refused(`turn ${turn.id} beyond the text`);
    }
    return parsed.data;
  }

  /**
   * The view of a document and its layers, from each layer's views (see LayerView): codings
   * whose stored form and text are unchanged keep their view object, and a single layer in
   * position order needs no sort.
   */
  private assemble(doc: SourceDoc, layers: Layers): SourceFile {
    let codings: Coding[] = [];
    const memos: Memo[] = [];
    let drifted = 0;
    let sorted = true;
    for (const layer of layers.values()) {
      const read = layerView(layer, doc.text);
      drifted += read.drifted;
      if (codings.length === 0) {
        codings = [...read.codings];
        sorted = read.sorted;
      } else if (read.codings.length > 0) {
        codings = codings.concat(read.codings);
        sorted = false;
      }
      for (const memo of layer.memos) memos.push(memoView(memo, layer.coderId));
    }
    if (drifted > 0) this.drifted.set(doc.id, drifted);
    else this.drifted.delete(doc.id);
    const { schemaVersion: _version, textRev: _textRev, ...fields } = doc;
    return {
      ...fields,
      codings: sorted ? codings : codings.sort(byPosition),
      memos: memos.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    };
  }

  /**
   * Writes a change: the layers, then the document. A text change first journals the new
   * document, so a crash between the files is finished at the next open (STORE-V2 §5); the
   * session ends the journal (`endEdit`) after writing project.json.
   */
  private async write(
    id: string,
    doc: SourceDoc,
    docChanged: boolean,
    textChanged: boolean,
    layers: Array<[string, LayerFile]>,
    newFolder: boolean,
  ): Promise<void> {
    if (newFolder) await mkdir(layersDir(this.dir, id), { recursive: true });
    const journal = sourceEditPath(this.dir, id);
    if (textChanged) await writeFileDurable(journal, serializeDocument(doc));
    for (const [coderId, layer] of layers) {
      await writeFileDurable(layerFilePath(this.dir, id, coderId), this.encoder.parts(layer));
    }
    if (docChanged) await writeFileDurable(sourceFilePath(this.dir, id), serializeDocument(doc));
  }

  /** A coding save: what changed in each layer, appended to the journal (see layer-journal.ts). */
  private async journalWrite(
    id: string,
    before: Layers,
    written: Array<[string, LayerFile]>,
  ): Promise<void> {
    const deltas = written
      .map(([coderId, layer]) => {
        const made = madeFrom.get(layer);
        // Read once: kept, it would hold the layer before, and that one the layer before it.
        madeFrom.delete(layer);
        return made && made.from === before.get(coderId)
          ? made.delta
          : layerDelta(before.get(coderId), layer);
      })
      .filter((delta) => !isEmptyDelta(delta));
    if (deltas.length === 0) return;
    await this.journal!.append(deltas);
    const list = this.pending.get(id);
    if (list) list.push(...deltas);
    else this.pending.set(id, deltas);
    this.pendingCount += deltas.length;
  }

  /**
   * Ends a text correction once project.json describes the new text: the journal goes. Until
   * then, opening the project would finish the correction again (see edit-journal.ts).
   */
  async endEdit(id: string): Promise<void> {
    await unlink(sourceEditPath(this.dir, id)).catch(() => undefined);
  }

  /** A new source's document and layers, checked, not yet written (see `commitAdd`). */
  planAdd(source: SourceFile, stamp: Stamping): NewSource {
    const parsed = SourceDocSchema.safeParse({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id: source.id,
      title: source.title,
      kind: source.kind,
      origin: source.origin,
      fictional: source.fictional,
      text: source.text,
      turns: source.turns,
      textRev: 1,
      createdAt: source.createdAt,
      rev: 1,
      updatedAt: stamp.at,
      updatedBy: stamp.by,
    });
    if (!parsed.success) throw refused(describeIssues(parsed.error));
    const doc = parsed.data;
    for (const turn of doc.turns) {
      if (turn.end > doc.text.length) throw refused(`turn ${turn.id} beyond the text`);
    }
    const next = this.planner.nextLayers(source.id, new Map(), source, doc, null, stamp, {
      removed: [],
      added: [],
    });
    const layers = [...next.entries()].filter(
      ([, layer]) => layer.codings.length > 0 || layer.memos.length > 0,
    );
    return { doc, layers };
  }

  /**
   * Writes a new source: its layers first, then its document (so a document on disk always has
   * its layers).
   */
  async commitAdd({ doc, layers }: NewSource): Promise<void> {
    if (layers.length > 0) await mkdir(layersDir(this.dir, doc.id), { recursive: true });
    for (const [coderId, layer] of layers) {
      await writeFileDurable(layerFilePath(this.dir, doc.id, coderId), this.encoder.parts(layer));
    }
    await writeFileDurable(sourceFilePath(this.dir, doc.id), serializeDocument(doc));
    this.layers.set(doc.id, new Map(layers));
    this.texts.set(doc.id, { doc, view: null });
  }

  /** Removes a source's layers folder (after the project forgot the source). */
  async removeLayers(id: string): Promise<void> {
    if (this.pending.has(id)) await this.checkpoint();
    this.forget(id);
    await rm(layersDir(this.dir, id), { recursive: true, force: true });
  }
}

/**
 * With the project's lock held and no session open: writes what the coding journal holds into
 * the layer files (see `SourceStore.recover`).
 */
/** What opening took from the coding journal a session left (see `SourceStore.recover`). */
export interface JournalRecovery {
  /** Coding changes taken in. */
  recovered: number;
  /** Saved lines that could not be read (damaged since they were written). */
  damaged: number;
  /** Where the journal was kept as it was, when some of its lines were damaged. */
  keptAs: string | null;
}

/** A layer file read and checked (SOURCE_CORRUPT when it cannot be used); null when missing. */
async function readLayerFile(
  path: string,
  sourceId: string,
  coderId: string,
): Promise<LayerFile | null> {
  const read = await readJsonFile(path);
  if (read.status === 'missing') return null;
  if (read.status === 'unparsable') throw layerCodec.unparsable(path, read.reason);
  const layer = frozen(layerCodec.parse(read.value, path));
  if (layer.coderId !== coderId || layer.sourceId !== sourceId) {
    throw new CampoError('SOURCE_CORRUPT', `${path} names another layer`, {
      file: path,
      reason: `sourceId ${layer.sourceId}, coderId ${layer.coderId}`,
    });
  }
  return layer;
}

/**
 * Renames a damaged layer file to `<coder>.corrupt-<time>.json` beside it (not a layer name:
 * never read as one, never copied as data), so the coder's later saves start a new file and
 * the damaged one stays to be examined or restored. Returns its new path.
 */
async function setLayerAside(path: string, at: Date): Promise<string> {
  const stamp = fileNameTime(at);
  const keptAs = `${path.slice(0, -'.json'.length)}.corrupt-${stamp}.json`;
  await rename(path, keptAs);
  await fsyncDirectory(dirname(path));
  return keptAs;
}

export async function settleLayerJournal(dir: string): Promise<void> {
  const store = new SourceStore(dir);
  try {
    await store.recover();
  } finally {
    await store.close();
  }
}
