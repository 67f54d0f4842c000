import {
  headerColumns,
  parentPathNames,
  type CodebookRecords,
} from '../../../shared/domain/codebook-csv';
import { damagedFile } from '../../../shared/ipc/refusals';
import type { RefiCode } from '../../../shared/exchange/qde-parse';
import { IMPORT_LIMITS } from './limits';

/**
 * How many codes a codebook import brings and how deep they nest, refused past the caps
 * (IMPORT_LIMITS.codes, .codeDepth) before anything is merged into a project.
 */

/**
 * Refuses a REFI-QDA file whose XML holds more Code elements than may be imported, before the
 * XML is parsed (parsing 100,000 codes costs seconds): one pass of a simple pattern.
 */
export function precountRefiCodes(xml: string, file: string): void {
  let count = 0;
  const tag = /<(?:[\w.-]+:)?Code[\s/>]/g;
  while (tag.exec(xml) !== null) {
    count += 1;
    if (count > IMPORT_LIMITS.codes) {
      throw damagedFile(file, 'refusal.tooManyCodes', { max: IMPORT_LIMITS.codes });
    }
  }
}

/** Refuses a REFI-QDA codebook with too many codes or codes nested too deep. */
export function checkRefiCodes(codes: readonly RefiCode[], file: string): void {
  let count = 0;
  const stack = codes.map((code) => ({ code, depth: 1 }));
  while (stack.length > 0) {
    const { code, depth } = stack.pop()!;
    count += 1;
    if (count > IMPORT_LIMITS.codes) {
      throw damagedFile(file, 'refusal.tooManyCodes', { max: IMPORT_LIMITS.codes });
    }
    if (depth > IMPORT_LIMITS.codeDepth) {
      throw damagedFile(file, 'refusal.codesTooDeep', { max: IMPORT_LIMITS.codeDepth });
    }
    for (const child of code.children) stack.push({ code: child, depth: depth + 1 });
  }
}

/**
 * Refuses a codebook CSV with more rows than codes may be imported, or a parent path deeper than
 * codes may nest (a path "A > B > C" puts a code four levels down).
 */
export function checkCodebookRecords({ records }: CodebookRecords, file: string): void {
  const [header, ...rows] = records;
  if (rows.length > IMPORT_LIMITS.codes) {
    throw damagedFile(file, 'refusal.tooManyCodes', { max: IMPORT_LIMITS.codes });
  }
  const parent = headerColumns(header).get('parent');
  if (parent === undefined) return;
  for (const { cells } of rows) {
    if (parentPathNames(cells[parent] ?? '').length + 1 > IMPORT_LIMITS.codeDepth) {
      throw damagedFile(file, 'refusal.codesTooDeep', { max: IMPORT_LIMITS.codeDepth });
    }
  }
}
