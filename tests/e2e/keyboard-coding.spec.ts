import { expect, test } from './fixtures';
import { CodingPage } from './pages/coding-page';
import { ProjectPage } from './pages/project-page';
import { StartPage } from './pages/start-page';

test('code a passage with the keyboard only: skip links, a caret moved by turn, sentence and word, Shift to select, a quick key', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  const coding = new CodingPage(page);
  await start.openDemoAt(campo.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();

  // From here on, only keys.
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { level: 1, name: 'Codifica' })).toBeVisible();
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Vai al contenuto' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Vai al testo da codificare' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(coding.text).toBeFocused();

  // The caret starts on the first turn; Ctrl+↓ goes to the second, ↓ to its second sentence,
  // → to its second word; Shift+→ eight times takes eight words, up to the end of the last one.
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowRight');
  const selection = coding.side.getByRole('region', { name: 'Selezione' });
  await expect(selection).toContainText('il laboratorio è nato dentro il progetto integrato');
  await expect(selection.locator('blockquote')).toHaveText(
    'il laboratorio è nato dentro il progetto integrato',
  );
  // Shift+← gives a word back.
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(selection.locator('blockquote')).toHaveText(
    'il laboratorio è nato dentro il progetto',
  );
  await page.keyboard.press('Shift+ArrowRight');

  await page.keyboard.press('1');
  await expect(coding.text.locator('.hl').first()).toHaveText(
    'il laboratorio è nato dentro il progetto integrato',
  );
  await expect(coding.code('DV1 –').locator('.count').first()).toHaveText('2');
  await expect(coding.text).toBeFocused();

  // A whole turn: Home and Shift+End, then Esc ends the selection.
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('Shift+End');
  await expect(selection.locator('blockquote')).toHaveText(
    'E come siete riusciti a costruire un rapporto di fiducia con i residenti?',
  );
  await page.keyboard.press('Escape');
  // Shift+↓ grows by sentence within the speaker's turn only (walk-through 8: it ran on into
  // the next speaker's answer, which was then credited to the interviewer's voice).
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown');
  await expect(selection.locator('blockquote')).toHaveText(
    'E come siete riusciti a costruire un rapporto di fiducia con i residenti?',
  );
  await page.keyboard.press('Escape');
  await expect(selection).toHaveCount(0);

  // A code with no quick key: Enter goes to the picker, its name and Enter apply it.
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Enter');
  const picker = coding.side.getByRole('combobox', { name: 'Applica un codice' });
  await expect(picker).toBeFocused();
  await page.keyboard.type('Critic');
  await page.keyboard.press('Enter');
  await expect(coding.code('Criticità').locator('.count')).toHaveText('3');
  await expect(project.saveIndicator).toHaveText(/^Salvato alle/);
  // Back in the text, as after a quick key: Ctrl+Z undoes that coding at once.
  await expect(page.getByTestId('coding-text')).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(coding.code('Criticità').locator('.count')).toHaveText('2');

  // A name no code has: the picker offers it as a new code, and Enter makes and applies it.
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Enter');
  await expect(picker).toBeFocused();
  await page.keyboard.type('Fiducia dei residenti');
  await expect(coding.side.getByRole('option', { selected: true })).toHaveText(
    'Crea il codice «Fiducia dei residenti» e applicalo',
  );
  await page.screenshot({ path: 'test-results/artefacts/coding-picker-new-code.png' });
  await page.keyboard.press('Enter');
  await expect(coding.code('Fiducia dei residenti').locator('.count')).toHaveText('1');
  await expect(page.getByTestId('coding-text')).toBeFocused();
  // One Ctrl+Z takes back the coding and the code it made.
  await page.keyboard.press('Control+z');
  await expect(coding.code('Fiducia dei residenti')).toHaveCount(0);

  // Esc leaves the picker for the text; a dialog closed with Esc gives the focus back.
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Enter');
  await expect(picker).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('coding-text')).toBeFocused();
  const newCode = page.getByRole('button', { name: 'Nuovo codice' });
  await newCode.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  // The dialog starts on its first field: a name with spaces is typed there, not into ×.
  await page.keyboard.type('Governance multilivello');
  await expect(dialog.getByLabel('Nome', { exact: true })).toHaveValue('Governance multilivello');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(newCode).toBeFocused();

  // The codebook is one Tab stop: arrows move between codes, Tab leaves the tree.
  const items = page.getByRole('tree').getByRole('treeitem');
  await items.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await expect(items.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('[role="treeitem"]:focus')).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  await expect(items.last()).toBeFocused();

  // A transcript correction is not thrown away by Esc: the dialog asks, and Esc again keeps it.
  await page.getByRole('button', { name: 'Correggi il testo' }).click();
  const correct = page.getByRole('dialog', { name: /^Correggi il testo/ });
  const field = correct.getByRole('textbox');
  await expect(field).toBeFocused();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Aggiunta.');
  await page.keyboard.press('Escape');
  await expect(correct.getByRole('alert')).toContainText(
    'Le modifiche non salvate andranno perse.',
  );
  await expect(correct.getByRole('button', { name: 'Continua a modificare' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(correct.getByRole('alert')).toHaveCount(0);
  await expect(field).toHaveValue(/ Aggiunta\.$/);
  await page.keyboard.press('Escape');
  await correct.getByRole('button', { name: 'Scarta le modifiche' }).click();
  await expect(correct).toHaveCount(0);

  // A correction keeps the undo history: the coding made before it is undone on the new text.
  await page.getByRole('button', { name: 'Correggi il testo' }).click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Nota. ');
  await correct.getByRole('button', { name: 'Salva' }).click();
  await expect(correct).toHaveCount(0);
  await expect(coding.text.locator('.hl').first()).toHaveText(
    'il laboratorio è nato dentro il progetto integrato',
  );
  await page.getByTestId('coding-text').focus();
  await page.keyboard.press('Control+z');
  await expect(coding.code('DV1 –').locator('.count').first()).toHaveText('1');

  // From the text, Tab goes on to the panel beside it, not through a button per speaker turn.
  await page.getByTestId('coding-text').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('.turn-select:focus')).toHaveCount(0);
  await expect(page.getByTestId('coding-text')).not.toBeFocused();
});

