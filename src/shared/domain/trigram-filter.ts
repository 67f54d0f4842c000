/**
 * A Bloom filter of the trigrams (three consecutive UTF-16 units) of a folded text: whether a
 * folded query may occur in the text, answered without the text. "No" is certain; "maybe" is
 * checked by the exact matcher. About 10 bits per distinct trigram give ~1 % false positives per
 * trigram, far fewer for a whole query (every one of its trigrams must pass).
 */

const HASHES = 6;
const BITS_PER_TRIGRAM = 10;
const MIN_BITS = 1024;

function mix(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Two independent hashes of the trigram starting at `i` (double hashing derives the rest). */
function hashesAt(text: string, i: number): [number, number] {
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  const c = text.charCodeAt(i + 2);
  const low = (a << 16) | b;
  return [mix(low ^ Math.imul(c, 0x9e3779b1)), mix(Math.imul(low, 0x27d4eb2f) + c) | 1];
}

export class TrigramFilter {
  private constructor(
    /** The bit array; its length in bits is a power of two. */
    readonly bits: Uint8Array,
  ) {}

  /** A filter of every trigram of `folded` (a text as `foldForMatching` returns it). */
  static build(folded: string): TrigramFilter {
    const keys = new Set<number>();
    for (let i = 0; i + 2 < folded.length; i++) keys.add(hashesAt(folded, i)[0]);
    let size = MIN_BITS;
    while (size < keys.size * BITS_PER_TRIGRAM) size *= 2;
    const filter = new TrigramFilter(new Uint8Array(size / 8));
    for (let i = 0; i + 2 < folded.length; i++) filter.add(hashesAt(folded, i));
    return filter;
  }

  /** A filter read back from its bits (as `bits` gave them). */
  static fromBits(bits: Uint8Array): TrigramFilter {
    if (bits.length * 8 < MIN_BITS || (bits.length & (bits.length - 1)) !== 0) {
      throw new RangeError('Not a trigram filter');
    }
    return new TrigramFilter(bits);
  }

  private add([h1, h2]: [number, number]): void {
    const mask = this.bits.length * 8 - 1;
    for (let k = 0; k < HASHES; k++) {
      const bit = (h1 + Math.imul(k, h2)) & mask;
      this.bits[bit >>> 3] = (this.bits[bit >>> 3] ?? 0) | (1 << (bit & 7));
    }
  }

  private has([h1, h2]: [number, number]): boolean {
    const mask = this.bits.length * 8 - 1;
    for (let k = 0; k < HASHES; k++) {
      const bit = (h1 + Math.imul(k, h2)) & mask;
      if (((this.bits[bit >>> 3] ?? 0) & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  }

  /**
   * False when the folded `needle` certainly does not occur in the text; true when it may. A
   * needle shorter than three units has no trigram: it may occur anywhere.
   */
  mayContain(needle: string): boolean {
    for (let i = 0; i + 2 < needle.length; i++) if (!this.has(hashesAt(needle, i))) return false;
    return true;
  }
}
