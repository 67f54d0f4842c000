import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { CodingPage } from './pages/coding-page';
import { StartPage } from './pages/start-page';

/**
 * A coding save is acknowledged once its line is in the coding journal (docs/STORE-V2.md §5b):
 * the coding must survive a reload at once and a killed host before the layer files take it.
 */
test('a coding survives a reload at once and a killed host before its layer file is written', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const coding = new CodingPage(page);
  await start.openDemoAt(campo.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { level: 1, name: 'Codifica' })).toBeVisible();
  await coding.text.focus();
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  const count = coding.code('DV1 –').locator('.count').first();
  await expect(count).toHaveText('1');
  await page.keyboard.press('1');
  await expect(count).toHaveText('2');

  const [folder] = (await readdir(campo.projectsDir)).filter((name) => name.endsWith('.campo'));
  const dir = join(campo.projectsDir, folder!);
  const journal = () => readFile(join(dir, 'codings.journal'), 'utf8').catch(() => '');
  expect(await journal()).toContain('"deltas"');

  // Killed outright at once (the layer files take a save when saving pauses, 2 s later): the
  // next open writes the journal into the layer.
  await campo.restart();
  await start.goto(campo.url);
  await start.recent('Demo POR FSE Lombardia').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();
  await page.keyboard.press('Alt+7');
  await expect(count).toHaveText('2');
  const coded = coding.text.locator('.hl', { hasText: 'Allora, il laboratorio è' });
  await expect(coded).toBeVisible();
  await page.screenshot({ path: 'test-results/artefacts/coding-after-kill.png', fullPage: true });

  // A second coding, then a reload at once: the same session answers from memory.
  await coding.text.focus();
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('1');
  await expect(count).toHaveText('3');
  await page.reload();
  // The window comes back to the screen it showed.
  await expect(page.getByRole('heading', { level: 1, name: 'Codifica' })).toBeVisible();
  await expect(count).toHaveText('3');
  await expect(coded).toBeVisible();
  // Once saving pauses, the layer file holds both and the journal is emptied.
  await expect.poll(journal, { timeout: 10_000 }).toBe('');
});
