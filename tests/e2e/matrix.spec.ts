import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { MatrixPage } from './pages/matrix-page';
import { ProjectPage } from './pages/project-page';
import { StartPage } from './pages/start-page';

test('fill a 4 × 5 integration matrix by keyboard, see the summaries, attach a coded passage as evidence and open it', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  const matrix = new MatrixPage(page);
  await start.openDemoAt(campo.url);
  await project.go('Matrice di integrazione');
  await page.getByRole('button', { name: 'Nuova matrice di integrazione' }).click();
  await expect(matrix.grid.getByRole('gridcell')).toHaveCount(20);

  // Coordination, row by row: (row + column) % 3 + 1, and the last cell n.a.
  await matrix.cell('OT8', 'POR FESR').click();
  const keys: string[] = [];
  for (let r = 0; r < 4; r++) {
    for (let c = 0; c < 5; c++) {
      keys.push(r === 3 && c === 4 ? 'n' : String(((r + c) % 3) + 1));
      if (c < 4) keys.push('ArrowRight');
    }
    if (r < 3) keys.push('ArrowDown', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft');
  }
  for (const key of keys) {
    await page.keyboard.press(key);
    if (/^[\dn]$/.test(key)) await expect(project.saveIndicator).toContainText('Salvato');
  }
  await expect(matrix.cell('OT11', 'Leggi regionali')).toContainText('n.a.');
  await expect(matrix.cell('OT9', 'PSR FEASR')).toContainText('Alto');

  // Hand count over the 19 rated cells: 1,2,3,1,2 / 2,3,1,2,3 / 3,1,2,3,1 / 1,2,3,1 = 37; 37/19 = 1,95.
  const coordination = matrix.summary('Coordinamento');
  const total = coordination.getByRole('row', { name: /^Totale/ });
  await expect(total).toContainText('1,95 Medio');
  await expect(total).toContainText('Basso 7 · Medio 6 · Alto 6 · n.a. 1');
  await expect(coordination.getByRole('row', { name: /^OT11/ })).toContainText('1,75 Medio');

  // Complementarity of OT8 × POR FESR, by switching dimension with d; the summary changes.
  await matrix.cell('OT8', 'POR FESR').click();
  await page.keyboard.press('d');
  await page.keyboard.press('3');
  const complementarity = matrix.summary('Complementarietà');
  await expect(complementarity.getByRole('row', { name: /^Totale/ })).toContainText('3 Alto');
  // A stray digit over «Alto», taken back with Ctrl+Z (found by a newcomer walk-through).
  await page.keyboard.press('1');
  await expect(complementarity.getByRole('row', { name: /^Totale/ })).toContainText('1 Basso');
  await page.keyboard.press('Control+z');
  await expect(project.notification(/Valutazione annullata/)).toBeVisible();
  await expect(complementarity.getByRole('row', { name: /^Totale/ })).toContainText('3 Alto');
  await expect(matrix.cell('OT8', 'POR FESR')).toBeFocused();

  // Evidence: a coded passage of the demo, found by its words, attached, then opened.
  await matrix.panel.getByLabel('Cerca un passaggio codificato').fill('giro del lunedì');
  await matrix.panel.getByRole('button', { name: 'Cerca' }).click();
  await matrix.panel.getByRole('button', { name: 'Collega' }).first().click();
  await expect(matrix.cell('OT8', 'POR FESR')).toContainText('◆ 1');
  // Listed by its words, not only by its transcript's title (walk-through 9).
  await expect(matrix.panel.locator('.evidence-list')).toContainText('giro del lunedì');
  // An interview too, from the list of sources and interviews.
  const sources = matrix.panel.getByLabel('Collega una fonte o un’intervista');
  const interview = await sources
    .locator('option')
    .filter({ hasText: /^INT-02/ })
    .textContent();
  await sources.selectOption({ label: interview! });
  await expect(matrix.cell('OT8', 'POR FESR')).toContainText('◆ 2');
  // Another cell starts without that search: its passage cannot be linked there by mistake
  // (walk-through 9); back on the first cell, its evidence is there.
  await matrix.cell('OT9', 'PSR FEASR').click();
  await expect(matrix.panel.getByLabel('Cerca un passaggio codificato')).toHaveValue('');
  await expect(matrix.panel.getByRole('button', { name: 'Collega' })).toHaveCount(0);
  await matrix.cell('OT8', 'POR FESR').click();
  await expect(matrix.panel.getByRole('button', { name: 'Togli l’evidenza' })).toHaveCount(2);

  // The structure changes with the programme: a regional law as a new column.
  await page.getByRole('button', { name: 'Titolo, righe e colonne' }).click();
  await page.getByRole('button', { name: 'Aggiungi una colonna' }).click();
  await expect(matrix.grid.getByRole('gridcell')).toHaveCount(24);
  const structure = page.getByRole('region', { name: 'Struttura della matrice' });
  const newColumn = structure.getByLabel('Voce 6');
  await newColumn.fill('L.R. 23/2015');
  await newColumn.blur();
  await expect(matrix.grid.getByRole('columnheader', { name: 'L.R. 23/2015' })).toBeVisible();
  await page.getByRole('button', { name: 'Titolo, righe e colonne' }).click();

  await matrix.panel.getByRole('button', { name: /Focus group FG-01/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Codifica' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Codifiche del passaggio' })).toContainText(
    'Buone pratiche',
  );

  // All kept after a reload.
  await page.reload();
  await project.go('Matrice di integrazione');
  // The demo has its own integration matrix; ours is the second one.
  await page.getByRole('tab', { name: 'Matrice di integrazione (2)' }).click();
  await expect(matrix.cell('OT8', 'POR FESR')).toContainText('◆ 2');
  await expect(matrix.summary('Coordinamento').getByRole('row', { name: /^Totale/ })).toContainText(
    'Basso 7 · Medio 6 · Alto 6 · n.a. 1',
  );
});

