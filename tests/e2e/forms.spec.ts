import { expect, test } from './fixtures';
import { ProjectPage } from './pages/project-page';
import { SessionsPage } from './pages/sessions-page';
import { StartPage } from './pages/start-page';

test('forms opened by a button come into view with the focus in their first field', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  await page.setViewportSize({ width: 1280, height: 700 });
  await start.openDemoAt(campo.url);

  // The demo's list is longer than the window: the new participant's form opens below it.
  await project.go('Partecipanti');
  await page.getByRole('button', { name: 'Nuovo partecipante' }).click();
  const editor = page.getByRole('region', { name: /^Partecipante INT-\d+$/ });
  await expect(editor).toBeInViewport();
  await expect(editor.getByLabel('Pseudonimo')).toBeFocused();

  await project.go('Domande di valutazione');
  await project.questionRow('DV8').getByRole('button', { name: 'Modifica' }).click();
  const question = page.getByRole('region', { name: 'Domanda DV8' });
  await expect(question).toBeInViewport();
  await expect(question.getByLabel('Codice', { exact: true })).toBeFocused();
});

test('an interview code that is someone else’s pseudonym is flagged, and refused when typed', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  const sessions = new SessionsPage(page);
  await start.createProjectAt(campo.url, 'Codici');
  await project.go('Partecipanti');
  await page.getByRole('button', { name: 'Nuovo partecipante' }).click();
  await expect(page.getByRole('region', { name: 'Partecipante INT-01' })).toBeVisible();

  // The first interview is INT-01, like the participant: said, with the way out.
  await project.go('Interviste');
  await sessions.newInterview();
  const warning = page.getByRole('note').filter({ hasText: 'INT-01 è anche lo pseudonimo' });
  await expect(warning).toBeVisible();
  await warning.getByRole('button', { name: 'Aggiungi il partecipante INT-01' }).click();
  await expect(warning).toHaveCount(0);
  // The sidebar's "Interviste" shows the list: from the open record, and from another screen
  // after the record was opened again (walk-through D4: it reopened the record).
  const back = page.getByRole('button', { name: '← Torna alle interviste' });
  await project.go('Interviste');
  await expect(back).toHaveCount(0);
  await page
    .getByRole('row', { name: /INT-01/ })
    .getByRole('button', { name: 'INT-01' })
    .click();
  await expect(back).toBeVisible();
  await project.go('Partecipanti');
  await project.go('Interviste');
  await expect(back).toHaveCount(0);
  await expect(page.getByRole('row', { name: /INT-01/ })).toContainText('INT-01');
  // The record's own way back still works.
  await page
    .getByRole('row', { name: /INT-01/ })
    .getByRole('button', { name: 'INT-01' })
    .click();
  await back.click();
  await expect(page.getByRole('row', { name: /INT-01/ })).toContainText('INT-01');

  // A second participant, then a second interview: INT-02 both, flagged again. Moved to INT-05,
  // then back to the pseudonym INT-02 by hand: refused, the code stays.
  await project.go('Partecipanti');
  await page.getByRole('button', { name: 'Nuovo partecipante' }).click();
  await expect(page.getByRole('region', { name: 'Partecipante INT-02' })).toBeVisible();
  await project.go('Interviste');
  await sessions.newInterview();
  await expect(page.getByRole('note').filter({ hasText: 'INT-02 è anche' })).toBeVisible();
  const code = page.getByLabel('Codice', { exact: true });
  await code.fill('INT-05');
  await code.blur();
  await expect(page.getByRole('note').filter({ hasText: 'è anche' })).toHaveCount(0);
  await code.fill('INT-02');
  await code.blur();
  await expect(project.notification('Il codice INT-02 è già usato.')).toBeVisible();
  await expect(code).toHaveValue('INT-05');
});
