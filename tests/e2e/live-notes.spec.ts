import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CodingPage } from './pages/coding-page';
import { ProjectPage } from './pages/project-page';
import { SessionsPage } from './pages/sessions-page';
import { StartPage } from './pages/start-page';

/**
 * A new project «Note sul campo» with the `questions` given, and the live notes of a new
 * interview open: the project page and the free-notes field.
 */
async function liveNotesOfNewInterview(page: Page, url: string, questions: string[] = []) {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  await start.createProjectAt(url, 'Note sul campo');
  if (questions.length > 0) await project.go('Domande di valutazione');
  for (const question of questions) await project.addQuestion(question);
  await project.go('Interviste');
  await new SessionsPage(page).newInterview();
  await page.getByRole('button', { name: 'Appunti dal vivo' }).click();
  const composer = page.getByRole('textbox', { name: 'Nota per la domanda Note libere' });
  return { project, composer };
}

test('live notes: Alt+digit marks a DV and switches no screen; the marks show in Codifica, are coded in one undoable step and retrieved', async ({
  page,
  campo,
}) => {
  const coding = new CodingPage(page);
  const { project, composer } = await liveNotesOfNewInterview(page, campo.url, [
    'Gli interventi sono efficaci?',
    'Il partenariato ha funzionato?',
  ]);
  await composer.fill('La rete c’era già prima del progetto');
  // Alt+2 marks DV2 (and would be "go to the second screen" elsewhere).
  await composer.press('Alt+2');
  await expect(page.getByText('Segnata con')).toContainText('DV2');
  await composer.press('Enter');
  // On a saved note too: Alt+1 marks DV1.
  const saved = page.getByRole('textbox', { name: 'Nota salvata' });
  await saved.press('Alt+1');
  const chips = page.getByRole('listitem').filter({ has: saved });
  await expect(chips.getByRole('button', { pressed: true })).toHaveText(['DV1', 'DV2']);
  await expect(project.saveIndicator).toHaveText(/^Salvato alle/, { timeout: 8000 });
  await page.getByRole('button', { name: 'Salva e chiudi' }).click();
  // Still on the interview: no screen was switched underneath.
  await expect(page.getByRole('button', { name: '← Torna alle interviste' })).toBeVisible();
  await expect(project.nav('Interviste')).toHaveAttribute('aria-current', 'page');

  // Codifica: the note shows its DV marks, and one click codes it with both DVs.
  await project.go('Codifica');
  await coding.choose('Fonte', /Note dal vivo – INT-01/);
  const turn = coding.text.locator('.turn').first();
  await expect(turn.locator('.badge')).toHaveText(['DV1', 'DV2']);
  await page.getByRole('button', { name: 'Codifica le note marcate con le loro DV (2)' }).click();
  await expect(project.notification('2 codifiche aggiunte dalle DV delle note.')).toBeVisible();
  await expect(coding.code('DV2 –').locator('.count')).toHaveText('1');

  // Retrieval by DV finds the note.
  await coding.tab('Recupero').click();
  await coding.choose('Domanda di valutazione', /^DV2 –/);
  // Until DV2's answer arrives the list still shows every coding (no filter): wait for it.
  await expect(page.getByTestId('segments').locator('mark')).toHaveCount(1);
  await expect(page.getByTestId('segments').locator('mark')).toHaveText(
    'La rete c’era già prima del progetto',
  );

  // One undo takes both codings back; retrieval then says what is left to code.
  await coding.leaveFields();
  await page.keyboard.press('Control+z');
  await expect(project.notification(/Annullato/)).toBeVisible();
  await expect(page.getByText('Nessun passaggio')).toBeVisible();
  await expect(
    page.getByText('2 contrassegni DV delle note dal vivo non sono ancora codificati.'),
  ).toBeVisible();
});

