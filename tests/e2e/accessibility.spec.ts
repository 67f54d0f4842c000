import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ARTEFACTS_DIR } from '../helpers/office';
import { expect, test } from './fixtures';
import { CodingPage } from './pages/coding-page';
import { ProjectPage } from './pages/project-page';
import { StartPage } from './pages/start-page';

const SCREENS_DIR = join(ARTEFACTS_DIR, 'screens');

/**
 * axe-core over one view: WCAG 2.1 A and AA and axe's best practices, plus the check that a
 * control's visible text is part of its accessible name (a grid once had 20 cells whose names
 * did not contain what they showed). Serious and critical findings fail; the view is kept as a
 * screenshot for people to look at.
 */
async function audit(page: Page, name: string) {
  await mkdir(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      count: v.nodes.length,
    }));
  expect(serious, `${name}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

test('a new project’s overview with its first steps passes axe-core', async ({ page, campo }) => {
  const start = new StartPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await start.createProjectAt(campo.url, 'Nuova valutazione');
  await expect(page.getByRole('region', { name: 'Primi passi' })).toBeVisible();
  await audit(page, '01a-first-steps');
});

/** Each test opens the demo in a fresh host and audits a few views (axe takes seconds a view). */
test.describe('every screen passes axe-core with no serious violation', () => {
  test.describe.configure({ timeout: 90_000 });
  let project: ProjectPage;

  test.beforeEach(async ({ page, campo }) => {
    const start = new StartPage(page);
    project = new ProjectPage(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await start.goto(campo.url);
    await audit(page, '00-start');
    await start.openDemo();
    await expect(page.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();
  });

  test('overview, questions, participants', async ({ page }) => {
    await audit(page, '01-overview');
    await project.go('Domande di valutazione');
    await project.questionRow('DV1').getByRole('button', { name: 'Modifica' }).click();
    await audit(page, '02-questions');
    await project.go('Partecipanti');
    await page.getByRole('button', { name: 'INT-02', exact: true }).click();
    await audit(page, '03-participants');
  });

  test('interviews, a transcript, focus groups, live notes', async ({ page }) => {
    await project.go('Interviste');
    await audit(page, '04-interviews');
    await page.getByRole('button', { name: 'INT-02', exact: true }).click();
    await audit(page, '04b-interview');
    await page.getByRole('button', { name: /^Intervista INT-02/ }).click();
    await expect(page.getByTestId('turns-scroller')).toBeVisible();
    await audit(page, '04c-transcript');
    await project.go('Focus group');
    await audit(page, '05-focus-groups');
    await page.getByRole('button', { name: 'FG-01', exact: true }).click();
    await page.getByRole('button', { name: 'Appunti dal vivo' }).click();
    await audit(page, '05b-live-notes');
  });

  test('NGT', async ({ page }) => {
    await project.go('NGT');
    await audit(page, '06-ngt');
    await page.getByRole('button', { name: 'NGT-01', exact: true }).click();
    await audit(page, '06b-ngt-session');
  });

  test('coding: text, retrieval', async ({ page }) => {
    const coding = new CodingPage(page);
    await project.go('Codifica');
    await coding.select('il laboratorio è nato dentro il progetto integrato');
    await audit(page, '07-coding');
    await coding.tab('Recupero').click();
    await expect(page.getByTestId('segments')).toBeVisible();
    await audit(page, '07b-retrieval');
  });

  test('coding: search, matrices', async ({ page }) => {
    const coding = new CodingPage(page);
    await project.go('Codifica');
    await coding.tab('Ricerca').click();
    await page.getByLabel('Cerca nelle fonti').fill('fiducia');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await expect(page.getByText(/risultat/).first()).toBeVisible();
    await audit(page, '07c-search');
    await coding.tab('Matrici').click();
    await audit(page, '07d-matrices');
  });

  test('integration matrix, indicators, report', async ({ page }) => {
    await project.go('Matrice di integrazione');
    await expect(page.getByRole('grid')).toBeVisible();
    await audit(page, '08-integration-matrix');
    await project.go('Indicatori');
    await audit(page, '09-indicators');
    await project.go('Rapporto');
    await expect(page.locator('.report-outline')).toBeVisible();
    await audit(page, '10-report');
  });
});
