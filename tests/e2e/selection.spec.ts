import { expect, test } from './fixtures';
import { CodingPage } from './pages/coding-page';
import { ProjectPage } from './pages/project-page';
import { StartPage } from './pages/start-page';

const PASSAGE = 'il laboratorio è nato dentro il progetto integrato';

test('a selection ends when the screen changes or the text scrolls it away; a quick key then codes nothing', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  const coding = new CodingPage(page);
  await start.openDemoAt(campo.url);
  await project.go('Codifica');
  const dv1 = coding.code('DV1 –').locator('.count').first();
  await expect(dv1).toHaveText('1');
  const selection = coding.side.getByRole('region', { name: 'Selezione' });

  // Selected, then another screen: back in Codifica the selection is gone and 1 codes nothing.
  await coding.select(PASSAGE);
  await expect(selection).toBeVisible();
  await project.go('Panoramica');
  await project.go('Codifica');
  await expect(selection).toHaveCount(0);
  await expect(coding.text.locator('.hl-selected')).toHaveCount(0);
  await page.keyboard.press('1');
  await expect(project.saveIndicator).not.toHaveText('Salvataggio…');
  await expect(dv1).toHaveText('1');

  // Selected, then another tab and back: gone as well.
  await coding.select(PASSAGE);
  await coding.tab('Recupero').click();
  await coding.tab('Testi').click();
  await expect(selection).toHaveCount(0);

  // Selected, then the text scrolled far from it: the selection ends, 1 codes nothing.
  await coding.select(PASSAGE);
  await expect(selection).toBeVisible();
  await coding.text.evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
  await expect(selection).toHaveCount(0);
  await coding.text.focus();
  await page.keyboard.press('1');
  await expect(dv1).toHaveText('1');
  await expect(coding.text.locator('.hl')).toHaveCount(0);

  // A visible selection is coded as before.
  await coding.text.evaluate((scroller) => (scroller.scrollTop = 0));
  await coding.select(PASSAGE);
  await page.keyboard.press('1');
  await expect(dv1).toHaveText('2');
});

test('a drag begun on a speaker’s label shows one selection: the words that will be coded', async ({
  page,
  campo,
}) => {
  // Walk-through 11: the browser's blue selection took in the label, Campo's outline did not.
  const project = new ProjectPage(page);
  const coding = new CodingPage(page);
  await new StartPage(page).openDemoAt(campo.url);
  await project.go('Codifica');
  await coding.text.evaluate((root) => {
    const turn = root.querySelectorAll('.turn')[2]!;
    const label = turn.querySelector('.turn-meta')!;
    const words = turn.querySelector('.turn-text')!;
    const walker = document.createTreeWalker(words, NodeFilter.SHOW_TEXT);
    const first = walker.nextNode()!;
    const range = document.createRange();
    range.setStart(label, 0);
    range.setEnd(first, Math.min(20, first.textContent!.length));
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });
  await coding.text.dispatchEvent('mouseup');
  const quoted = coding.side.getByRole('region', { name: 'Selezione' }).locator('blockquote');
  await expect(quoted).toBeVisible();
  const coded = (await quoted.textContent())!.trim();
  await expect
    .poll(() => page.evaluate(() => window.getSelection()!.toString().trim()))
    .toBe(coded);
});
