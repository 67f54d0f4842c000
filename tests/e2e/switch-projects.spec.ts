import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CodingPage } from './pages/coding-page';
import { ProjectPage } from './pages/project-page';
import { StartPage } from './pages/start-page';

/** Words of the demo that must never show in another project (not "FG-01": hints use it). */
const DEMO_MARKERS = [
  'INT-02',
  'INT-05',
  'Focus group FG-01',
  'NGT-01',
  'Comune di Bergamo',
  'fittizi',
  '(demo)',
];

/** Each screen, and what a user leaves open on it before switching project. */
const SCREENS: Array<{ name: string; leaveOpen?(page: Page): Promise<void> }> = [
  { name: 'Panoramica' },
  {
    name: 'Domande di valutazione',
    leaveOpen: (page) => page.getByRole('button', { name: 'Modifica' }).first().click(),
  },
  {
    name: 'Partecipanti',
    leaveOpen: (page) => page.getByRole('button', { name: 'INT-02', exact: true }).click(),
  },
  {
    name: 'Interviste',
    async leaveOpen(page) {
      await page.getByRole('button', { name: 'INT-02', exact: true }).click();
      await page.getByRole('button', { name: /^Intervista INT-02/ }).click();
      await expect(page.getByTestId('turns-scroller')).toBeVisible();
    },
  },
  {
    name: 'Focus group',
    leaveOpen: (page) => page.getByRole('button', { name: 'FG-01', exact: true }).click(),
  },
  {
    name: 'NGT',
    leaveOpen: (page) => page.getByRole('button', { name: 'NGT-01', exact: true }).click(),
  },
  {
    name: 'Codifica',
    async leaveOpen(page) {
      const coding = new CodingPage(page);
      await coding.select('il laboratorio è nato dentro il progetto integrato');
      await expect(coding.side.getByRole('region', { name: 'Selezione' })).toBeVisible();
    },
  },
  {
    name: 'Matrice di integrazione',
    leaveOpen: (page) => page.getByRole('tab').nth(1).click(),
  },
  {
    name: 'Indicatori',
    // A name typed for a new indicator, not yet added.
    leaveOpen: (page) =>
      page
        .getByRole('form', { name: 'Nuovo indicatore' })
        .getByLabel('Indicatore')
        .fill('Destinatari INT-02'),
  },
  { name: 'Rapporto' },
];

for (const screen of SCREENS) {
  test(`switching from the demo to another project on «${screen.name}» shows nothing of the demo`, async ({
    page,
    campo,
  }) => {
    const start = new StartPage(page);
    const project = new ProjectPage(page);
    await start.createProjectAt(campo.url, 'Valutazione vuota');
    await project.go('Panoramica');
    await page.getByRole('button', { name: 'Chiudi progetto' }).click();

    await start.openDemo();
    await project.go(screen.name);
    await screen.leaveOpen?.(page);
    await page.getByRole('button', { name: 'Chiudi progetto' }).click();

    await start.recent('Valutazione vuota').click();
    await expect(page.locator('.topbar')).toContainText('Valutazione vuota');
    await project.go(screen.name);
    const main = page.locator('.main');
    for (const marker of DEMO_MARKERS) await expect(main).not.toContainText(marker);
    const typed = await main
      .locator('input, textarea')
      .evaluateAll((fields) => fields.map((field) => (field as HTMLInputElement).value).join(' '));
    for (const marker of DEMO_MARKERS) expect(typed).not.toContain(marker);
    await expect(main).not.toContainText('Codice eliminato');
    await expect(page.locator('.notification-error')).toHaveCount(0);
  });
}
