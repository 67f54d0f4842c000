import type { CoderCoding, TextAgreementInput } from '../../src/shared/domain/agreement-layers';

/** A small seeded generator (mulberry32), so random tests fail the same way every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Random coder layers: coders c0…, codes K0…, sources s0… of 50–500 characters. About half the
 * codings copy another coder's coding with a few characters of jitter, so coders partly agree.
 */
export function randomLayers(
  seed: number,
  size: { sources: number; coders: number; codes: number; codings: number },
): TextAgreementInput {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const sources = Array.from({ length: size.sources }, (_, i) => ({
    id: `s${i}`,
    length: 50 + pick(451),
  }));
  const codings: CoderCoding[] = [];
  for (let i = 0; i < size.codings * size.coders; i += 1) {
    const coderId = `c${pick(size.coders)}`;
    const previous = codings.length > 0 && random() < 0.5 ? codings[pick(codings.length)]! : null;
    if (previous && previous.coderId !== coderId) {
      const jitter = () => pick(7) - 3;
      const start = Math.max(0, previous.start + jitter());
      codings.push({ ...previous, id: `k${i}`, coderId, start, end: previous.end + jitter() });
      continue;
    }
    const source = sources[pick(sources.length)]!;
    const start = pick(source.length);
    const end = Math.min(source.length, start + 1 + pick(80));
    codings.push({
      id: `k${i}`,
      coderId,
      codeId: `K${pick(size.codes)}`,
      sourceId: source.id,
      start,
      end,
    });
  }
  return { sources, codings };
}

/** Per-character marks of one coder's codings of one code in one source (test reference only). */
export function marks(
  input: TextAgreementInput,
  sourceId: string,
  codeId: string,
  coderId: string,
): Uint8Array {
  const length = input.sources.find((source) => source.id === sourceId)!.length;
  const marked = new Uint8Array(length);
  for (const coding of input.codings) {
    if (coding.sourceId !== sourceId || coding.codeId !== codeId || coding.coderId !== coderId)
      continue;
    for (let i = Math.max(0, coding.start); i < Math.min(length, coding.end); i += 1) marked[i] = 1;
  }
  return marked;
}

/** The NVivo counts of a pair, character by character (test reference only). */
export function bruteForceCounts(
  input: TextAgreementInput,
  sourceId: string,
  codeId: string,
  [a, b]: readonly [string, string],
) {
  const first = marks(input, sourceId, codeId, a);
  const second = marks(input, sourceId, codeId, b);
  const counts = { total: first.length, both: 0, aOnly: 0, bOnly: 0 };
  for (let i = 0; i < first.length; i += 1) {
    if (first[i] && second[i]) counts.both += 1;
    else if (first[i]) counts.aOnly += 1;
    else if (second[i]) counts.bOnly += 1;
  }
  return counts;
}
