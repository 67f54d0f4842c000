/**
 * Folded unit → original UTF-16 offset, kept as runs of constant shift: most texts fold unit for
 * unit, so a 300,000-character transcript needs a handful of runs instead of 1.2 MB of offsets
 * (what lets search keep a thousand transcripts folded in memory).
 */
export class OffsetMap {
  private constructor(
    /** Folded index where each run starts, ascending; the first is 0. */
    private readonly starts: Int32Array,
    /** original − folded within each run. */
    private readonly shifts: Int32Array,
    /** Entries: folded length + 1 (the last maps to the text's length). */
    readonly length: number,
  ) {}

  /** Compresses a full offset array (of which the first `length` entries count). */
  static fromArray(map: ArrayLike<number>, length = map.length): OffsetMap {
    const starts: number[] = [];
    const shifts: number[] = [];
    for (let i = 0; i < length; i++) {
      const shift = map[i]! - i;
      if (shifts.length === 0 || shifts[shifts.length - 1] !== shift) {
        starts.push(i);
        shifts.push(shift);
      }
    }
    return new OffsetMap(Int32Array.from(starts), Int32Array.from(shifts), length);
  }

  /** The original offset of folded unit `i` (0 ≤ i < length). */
  at(i: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= i) low = middle;
      else high = middle - 1;
    }
    return i + this.shifts[low]!;
  }

  /** A map from its runs (as `runs` gives them), e.g. read back from a cache file. */
  static fromRuns(starts: Int32Array, shifts: Int32Array, length: number): OffsetMap {
    if (starts.length !== shifts.length || starts.length === 0 || starts[0] !== 0) {
      throw new RangeError('Not an offset map');
    }
    return new OffsetMap(starts, shifts, length);
  }

  /** The runs: where each starts (folded index) and its shift, for storing the map. */
  get runs(): { starts: Int32Array; shifts: Int32Array } {
    return { starts: this.starts, shifts: this.shifts };
  }

  /** Every offset, for tests and debugging. */
  toArray(): number[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }
}

/**
 * Text folded for matching (lower case, no accents, compatibility forms unfolded) with a map
 * back to the original: `toOriginal.at(i)` is the UTF-16 offset in the original text where
 * folded character i comes from; `toOriginal.at(folded.length)` is `text.length`. Units of an
 * expansion ('ﬁ' ⇢ "fi") all map to its start; combining marks fold to nothing.
 */
export interface FoldedText {
  folded: string;
  toOriginal: OffsetMap;
}

/** Folds a text for accent- and case-insensitive search ("Città" ⇢ "citta"), keeping offsets. */
export function foldForSearch(text: string): FoldedText {
  return fold(text, false);
}

/**
 * The form `findMatches` searches in (folded, whitespace runs collapsed). Searching the same
 * texts again, a caller keeps it and passes it back, so only the query is folded each time.
 */
export function foldForMatching(text: string): FoldedText {
  return fold(text, true);
}

/** A hit, as UTF-16 offsets [start, end) of the original text. */
export interface TextMatch {
  start: number;
  end: number;
}

export interface SearchOptions {
  /** Only hits that start and end on a word boundary (letters and digits of any script). */
  wholeWord: boolean;
}

/**
 * Every occurrence of `query` in `text`, accent- and case-insensitive; runs of whitespace in the
 * query match any run of whitespace (including CRLF) in the text. A blank query finds nothing.
 * Hits do not overlap; they are in text order. Spaces around the query are ignored; a hit ending
 * on an accented letter includes its combining marks. `prepared` is `foldForMatching(text)`, when
 * the caller has it already.
 */
export function findMatches(
  text: string,
  query: string,
  options: SearchOptions,
  prepared: FoldedText = foldForMatching(text),
): TextMatch[] {
  const needle = fold(query.trim(), true).folded;
  if (needle === '') return [];
  const { folded, toOriginal } = prepared;
  const matches: TextMatch[] = [];
  let at = folded.indexOf(needle);
  while (at !== -1) {
    const start = toOriginal.at(at);
    const end = endOffset(toOriginal, at + needle.length);
    if (!options.wholeWord || (!cutsWord(text, start) && !cutsWord(text, end))) {
      matches.push({ start, end });
      at = folded.indexOf(needle, at + needle.length);
    } else {
      at = folded.indexOf(needle, at + 1);
    }
  }
  return matches;
}

