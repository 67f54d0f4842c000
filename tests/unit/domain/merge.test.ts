import { describe, expect, it } from 'vitest';
import { elementKey, jsonEqual, merge3 } from '../../../src/shared/domain/merge';

const STAMP = ['rev', 'updatedAt', 'updatedBy'];

describe('merge3', () => {
  it('takes the side that changed a field, and agrees on equal changes', () => {
    const base = { place: '', title: 'A', mode: 'remote' };
    const ours = { place: 'Milano', title: 'A', mode: 'remote' };
    const theirs = { place: '', title: 'B', mode: 'remote' };
    expect(merge3(base, ours, theirs)).toEqual({
      value: { place: 'Milano', title: 'B', mode: 'remote' },
      conflicts: [],
    });
    expect(merge3(base, { ...base, title: 'C' }, { ...base, title: 'C' }).conflicts).toEqual([]);
  });

  it('reports a scalar both sides changed differently and keeps theirs there', () => {
    const base = { place: '', date: null as string | null };
    const result = merge3(
      base,
      { place: 'Roma', date: '2026-01-02' },
      { place: 'Milano', date: null },
    );
    expect(result.value).toEqual({ place: 'Milano', date: '2026-01-02' });
    expect(result.conflicts).toEqual([{ path: 'place', base: '', ours: 'Roma', theirs: 'Milano' }]);
  });

  it('merges id arrays as sets: both additions stay, removals apply', () => {
    const base = { participantIds: ['p1', 'p2'] };
    const ours = { participantIds: ['p1', 'p2', 'p3'] };
    const theirs = { participantIds: ['p2', 'p4'] };
    expect(merge3(base, ours, theirs).value).toEqual({ participantIds: ['p2', 'p3', 'p4'] });
    // This window removed p2; the other added p4.
    expect(
      merge3(base, { participantIds: ['p1'] }, { participantIds: ['p1', 'p2', 'p4'] }).value,
    ).toEqual({ participantIds: ['p1', 'p4'] });
  });

  it('merges arrays of records by id, field by field, and flags delete-versus-edit', () => {
    const base = {
      guide: [
        { id: 'g1', text: 'a' },
        { id: 'g2', text: 'b' },
      ],
    };
    const ours = {
      guide: [
        { id: 'g1', text: 'A' },
        { id: 'g2', text: 'b' },
        { id: 'g3', text: 'c' },
      ],
    };
    const theirs = { guide: [{ id: 'g2', text: 'b' }] };
    const result = merge3(base, ours, theirs);
    expect(result.conflicts.map((c) => c.path)).toEqual(['guide[g1]']);
    expect(result.value.guide.map((g) => g.id)).toEqual(['g2', 'g3']);
    const clean = merge3(
      base,
      { guide: [base.guide[1]!] },
      {
        guide: [
          { id: 'g1', text: 'a' },
          { id: 'g2', text: 'B' },
        ],
      },
    );
    expect(clean).toEqual({ value: { guide: [{ id: 'g2', text: 'B' }] }, conflicts: [] });
  });

  it('merges matrix cells by row and column, and ratings by dimension', () => {
    const cell = (rowId: string, columnId: string, ratings: Record<string, string>) => ({
      rowId,
      columnId,
      ratings,
      rationale: '',
      evidence: [] as unknown[],
    });
    const base = { cells: [cell('r1', 'c1', { d1: 'low' })] };
    const ours = {
      cells: [cell('r1', 'c1', { d1: 'low', d2: 'high' }), cell('r2', 'c1', { d1: 'mid' })],
    };
    const theirs = { cells: [cell('r1', 'c1', { d1: 'mid' })] };
    const result = merge3(base, ours, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.value.cells).toEqual([
      cell('r1', 'c1', { d1: 'mid', d2: 'high' }),
      cell('r2', 'c1', { d1: 'mid' }),
    ]);
    const clash = merge3(base, { cells: [cell('r1', 'c1', { d1: 'high' })] }, theirs);
    expect(clash.conflicts.map((c) => c.path)).toEqual(['cells[r1|c1].ratings.d1']);
  });

  it('keeps a reordering by one side and puts additions after their neighbour', () => {
    const base = { rows: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] };
    const ours = { rows: [{ id: 'c' }, { id: 'a' }, { id: 'b' }] };
    const theirs = { rows: [{ id: 'a' }, { id: 'x' }, { id: 'b' }, { id: 'c' }] };
    expect(merge3(base, ours, theirs).value.rows.map((r) => r.id)).toEqual(['c', 'a', 'x', 'b']);
  });

  it('ignores the stamp fields when comparing and keeps theirs', () => {
    const base = { id: 'q', text: 'a', rev: 1, updatedAt: 't1' };
    const ours = { id: 'q', text: 'b', rev: 1, updatedAt: 't1' };
    const theirs = { id: 'q', text: 'a', rev: 4, updatedAt: 't4' };
    expect(merge3(base, ours, theirs, { ignore: STAMP })).toEqual({
      value: { id: 'q', text: 'b', rev: 4, updatedAt: 't4' },
      conflicts: [],
    });
  });

  it('merges evidence links (objects without ids) as sets of values', () => {
    const link = (codingId: string) => ({ kind: 'segment', sourceId: 's', codingId });
    const base = { evidence: [link('a')] };
    const result = merge3(
      base,
      { evidence: [link('a'), link('b')] },
      { evidence: [] as unknown[] },
    );
    expect(result).toEqual({ value: { evidence: [link('b')] }, conflicts: [] });
  });

  it('merges values both sides added, conflicting only where they differ', () => {
    const result = merge3<Record<string, unknown>>(undefined, { a: 1, b: 2 }, { a: 1, b: 3 });
    expect(result.conflicts.map((c) => c.path)).toEqual(['b']);
  });

  it('never modifies its inputs', () => {
    const base = { ids: ['a'], nested: { x: 1 } };
    const ours = { ids: ['a', 'b'], nested: { x: 2 } };
    const theirs = { ids: ['a', 'c'], nested: { x: 1 } };
    const frozen = JSON.stringify([base, ours, theirs]);
    merge3(base, ours, theirs);
    expect(JSON.stringify([base, ours, theirs])).toBe(frozen);
  });
});

describe('jsonEqual and elementKey', () => {
  it('compares objects regardless of key order and treats undefined keys as absent', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
  });

  it('finds elements by id, natural key, or value', () => {
    expect(elementKey({ id: 'x', key: 'k' })).toBe('id:x');
    expect(elementKey({ key: 'Ente', type: 'text', value: 'a' })).toBe('key:Ente');
    expect(elementKey({ participantId: 'p', points: {} })).toBe('participant:p');
    expect(elementKey({ b: 1, a: 2 })).toBe(elementKey({ a: 2, b: 1 }));
  });
});
