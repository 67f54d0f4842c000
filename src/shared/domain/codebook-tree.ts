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

/** The palette colour used least so far (first one on ties). */
export function nextColour(codes: readonly Pick<Code, 'colour'>[]): string {
  const uses = new Map<string, number>(CODE_PALETTE.map((colour) => [colour, 0]));
  for (const code of codes) {
    const colour = code.colour.toLowerCase();
    const count = uses.get(colour);
    if (count !== undefined) uses.set(colour, count + 1);
  }
  let best = CODE_PALETTE[0] as string;
  for (const colour of CODE_PALETTE) {
    if ((uses.get(colour) ?? 0) < (uses.get(best) ?? 0)) best = colour;
  }
  return best;
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
  const visit = (code: Code, depth: number) => {
    if (visited.has(code.id)) return;
    visited.add(code.id);
    order.push({ code, depth });
    for (const child of children.get(code.id) ?? []) visit(child, depth + 1);
  };
  for (const code of codes) {
    if (code.parentId === null || !ids.has(code.parentId)) visit(code, 0);
  }
  for (const code of codes) visit(code, 0);
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
