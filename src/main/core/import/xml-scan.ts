/**
 * One-pass scans of the XML inside DOCX and XLSX files, done in the parser process before a
 * library parses them: what would cost the library gigabytes or its stack is refused for what it
 * is, quickly. They read bytes with `indexOf`, so a 100 MB part takes a fraction of a second.
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;

function view(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Length of the longest stretch of bytes holding neither `<` nor `>`. */
export function longestTextRun(bytes: Uint8Array): number {
  const buffer = view(bytes);
  let longest = 0;
  let start = 0;
  while (start < buffer.length) {
    const lt = buffer.indexOf(LT, start);
    const gt = buffer.indexOf(GT, start);
    const next = lt < 0 ? gt : gt < 0 ? lt : Math.min(lt, gt);
    const end = next < 0 ? buffer.length : next;
    longest = Math.max(longest, end - start);
    if (next < 0) break;
    start = next + 1;
  }
  return longest;
}

/**
 * True when elements nest deeper than `max` anywhere: opening tags count one level down, closing
 * tags one up, self-closing tags, declarations (`<?`, `<!`) nothing.
 */
export function nestsDeeperThan(bytes: Uint8Array, max: number): boolean {
  const buffer = view(bytes);
  let depth = 0;
  let at = buffer.indexOf(LT);
  while (at >= 0) {
    const next = buffer[at + 1];
    const end = buffer.indexOf(GT, at);
    if (end < 0) return false;
    if (next === SLASH) depth -= 1;
    else if (next !== 0x3f && next !== 0x21 && buffer[end - 1] !== SLASH) {
      depth += 1;
      if (depth > max) return true;
    }
    at = buffer.indexOf(LT, end);
  }
  return false;
}
