/**
 * Part of the search cache (STORE-V2 §4): per source, what a search hit shows besides the match
 * itself, the words around it and who says them, in `cache/context/<id>.bin`. The text is kept
 * by `textRev`; the turns (a speaker linked to a participant changes them without touching the
 * text) by the stamp of the source file they were read from, so any rewrite of that file, by
 * Campo or by a merge or a restore, is noticed without reading it. Without this file, every
 * source with a hit was read and parsed at every search (1–2 ms each on a slow laptop).
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpeakerTurn } from '../../../shared/model/source';
import { writeCacheFile } from './durable-file';
import { sameStamp, stampOf, type FileStamp } from './file-stamp';
import { isSafeId } from './layout';
import { LruByBytes } from './lru';

const CONTEXT_MAGIC = 0x31584343; // "CCX1"

/** What a hit needs from its source: the text (read piece by piece) and its speaker turns. */
export interface HitSource {
  /** The text's length in UTF-16 units. */
  length: number;
  /** The text from `from` to `to` (clamped to the text). */
  slice(from: number, to: number): string;
  turns: readonly SpeakerTurn[];
}

/** A source in memory (its document) as a hit source. */
export function hitSourceOf(doc: { text: string; turns: readonly SpeakerTurn[] }): HitSource {
  return {
    length: doc.text.length,
    slice: (from, to) => doc.text.slice(from, to),
    turns: doc.turns,
  };
}

/** A text kept as UTF-16LE bytes, decoded only where a hit needs it. */
function hitSourceOfUnits(units: Buffer, turns: SpeakerTurn[]): HitSource {
  const length = units.length / 2;
  return {
    length,
    slice: (from, to) => {
      const start = Math.max(0, Math.min(from, length));
      const end = Math.max(start, Math.min(to, length));
      return units.toString('utf16le', start * 2, end * 2);
    },
    turns,
  };
}

interface Held {
  textRev: number;
  stamp: FileStamp;
  value: HitSource;
  bytes: number;
}

/**
 * The file's header: the stamp, and the turns as what hits use of them (start, end, speaker,
 * participant), four numbers each with the labels and participant ids listed once.
 */
interface Header {
  stamp: FileStamp;
  speakers: string[];
  participants: string[];
  turns: number[];
}

function encode(
  textRev: number,
  stamp: FileStamp,
  doc: { text: string; turns: readonly SpeakerTurn[] },
): Buffer {
  const speakers = new Map<string, number>();
  const participants = new Map<string, number>();
  const number = (map: Map<string, number>, key: string) => {
    if (!map.has(key)) map.set(key, map.size);
    return map.get(key)!;
  };
  const turns: number[] = [];
  for (const turn of doc.turns) {
    turns.push(
      turn.start,
      turn.end,
      number(speakers, turn.speaker),
      turn.participantId === null ? -1 : number(participants, turn.participantId),
    );
  }
  const header: Header = {
    stamp,
    speakers: [...speakers.keys()],
    participants: [...participants.keys()],
    turns,
  };
  const json = Buffer.from(JSON.stringify(header));
  // The text starts on an even byte, as UTF-16 wants.
  const textAt = 12 + json.length + ((12 + json.length) % 2);
  const bytes = Buffer.alloc(textAt + doc.text.length * 2);
  bytes.writeUInt32LE(CONTEXT_MAGIC, 0);
  bytes.writeUInt32LE(textRev, 4);
  bytes.writeUInt32LE(json.length, 8);
  json.copy(bytes, 12);
  bytes.write(doc.text, textAt, 'utf16le');
  return bytes;
}

