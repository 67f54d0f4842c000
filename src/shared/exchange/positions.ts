/**
 * Text positions between Campo and REFI-QDA (METHODS §4). Campo stores UTF-16 code units
 * (JavaScript string indices); the REFI-QDA standard counts Unicode code points from 0, end
 * exclusive. Real exports also use UTF-16 units (NVivo), UTF-8 bytes (Taguette), or count a CRLF
 * as one character (ATLAS.ti): `toUtf16` reads each of these units.
 */

/** How a tool counted positions in a source's text. */
export type PositionUnit = 'codepoint' | 'utf16' | 'utf8' | 'codepoint-crlf1';

/** Every unit an import tries, the standard's first (it wins ties). */
export const POSITION_UNITS: readonly PositionUnit[] = [
  'codepoint',
  'utf16',
  'utf8',
  'codepoint-crlf1',
];

/** Code points before UTF-16 offset `offset` (an offset inside a surrogate pair counts it). */
export function utf16ToCodePoint(text: string, offset: number): number {
  let points = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    // A high surrogate and its low partner are one code point: count the pair once.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    points += 1;
  }
  return points;
}

/**
 * A position-to-UTF-16 converter for one text and unit: call it with positions in that unit and
 * get string offsets, or null when the position is beyond the text or falls inside a character
 * (half a UTF-8 sequence, half a surrogate pair), which tells the import the unit is wrong.
 */
export function toUtf16(text: string, unit: PositionUnit): (position: number) => number | null {
  if (unit === 'utf16') {
    return (position) => {
      if (!Number.isInteger(position) || position < 0 || position > text.length) return null;
      const unitBefore = position > 0 ? text.charCodeAt(position - 1) : 0;
      const unitAt = position < text.length ? text.charCodeAt(position) : 0;
      const splitsPair =
        unitBefore >= 0xd800 && unitBefore <= 0xdbff && unitAt >= 0xdc00 && unitAt <= 0xdfff;
      return splitsPair ? null : position;
    };
  }
  // Offsets of each unit boundary: boundaries[k] is the UTF-16 offset where position k starts.
  const boundaries = new Map<number, number>();
  let position = 0;
  let offset = 0;
  boundaries.set(0, 0);
  for (const char of text) {
    if (unit === 'utf8') {
      const point = char.codePointAt(0)!;
      position += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
    } else if (unit === 'codepoint-crlf1' && char === '\n' && text[offset - 1] === '\r') {
      // "\r\n" is one character: the "\n" adds no position; the boundary inside is not one.
      boundaries.delete(position);
      offset += 1;
      boundaries.set(position, offset);
      continue;
    } else {
      position += 1;
    }
    offset += char.length;
    boundaries.set(position, offset);
  }
  return (at) => (Number.isInteger(at) && at >= 0 ? (boundaries.get(at) ?? null) : null);
}
