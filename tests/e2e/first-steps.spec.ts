import { expect, test } from './fixtures';
import { ProjectPage } from './pages/project-page';
import { StartPage } from './pages/start-page';

test('a new project’s overview says what to do first, each step a link that is ticked once done', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  await start.createProjectAt(campo.url, 'Nuova valutazione');
  // An empty codebook says where codes come from, rather than showing an empty tree.
  await project.go('Codifica');
  await expect(page.locator('.main')).toContainText('Ancora nessun codice.');
  await page.screenshot({ path: test.info().outputPath('empty-codebook.png') });
  await project.go('Panoramica');
  const steps = page.getByRole('region', { name: 'Primi passi' });
  await expect(steps.getByRole('button')).toHaveText([
    'Aggiungi le domande di valutazione',
    'Aggiungi i partecipanti',
    'Pianifica un’intervista',
    'Importa una trascrizione',
  ]);

  await steps.getByRole('button', { name: 'Aggiungi le domande di valutazione' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Domande di valutazione' }),
  ).toBeVisible();
  await project.addQuestion('Gli interventi hanno raggiunto i NEET?');
  // The question is a code now: the hint gives way to it.
  await project.go('Codifica');
  await expect(page.locator('.main')).not.toContainText('Ancora nessun codice.');
  await project.go('Panoramica');
  await expect(steps.getByRole('listitem').first()).toContainText('(fatto)');

  await steps.getByRole('button', { name: 'Pianifica un’intervista' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'INT-01' })).toBeVisible();
  await project.go('Panoramica');
  await steps.getByRole('button', { name: 'Importa una trascrizione' }).click();
  await expect(page.getByRole('dialog')).toContainText('Importa');
  await page.keyboard.press('Escape');
  // With no transcript at all, the interviews screen does not claim "every transcript is linked".
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const unlinked = page.getByRole('region', { name: 'Trascrizioni non collegate' });
  await expect(unlinked).toContainText('Nessuna trascrizione ancora');
  await expect(unlinked).not.toContainText('Tutte le trascrizioni sono collegate');

  // The demo, which has everything, shows no first steps.
  await page.getByRole('button', { name: 'Chiudi progetto' }).click();
  await start.openDemo();
  await expect(page.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();
  await expect(steps).toHaveCount(0);
});

test('a name already taken in the folder is said beside the name, and the hint stops promising the folder', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  await start.createProjectAt(campo.url, 'Valutazione Piemonte');
  await page.getByRole('button', { name: 'Chiudi progetto' }).click();
  await start.createProject('Valutazione Piemonte');
  const form = page.getByRole('form', { name: 'Nuovo progetto' });
  await expect(form).toContainText(
    'In questa cartella c’è già un progetto con questo nome: scegline un altro.',
  );
  await expect(form).not.toContainText('Sarà creato in');
  // A new name clears it.
  await form.getByLabel('Nome del progetto').fill('Valutazione Piemonte 2');
  await expect(form).toContainText('Sarà creato in');
  await expect(form).not.toContainText('scegline un altro');
});
