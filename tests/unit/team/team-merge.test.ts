import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findResourcesDir } from '../../../src/main/core/paths';
import { writeDemoProject } from '../../../src/main/core/demo';
import { planTeamMerge, type TeamSide } from '../../../src/shared/domain/team-merge';
import { mergeLayer } from '../../../src/shared/domain/team-merge-layers';
import { consensusDecisionId, frameworkSummaryId } from '../../../src/shared/model/constants';
import type { ProjectFile } from '../../../src/shared/model/project';
import type { LayerFile, StoredCoding } from '../../../src/shared/model/source';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Per record kind: its array and a text field a person edits. */
const KINDS = [
  ['evaluator', 'evaluators', 'name'],
  ['question', 'questions', 'text'],
  ['participant', 'participants', 'role'],
  ['indicator', 'indicators', 'name'],
  ['code', 'codes', 'description'],
  ['frameworkSummary', 'frameworkSummaries', 'text'],
  ['ngtSession', 'ngtSessions', 'question'],
  ['matrix', 'matrices', 'title'],
  ['session', 'sessions', 'place'],
] as const;

let demo: ProjectFile;

let folder = '';
afterAll(() => rm(folder, { recursive: true, force: true }));

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'campo-team-'));
  const session = await writeDemoProject(folder, findResourcesDir(), {
    evaluator: { id: 'ev-lead', name: 'Lead' },
  });
  demo = structuredClone(session.project);
  await session.close();
  // Make sure every kind has a record to merge.
  demo.frameworkSummaries.push({
    id: frameworkSummaryId(demo.participants[0]!.id, demo.questions[0]!.id),
    participantId: demo.participants[0]!.id,
    questionId: demo.questions[0]!.id,
    text: 'Sintesi',
    updatedAt: demo.updatedAt,
    rev: 1,
  });
}, 60_000);

const side = (
  project: ProjectFile,
  layers = new Map<string, Map<string, LayerFile>>(),
): TeamSide => ({ project, layers });
const copy = () => structuredClone(demo) as Json as ProjectFile & Json;
const first = (project: Json, key: string) => project[key][0] as Json;

function merge(
  base: ProjectFile | null,
  ours: ProjectFile,
  theirs: ProjectFile,
  decisions = {},
  packageId = 'pkg-1',
) {
  return planTeamMerge({
    base: base && side(base),
    ours: side(ours),
    theirs: side(theirs),
    packageId,
    baseId: 'b',
    decisions,
    now: '2026-12-04T10:00:00.000Z',
    by: 'ev-lead',
  });
}

