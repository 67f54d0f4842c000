import { describe, expect, it } from 'vitest';
import { ProjectFileSchema } from '../../../src/shared/model/project';
import { defaultReportSettings } from '../../../src/shared/report/model';
import { reportContext } from '../../../src/shared/report/report-context';
import { reasonsNote } from '../../../src/shared/report/sections-agreement';

const project = ProjectFileSchema.parse({
  schemaVersion: 2,
  app: 'campo',
  id: 'p',
  createdAt: '2021-03-18T09:30:00.000Z',
  updatedAt: '2021-03-18T09:30:00.000Z',
  meta: { title: 'Affidabilità' },
});

describe('the note under an agreement table', () => {
  it('names the undefined mark as the table prints it, in the report language', () => {
    // Found by a newcomer walk-through: the English annex said «n.d.» under cells reading «undef.».
    const note = (language: 'it' | 'en') =>
      reasonsNote(
        ['neither-coded', null, 'neither-coded'],
        reportContext(project, [], defaultReportSettings(language)),
      );
    expect(note('en')).toBe('undef.: none of the coders used the code.');
    expect(note('it')).toBe('n.d.: nessuno dei codificatori ha usato il codice.');
  });
});
