import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CampoError, type WireError } from '../../../shared/ipc/errors';
import { damagedFile } from '../../../shared/ipc/refusals';
import { IMPORT_LIMITS } from '../import/limits';
import type {
  ParserJob,
  ParserJobInput,
  ParserJobOutput,
  ParserMessage,
  ParserRequest,
} from './parser-jobs';

/**
 * Runs the parsers of files a user picked in separate processes (parser-child.ts): a file that
 * makes a parser run out of memory or crash kills that process only, and one that takes too long
 * is stopped by killing it. The app's own process stays free to answer meanwhile. A worker
 * thread is not enough: V8 aborts the whole process when a thread runs out of heap inside some
 * allocations (SheetJS on a 200 MB cell did exactly that).
 *
 * Up to two parser processes live at a time; an idle one is reused, and ends after a while.
 */

/** A parser process as the pool drives it (Node's child process or Electron's utility process). */
export interface ParserProcess {
  send(message: ParserRequest): void;
  onMessage(listener: (message: ParserMessage) => void): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** What the process writes to stderr (how a V8 out-of-memory abort is recognised). */
  onStderr(listener: (text: string) => void): void;
  kill(): void;
  /** While busy the process keeps the app alive; idle, it does not hold the app open. */
  setBusy(busy: boolean): void;
}

/** Starts a parser process whose V8 heap stops at `memoryMb`. */
export type ParserLauncher = (options: { memoryMb: number }) => ParserProcess;

/** Path of the parser entry beside this module: the .ts source (tsx, tests) or the built .js. */
export function parserChildScript(): string {
  const source = import.meta.url.endsWith('.ts');
  return fileURLToPath(
    new URL(source ? './parser-child.ts' : './parser-child.js', import.meta.url),
  );
}