describe('three-way merge of project records (pure)', () => {
  for (const [kind, key, field] of KINDS) {
    describe(kind, () => {
      it('takes a change made on one side only, and keeps the other side’s change to another field', () => {
        const ours = copy();
        const theirs = copy();
        first(theirs, key)[field] = 'cambiato dal collega';
        first(ours, key).rev = (first(ours, key).rev ?? 1) + 0;
        const plan = merge(demo, ours, theirs);
        expect(plan.conflicts).toEqual([]);
        expect(first(plan.project, key)[field]).toBe('cambiato dal collega');
        expect(plan.report.records).toContainEqual({ kind, added: 0, updated: 1, deleted: 0 });
        // Which record, and what changed in it (walk-through 9: only a count was said).
        const before = String(first(ours, key)[field] ?? '');
        expect(plan.report.updates).toContainEqual(
          expect.objectContaining({
            kind,
            id: first(ours, key).id,
            fields: [{ field, before, after: 'cambiato dal collega' }],
          }),
        );
      });

      it('reports a value both changed differently as a conflict, applies the lead’s decision, and keeps the loser in the report', () => {
        const ours = copy();
        const theirs = copy();
        first(ours, key)[field] = 'versione del capofila';
        first(theirs, key)[field] = 'versione del collega';
        const undecided = merge(demo, ours, theirs);
        expect(undecided.conflicts).toHaveLength(1);
        expect(undecided.conflicts[0]).toMatchObject({ kind, type: 'edit', paths: [field] });
        expect(undecided.undecided).toEqual([undecided.conflicts[0]!.key]);
        // Undecided: nothing of theirs is applied there.
        expect(first(undecided.project, key)[field]).toBe('versione del capofila');
        const decided = merge(demo, ours, theirs, { [undecided.conflicts[0]!.key]: 'theirs' });
        expect(decided.undecided).toEqual([]);
        expect(first(decided.project, key)[field]).toBe('versione del collega');
        expect(decided.report.conflicts[0]).toMatchObject({
          decision: 'theirs',
          ours: { [field]: 'versione del capofila' },
        });
      });

      it('a deletion against an edit is a conflict; a deletion against nothing is applied', () => {
        const ours = copy();
        const theirs = copy();
        const id = first(demo, key).id as string;
        theirs[key] = theirs[key].filter((record: Json) => record.id !== id);
        theirs.tombstones.push({
          kind,
          id,
          rev: 9,
          deletedAt: '2026-12-01T00:00:00.000Z',
          deletedBy: 'ev-anna',
        });
        const clean = merge(demo, ours, theirs);
        expect(clean.conflicts).toEqual([]);
        expect((clean.project as Json)[key].some((record: Json) => record.id === id)).toBe(false);
        expect(clean.project.tombstones).toContainEqual(expect.objectContaining({ kind, id }));
        first(ours, key)[field] = 'modificato qui';
        const clash = merge(demo, ours, theirs);
        expect(clash.conflicts).toMatchObject([{ kind, id, type: 'deleted-there' }]);
        expect((clash.project as Json)[key].some((record: Json) => record.id === id)).toBe(true);
      });

      it('adds a record new on their side, and is idempotent', () => {
        const ours = copy();
        const theirs = copy();
        const added = {
          ...structuredClone(first(theirs, key)),
          id: `nuovo-${kind}`,
          [field]: 'nuovo',
        };
        if (kind === 'frameworkSummary') added.participantId = 'altro';
        theirs[key].push(added);
        const once = merge(demo, ours, theirs);
        expect((once.project as Json)[key].map((record: Json) => record.id)).toContain(
          `nuovo-${kind}`,
        );
        const twice = merge(demo, once.project, theirs, {}, 'pkg-2');
        expect(twice.conflicts).toEqual([]);
        expect(twice.project).toEqual(once.project);
      });
    });
  }

  it('keeps records deleted here deleted when their side left them as they were', () => {
    const ours = copy();
    const id = ours.participants[0]!.id;
    ours.participants = ours.participants.slice(1);
    ours.tombstones.push({
      kind: 'participant',
      id,
      rev: 3,
      deletedAt: '2026-12-01T00:00:00.000Z',
      deletedBy: 'ev-lead',
    });
    const plan = merge(demo, ours, copy());
    expect(plan.conflicts).toEqual([]);
    expect(plan.project.participants.some((record) => record.id === id)).toBe(false);
  });

  it('refuses nothing but changes nothing when the same package is merged twice', () => {
    const ours = copy();
    ours.merges = [
      {
        id: 'm1',
        packageId: 'pkg-1',
        mergedAt: demo.updatedAt,
        mergedBy: null,
        backupId: null,
        report: {},
      },
    ];
    const theirs = copy();
    theirs.codes[0]!.name = 'Altro nome';
    const plan = merge(demo, ours, theirs);
    expect(plan.report.alreadyMerged).toBe(true);
    expect(plan.project).toBe(ours);
  });
});

const coding = (id: string, fields: Partial<StoredCoding> = {}): StoredCoding => ({
  id,
  codeId: 'c1',
  start: 0,
  end: 4,
  fp: '00000000',
  memo: '',
  key: false,
  textChanged: false,
  createdAt: '2026-12-01T00:00:00.000Z',
  rev: 1,
  updatedAt: '2026-12-01T00:00:00.000Z',
  updatedBy: 'ev-anna',
  ...fields,
});
const layer = (codings: StoredCoding[], tombstones: LayerFile['tombstones'] = []): LayerFile => ({
  schemaVersion: 2,
  sourceId: 's1',
  coderId: 'ev-anna',
  textRev: 0,
  codings,
  memos: [],
  tombstones,
});

