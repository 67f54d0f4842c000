import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ProjectPage } from './pages/project-page';
import { StartPage } from './pages/start-page';

/** A new project, created from the start page, on its overview. */
async function newProject(page: Page, url: string): Promise<ProjectPage> {
  const start = new StartPage(page);
  await start.createProjectAt(url, 'Valutazione FSE');
  return new ProjectPage(page);
}

test('what is typed is saved as it is typed: the badge says so, and a reload mid-typing loses nothing', async ({
  page,
  campo,
}) => {
  const project = await newProject(page, campo.url);
  await project.go('Domande di valutazione');
  await project.addQuestion('Gli interventi hanno raggiunto i destinatari più fragili?');
  const editor = page.getByRole('region', { name: 'Domanda DV1' });
  const answer = editor.getByLabel('Risposta del valutatore');

  // Typing, without leaving the field: nothing claims to be saved until it is.
  await answer.click();
  await page.keyboard.type('In parte: i NEET sono stati raggiunti');
  await expect(project.saveIndicator).toHaveText('Modifiche non salvate');
  // After a pause in the typing it is on disk, and the badge says so, still in the field.
  await expect(project.saveIndicator).toHaveText(/^Salvato alle/);
  await expect(answer).toBeFocused();

  // Typing goes on and the page is reloaded at once, well inside the pause.
  await page.keyboard.type(' solo nelle aree urbane.');
  await expect(project.saveIndicator).toHaveText('Modifiche non salvate');
  await page.reload();
  await project.go('Domande di valutazione');
  await page.getByRole('button', { name: 'Modifica' }).click();
  await expect(
    page.getByRole('region', { name: 'Domanda DV1' }).getByLabel('Risposta del valutatore'),
  ).toHaveValue('In parte: i NEET sono stati raggiunti solo nelle aree urbane.');

  // A field left for another screen mid-typing is saved too.
  await project.go('Panoramica');
  const description = page.getByLabel('Descrizione', { exact: true });
  await description.click();
  await page.keyboard.type('Rapporto annuale 2021');
  await project.nav('Partecipanti').click();
  await expect(project.saveIndicator).toHaveText(/^Salvato alle/);
  await page.reload();
  await project.go('Panoramica');
  await expect(page.getByLabel('Descrizione', { exact: true })).toHaveValue(
    'Rapporto annuale 2021',
  );
});

test('text typed while the host does not answer stays on screen, marked unsaved', async ({
  page,
  campo,
}) => {
  const project = await newProject(page, campo.url);
  await project.go('Panoramica');
  const description = page.getByLabel('Descrizione', { exact: true });
  await description.click();
  await page.keyboard.type('Scritto prima');
  await expect(project.saveIndicator).toHaveText(/^Salvato alle/);

  // The host this page talks to is gone: a new one answers on the same port (the one it used
  // last), with another token, so this tab's calls are refused as unauthorised.
  await campo.restart();
  await page.keyboard.type(', e poi a server spento.');
  await expect(project.notification(/riapri l’indirizzo completo/)).toBeVisible({
    timeout: 15_000,
  });
  // What was typed is still there (a refused token judged nothing), and the badge does not
  // claim it is saved, nor only «Modifiche non salvate» (walk-through 8).
  await expect(description).toHaveValue('Scritto prima, e poi a server spento.');
  await expect(project.saveIndicator).toHaveText(
    'Campo è stato riavviato: apri il suo nuovo indirizzo; ciò che scrivi non è salvato',
  );
  await page.screenshot({ path: 'test-results/artefacts/typed-host-gone.png', fullPage: true });
});
