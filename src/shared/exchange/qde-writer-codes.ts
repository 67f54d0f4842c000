import type { Code } from '../model/project';
import { guidOf, type XmlWriter } from './qde-writer-xml';

/** `#rrggbb` as `#RRGGBB`, or undefined when it is not a colour the RGBType pattern takes. */
export function rgbOf(colour: string): string | undefined {
  return /^#[0-9a-fA-F]{6}$/.test(colour) ? colour.toUpperCase() : undefined;
}

/**
 * Writes the code tree as nested `Code` elements, siblings in codebook order. A code whose parent
 * is missing goes to the top level, and codes caught in a parent cycle (which the editor refuses,
 * but a hand-edited file may hold) are written once, from the first of them. Returns how many
 * codes were written.
 */
export function writeCodeTree(writer: XmlWriter, codes: readonly Code[]): number {
  const ids = new Set(codes.map((code) => code.id));
  const children = new Map<string | null, Code[]>();
  for (const code of codes) {
    const parent = code.parentId !== null && ids.has(code.parentId) ? code.parentId : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(code);
    children.set(parent, siblings);
  }
  const written = new Set<string>();
  const write = (code: Code): void => {
    written.add(code.id);
    const attributes = [
      ['guid', guidOf(code.id)],
      ['name', code.name],
      ['isCodable', 'true'],
      ['color', rgbOf(code.colour)],
    ] as const;
    const below = (children.get(code.id) ?? []).filter((child) => !written.has(child.id));
    const description = code.description.trim() !== '' ? code.description : null;
    if (below.length === 0 && description === null) {
      writer.empty('Code', attributes);
      return;
    }
    writer.open('Code', attributes);
    if (description !== null) writer.text('Description', description);
    for (const child of below) if (!written.has(child.id)) write(child);
    writer.close('Code');
  };
  for (const root of children.get(null) ?? []) write(root);
  for (const code of codes) if (!written.has(code.id)) write(code);
  return written.size;
}