test('a click in a turn puts the keyboard caret there: Home, Shift+End and a key code the clicked turn', async ({
  page,
  campo,
}) => {
  // Found by walk-through 10: the caret stayed on the first turn and the moderator's greeting
  // was coded instead of the answer clicked.
  const start = new StartPage(page);
  const coding = new CodingPage(page);
  await start.openDemoAt(campo.url);
  await new ProjectPage(page).go('Codifica');
  const third = coding.text.locator('.turn').nth(2).locator('.turn-text');
  const words = (await third.textContent())!.trim();
  await third.click({ position: { x: 40, y: 8 } });
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  const selection = coding.side.getByRole('region', { name: 'Selezione' });
  await expect(selection.locator('blockquote')).toHaveText(words);
  await page.keyboard.press('Escape');
  // A click elsewhere ends a keyboard selection, as in any editor: nothing stale is coded.
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await expect(selection).toHaveCount(1);
  await coding.text
    .locator('.turn')
    .nth(1)
    .locator('.turn-text')
    .click({ position: { x: 40, y: 8 } });
  await expect(selection).toHaveCount(0);
});

test('the coding tabs are one Tab stop, moved along by the arrows, Home and End', async ({
  page,
  campo,
}) => {
  // Found by a newcomer walk-through: each tab was a Tab stop of its own and ←/→ did nothing.
  const coding = new CodingPage(page);
  await new StartPage(page).openDemoAt(campo.url);
  await new ProjectPage(page).go('Codifica');
  await coding.tab('Testi').focus();
  await page.keyboard.press('ArrowRight');
  await expect(coding.tab('Recupero')).toBeFocused();
  await expect(coding.tab('Recupero')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  const agreement = page.getByRole('tab', { name: 'Accordo' });
  await expect(agreement).toBeFocused();
  await expect(agreement).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(coding.tab('Testi')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(agreement).toBeFocused();
  // Tab leaves the strip: the next stop is no other tab.
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).not.toHaveAttribute('role', 'tab');
});