describe('coder layers never conflict', () => {
  it('adds, deletes and updates codings by id; both changed: the later change stays and the other is reported', () => {
    const base = layer([coding('a'), coding('b'), coding('c')]);
    const ours = layer([
      coding('a', { memo: 'nota del capofila', updatedAt: '2026-12-02T00:00:00.000Z' }),
      coding('b'),
      coding('c'),
    ]);
    const theirs = layer(
      [
        coding('a', { memo: 'nota di Anna', updatedAt: '2026-12-03T00:00:00.000Z' }),
        coding('c', { key: true }),
        coding('d', { start: 5, end: 9 }),
      ],
      [
        {
          kind: 'coding',
          id: 'b',
          rev: 2,
          deletedAt: '2026-12-03T00:00:00.000Z',
          deletedBy: 'ev-anna',
        },
      ],
    );
    const merged = mergeLayer(base, ours, theirs);
    expect(merged.layer.codings.map((item) => [item.id, item.memo, item.key])).toEqual([
      ['a', 'nota di Anna', false],
      ['c', '', true],
      ['d', '', false],
    ]);
    expect(merged.counts).toEqual({ added: 1, updated: 2, deleted: 1 });
    expect(merged.replaced).toEqual([
      expect.objectContaining({
        id: 'a',
        kept: 'theirs',
        lost: expect.objectContaining({ memo: 'nota del capofila' }),
      }),
    ]);
    expect(merged.layer.tombstones.map((tomb) => tomb.id)).toEqual(['b']);
    // Idempotent.
    const again = mergeLayer(base, merged.layer, theirs);
    expect(again.changed).toBe(false);
    expect(again.counts).toEqual({ added: 0, updated: 0, deleted: 0 });
  });
});

describe('consensus decisions to code nothing (merged by passage)', () => {
  const decision = (codeId: string) => {
    const sourceId = demo.sources[0]!.id;
    return {
      id: consensusDecisionId(sourceId, codeId, 10, 80),
      sourceId,
      codeId,
      start: 10,
      end: 80,
      rev: 1,
      updatedAt: '2026-12-02T09:00:00.000Z',
      updatedBy: 'ev-anna',
    };
  };

  it('the same passage decided on both laptops is one record; one decided only there is added', () => {
    const ours = copy();
    const theirs = copy();
    const [a, b] = demo.codes;
    ours.consensusDecisions = [decision(a!.id)];
    theirs.consensusDecisions = [{ ...decision(a!.id), updatedBy: 'ev-bruno' }, decision(b!.id)];
    const plan = merge(demo, ours, theirs);
    expect(plan.conflicts).toEqual([]);
    expect(plan.project.consensusDecisions.map((d) => d.codeId).sort()).toEqual(
      [a!.id, b!.id].sort(),
    );
    expect(plan.report.records).toContainEqual({
      kind: 'consensusDecision',
      added: 1,
      updated: 0,
      deleted: 0,
    });
  });

  it('a decision withdrawn there (a later acceptance) is withdrawn here too', () => {
    const base = copy();
    base.consensusDecisions = [decision(demo.codes[0]!.id)];
    const ours = structuredClone(base);
    const theirs = structuredClone(base);
    theirs.consensusDecisions = [];
    theirs.tombstones.push({
      kind: 'consensusDecision',
      id: decision(demo.codes[0]!.id).id,
      rev: 2,
      deletedAt: '2026-12-03T00:00:00.000Z',
      deletedBy: 'ev-bruno',
    });
    const plan = merge(base, ours, theirs);
    expect(plan.conflicts).toEqual([]);
    expect(plan.project.consensusDecisions).toEqual([]);
  });
});
