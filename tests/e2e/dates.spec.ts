import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { NgtPage } from './pages/ngt-page';
import { ProjectPage } from './pages/project-page';
import { SessionsPage } from './pages/sessions-page';
import { StartPage } from './pages/start-page';

test('dates are typed and shown day first; a wrong one is explained in the user’s language and never saved', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  const ngt = new NgtPage(page);
  await start.createProjectAt(campo.url, 'Date italiane');

  // The NGT date: 15/06/2021 as an Italian writes it.
  await project.go('NGT');
  await ngt.create('Quali azioni rafforzare?');
  const date = page
    .getByRole('region', { name: 'Impostazione' })
    .getByLabel('Data', { exact: true });
  await expect(date).toHaveAttribute('placeholder', 'gg/mm/aaaa');
  await date.fill('15/06/2021');
  await date.blur();
  await expect(project.saveIndicator).toHaveText(/^Salvato alle/);
  await expect(page.locator('.notification-error')).toHaveCount(0);

  // A day that does not exist: said under the field, in Italian, without a toast; not saved.
  await date.fill('31/06/2021');
  await date.blur();
  // Written as a date, it is told the day does not exist, not how to write a date (walk-through 9).
  const error = page.getByRole('alert').filter({ hasText: '«31/06/2021» non è un giorno' });
  await expect(error).toContainText('non tutti hanno 31 giorni');
  await expect(error).not.toContainText('giorno/mese/anno');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.notifications')).not.toContainText('Valore non valido');
  await expect(page.locator('.notifications')).not.toContainText('patch.');
  await expect(project.saveIndicator).toHaveText('Modifiche non salvate');
  // Not written as a date: told how to write one.
  await date.fill('giugno');
  await date.blur();
  await expect(
    page.getByRole('alert').filter({ hasText: '«giugno» non è una data' }),
  ).toContainText('giorno/mese/anno, per esempio 15/06/2021');
  // Corrected, in a short form: saved and shown in full.
  await date.fill('1/7/21');
  await date.blur();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(date).toHaveValue('01/07/2021');
  await expect(project.saveIndicator).toHaveText(/^Salvato alle/);
  await page.getByRole('button', { name: '← Sessioni NGT' }).click();
  await expect(page.getByRole('row', { name: /NGT-01/ })).toContainText('01/07/2021');

  // The interview date is the same field, and the list shows it day first.
  await project.go('Interviste');
  const sessions = new SessionsPage(page);
  await sessions.newInterview();
  const interviewDate = page.getByLabel('Data', { exact: true });
  await interviewDate.fill('18/03/2021');
  await interviewDate.blur();
  await expect(project.saveIndicator).toHaveText(/^Salvato alle/);
  await page.getByRole('button', { name: '← Torna alle interviste' }).click();
  await expect(page.getByRole('row', { name: /INT-01/ })).toContainText('18/03/2021');

  const saved = JSON.parse(
    await readFile(join(campo.projectsDir, 'Date italiane.campo', 'project.json'), 'utf8'),
  );
  expect(saved.ngtSessions[0].date).toBe('2021-07-01');
  expect(saved.sessions[0].date).toBe('2021-03-18');

  // In English the same field explains itself in English.
  await page.getByRole('button', { name: 'Impostazioni' }).click();
  await page.getByLabel('English').check();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'INT-01', exact: true }).click();
  const englishDate = page.getByLabel('Date', { exact: true });
  await expect(englishDate).toHaveValue('18/03/2021');
  await englishDate.fill('18/13/2021');
  await englishDate.blur();
  await expect(page.getByRole('alert')).toContainText(
    '“18/13/2021” is not a day of the calendar: check the day and the month (months run from 1 to 12, and not all have 31 days).',
  );
});
