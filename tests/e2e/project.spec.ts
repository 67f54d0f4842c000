import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { ProjectPage } from './pages/project-page';
import { StartPage } from './pages/start-page';

test('create a project, add a question, and find it after a reload and after the host is killed', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  await start.createProjectAt(
    campo.url,
    'Valutazione RAV 2021',
    'POR FSE 2014-2020 Regione Lombardia',
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();
  await expect(page.locator('.topbar')).toContainText('POR FSE 2014-2020 Regione Lombardia');

  await project.go('Domande di valutazione');
  await expect(page.getByText('Nessuna domanda di valutazione.')).toBeVisible();
  await project.addQuestion(
    'Gli interventi sono coerenti con i bisogni emersi dopo la pandemia?',
    'Coerenza',
  );
  await expect(project.questionRow('DV1')).toContainText('Coerenza');
  await expect(project.saveIndicator).toHaveText(/^Salvato alle \d{2}:\d{2}$/);

  // A duplicate code is refused with a message in Italian, and nothing is added.
  const form = page.getByRole('form', { name: 'Nuova domanda' });
  await form.getByLabel('Codice').fill('dv1');
  await form.getByLabel('Domanda').fill('Doppione');
  await form.getByRole('button', { name: 'Aggiungi' }).click();
  await expect(project.notification('Il codice dv1 è già usato.')).toBeVisible();
  await expect(page.getByRole('rowheader')).toHaveCount(1);
  // A refused change is not a failed save: the indicator still shows the last save.
  await expect(project.saveIndicator).toHaveText(/^Salvato alle/);

  await project.go('Panoramica');
  await project.setMeta('Obiettivi tematici', 'OT9, Asse V');
  await expect(project.saveIndicator).toHaveText(/^Salvato alle/);

  // Reload the page: the project is still open, with its data.
  await page.reload();
  await expect(project.count('questions')).toContainText('1');
  await expect(page.getByLabel('Obiettivi tematici', { exact: true })).toHaveValue('OT9, Asse V');

  // Kill the host outright: what was acknowledged is on disk, the stale lock is taken over.
  await campo.restart();
  await start.goto(campo.url);
  await start.recent('Valutazione RAV 2021').click();
  await project.go('Domande di valutazione');
  await expect(project.questionRow('DV1')).toContainText('Gli interventi sono coerenti');
  await expect(page.locator('.notifications')).toContainText('sessione si era interrotta');

  const saved = JSON.parse(
    await readFile(join(campo.projectsDir, 'Valutazione RAV 2021.campo', 'project.json'), 'utf8'),
  );
  expect(saved.meta.thematicObjectives).toEqual(['OT9', 'Asse V']);
});

test('edit a question in full, reorder, duplicate, renumber and delete it seeing its links', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  await start.createProjectAt(campo.url, 'Prova matrice');
  await project.go('Domande di valutazione');
  await project.addQuestion('Prima versione');
  await project.addQuestion('Seconda domanda');
  const editor = page.getByRole('region', { name: 'Domanda DV2' });
  await expect(editor).toBeVisible();
  await project.questionRow('DV1').getByRole('button', { name: 'Modifica' }).click();
  const first = page.getByRole('region', { name: 'Domanda DV1' });
  await first.getByLabel('Domanda', { exact: true }).fill('Versione rivista');
  await first.getByLabel('Criteri di giudizio').fill('Grado di coerenza con i bisogni');
  await first.getByRole('button', { name: 'analisi desk' }).click();
  await first.getByLabel('Risposta del valutatore').fill('Sì, in larga parte.');
  await first.getByLabel('Risposta del valutatore').blur();
  await expect(project.questionRow('DV1')).toContainText('Versione rivista');
  await expect(project.questionRow('DV1')).toContainText('analisi desk');

  await project.questionRow('DV2').getByRole('button', { name: 'Sposta su DV2' }).click();
  await expect(page.getByRole('rowheader')).toHaveText(['DV2', 'DV1']);
  await project.questionRow('DV1').getByRole('button', { name: 'Duplica' }).click();
  await expect(page.getByRole('rowheader')).toHaveText(['DV2', 'DV1', 'DV1 (copia)']);
  await page.getByRole('button', { name: 'Rinumera DV1…DVn' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Rinumera DV1…DVn' }).click();
  await expect(page.getByRole('rowheader')).toHaveText(['DV1', 'DV2', 'DV3']);

  await project.questionRow('DV3').getByRole('button', { name: 'Elimina' }).click();
  const confirm = page.getByRole('dialog', { name: 'Eliminare DV3?' });
  await expect(confirm).toContainText('Nulla è collegato a questa domanda.');
  await confirm.getByRole('button', { name: 'Elimina' }).click();
  await expect(page.getByRole('rowheader')).toHaveText(['DV1', 'DV2']);
  await page.reload();
  await project.go('Domande di valutazione');
  await expect(page.getByRole('rowheader')).toHaveText(['DV1', 'DV2']);
  await expect(project.questionRow('DV2')).toContainText('Versione rivista');
});
