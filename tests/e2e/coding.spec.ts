import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CodingPage } from './pages/coding-page';
import { ProjectPage } from './pages/project-page';
import { StartPage } from './pages/start-page';

test('code a passage by quick key, memo, undo/redo, retrieve it, code all search results, fill the framework matrix; all kept after reload', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  const coding = new CodingPage(page);
  await start.openDemoAt(campo.url);
  await project.go('Codifica');
  // The demo's DV1 holds one example coding (under its sub-code "Nuovi target").
  await expect(coding.code('DV1 –').locator('.count').first()).toHaveText('1');

  // A memo on the interview as a whole: the new field takes the typing at once.
  const sourceMemos = page.getByRole('region', { name: 'Memo della fonte' });
  await sourceMemos.getByRole('button', { name: 'Aggiungi un memo' }).click();
  await page.keyboard.type('Intervista ricca sul laboratorio');
  await expect(sourceMemos.getByLabel('Nuovo memo')).toHaveValue(
    'Intervista ricca sul laboratorio',
  );
  await coding.leaveFields();

  // Code a passage of INT-02 with DV1 by its quick key.
  await coding.select('il laboratorio è nato dentro il progetto integrato');
  await expect(coding.side.getByRole('region', { name: 'Selezione' })).toContainText(
    'il laboratorio è nato dentro il progetto integrato',
  );
  await page.keyboard.press('1');
  const highlight = coding.text.locator('.hl').first();
  await expect(highlight).toHaveText('il laboratorio è nato dentro il progetto integrato');
  await expect(coding.code('DV1 –').locator('.count').first()).toHaveText('2');
  const details = coding.side.getByRole('region', { name: 'Codifiche del passaggio' });
  await expect(details).toContainText('DV1 – A seguito della pandemia');

  // A memo, then undo and redo it.
  const memo = details.getByLabel('Memo della codifica');
  await memo.fill('Il progetto integrato come origine del laboratorio');
  await memo.blur();
  await expect(project.saveIndicator).toContainText('Salvato');
  await coding.leaveFields();
  await page.keyboard.press('Control+z');
  await expect(project.notification(/Annullato/)).toBeVisible();
  await expect(memo).toHaveValue('');
  await page.keyboard.press('Control+Shift+Z');
  await expect(memo).toHaveValue('Il progetto integrato come origine del laboratorio');

  // Keyboard only: select a whole speaker turn from its label, code it with 5.
  await page
    .getByRole('button', { name: /^Seleziona l’intervento di INT-02/ })
    .nth(1)
    .focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('5');
  await expect(coding.code('DV5 –').locator('.count')).toHaveText('1');

  // Retrieve it under its DV, and under its speaker's organisation (a municipality).
  await coding.tab('Recupero').click();
  await coding.choose('Domanda di valutazione', /^DV1 –/);
  const segments = page.getByTestId('segments');
  await expect(page.getByText('2 passaggi da 2 fonti.')).toBeVisible();
  const ours = segments.getByRole('listitem').filter({ hasText: 'INT-02' });
  await expect(ours.locator('mark')).toHaveText(
    'il laboratorio è nato dentro il progetto integrato',
  );
  await page.getByLabel('Domanda di valutazione').selectOption({ label: 'Tutti' });
  await page.getByLabel('Valore contiene').fill('comune di bergamo');
  await expect(page.getByText('2 passaggi da 1 fonte.')).toBeVisible();
  await page.getByLabel('Valore contiene').fill('Regione');
  await expect(page.getByText('6 passaggi da 1 fonte.')).toBeVisible();
  await expect(segments.getByRole('listitem').first()).toContainText('INT-05');
  // The context stays in INT-05's turn: the interviewer's question is not shown as their words.
  await expect(segments).toContainText('La riprogrammazione ai sensi');
  await expect(segments).not.toContainText('Come ha inciso la riprogrammazione');
  await page.screenshot({ path: test.info().outputPath('retrieval-int05.png') });
  // A single result: the list's frame fits it, no empty box below (walk-through defect).
  await page.getByLabel('Valore contiene').fill('comune di bergamo');
  await coding.choose('Domanda di valutazione', /^DV1 –/);
  await expect(page.getByText('1 passaggio da 1 fonte.')).toBeVisible();
  const card = (await segments.getByRole('listitem').boundingBox())!;
  const frame = (await segments.boundingBox())!;
  expect(frame.height).toBeLessThan(card.height + 8);
  await page.screenshot({ path: test.info().outputPath('retrieval-one.png') });
  await page.getByLabel('Domanda di valutazione').selectOption({ label: 'Tutti' });

  // Search a word without its accents and code every result with DV8.
  await coding.tab('Ricerca').click();
  await page.getByLabel('Cerca nelle fonti').fill('FIDUCIA');
  await page.getByRole('button', { name: 'Cerca', exact: true }).click();
  await expect(page.getByText('3 risultati.')).toBeVisible();
  await coding.choose('Codifica con', /^DV8 –/);
  await page.getByLabel('Che cosa codificare').selectOption({ label: 'L’intero intervento' });
  await page.getByRole('button', { name: 'Codifica 3 risultati (2 fonti)' }).click();
  await expect(project.notification('3 risultati codificati con «DV8')).toBeVisible();
  await expect(coding.code('DV8 –').locator('.count')).toHaveText('3');

  // The framework matrix: INT-02 × DV1 holds the passage; the evaluator writes its summary.
  await coding.tab('Matrici').click();
  const cell = page.getByRole('button', { name: 'INT-02 su DV1: 1 passaggio' });
  await expect(cell).toBeVisible();
  await cell.click();
  const dialog = page.getByRole('dialog', { name: 'INT-02 × DV1' });
  await expect(dialog.locator('mark')).toHaveText(
    'il laboratorio è nato dentro il progetto integrato',
  );
  await dialog.getByLabel('Sintesi del valutatore').fill('Origine nel progetto integrato.');
  await dialog.getByLabel('Sintesi del valutatore').blur();
  await expect(cell).toContainText('Origine nel progetto integrato.');
  await dialog.getByRole('button', { name: 'Chiudi' }).click();

  // After a reload everything is still there: codings, memo, summary.
  await page.reload();
  await project.go('Codifica');
  await expect(coding.code('DV1 –').locator('.count').first()).toHaveText('2');
  await expect(coding.code('DV8 –').locator('.count')).toHaveText('3');
  // The reload kept the tab this window showed.
  await expect(coding.tab('Matrici')).toHaveAttribute('aria-selected', 'true');
  await coding.tab('Testi').click();
  await coding.text.locator('.hl').first().click();
  await expect(
    coding.side
      .getByRole('region', { name: 'Codifiche del passaggio' })
      .getByLabel('Memo della codifica'),
  ).toHaveValue('Il progetto integrato come origine del laboratorio');
  await coding.tab('Matrici').click();
  await expect(page.getByRole('button', { name: 'INT-02 su DV1: 1 passaggio' })).toContainText(
    'Origine nel progetto integrato.',
  );
});

