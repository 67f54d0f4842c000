import { docxOf, paragraph, xlsxOf } from '../helpers/hostile-zip';
import { expect, test } from './fixtures';
import { ProjectPage } from './pages/project-page';
import { StartPage } from './pages/start-page';

const MB = 1024 * 1024;

/** A 120 KB Word file whose text would be 120 MB once unpacked. */
const docxBomb = docxOf(paragraph([{ bytes: Buffer.alloc(MB, 'a'), times: 120 }]));
/** An Excel list whose first cell is 200 MB of text (it killed Campo before). */
const cellBomb = xlsxOf([
  { bytes: '<row r="1"><c r="A1" t="inlineStr"><is><t>' },
  { bytes: Buffer.alloc(MB, 'a'), times: 200 },
  { bytes: '</t></is></c></row>' },
]);

test('hostile files are refused with a clear message, and Campo keeps working', async ({
  page,
  campo,
}) => {
  // Playwright hands each file to the page through the DevTools protocol: under load the 11 MB
  // one alone takes ~10 s to arrive, before Campo sees a byte.
  test.setTimeout(120_000);
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  await start.openDemoAt(campo.url);
  const notifications = page.locator('.notifications');

  // A DOCX bomb: refused before it is unpacked, with the limit.
  await project.go('Interviste');
  await page.getByRole('button', { name: 'Importa trascrizione…' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: 'bomba.docx', mimeType: 'application/octet-stream', buffer: docxBomb });
  // The reason shows in the dialog itself, beside the file (not behind the dialog).
  await expect(dialog).toContainText('bomba.docx: word/document.xml è troppo grande');
  await expect(dialog).toContainText('il massimo è 100,0 MB');
  await page.screenshot({ path: test.info().outputPath('hostile-docx-bomb.png') });
  await dialog.getByRole('button', { name: 'Chiudi', exact: true }).last().click();

  // An invalid character reference in a subtitle file is read, not an internal error.
  await page.getByRole('button', { name: 'Importa trascrizione…' }).first().click();
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'sottotitoli.vtt',
    mimeType: 'text/vtt',
    buffer: Buffer.from(
      'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v INT-02>Prima &#x110000; dopo</v>\n',
    ),
  });
  await expect(dialog).toContainText('Voci trovate nel file');
  await expect(dialog).toContainText('INT-02');
  await dialog.getByRole('button', { name: 'Chiudi', exact: true }).last().click();

  // A list with a 200 MB cell: refused, the app still answers.
  await project.go('Partecipanti');
  await page.getByRole('button', { name: 'Importa elenco…' }).click();
  const lists = page.getByRole('dialog');
  await lists.locator('input[type=file]').setInputFiles({
    name: 'cella.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: cellBomb,
  });
  await expect(notifications).toContainText('cella.xlsx');
  await expect(notifications).toContainText('troppo grande');

  // A list larger than any list may be: refused before upload ends, in the user's language…
  await lists.locator('input[type=file]').setInputFiles({
    name: 'enorme.csv',
    mimeType: 'text/csv',
    buffer: Buffer.alloc(11 * MB, 0x61),
  });
  await expect(notifications).toContainText(
    'Il file è troppo grande per essere caricato (11,0 MB); il massimo è 10,0 MB.',
  );
  await page.screenshot({ path: test.info().outputPath('hostile-too-large-upload.png') });
  // …and the next request on the same page works.
  await lists.locator('input[type=file]').setInputFiles({
    name: 'elenco.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Pseudonimo;Ruolo\nINT-20;Assessore\n'),
  });
  await expect(lists).toContainText('1 riga pronta');
});