test('live notes: the note field has the focus, and a reload in mid-interview comes back to the notes', async ({
  page,
  campo,
}) => {
  // Found by a newcomer walk-through: a reload went back to the interview list, and the first
  // words typed after «Avvia il cronometro» went nowhere.
  const { project, composer } = await liveNotesOfNewInterview(page, campo.url);
  await expect(composer).toBeFocused();
  await page.getByRole('button', { name: 'Avvia il cronometro' }).click();
  await expect(composer).toBeFocused();
  await page.keyboard.type('Prima nota');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Seconda, non ancora inviata');
  await page.reload();
  // Back on the notes, the note typed and not sent saved as a note of its own.
  await expect(composer).toBeFocused();
  const saved = page.getByRole('textbox', { name: 'Nota salvata' });
  await expect(saved).toHaveCount(2);
  await expect(saved.first()).toHaveValue('Prima nota');
  await expect(saved.last()).toHaveValue('Seconda, non ancora inviata');
  // The project opened anew (after a restart of Campo) forgets the screen it showed; the notes
  // still come back, and closing them goes to their interview, not to the overview
  // (walk-through 8).
  await page.evaluate(() => {
    for (const key of Object.keys(sessionStorage)) {
      if (key.endsWith('.screen')) sessionStorage.removeItem(key);
    }
  });
  await page.reload();
  await expect(composer).toBeFocused();
  await page.getByRole('button', { name: 'Salva e chiudi' }).click();
  await expect(page.getByRole('button', { name: '← Torna alle interviste' })).toBeVisible();
  await expect(project.nav('Interviste')).toHaveAttribute('aria-current', 'page');
  // Closed on purpose: a reload now stays on the interview screen.
  await page.reload();
  await expect(project.nav('Interviste')).toHaveAttribute('aria-current', 'page');
  await expect(composer).toHaveCount(0);
});

test('live notes: a note entered and a note deleted while Campo was down stay so when Campo starts again, and are saved', async ({
  page,
  campo,
}) => {
  // Found by newcomer walk-throughs: a note entered while Campo was down looked saved, and
  // opening Campo's new address in the tab dropped it without a word; a note deleted then came
  // back.
  const { composer } = await liveNotesOfNewInterview(page, campo.url);
  const saved = page.getByRole('textbox', { name: 'Nota salvata' });
  await composer.fill('Salvata prima');
  await composer.press('Enter');
  await composer.fill('Da togliere');
  await composer.press('Enter');
  await expect(saved).toHaveCount(2);
  await expect(page.getByText(/Salvato alle/)).toBeVisible();
  // Campo stops (killed) and starts again: the tab's address is no longer valid.
  await campo.restart();
  await composer.fill('Scritta mentre Campo era fermo');
  await composer.press('Enter');
  await page
    .locator('li.note')
    .nth(1)
    .getByRole('button', { name: /^Elimina la nota delle \d\d:/ })
    .click();
  await expect(page.locator('.notifications')).toContainText(
    /riapri l’indirizzo completo|non risponde/,
    { timeout: 20_000 },
  );
  await expect(saved).toHaveCount(2);
  // The new address, opened in the same tab (the same port: the tab keeps what it holds).
  const start = new StartPage(page);
  await start.goto(campo.url);
  await start.recent('Note sul campo').click();
  await expect(
    page.getByText('Le modifiche alle note che Campo non aveva ancora salvato sono tornate', {
      exact: false,
    }),
  ).toBeVisible();
  await expect(saved).toHaveCount(2);
  await expect(saved.first()).toHaveValue('Salvata prima');
  await expect(saved.last()).toHaveValue('Scritta mentre Campo era fermo');
  await page.getByRole('button', { name: 'Salva e chiudi' }).click();
  await expect(page.getByRole('button', { name: '← Torna alle interviste' })).toBeVisible();
  // Opened again, the notes are read from the project; the window remembers nothing more.
  await page.getByRole('button', { name: 'Appunti dal vivo' }).click();
  await expect(saved).toHaveCount(2);
  await expect(saved.first()).toHaveValue('Salvata prima');
  await expect(saved.last()).toHaveValue('Scritta mentre Campo era fermo');
  await expect(page.getByText('non aveva ancora salvato', { exact: false })).toHaveCount(0);

  // Only a deletion while Campo is down: it too holds once Campo is back.
  await campo.restart();
  await page
    .locator('li.note')
    .first()
    .getByRole('button', { name: /^Elimina la nota delle \d\d:/ })
    .click();
  await expect(page.locator('.notifications')).toContainText(
    /riapri l’indirizzo completo|non risponde/,
    { timeout: 20_000 },
  );
  await start.goto(campo.url);
  await start.recent('Note sul campo').click();
  await expect(page.getByText('non aveva ancora salvato', { exact: false })).toBeVisible();
  await expect(saved).toHaveCount(1);
  await expect(saved).toHaveValue('Scritta mentre Campo era fermo');
  await expect(page.getByText(/Salvato alle/)).toBeVisible();
  await page.reload();
  await expect(saved).toHaveCount(1);
});
