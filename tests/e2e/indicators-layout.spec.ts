import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { IndicatorsPage } from './pages/indicators-page';
import { ProjectPage } from './pages/project-page';
import { StartPage } from './pages/start-page';

/** Pixels by which an element's right edge passes the page's text column (≤ 0: inside it). */
function beyondTextColumn(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const main = node.closest('main')!;
    const right =
      main.getBoundingClientRect().right - parseFloat(getComputedStyle(main).paddingRight);
    return node.getBoundingClientRect().right - right;
  });
}

test('at 1440 px the indicators table fits, amounts stay on one line, and 64,98 % reads as the serious failure it is', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  const indicators = new IndicatorsPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await start.openDemoAt(campo.url);
  await project.go('Indicatori');
  await indicators.add('Asse I', 'Partecipanti disoccupati', {
    Codice: 'F01',
    'Target intermedio': '10.000',
    'Valore raggiunto': '6.498',
  });
  await indicators.add('Asse I', 'Spesa certificata dall’Autorità di certificazione', {
    Codice: 'F02',
    'Target intermedio': '98.765.432,10',
    'Target finale': '123.456.789,25',
    'Valore raggiunto': '87.654.321,50',
  });

  const f01 = indicators.table.getByRole('row', { name: /Partecipanti disoccupati/ });
  await expect(f01).toContainText('64,98%');
  await expect(indicators.verdicts).toContainText('F01: 64,98%');
  await expect(indicators.verdicts).toContainText('Grave carenza nel conseguimento');

  // The table stays inside the page's text column (not over its margin), every amount on one line.
  expect(await beyondTextColumn(indicators.table)).toBeLessThanOrEqual(1);
  const lines = await indicators.table.locator('td.number').evaluateAll((cells) =>
    cells.map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    }),
  );
  expect(lines.every((n) => n === 1)).toBe(true);
});

test('at 1366 px a long axis name and unit wrap: the whole row, its date included, fits the page', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  const indicators = new IndicatorsPage(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await start.openDemoAt(campo.url);
  await project.go('Indicatori');
  await indicators.add(
    'Asse III – Istruzione e formazione',
    'Partecipanti che ottengono una qualifica alla fine della loro partecipazione all’intervento',
    {
      Codice: 'CR03',
      Unità: 'numero di partecipanti (persone fisiche)',
      'Target intermedio': '98.765.432,10',
      'Target finale': '123.456.789,25',
      'Valore raggiunto': '87.654.321,50',
      Data: '31/12/2023',
    },
  );
  const row = indicators.table.getByRole('row', { name: /Partecipanti che ottengono/ });
  const date = row.getByRole('cell', { name: '31/12/2023' });
  await expect(date).toBeVisible();
  // The date's cell ends inside the page's text column: nothing to scroll sideways for.
  expect(await beyondTextColumn(date)).toBeLessThanOrEqual(1);
});
