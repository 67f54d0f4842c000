import { describe, expect, it } from 'vitest';
import {
  CONSENSUS_EVALUATOR_ID,
  decideConsensus,
} from '../../../src/shared/domain/agreement-consensus';
import { agreementInputOf, agreementStudy } from '../../../src/shared/domain/agreement-run';
import { CodeSchema } from '../../../src/shared/model/project';
import type { Coding } from '../../../src/shared/model/source';
import { deepFreeze } from '../../helpers/deep-freeze';

const text = 'abcdefghijklmnopqrstuvwxyz0123456789';
let next = 0;
const newId = () => `n${++next}`;
const coding = (
  id: string,
  coderId: string,
  codeId: string,
  start: number,
  end: number,
): Coding => ({
  id,
  codeId,
  start,
  end,
  text: text.slice(start, end),
  coderId,
  memo: '',
  key: false,
  textChanged: false,
  createdAt: '2026-01-01T00:00:00.000Z',
});
const spans = (codings: readonly Coding[], coderId = CONSENSUS_EVALUATOR_ID, codeId = 'K') =>
  codings
    .filter((c) => c.coderId === coderId && c.codeId === codeId)
    .map((c) => [c.start, c.end, c.text]);

describe('decideConsensus', () => {
  it('adds the chosen spans to the consensus layer and leaves the coders’ layers alone', () => {
    const before = deepFreeze([coding('a', 'anna', 'K', 2, 8), coding('b', 'bruno', 'K', 4, 10)]);
    const after = decideConsensus(before, text, {
      codeId: 'K',
      start: 2,
      end: 10,
      spans: [{ start: 4, end: 8 }],
      newId,
      now: '2026-01-02T00:00:00.000Z',
    });
    expect(spans(after)).toEqual([[4, 8, 'efgh']]);
    expect(after.filter((c) => c.coderId !== CONSENSUS_EVALUATOR_ID)).toEqual(before);
  });

  it('replaces an earlier decision inside the passage, keeping consensus codings outside it', () => {
    const before = [
      coding('c1', CONSENSUS_EVALUATOR_ID, 'K', 0, 12), // reaches over both ends of [4, 8)
      coding('c2', CONSENSUS_EVALUATOR_ID, 'L', 4, 8), // another code: untouched
      coding('c3', CONSENSUS_EVALUATOR_ID, 'K', 20, 24), // outside: untouched
    ];
    const none = decideConsensus(before, text, {
      codeId: 'K',
      start: 4,
      end: 8,
      spans: [],
      newId,
      now: 'x',
    });
    expect(spans(none)).toEqual([
      [0, 4, 'abcd'],
      [8, 12, 'ijkl'],
      [20, 24, 'uvwx'],
    ]);
    expect(none.find((c) => c.start === 0)!.id).toBe('c1');
    expect(spans(none, CONSENSUS_EVALUATOR_ID, 'L')).toEqual([[4, 8, 'efgh']]);
    // Accepting a version that touches what is left unites with it, as any coding.
    const all = decideConsensus(none, text, {
      codeId: 'K',
      start: 4,
      end: 8,
      spans: [{ start: 4, end: 8 }],
      newId,
      now: 'x',
    });
    expect(spans(all)).toEqual([
      [0, 12, 'abcdefghijkl'],
      [20, 24, 'uvwx'],
    ]);
  });
});

describe('agreementInputOf', () => {
  it('counts an emptied layer as coded (a "no") and a missing layer as missing data', () => {
    const sources = [
      { id: 's1', length: 10 },
      { id: 's2', length: 10 },
    ];
    const anna = [{ id: 'a1', codeId: 'K', start: 0, end: 5 }];
    const layers = [
      { sourceId: 's1', coderId: 'anna', codings: anna },
      { sourceId: 's2', coderId: 'anna', codings: [{ id: 'a2', codeId: 'K', start: 0, end: 5 }] },
      // Bruno read s1 and removed his only coding; he never had s2.
      { sourceId: 's1', coderId: 'bruno', codings: [] },
    ];
    const input = agreementInputOf(sources, layers);
    expect(input.sources.map((s) => s.codedBy)).toEqual([['anna', 'bruno'], ['anna']]);
    const study = agreementStudy(input, { coders: ['anna', 'bruno'] });
    const pair = study.character.pairs[0]!;
    // s1 is compared (5 characters Anna only), s2 is not (Bruno has no layer there).
    expect(pair.sourceIds).toEqual(['s1']);
    expect(pair.overall.counts).toMatchObject({ total: 10, both: 0, aOnly: 5, bOnly: 0 });
  });

  it('lists the codes in the codebook order it is given, whatever order they were used in', () => {
    // Found by a newcomer walk-through: DV1, DV3, DV2 in the annex, as first coded.
    const layers = ['anna', 'bruno'].map((coderId) => ({
      sourceId: 's1',
      coderId,
      codings: ['DV1', 'DV3', 'Other', 'DV2'].map((codeId, at) => ({
        id: `${coderId}-${codeId}`,
        codeId,
        start: at * 10,
        end: at * 10 + 5,
      })),
    }));
    const input = agreementInputOf([{ id: 's1', length: 40 }], layers);
    const coders = ['anna', 'bruno'];
    const codebook = ['DV1', 'DV2', 'DV3', 'Unused'].map((id) =>
      CodeSchema.parse({ id, name: id }),
    );
    const study = agreementStudy(input, { coders, codebook });
    const codes = study.character.pairs[0]!.byCode.map((row) => row.codeId);
    expect(codes).toEqual(['DV1', 'DV2', 'DV3', 'Other']);
    expect(study.segment.meta.codeIds).toEqual(codes);
    // Without an order, as before: first use.
    expect(agreementStudy(input, { coders }).character.meta.codeIds).toEqual([
      'DV1',
      'DV3',
      'Other',
      'DV2',
    ]);
  });
});