/** The words around a passage, for result lists: cut on word boundaries, with ellipsis flags. */
export interface PassageContext {
  before: string;
  passage: string;
  after: string;
  /** True when `before` does not reach the start of the text (show "…"). */
  clippedBefore: boolean;
  clippedAfter: boolean;
}

/** Up to about `chars` (default 60) characters either side of [start, end), whitespace collapsed. */
export function contextAround(
  text: string,
  start: number,
  end: number,
  chars = 60,
): PassageContext {
  const from = clamp(Math.min(start, end), 0, text.length);
  const to = clamp(Math.max(start, end), from, text.length);
  let head = Math.max(0, from - chars);
  if (head > 0 && !isSpace(text, head - 1) && !isSpace(text, head)) {
    const space = findSpace(text, head, from, 1);
    head = space === -1 ? unitStart(text, head, 1) : space + 1;
  }
  let tail = Math.min(text.length, to + chars);
  if (tail < text.length && !isSpace(text, tail - 1) && !isSpace(text, tail)) {
    const space = findSpace(text, tail - 1, to - 1, -1);
    tail = space === -1 ? unitStart(text, tail, -1) : space;
  }
  return {
    before: collapse(text.slice(head, from)).trimStart(),
    passage: collapse(text.slice(from, to)),
    after: collapse(text.slice(to, tail)).trimEnd(),
    clippedBefore: hasTextBefore(text, head),
    clippedAfter: hasTextAfter(text, tail),
  };
}

/**
 * The sentence(s) holding [start, end): extended back to just after the previous . ! ? … or
 * line break, and forward through the next one (trailing spaces excluded). Leading spaces are left
 * out too, and a "." followed by a letter or digit ("3.5") does not end a sentence.
 */
export function sentenceAround(text: string, start: number, end: number): TextMatch {
  let from = clamp(Math.min(start, end), 0, text.length);
  const to = clamp(Math.max(start, end), from, text.length);
  const inner = from;
  while (from > 0 && !endsSentence(text, from - 1)) from--;
  // A closing quote or bracket right after the full stop still belongs to the previous sentence.
  if (from > 0 && from < inner && !LINE_BREAK.test(text[from - 1]!)) {
    while (from < inner && CLOSERS.test(text[from]!)) from++;
  }
  while (from < inner && isSpace(text, from)) from++;
  // A passage that already ends its sentence is not extended into the next one.
  let tail = to;
  while (tail > from && isSpace(text, tail - 1) && !LINE_BREAK.test(text[tail - 1]!)) tail--;
  if (!(tail > from && endsSentence(text, tail - 1))) {
    tail = to;
    while (tail < text.length && !endsSentence(text, tail)) tail++;
  }
  // Through the whole closing run: "?!", "...", a closing quote or bracket.
  while (tail < text.length && (TERMINATORS.test(text[tail]!) || CLOSERS.test(text[tail]!))) tail++;
  while (tail > to && isSpace(text, tail - 1)) tail--;
  return { start: from, end: Math.max(tail, to) };
}

const WORD = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
const SPACE = /\s/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
const TERMINATORS = /[.!?…]/;
const CLOSERS = /["'”’»)\]]/;

const foldCache = new Map<string, string>();

/** Apostrophes as Word and phones type them (’ ‘ ʼ ´ ′): searched as the keyboard's ' . */
const APOSTROPHES = /^[\u2018\u2019\u02BC\u00B4\u2032]$/;

/**
 * One code point folded: compatibility-decomposed, marks dropped, lower case, final sigma as σ,
 * any apostrophe as '.
 */
function foldChar(char: string): string {
  let folded = foldCache.get(char);
  if (folded === undefined) {
    folded = APOSTROPHES.test(char)
      ? "'"
      : char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ς/g, 'σ');
    foldCache.set(char, folded);
  }
  return folded;
}

/**
 * Folds code point by code point, so each folded unit knows its source. Combining marks fold to
 * nothing, so the unit after an accented letter maps past its marks. With `collapseSpaces`,
 * each whitespace run becomes one space. ASCII (most of a transcript) takes a fast path into a
 * buffer of code units, so a 65,000-character text folds in about a millisecond.
 */