test('export the demo codebook as CSV and import it into a new project', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  const coding = new CodingPage(page);
  await start.openDemoAt(campo.url);
  await project.go('Codifica');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Esporta CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/codebook\.csv$/);
  const csv = await readFile((await file.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toContain('Nuovi target');

  await page.getByRole('button', { name: 'Chiudi progetto' }).click();
  await start.createProject('Valutazione 2026');
  await project.go('Codifica');
  await page.getByLabel('Importa CSV').setInputFiles({
    name: 'codebook.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await expect(
    project.notification('Codebook importato: 12 codici nuovi, 0 aggiornati.'),
  ).toBeVisible();
  await expect(
    project.notification(
      /^8 righe citano domande che il progetto non ha: importate senza collegamento/,
    ),
  ).toBeVisible();
  // The demo's DV codes arrive as ordinary codes; "Nuovi target" keeps its place under DV1's.
  await expect(coding.code('Nuovi target')).toHaveAttribute('aria-level', '2');

  // A codebook saved by Italian Excel: Windows-1252, not UTF-8 («à» is the byte E0).
  await page.getByLabel('Importa CSV').setInputFiles({
    name: 'codebook-excel.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'name;description\r\nCriticit\xe0 attuative;Qualit\xe0 dei servizi\r\n',
      'latin1',
    ),
  });
  await expect(
    project.notification('Codebook importato: 1 codice nuovo, 0 aggiornati.'),
  ).toBeVisible();
  await expect(coding.code('Criticità attuative')).toBeVisible();
});