function decode(bytes: Buffer, textRev: number): Held | null {
  if (bytes.length < 12 || bytes.readUInt32LE(0) !== CONTEXT_MAGIC) return null;
  if (bytes.readUInt32LE(4) !== textRev) return null;
  const headerLength = bytes.readUInt32LE(8);
  const textAt = 12 + headerLength + ((12 + headerLength) % 2);
  if (textAt > bytes.length || (bytes.length - textAt) % 2 !== 0) return null;
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 12, 12 + headerLength)) as Header;
  } catch {
    return null;
  }
  const { stamp, speakers, participants, turns: numbers } = header ?? {};
  if (!stamp || !Array.isArray(speakers) || !Array.isArray(participants)) return null;
  if (!Array.isArray(numbers) || numbers.length % 4 !== 0) return null;
  const turns: SpeakerTurn[] = [];
  for (let i = 0; i < numbers.length; i += 4) {
    const speaker = speakers[numbers[i + 2]!];
    const participant = numbers[i + 3]!;
    if (typeof speaker !== 'string') return null;
    turns.push({
      id: '',
      start: numbers[i]!,
      end: numbers[i + 1]!,
      speaker,
      participantId: participant === -1 ? null : (participants[participant] ?? null),
      time: null,
      guideQuestionId: null,
      questionIds: [],
    });
  }
  const units = bytes.subarray(textAt);
  return {
    textRev,
    stamp,
    value: hitSourceOfUnits(units, turns),
    bytes: bytes.length + turns.length * 96,
  };
}

export class ContextCache {
  private readonly held: LruByBytes<string, Held>;
  private onDisk: Promise<Set<string>> | null = null;

  constructor(
    private readonly dir: string,
    budgetBytes = 128 * 1024 * 1024,
  ) {
    this.held = new LruByBytes(budgetBytes, (entry) => entry.bytes);
  }

  private pathOf(id: string): string {
    return join(this.dir, `${id}.bin`);
  }

  /**
   * The text and turns of source `id` at `textRev`, whose document is at `docPath`: from memory
   * or the cache file while that document is unchanged, else from `read()` (then kept).
   */
  async contextFor(
    id: string,
    textRev: number,
    docPath: string,
    read: () => Promise<{ text: string; turns: readonly SpeakerTurn[] }>,
  ): Promise<HitSource> {
    // Stamped before anything is read: a document rewritten meanwhile is read again next time.
    const stamp = await stampOf(docPath);
    const held = this.held.get(id);
    if (held && held.textRev === textRev && sameStamp(stamp, held.stamp)) return held.value;
    if (isSafeId(id) && stamp) {
      const stored = await readFile(this.pathOf(id)).then(
        (bytes) => decode(bytes, textRev),
        () => null,
      );
      if (stored && sameStamp(stamp, stored.stamp)) {
        this.held.set(id, stored);
        return stored.value;
      }
    }
    const doc = await read();
    if (stamp) await this.keep(id, textRev, stamp, doc);
    return hitSourceOf(doc);
  }

  /** Keeps a source's text and turns, read from its document as it was at `stamp`. */
  async keep(
    id: string,
    textRev: number,
    stamp: FileStamp,
    doc: { text: string; turns: readonly SpeakerTurn[] },
  ): Promise<void> {
    const bytes = encode(textRev, stamp, doc);
    const held = decode(bytes, textRev);
    if (held) this.held.set(id, held);
    if (!isSafeId(id)) return;
    (await this.listed()).add(id);
    // Only a cache: a failed write (full disk, a folder removed) costs a read next time.
    await mkdir(this.dir, { recursive: true })
      .then(() => writeCacheFile(this.pathOf(id), bytes))
      .catch(() => undefined);
  }

  /**
   * The sources that have a cache file (of some revision: a stale one is replaced when read),
   * listed once: what indexing still has to write.
   */
  listed(): Promise<Set<string>> {
    this.onDisk ??= readdir(this.dir).then(
      (names) =>
        new Set(names.filter((name) => name.endsWith('.bin')).map((name) => name.slice(0, -4))),
      () => new Set<string>(),
    );
    return this.onDisk;
  }

  /** Forgets a source (its text changed, or it was deleted). */
  async forget(id: string): Promise<void> {
    this.held.delete(id);
    (await this.listed()).delete(id);
    if (isSafeId(id)) await rm(this.pathOf(id), { force: true });
  }
}