/** Node's `fork` (CLI, browser mode, tests): the TypeScript entry runs through tsx. */
export const nodeLauncher: ParserLauncher = ({ memoryMb }) => {
  const script = parserChildScript();
  const execArgv = [`--max-old-space-size=${memoryMb}`];
  if (script.endsWith('.ts')) {
    const tsx = createRequire(import.meta.url).resolve('tsx');
    execArgv.unshift('--import', pathToFileURL(tsx).href);
  }
  const child = fork(script, [], {
    execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  return {
    send: (message) => child.send(message),
    onMessage: (listener) => child.on('message', (message) => listener(message as ParserMessage)),
    onExit: (listener) => child.once('exit', listener),
    onStderr: (listener) => child.stderr?.on('data', (chunk: Buffer) => listener(String(chunk))),
    kill: () => child.kill('SIGKILL'),
    setBusy(busy) {
      const handles = [child, child.channel, child.stderr] as Array<
        { ref?: () => void; unref?: () => void } | null | undefined
      >;
      for (const handle of handles) (busy ? handle?.ref : handle?.unref)?.call(handle);
    },
  };
};

let launcher: ParserLauncher = nodeLauncher;

/** The Electron shell gives its utility-process launcher here (RunAsNode is off in packaged apps). */
export function setParserLauncher(next: ParserLauncher): void {
  launcher = next;
}

const MAX_PROCESSES = 2;
const IDLE_MS = 30_000;
const START_TIMEOUT_MS = 60_000;

interface Slot {
  process: ParserProcess;
  memoryMb: number;
  ready: Promise<void>;
  busy: boolean;
  dead: boolean;
  stderr: string;
  idleTimer: NodeJS.Timeout | null;
  /** Called when the process says something or ends, for the request under way. */
  listener:
    | ((
        message: ParserMessage | null,
        exit?: { code: number | null; signal: string | null },
      ) => void)
    | null;
}

const slots: Slot[] = [];
const waiting: Array<() => void> = [];
let nextId = 1;

/** What the last finished request measured, for tests and the benchmark. */
export interface ParserStats {
  job: ParserJob;
  ms: number;
  maxRssBytes: number | null;
  outcome: 'ok' | 'refused' | 'timeout' | 'died';
}
let lastStats: ParserStats | null = null;
export function lastParserStats(): ParserStats | null {
  return lastStats;
}

function remove(slot: Slot): void {
  slot.dead = true;
  if (slot.idleTimer) clearTimeout(slot.idleTimer);
  const index = slots.indexOf(slot);
  if (index >= 0) slots.splice(index, 1);
  waiting.shift()?.();
}

function spawnSlot(memoryMb: number): Slot {
  const process = launcher({ memoryMb });
  let ready!: () => void;
  let failed!: (error: Error) => void;
  const slot: Slot = {
    process,
    memoryMb,
    ready: new Promise<void>((resolve, reject) => {
      ready = resolve;
      failed = reject;
    }),
    busy: false,
    dead: false,
    stderr: '',
    idleTimer: null,
    listener: null,
  };
  const startTimer = setTimeout(() => {
    failed(new Error('The parser process did not start'));
    process.kill();
  }, START_TIMEOUT_MS);
  startTimer.unref();
  process.onStderr((text) => {
    slot.stderr = (slot.stderr + text).slice(-4_000);
  });
  process.onMessage((message) => {
    if ('ready' in message) {
      clearTimeout(startTimer);
      ready();
      return;
    }
    slot.listener?.(message);
  });
  process.onExit((code, signal) => {
    clearTimeout(startTimer);
    failed(new Error(`The parser process ended before starting (${code ?? signal})`));
    remove(slot);
    slot.listener?.(null, { code, signal });
  });
  slots.push(slot);
  return slot;
}

/** An idle parser process with this heap limit, started if needed; waits when all are busy. */
async function acquire(memoryMb: number): Promise<Slot> {
  for (;;) {
    const idle = slots.find((slot) => !slot.busy && !slot.dead && slot.memoryMb === memoryMb);
    if (idle) {
      if (idle.idleTimer) clearTimeout(idle.idleTimer);
      idle.idleTimer = null;
      idle.busy = true;
      return idle;
    }
    if (slots.length >= MAX_PROCESSES) {
      const other = slots.find((slot) => !slot.busy);
      if (other) {
        other.process.kill();
        remove(other);
      }
    }
    if (slots.length < MAX_PROCESSES) {
      const slot = spawnSlot(memoryMb);
      slot.busy = true;
      return slot;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
}

function release(slot: Slot): void {
  slot.busy = false;
  slot.listener = null;
  if (slot.dead) return;
  slot.process.setBusy(false);
  slot.idleTimer = setTimeout(() => {
    slot.process.kill();
    remove(slot);
  }, IDLE_MS);
  slot.idleTimer.unref();
  waiting.shift()?.();
}

/** Options of one isolated request. */
export interface IsolatedOptions {
  /** The file's name, for the messages. */
  file: string;
  timeoutMs: number;
  memoryMb?: number;
}

/** True when a parser process's end looks like V8 running out of heap. */
function outOfMemory(stderr: string, code: number | null, signal: string | null): boolean {
  return (
    /out of memory|heap limit|Allocation failed/i.test(stderr) ||
    signal === 'SIGABRT' ||
    code === 134
  );
}

/**
 * Runs a parser job in a parser process. Its CampoErrors come back as they were thrown; a
 * library's own error becomes FILE_DAMAGED with its message; running out of memory or crashing
 * becomes FILE_DAMAGED too, and taking longer than `timeoutMs` IMPORT_TIMEOUT, the process being
 * killed in both cases. The time limit counts from when the process is ready.
 */
export async function runIsolated<J extends ParserJob>(
  job: J,
  input: ParserJobInput<J>,
  { file, timeoutMs, memoryMb = IMPORT_LIMITS.parserMemoryMb }: IsolatedOptions,
): Promise<ParserJobOutput<J>> {
  const slot = await acquire(memoryMb);
  slot.process.setBusy(true);
  try {
    await slot.ready;
  } catch (error) {
    slot.process.kill();
    remove(slot);
    throw error;
  }
  const id = nextId++;
  const started = performance.now();
  const stats = (outcome: ParserStats['outcome'], maxRssBytes: number | null = null) => {
    lastStats = { job, ms: Math.round(performance.now() - started), maxRssBytes, outcome };
  };
  return new Promise<ParserJobOutput<J>>((resolve, reject) => {
    const timer = setTimeout(() => {
      slot.listener = null;
      slot.process.kill();
      remove(slot);
      stats('timeout');
      reject(
        new CampoError('IMPORT_TIMEOUT', `${file} timed out`, {
          file,
          seconds: Math.max(1, Math.round(timeoutMs / 1000)),
        }),
      );
    }, timeoutMs);
    slot.listener = (message, exit) => {
      clearTimeout(timer);
      if (message === null) {
        const code = exit?.code ?? null;
        const signal = exit?.signal ?? null;
        stats('died');
        reject(
          outOfMemory(slot.stderr, code, signal)
            ? damagedFile(file, 'refusal.parserMemory', { mb: memoryMb })
            : damagedFile(file, 'refusal.parserStopped', { detail: String(signal ?? code) }),
        );
        return;
      }
      if (!('id' in message) || message.id !== id) return;
      release(slot);
      if (message.ok) {
        stats('ok', message.maxRssBytes);
        resolve(message.value as ParserJobOutput<J>);
        return;
      }
      stats('refused');
      const wire = message.error as WireError;
      reject(
        wire.code === 'INTERNAL'
          ? damagedFile(file, 'refusal.parserError', { detail: wire.message.slice(0, 200) })
          : CampoError.fromWire(wire),
      );
    };
    slot.process.send({ id, job, input });
  });
}

/** Ends every parser process (the app is quitting; tests). */
export function stopParsers(): void {
  for (const slot of [...slots]) {
    slot.process.kill();
    remove(slot);
  }
}
