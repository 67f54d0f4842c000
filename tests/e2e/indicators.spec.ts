import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ProjectPage } from './pages/project-page';
import { StartPage } from './pages/start-page';

/** Adds an indicator and fills its milestone and achieved value in the editor. */
async function addIndicator(
  page: Page,
  axis: string,
  name: string,
  milestone: string,
  achieved: string,
) {
  await page.getByLabel('Asse', { exact: true }).fill(axis);
  await page.getByLabel('Indicatore', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Nuovo indicatore' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Target intermedio').fill(milestone);
  await dialog.getByLabel('Target intermedio').blur();
  await dialog.getByLabel('Valore raggiunto').fill(achieved);
  await dialog.getByLabel('Valore raggiunto').blur();
  await expect(dialog.getByLabel('Valore raggiunto')).toHaveValue(/\d/);
  await dialog.getByRole('button', { name: 'Chiudi', exact: true }).last().click();
  await expect(dialog).toBeHidden();
}

test('enter indicators for two axes and read the performance-framework verdicts', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  await start.goto(campo.url);
  await start.createProject('Quadro di efficacia');
  await project.go('Indicatori');

  // Asse I: 3 indicators, one between 75 % and 85 %: achieved.
  await addIndicator(page, 'Asse I', 'Disoccupati partecipanti', '1.000', '1.200');
  await addIndicator(page, 'Asse I', 'Spesa certificata', '50.000.000', '41.000.000');
  await addIndicator(page, 'Asse I', 'Imprese sostenute', '200', '190');
  // Asse II: 2 indicators, one below 65 %: serious failure.
  await addIndicator(page, 'Asse II', 'Persone svantaggiate', '800', '480');
  await addIndicator(page, 'Asse II', 'Spesa certificata II', '20.000.000', '19.000.000');

  const verdicts = page.getByRole('table', { name: /Quadro di efficacia: esito per asse/ });
  await expect(verdicts.getByRole('row', { name: /Asse I\b/ }).first()).toContainText(
    'Target intermedi conseguiti',
  );
  await expect(verdicts.getByRole('row', { name: /Asse II/ })).toContainText(
    'Grave carenza nel conseguimento',
  );
  await expect(verdicts.getByRole('row', { name: /Asse II/ })).toContainText('60%');
  // The table shows each indicator's achievement of its milestone.
  await expect(page.getByRole('row', { name: /Spesa certificata\b/ }).first()).toContainText('82%');
});
