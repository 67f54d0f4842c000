import { Low, type Adapter } from 'lowdb';
import { writeFileDurable, readJsonFile } from './durable-file';

/** How a document kind is checked, and what error a broken file of that kind raises. */
export interface DocumentCodec<T> {
  /** Validates raw JSON (read or about to be written); throws for content it cannot accept. */
  parse(raw: unknown, path: string): T;
  /** The error for a file that is not JSON at all. */
  unparsable(path: string, reason: string): Error;
}

/**
 * A lowdb adapter whose writes are durable and atomic (see writeFileDurable): lowdb's own
 * JSONFile goes through steno, which renames but never fsyncs. The codec validates what is read
 * and what is about to be written, so an invalid document is never put on disk.
 */
export class DurableJsonAdapter<T> implements Adapter<T> {
  /** Called once a write is durably on disk (the project session records the file's stamp). */
  onWritten?: () => Promise<void>;

  constructor(
    readonly path: string,
    private readonly codec: DocumentCodec<T>,
  ) {}

  async read(): Promise<T | null> {
    const read = await readJsonFile(this.path);
    if (read.status === 'missing') return null;
    if (read.status === 'unparsable') throw this.codec.unparsable(this.path, read.reason);
    return this.codec.parse(read.value, this.path);
  }

  async write(data: T): Promise<void> {
    const checked = this.codec.parse(data, this.path);
    await writeFileDurable(this.path, serializeDocument(checked));
    await this.onWritten?.();
  }
}

/** The on-disk form of every Campo JSON file: indented, so a person can read and repair it. */
export function serializeDocument(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** A lowdb document backed by a durable adapter, holding already-validated `initial` data. */
export function durableDocument<T>(path: string, codec: DocumentCodec<T>, initial: T): Low<T> {
  return new Low<T>(new DurableJsonAdapter<T>(path, codec), initial);
}
