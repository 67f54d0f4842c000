import type { Code } from '../model/project';

/** Colours offered for new codes: distinguishable, readable as highlights at low opacity. */
export const CODE_PALETTE: readonly string[] = [
  '#4e79a7', // blue
  '#f28e2b', // orange
  '#59a14f', // green
  '#e15759', // red
  '#b07aa1', // purple
  '#edc948', // yellow
  '#76b7b2', // teal
  '#ff9da7', // pink
  '#9c755f', // brown
  '#17becf', // cyan
  '#bcbd22', // olive
  '#6b6ecf', // indigo
];

/**
 * Palette colours for many new codes at once (an import of 100,000 codes): counts kept as codes
 * are added or recoloured, so each pick costs the palette's length, not the codebook's.
 */
export interface ColourPicker {
  /** The palette colour used least so far (first one on ties), counted as used. */
  next(): string;
  /** Counts a colour given some other way (a colour the imported file names). */
  add(colour: string): void;
  /** Forgets one use of a colour (a code recoloured). */
  remove(colour: string): void;
}

/** A picker that starts from the colours of `codes`. */
export function colourPicker(codes: readonly Pick<Code, 'colour'>[]): ColourPicker {
  const uses = new Map<string, number>(CODE_PALETTE.map((colour) => [colour, 0]));
  const change = (colour: string, by: number) => {
    const key = colour.toLowerCase();
    const count = uses.get(key);
    if (count !== undefined) uses.set(key, count + by);
  };
  for (const code of codes) change(code.colour, 1);
  return {
    next() {
      let best = CODE_PALETTE[0] as string;
      for (const colour of CODE_PALETTE) {
        if ((uses.get(colour) ?? 0) < (uses.get(best) ?? 0)) best = colour;
      }
      change(best, 1);
      return best;
    },
    add: (colour) => change(colour, 1),
    remove: (colour) => change(colour, -1),
  };
}

/** The palette colour used least so far (first one on ties). */
export function nextColour(codes: readonly Pick<Code, 'colour'>[]): string {
  return colourPicker(codes).next();
}

/** Children of each code id, in array order. */
function childrenIndex(codes: readonly Code[]): Map<string, Code[]> {
  const children = new Map<string, Code[]>();
  for (const code of codes) {
    if (code.parentId === null) continue;
    const list = children.get(code.parentId);
    if (list) list.push(code);
    else children.set(code.parentId, [code]);
  }
  return children;
}

/**
 * The given ids and every code below any of them, in one walk of the tree (for callers that
 * need the union of several subtrees, such as retrieval).
 */
export function descendantIdsOfAll(codes: readonly Code[], ids: Iterable<string>): Set<string> {
  const children = childrenIndex(codes);
  const found = new Set<string>();
  const stack = [...ids];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    // The visited check also stops a corrupt (cyclic) codebook from looping forever.
    if (found.has(id)) continue;
    found.add(id);
    for (const child of children.get(id) ?? []) stack.push(child.id);
  }
  return found;
}

/** `id` and every code below it (any depth). */
export function descendantIds(codes: readonly Code[], id: string): Set<string> {
  return descendantIdsOfAll(codes, [id]);
}

/** The codes from the root down to `id` (empty when unknown). Safe against cycles. */
export function codePath(codes: readonly Code[], id: string): Code[] {
  const byId = new Map(codes.map((code) => [code.id, code]));
  return pathIn(byId, id);
}

/**
 * For every code, its path from the root as one string: the `part` of each code on the way,
 * joined by `separator`. Each code's path is built once from its parent's, so the whole
 * codebook costs time in proportion to its size (calling `codePath` per code would not).
 * A code in a cycle (a corrupt file) gets the path up to where the cycle closes.
 */
export function codePathKeys(
  codes: readonly Code[],
  part: (code: Code) => string,
  separator: string,
): Map<string, string> {
  const byId = new Map(codes.map((code) => [code.id, code]));
  const keys = new Map<string, string>();
  for (const code of codes) {
    // Climb to the first code whose key is known (or the root), then come back down.
    const chain: Code[] = [];
    const onChain = new Set<string>();
    let current: Code | undefined = code;
    while (current && !keys.has(current.id) && !onChain.has(current.id)) {
      chain.push(current);
      onChain.add(current.id);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    let prefix = current && keys.has(current.id) ? keys.get(current.id)! : null;
    for (let i = chain.length - 1; i >= 0; i -= 1) {
      const own = part(chain[i]!);
      prefix = prefix === null ? own : `${prefix}${separator}${own}`;
      keys.set(chain[i]!.id, prefix);
    }
  }
  return keys;
}

function pathIn(byId: ReadonlyMap<string, Code>, id: string): Code[] {
  const path: Code[] = [];
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.push(current);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return path.reverse();
}

/** True when making `newParentId` the parent of `id` would put the code under itself. */
export function wouldCreateCycle(
  codes: readonly Code[],
  id: string,
  newParentId: string | null,
): boolean {
  if (newParentId === null) return false;
  return pathIn(new Map(codes.map((code) => [code.id, code])), newParentId).some(
    (code) => code.id === id,
  );
}

/**
 * Depth-first order for a tree view: siblings in array order, children under their parent.
 * Codes whose parent is unknown are shown as roots; codes caught in a cycle (a corrupt file) are
 * still listed once, from the first of them in array order.
 */
export function codeTreeOrder(codes: readonly Code[]): Array<{ code: Code; depth: number }> {
  const ids = new Set(codes.map((code) => code.id));
  const children = childrenIndex(codes);
  const order: Array<{ code: Code; depth: number }> = [];
  const visited = new Set<string>();
  // An explicit stack, not recursion: an imported codebook may nest thousands of levels deep.
  const visit = (root: Code) => {
    const stack: Array<{ code: Code; depth: number }> = [{ code: root, depth: 0 }];
    while (stack.length > 0) {
      const { code, depth } = stack.pop()!;
      if (visited.has(code.id)) continue;
      visited.add(code.id);
      order.push({ code, depth });
      const below = children.get(code.id) ?? [];
      for (let i = below.length - 1; i >= 0; i -= 1)
        stack.push({ code: below[i]!, depth: depth + 1 });
    }
  };
  for (const code of codes) {
    if (code.parentId === null || !ids.has(code.parentId)) visit(code);
  }
  for (const code of codes) visit(code);
  return order;
}

/** The question of every code (see `questionOfCode`), with one map of the codebook. */
export function questionsOfCodes(codes: readonly Code[]): Map<string, string | null> {
  const byId = new Map(codes.map((code) => [code.id, code]));
  return new Map(codes.map((code) => [code.id, questionIn(byId, code.id)]));
}

function questionIn(byId: ReadonlyMap<string, Code>, codeId: string): string | null {
  const path = pathIn(byId, codeId);
  for (let i = path.length - 1; i >= 0; i--) {
    const questionId = (path[i] as Code).questionId;
    if (questionId !== null) return questionId;
  }
  return null;
}

/** The evaluation question a code answers: its own `questionId` or its nearest ancestor's. */
export function questionOfCode(codes: readonly Code[], codeId: string): string | null {
  return questionIn(new Map(codes.map((code) => [code.id, code])), codeId);
}
