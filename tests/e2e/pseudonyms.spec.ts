import { expect, test } from './fixtures';
import { CodingPage } from './pages/coding-page';
import { ProjectPage } from './pages/project-page';
import { StartPage } from './pages/start-page';

/** Real names as a Teams file labels its speakers: they must not show unless revealed. */
const NAMES = ['Giulia Rossi', 'Marco Bianchi'];

test('speakers show by pseudonym everywhere; the files’ labels and participants’ names only when revealed', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  const coding = new CodingPage(page);
  await start.createProjectAt(campo.url, 'Nomi riservati');
  await project.go('Domande di valutazione');
  await project.addQuestion('Il partenariato ha funzionato?');

  // A participant with her name kept as personal data, and a transcript whose file names her and
  // the interviewer, imported with her turns matched to her (set up through the host's API).
  await project.go('Partecipanti');
  await page.getByRole('button', { name: 'Nuovo partecipante' }).click();
  await page.getByLabel('Nome', { exact: true }).fill('Giulia Rossi');
  await page.getByLabel('Nome', { exact: true }).blur();
  await expect(project.saveIndicator).toHaveText(/^Salvato alle/);
  await page.evaluate(async () => {
    const token = sessionStorage.getItem('campo-token')!;
    const call = async (name: string, args: unknown) => {
      const response = await fetch(`/rpc/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Campo-Token': token },
        body: JSON.stringify(args),
      });
      const envelope = await response.json();
      if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
      return envelope.value;
    };
    const { project } = await call('projectCurrent', {});
    const giulia = project.participants[0].id;
    const lines = [
      'Buongiorno, partirei dal ruolo dei partner.',
      'Il partenariato ha funzionato grazie alla rete del quartiere, dice la Rossi.',
    ];
    const text = lines.join('\n');
    await call('transcriptImport', {
      title: 'Intervista Teams',
      origin: 'vtt',
      text,
      turns: [
        { speaker: 'Marco Bianchi', start: 0, end: lines[0]!.length, time: 2, participantId: null },
        {
          speaker: 'Giulia Rossi',
          start: lines[0]!.length + 1,
          end: text.length,
          time: 7,
          participantId: giulia,
        },
      ],
      sessionId: null,
    });
  });
  await page.reload();

  // The participants list and editor hide her name.
  await project.go('Partecipanti');
  await page.getByRole('button', { name: 'INT-01', exact: true }).click();
  const main = page.locator('.main');
  for (const name of NAMES) await expect(main).not.toContainText(name);
  await expect(page.getByText('Nome nascosto (dato personale)')).toBeVisible();

  // Codifica: the interviewer is "Voce 1", she is INT-01; her words are coded with DV1.
  await project.go('Codifica');
  await expect(coding.text.locator('.turn-select')).toHaveText(['Voce 1', 'INT-01']);
  await coding.select('grazie alla rete del quartiere, dice la Rossi');
  await page.keyboard.press('1');
  await expect(coding.code('DV1 –').locator('.count')).toHaveText('1');

  // Retrieval, search and the framework matrix: pseudonyms only.
  await coding.tab('Recupero').click();
  await expect(page.getByTestId('segments').getByRole('listitem')).toContainText('INT-01');
  // Copied as a quotation for a draft or an e-mail: her surname in it becomes her pseudonym, as
  // in the report (found by a newcomer walk-through: the copy kept «Rossi» beside «INT-01»).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(campo.url).origin,
  });
  await page.getByRole('button', { name: 'Copia come citazione' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('dice la INT-01');
  expect(copied).not.toContain('Rossi');

  // A passage across the two turns: the selection says it holds two voices, and the copy quotes
  // each apart (walk-through 11: one quotation credited the interviewer's words to her).
  await coding.tab('Testi').click();
  await coding.text
    .locator('.turn-text')
    .first()
    .click({ position: { x: 30, y: 8 } });
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+Shift+ArrowDown');
  await page.keyboard.press('Control+Shift+ArrowDown');
  await expect(coding.side.locator('.selection-voices')).toHaveText(
    'La selezione attraversa 2 interventi (Voce 1 → INT-01): sarà un solo passaggio con più voci. Per una voce sola, seleziona dentro un intervento.',
  );
  // Under a code of its own (DV1 on it would join the DV1 passage it overlaps).
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ruolo dei partner');
  await page.keyboard.press('Enter');
  await expect(coding.code('Ruolo dei partner').locator('.count')).toHaveText('1');
  await coding.tab('Recupero').click();
  const across = page.getByTestId('segments').getByRole('listitem').first();
  await expect(across.locator('.segment-voices')).toHaveText('Più voci: Voce 1 → INT-01.');
  await across.getByRole('button', { name: 'Copia come citazione' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    '«Buongiorno, partirei dal ruolo dei partner.» (Voce 1) «Il partenariato ha funzionato grazie alla rete del quartiere, dice la INT-01.» (INT-01)',
  );
  await coding.tab('Ricerca').click();
  await page.getByLabel('Cerca nelle fonti').fill('partner');
  await page.getByRole('button', { name: 'Cerca', exact: true }).click();
  await expect(page.getByText('1 risultato.')).toBeVisible();
  await coding.tab('Matrici').click();
  await page.getByRole('button', { name: /^INT-01 su DV1/ }).click();
  await expect(page.getByRole('dialog')).toContainText('grazie alla rete del quartiere');
  for (const name of NAMES) await expect(page.locator('body')).not.toContainText(name);
  await page.getByRole('dialog').getByRole('button', { name: 'Chiudi' }).click();

  // Revealed on purpose: the labels of the file come back, in the text and beside the passage.
  await page.getByLabel('Mostra i nomi (dati personali)').check();
  await coding.tab('Recupero').click();
  await expect(page.getByTestId('segments')).toContainText('Giulia Rossi');
  await coding.tab('Testi').click();
  await expect(coding.text.locator('.turn-meta').first()).toContainText('Marco Bianchi');

  // Another project, or the same one opened again, starts hidden.
  await page.getByRole('button', { name: 'Chiudi progetto' }).click();
  await start.recent('Nomi riservati').click();
  await project.go('Codifica');
  await expect(coding.text.locator('.turn-meta').first()).toContainText('Voce 1');
});