/** The demo open on Codifica, showing the transcript whose name matches `source`. */
async function demoTranscript(page: Page, url: string, source: RegExp): Promise<CodingPage> {
  const coding = new CodingPage(page);
  await new StartPage(page).openDemoAt(url);
  await new ProjectPage(page).go('Codifica');
  await coding.choose('Fonte', source);
  return coding;
}

/** Opens «Correggi il testo» on the transcript shown: the dialog and its text field. */
async function openCorrection(page: Page) {
  await page.getByRole('button', { name: 'Correggi il testo' }).click();
  const correct = page.getByRole('dialog', { name: /^Correggi il testo/ });
  return { correct, field: correct.getByRole('textbox') };
}

test('a reload keeps the transcript chosen on the coding screen, and its tab', async ({
  page,
  campo,
}) => {
  // Not the transcript shown first: the demo opens on INT-02.
  const coding = await demoTranscript(page, campo.url, /INT-05/);
  const chosen = await page.getByLabel('Fonte', { exact: true }).inputValue();
  await page.reload();
  await expect(page.getByLabel('Fonte', { exact: true })).toHaveValue(chosen);
  await expect(coding.text).not.toContainText('il laboratorio è nato dentro il progetto integrato');
  await coding.tab('Recupero').click();
  await page.reload();
  await expect(coding.tab('Recupero')).toHaveAttribute('aria-selected', 'true');
});

test('a correction that changes coded words flags them, and the notice brings each into view', async ({
  page,
  campo,
}) => {
  const coding = await demoTranscript(page, campo.url, /INT-05/);
  // A passage selected before the correction (walk-through 11: after it, the same offsets held
  // other words, and a quick key coded half a word).
  await coding.text
    .locator('.turn')
    .nth(2)
    .locator('.turn-text')
    .click({ position: { x: 40, y: 8 } });
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  const selection = coding.side.getByRole('region', { name: 'Selezione' });
  await expect(selection).toHaveCount(1);
  const dv5 = await coding.code('DV5 –').locator('.count').first().textContent();
  const { correct, field } = await openCorrection(page);
  const text = await field.inputValue();
  await field.fill(
    `Premessa aggiunta. ${text}`
      .replace('rimaste senza niente', 'rimaste senza alcun reddito')
      .replace('non coincidono quasi mai', 'non coincidono mai'),
  );
  await correct.getByRole('button', { name: 'Salva' }).click();
  await expect(correct).toHaveCount(0);
  await expect(selection).toHaveCount(0);
  await coding.text.focus();
  await page.keyboard.press('5');
  await expect(coding.code('DV5 –').locator('.count').first()).toHaveText(dv5!);
  const notice = page.locator('.notice-warning', { hasText: 'da verificare' });
  await expect(notice).toContainText('2 codifiche hanno un testo cambiato');
  // Found by a newcomer walk-through: the notice named them with no way to reach them.
  await notice.getByRole('button', { name: 'Mostra la prossima' }).click();
  const details = coding.side.getByRole('region', { name: 'Codifiche del passaggio' });
  await expect(details).toContainText('Nuovi target');
  await notice.getByRole('button', { name: 'Mostra la prossima' }).click();
  await expect(details).toContainText('Criticità');
});

