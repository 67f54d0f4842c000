import { expect, test } from './fixtures';
import { ProjectPage } from './pages/project-page';
import { StartPage } from './pages/start-page';

test('open the demo: questions, participants by pseudonym, indicators in Italian format, a transcript', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  await start.openDemoAt(campo.url);
  await expect(page.locator('.topbar')).toContainText('POR FSE 2014-2020 Regione Lombardia');
  await expect(project.count('questions')).toContainText('8');
  await expect(project.count('participants')).toContainText('15');
  await expect(project.count('interviews')).toContainText('3');
  await expect(project.count('indicators')).toContainText('9');

  await project.go('Domande di valutazione');
  await expect(page.getByRole('rowheader')).toHaveText([
    'DV1',
    'DV2',
    'DV3',
    'DV4',
    'DV5',
    'DV6',
    'DV7',
    'DV8',
  ]);
  await expect(project.questionRow('DV8')).toContainText('Partenariato');

  await project.go('Partecipanti');
  await expect(page.getByRole('rowheader', { name: 'INT-02' })).toBeVisible();
  await expect(page.getByText('nome fittizio')).toHaveCount(0);
  await page.getByLabel('Mostra i nomi (dati personali)').check();
  await expect(page.getByText(/nome fittizio/)).toBeVisible();

  await project.go('Indicatori');
  await expect(page.getByRole('table')).toContainText('63,1');
  await expect(page.getByText(/^Fonte: /)).toBeVisible();

  await project.go('Interviste');
  await expect(page.getByRole('row', { name: /INT-03/ })).toContainText('Pianificata');
  await page.getByRole('button', { name: 'INT-02' }).click();
  await page
    .getByRole('region', { name: 'Trascrizioni e note' })
    .getByRole('button', { name: /Bergamo/ })
    .click();
  await expect(page.getByText('Testo fittizio a scopo dimostrativo')).toBeVisible();
  await expect(page.locator('.turn').first()).toContainText('Intervistatrice');
  await expect(page.locator('.turn-meta strong', { hasText: 'INT-02' }).first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('demo-transcript.png') });
});

test('switch the interface to English; the choice survives a reload', async ({ page, campo }) => {
  const start = new StartPage(page);
  await start.goto(campo.url);
  await page.getByRole('button', { name: 'Impostazioni' }).click();
  await page.getByLabel('English').check();
  await expect(page.getByRole('dialog')).toContainText('Interface language');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Open the demo project' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'New project' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // The demo's report is Italian: the outline says it follows the report's language, not the
  // interface's (walk-through 10 took it for a missing translation).
  await page.getByRole('button', { name: 'Open the demo project' }).click();
  await new ProjectPage(page).go('Report');
  await expect(page.getByRole('list', { name: 'Report outline' })).toContainText(
    'Domande di valutazione',
  );
  await expect(
    page.getByText(
      'The outline is in the report’s language (Italiano), chosen in «Report language», not in the interface’s.',
    ),
  ).toBeVisible();
  await page.getByLabel('Report language').selectOption('en');
  await expect(page.getByText(/^The outline is in the report’s language/)).toHaveCount(0);
});
