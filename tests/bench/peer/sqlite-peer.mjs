/**
 * The SQLite peer of `npm run bench` (issue 17): the same generated project in QualCoder's schema
 * (its data.qda tables), with better-sqlite3, WAL and synchronous=FULL, measured the way a
 * QualCoder-style app would work. Plain JavaScript run by Node from this folder, so that
 * better-sqlite3 (bench-only, installed here on demand) is never needed by `npm test`.
 *
 *   node sqlite-peer.mjs build <dump.ndjson> <data.qda> <out.json>
 *   node sqlite-peer.mjs measure <data.qda> <runs> <params.json> <out.json>
 *
 * Writes { samples: {name: number[]}, peakRssMb, values } to <out.json>.
 */
import { createReadStream } from 'node:fs';
import { rm, writeFile, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';

/** QualCoder's tables (its create_db), the ones the bench fills or reads. */
const SCHEMA = [
  'CREATE TABLE project (databaseversion text, date text, memo text, about text, codername text)',
  'CREATE TABLE source (id integer primary key, name text, fulltext text, mediapath text, memo text, owner text, date text, av_text_id integer, risid integer, unique(name))',
  'CREATE TABLE code_cat (catid integer primary key, name text, owner text, date text, memo text, supercatid integer, unique(name))',
  'CREATE TABLE code_name (cid integer primary key, name text, memo text, catid integer, owner text, date text, color text, unique(name))',
  'CREATE TABLE code_text (ctid integer primary key, cid integer, fid integer, seltext text, pos0 integer, pos1 integer, owner text, date text, memo text, avid integer, important integer, unique(cid, fid, pos0, pos1, owner))',
  'CREATE TABLE cases (caseid integer primary key, name text, memo text, owner text, date text, constraint ucm unique(name))',
  'CREATE TABLE case_text (id integer primary key, caseid integer, fid integer, pos0 integer, pos1 integer, owner text, date text, memo text)',
  'CREATE TABLE attribute_type (name text primary key, date text, owner text, memo text, caseOrFile text, valuetype text)',
  'CREATE TABLE attribute (attrid integer primary key, name text, attr_type text, value text, id integer, date text, owner text, unique(name, attr_type, id))',
  'CREATE TABLE journal (jid integer primary key, name text, jentry text, date text, owner text, unique(name))',
];

function open(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

async function build(dumpPath, file, out) {
  await rm(file, { force: true });
  await rm(`${file}-wal`, { force: true });
  const db = open(file);
  for (const statement of SCHEMA) db.exec(statement);
  const now = new Date().toISOString();
  db.prepare('INSERT INTO project VALUES (?, ?, ?, ?, ?)').run('v7', now, '', 'bench', 'bench');
  const insert = {
    cat: db.prepare(
      'INSERT INTO code_cat (catid, name, owner, date, memo, supercatid) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    code: db.prepare(
      'INSERT INTO code_name (cid, name, memo, catid, owner, date, color) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    source: db.prepare(
      'INSERT INTO source (id, name, fulltext, memo, owner, date) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    coding: db.prepare(
      'INSERT INTO code_text (cid, fid, seltext, pos0, pos1, owner, date, memo, important) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    case: db.prepare('INSERT INTO cases (caseid, name, memo, owner, date) VALUES (?, ?, ?, ?, ?)'),
    caseText: db.prepare(
      'INSERT INTO case_text (caseid, fid, pos0, pos1, owner, date, memo) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
  };
  const started = performance.now();
  const lines = createInterface({ input: createReadStream(dumpPath, 'utf8'), crlfDelay: Infinity });
  db.exec('BEGIN');
  let rows = 0;
  for await (const line of lines) {
    if (!line) continue;
    const r = JSON.parse(line);
    if (r.t === 'code') {
      // QualCoder keeps codes in categories: a top-level code with children is also a category.
      insert.code.run(r.cid, r.name, '', r.catid, 'bench', now, '#888888');
      if (r.category) insert.cat.run(r.cid, r.name, 'bench', now, '', null);
    } else if (r.t === 'case') insert.case.run(r.caseid, r.name, '', 'bench', now);
    else if (r.t === 'source') {
      insert.source.run(r.id, r.name, r.fulltext, '', 'bench', now);
      for (const caseid of r.cases)
        insert.caseText.run(caseid, r.id, 0, r.length, 'bench', now, '');
    } else if (r.t === 'coding') {
      insert.coding.run(r.cid, r.fid, r.seltext, r.pos0, r.pos1, 'bench', r.date, '', 0);
    }
    rows += 1;
    if (rows % 20_000 === 0) {
      db.exec('COMMIT');
      db.exec('BEGIN');
    }
  }
  db.exec('COMMIT');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  await writeFile(
    out,
    JSON.stringify({
      samples: { build: [performance.now() - started] },
      peakRssMb: peak(),
      values: { rows },
    }),
  );
}

const peak = () => Math.round(process.resourceUsage().maxRSS / 102.4) / 10;

/** Occurrences of `word` (case-insensitive, as LIKE) in `text`, with a context each side. */
function hitsIn(text, word, limit, hits, source) {
  const lower = text.toLowerCase();
  const needle = word.toLowerCase();
  for (
    let at = lower.indexOf(needle);
    at !== -1 && hits.length < limit;
    at = lower.indexOf(needle, at + needle.length)
  ) {
    hits.push({
      source,
      at,
      before: text.slice(Math.max(0, at - 90), at),
      after: text.slice(at + needle.length, at + needle.length + 90),
    });
  }
}

async function measureAll(file, runs, paramsPath, out) {
  const params = JSON.parse(await readFile(paramsPath, 'utf8'));
  const samples = {};
  const time = (name, fn) => {
    const started = performance.now();
    const result = fn();
    (samples[name] ??= []).push(performance.now() - started);
    return result;
  };
  const slow = Math.min(runs, 10);
  // Opening, then the counts beside each code (codings and sources per code).
  let counts = 0;
  for (let run = 0; run <= slow; run++) {
    const started = performance.now();
    const db = open(file);
    const rows = db
      .prepare('SELECT cid, count(*) AS n, count(DISTINCT fid) AS s FROM code_text GROUP BY cid')
      .all();
    const elapsed = performance.now() - started;
    counts = rows.length;
    if (run > 0) (samples.openToCounts ??= []).push(elapsed);
    // First search after opening: LIKE over every full text, then the hits with context.
    for (const [name, word] of [
      ['firstSearchRare', params.rareWord],
      ['firstSearchCommon', params.commonWord],
    ]) {
      const t0 = performance.now();
      const found = db
        .prepare('SELECT id, name, fulltext FROM source WHERE fulltext LIKE ?')
        .all(`%${word}%`);
      const hits = [];
      for (const row of found) hitsIn(row.fulltext, word, 5_000, hits, row.id);
      if (run > 0) (samples[name] ??= []).push(performance.now() - t0);
    }
    db.close();
  }
  const db = open(file);
  // One coding saved durably: autocommit, WAL, synchronous=FULL (fsync of the log).
  const insert = db.prepare(
    'INSERT INTO code_text (cid, fid, seltext, pos0, pos1, owner, date, memo, important) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const [name, fid, length] of [
    ['saveSmall', params.smallFid, params.smallLength],
    ['saveLarge', params.largeFid, params.largeLength],
  ]) {
    // As many saves as Campo's (scale-project.ts, saveRuns): a p95 needs more than 30 samples.
    for (let run = 0; run < (params.saveRuns ?? runs) + 2; run++) {
      const pos0 = (run * 997) % Math.max(1, length - 80);
      const started = performance.now();
      insert.run(
        params.spareCid,
        fid,
        'x'.repeat(60),
        pos0,
        pos0 + 60,
        'bench',
        new Date().toISOString(),
        '',
        0,
      );
      if (run >= 2) (samples[name] ??= []).push(performance.now() - started);
    }
  }
  // Repeated searches and the retrieval of one code with its context (a join with substr).
  for (const [name, word] of [
    ['searchRare', params.rareWord],
    ['searchCommon', params.commonWord],
  ]) {
    for (let run = 0; run < runs; run++) {
      time(name, () => {
        const hits = [];
        for (const row of db
          .prepare('SELECT id, fulltext FROM source WHERE fulltext LIKE ?')
          .all(`%${word}%`)) {
          hitsIn(row.fulltext, word, 5_000, hits, row.id);
        }
        return hits;
      });
    }
  }
  const retrieve = db.prepare(
    'SELECT ct.ctid, ct.pos0, ct.pos1, ct.seltext, s.name, substr(s.fulltext, max(1, ct.pos0 - 159), ct.pos1 - ct.pos0 + 320) AS context FROM code_text ct JOIN source s ON s.id = ct.fid WHERE ct.cid = ? ORDER BY ct.fid, ct.pos0',
  );
  let segments = 0;
  for (let run = 0; run < runs; run++)
    segments = time('retrieveOne', () => retrieve.all(params.typicalCid)).length;
  db.close();
  await writeFile(
    out,
    JSON.stringify({ samples, peakRssMb: peak(), values: { counts, segments } }),
  );
}

const [command, ...args] = process.argv.slice(2);
if (command === 'build') await build(args[0], args[1], args[2]);
else await measureAll(args[0], Number(args[1]), args[2], args[3]);