test('a correction being typed survives a reload, and the badge never says it is saved', async ({
  page,
  campo,
}) => {
  // Found by a newcomer walk-through: the typed correction was gone under «Tutte le modifiche…».
  const coding = await demoTranscript(page, campo.url, /INT-05/);
  const { correct, field } = await openCorrection(page);
  await field.press('Control+Home');
  await field.pressSequentially('[Rivista da AR] ');
  const badge = page.getByTestId('save-indicator');
  await expect(badge).toHaveText('Correzione del testo in corso, non ancora salvata');
  await page.reload();
  await expect(correct).toBeVisible();
  await expect(correct.getByRole('status')).toContainText('non è ancora salvata');
  await expect(field).toHaveValue(/^\[Rivista da AR\] /);
  await expect(badge).toHaveText('Correzione del testo in corso, non ancora salvata');
  await correct.getByRole('button', { name: 'Salva' }).click();
  await expect(correct).toHaveCount(0);
  await expect(coding.text).toContainText('[Rivista da AR]');
  await expect(badge).not.toHaveText(/Correzione del testo/);
  // Saved, nothing is held any more: a reload opens no dialog.
  await page.reload();
  await expect(coding.text).toContainText('[Rivista da AR]');
  await expect(correct).toHaveCount(0);
});

test('a correction thrown away is not offered again after a reload', async ({ page, campo }) => {
  await demoTranscript(page, campo.url, /INT-05/);
  const { correct, field } = await openCorrection(page);
  await field.press('Control+Home');
  await field.pressSequentially('Da buttare ');
  await correct.getByRole('button', { name: 'Annulla' }).click();
  await expect(correct).toHaveCount(0);
  await expect(page.getByTestId('save-indicator')).not.toHaveText(/Correzione del testo/);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Correggi il testo' })).toBeVisible();
  await expect(correct).toHaveCount(0);
});

test('Recupero: a filtered list lays its passages one below the other, at their own heights', async ({
  page,
  campo,
}) => {
  // Found by a newcomer walk-through: after filtering, passages were drawn over each other at
  // the heights of the rows shown there before, and the first could not be read or clicked.
  const project = new ProjectPage(page);
  const coding = new CodingPage(page);
  // Narrow: long passages take many more lines than short ones.
  await page.setViewportSize({ width: 900, height: 800 });
  await new StartPage(page).openDemoAt(campo.url);
  await project.go('Codifica');
  await coding.tab('Recupero').click();
  const segments = page.getByTestId('segments');
  const rows = segments.getByRole('listitem');
  /** Every row on screen ends where (or before) the next begins, and none is empty. */
  let checked = 0;
  const laidOut = async () => {
    // Let the list measure what it drew.
    await page.waitForTimeout(300);
    if ((await rows.count()) < 2) return;
    checked += 1;
    const boxes = await rows.evaluateAll((items) =>
      items
        .map((item) => item.getBoundingClientRect())
        .map((box) => ({ top: box.top, bottom: box.bottom }))
        .sort((a, b) => a.top - b.top),
    );
    for (let i = 1; i < boxes.length; i++) {
      expect(boxes[i]!.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom - 1);
      // No blank band between two passages either.
      expect(boxes[i]!.top).toBeLessThanOrEqual(boxes[i - 1]!.bottom + 1);
    }
  };
  await laidOut();
  const options = await page
    .getByLabel('Codice', { exact: true })
    .locator('option')
    .allTextContents();
  for (const option of options.slice(1, 12)) {
    await page.getByLabel('Codice', { exact: true }).selectOption({ label: option });
    await laidOut();
    await page.getByLabel('Codice', { exact: true }).selectOption({ index: 0 });
    await laidOut();
  }
  await page.getByLabel('Codice', { exact: true }).selectOption({ index: 0 });
  await page.getByLabel('Valore contiene').fill('Regione');
  await laidOut();
  expect(checked).toBeGreaterThan(3);
});