/** A new project named `name` with a new Europe 2020 matrix on screen. */
async function europe2020Project(page: Page, url: string, name: string) {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  const matrix = new MatrixPage(page);
  await start.createProjectAt(url, name);
  await project.go('Matrice di integrazione');
  await page.getByRole('button', { name: 'Nuova matrice Europa 2020' }).click();
  return { start, project, matrix };
}

test('a Europe 2020 matrix marks a target the programme cannot touch as n.a., apart from «Nullo», and its help names its own keys', async ({
  page,
  campo,
}) => {
  const { matrix } = await europe2020Project(page, campo.url, 'Europa 2020');
  await expect(page.locator('.matrix-grid-wrap .hint')).toContainText(
    '0 (Nullo), 1 (Basso), 2 (Medio), 3 (Alto) e n (n.a.) per il livello',
  );
  await matrix.cell('Spesa in ricerca e sviluppo', 'POR FSE').click();
  await page.keyboard.press('n');
  await expect(matrix.cell('Spesa in ricerca e sviluppo', 'POR FSE')).toContainText('n.a.');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('0');
  await expect(matrix.cell('Persone a rischio di povertà o esclusione', 'POR FSE')).toContainText(
    'Nullo',
  );
  const total = matrix.summary('Contributo').getByRole('row', { name: /^Totale/ });
  await expect(total).toContainText('Nullo 1');
  await expect(total).toContainText('n.a. 1');
  await expect(
    page.locator('.hint').filter({ hasText: 'Valori usati per le medie' }),
  ).toContainText('Le celle n.a. restano fuori dalle medie');
});

test('a Europe 2020 matrix from the previous release, without n.a.: n says so and offers to add it', async ({
  page,
  campo,
}) => {
  const { start, project, matrix } = await europe2020Project(page, campo.url, 'Europa vecchia');
  await expect(matrix.grid).toBeVisible();
  await page.getByRole('button', { name: 'Chiudi progetto' }).click();
  await expect(start.recent('Europa vecchia')).toBeVisible();
  const file = join(campo.projectsDir, 'Europa vecchia.campo', 'project.json');
  const json = JSON.parse(await readFile(file, 'utf8')) as {
    matrices: Array<{ scale: Array<{ value: number | null }> }>;
  };
  json.matrices[0]!.scale = json.matrices[0]!.scale.filter((level) => level.value !== null);
  await writeFile(file, JSON.stringify(json, null, 2));

  await start.recent('Europa vecchia').click();
  await project.go('Matrice di integrazione');
  await expect(page.locator('.matrix-grid-wrap .hint')).not.toContainText('n (n.a.)');
  const cell = matrix.cell('Spesa in ricerca e sviluppo', 'POR FSE');
  await cell.click();
  await page.keyboard.press('n');
  await expect(project.notification(/Questa scala non ha n\.a\./)).toBeVisible();
  await page.getByRole('button', { name: 'Aggiungi n.a. alla scala' }).click();
  await expect(page.locator('.matrix-grid-wrap .hint')).toContainText('e n (n.a.)');
  await cell.click();
  await page.keyboard.press('n');
  await expect(cell).toContainText('n.a.');
});
