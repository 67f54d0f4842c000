/**
 * The SQLite peer's side of the bench (see peer/sqlite-peer.mjs): installing better-sqlite3 on
 * demand in tests/bench/peer (its own package.json and lockfile, so `npm ci` and `npm test` at the
 * root never compile it), writing the generated project as the peer's input, and running the
 * peer's phases in processes of their own.
 */
import { execFile } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Code } from '../../src/shared/model/project';
import type { SourceFile } from '../../src/shared/model/source';
import type { PeerDump } from './scale-project';

const run = promisify(execFile);
export const PEER_DIR = join(import.meta.dirname, 'peer');
const BINDING = join(
  PEER_DIR,
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
);

/**
 * Installs the peer's dependencies when missing (better-sqlite3 compiles from source where no
 * prebuilt binary can be downloaded: minutes). Resolves to a reason when it cannot.
 */
export async function ensurePeer(log: (message: string) => void): Promise<string | null> {
  if (existsSync(BINDING)) return null;
  log('installing the SQLite peer (better-sqlite3, compiled from source: a few minutes)…');
  const env = { ...process.env };
  // Offline machines: build against the installed Node headers instead of downloading them.
  if (existsSync('/usr/include/node/node_version.h')) env.npm_config_nodedir = '/usr';
  try {
    await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEER_DIR, env, maxBuffer: 64e6 });
  } catch (error) {
    return `SQLite peer not installed: ${(error as { stderr?: string }).stderr?.slice(-500) ?? error}`;
  }
  return existsSync(BINDING) ? null : 'SQLite peer not installed: better-sqlite3 did not build';
}

/** UTF-16 offsets of `text` as code points (QualCoder counts Python characters). */
function codePointOffsets(text: string): (offset: number) => number {
  const pairsBefore = new Uint32Array(text.length + 1);
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    pairsBefore[i] = pairs;
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff && i > 0) {
      const previous = text.charCodeAt(i - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) pairs += 1;
    }
  }
  pairsBefore[text.length] = pairs;
  return (offset) => offset - pairsBefore[offset]!;
}

/** A writer of the peer's input (one JSON line per record), fed while the project is built. */
export function peerDump(path: string): { dump: PeerDump; close(): Promise<void> } {
  const out = createWriteStream(path, 'utf8');
  const codeIndex = new Map<string, number>();
  const write = (record: unknown) => out.write(`${JSON.stringify(record)}\n`);
  const dump: PeerDump = {
    code(index: number, code: Code, parentIndex: number | null) {
      codeIndex.set(code.id, index + 1);
      write({
        t: 'code',
        cid: index + 1,
        name: code.name,
        catid: parentIndex === null ? null : parentIndex + 1,
        category: parentIndex === null,
      });
    },
    participant(index: number, code: string) {
      write({ t: 'case', caseid: index + 1, name: code });
    },
    source(index: number, source: SourceFile, participants: number[]) {
      const points = codePointOffsets(source.text);
      write({
        t: 'source',
        id: index + 1,
        name: source.title,
        fulltext: source.text,
        length: points(source.text.length),
        cases: participants.map((p) => p + 1),
      });
      for (const coding of source.codings) {
        write({
          t: 'coding',
          cid: codeIndex.get(coding.codeId),
          fid: index + 1,
          pos0: points(coding.start),
          pos1: points(coding.end),
          seltext: coding.text,
          date: coding.createdAt,
        });
      }
    },
  };
  return {
    dump,
    close: () =>
      new Promise((done, fail) =>
        out.end((error?: Error | null) => (error ? fail(error) : done())),
      ),
  };
}

/** What a peer phase wrote: samples per figure, its peak memory, a few values. */
export interface PeerResult {
  samples: Record<string, number[]>;
  peakRssMb: number;
  values: Record<string, number>;
}

/** Runs one phase of the peer (`build` or `measure`) in its own Node process. */
export async function peerPhase(args: string[], out: string): Promise<PeerResult> {
  await run(process.execPath, [join(PEER_DIR, 'sqlite-peer.mjs'), ...args, out], {
    cwd: PEER_DIR,
    maxBuffer: 64e6,
  }).catch((error: unknown) => {
    throw new Error(
      `SQLite peer ${args[0]} failed: ${(error as { stderr?: string }).stderr ?? error}`,
    );
  });
  return JSON.parse(await readFile(out, 'utf8')) as PeerResult;
}