function fold(text: string, collapseSpaces: boolean): FoldedText {
  let units = new Uint16Array(text.length + 8);
  let map = new Int32Array(text.length + 9);
  let length = 0;
  let inSpace = false;
  const room = (extra: number) => {
    if (length + extra < units.length) return;
    const size = units.length * 2 + extra;
    const grownUnits = new Uint16Array(size);
    grownUnits.set(units);
    units = grownUnits;
    const grownMap = new Int32Array(size + 1);
    grownMap.set(map);
    map = grownMap;
  };
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      const space = code === 32 || (code >= 9 && code <= 13);
      if (collapseSpaces && space) {
        if (!inSpace) {
          room(1);
          units[length] = 32;
          map[length++] = i;
          inSpace = true;
        }
      } else {
        room(1);
        units[length] = code >= 65 && code <= 90 ? code + 32 : code;
        map[length++] = i;
        inSpace = false;
      }
      i += 1;
      continue;
    }
    const width = isHighAt(text, i) && isLowAt(text, i + 1) ? 2 : 1;
    const char = width === 2 ? text.slice(i, i + 2) : text[i]!;
    let piece: string;
    if (collapseSpaces && SPACE.test(char)) {
      piece = inSpace ? '' : ' ';
      inSpace = true;
    } else {
      piece = foldChar(char);
    }
    if (piece !== '') {
      if (piece !== ' ') inSpace = false;
      room(piece.length);
      // A character kept as it is (an emoji) maps unit by unit; an expansion maps to its source.
      const kept = piece === char;
      for (let k = 0; k < piece.length; k++) {
        units[length + k] = piece.charCodeAt(k);
        map[length + k] = kept ? i + k : i;
      }
      length += piece.length;
    }
    i += width;
  }
  map[length] = text.length;
  return { folded: unitsToString(units, length), toOriginal: OffsetMap.fromArray(map, length + 1) };
}

/** The first `length` code units as a string (in chunks: fromCharCode takes its arguments on the stack). */
function unitsToString(units: Uint16Array, length: number): string {
  const parts: string[] = [];
  for (let at = 0; at < length; at += 8192) {
    parts.push(String.fromCharCode(...units.subarray(at, Math.min(length, at + 8192))));
  }
  return parts.join('');
}

function isLowAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff;
}

function isHighAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff;
}

/** Original end of a hit ending before folded unit `b`: never inside an expanded character. */
export function endOffset(toOriginal: OffsetMap, b: number): number {
  const last = toOriginal.at(b - 1);
  let k = b;
  while (k < toOriginal.length - 1 && toOriginal.at(k) === last) k++;
  return toOriginal.at(k);
}

/** The code point ending at `pos` (empty at the start). */
function charBefore(text: string, pos: number): string {
  if (pos <= 0) return '';
  const pair = pos >= 2 && isLowAt(text, pos - 1) && isHighAt(text, pos - 2);
  return text.slice(pair ? pos - 2 : pos - 1, pos);
}

/** True when `pos` falls between two parts of one word (marks belong to their letter). */
export function cutsWord(text: string, pos: number): boolean {
  if (pos <= 0 || pos >= text.length) return false;
  const after = String.fromCodePoint(text.codePointAt(pos)!);
  if (!WORD.test(after) && !MARK.test(after)) return false;
  let i = pos;
  let before = charBefore(text, i);
  while (before !== '' && MARK.test(before)) {
    i -= before.length;
    before = charBefore(text, i);
  }
  return before !== '' && WORD.test(before);
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

function isSpace(text: string, i: number): boolean {
  return SPACE.test(text[i] ?? '');
}

/** First whitespace from `from` towards `limit` (exclusive) in `step` direction, or -1. */
function findSpace(text: string, from: number, limit: number, step: 1 | -1): number {
  for (let i = from; step === 1 ? i < limit : i > limit; i += step) if (isSpace(text, i)) return i;
  return -1;
}

/** `pos` moved (in `step` direction) off a low surrogate or combining mark, so no character is cut. */
function unitStart(text: string, pos: number, step: 1 | -1): number {
  let i = pos;
  while (i > 0 && i < text.length && (isLowAt(text, i) || MARK.test(text[i]!))) i += step;
  return i;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function hasTextBefore(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) if (!isSpace(text, i)) return true;
  return false;
}

function hasTextAfter(text: string, pos: number): boolean {
  for (let i = pos; i < text.length; i++) if (!isSpace(text, i)) return true;
  return false;
}

/** A line break, or . ! ? … not followed by a letter or digit (so "3.5" and "www.x.it" go on). */
function endsSentence(text: string, i: number): boolean {
  const char = text[i]!;
  if (LINE_BREAK.test(char)) return true;
  if (!TERMINATORS.test(char)) return false;
  return char !== '.' || !WORD.test(text[i + 1] ?? '');
}
