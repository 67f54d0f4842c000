import { join } from 'node:path';
import { expect, test } from './fixtures';
import { ProjectPage } from './pages/project-page';
import { SessionsPage } from './pages/sessions-page';
import { StartPage } from './pages/start-page';

const SHOTS = join(process.cwd(), 'test-results', 'artefacts');

/** A Teams-style VTT as the evaluator would download it after a video call. */
const teamsVtt = Buffer.from(
  [
    'WEBVTT',
    '',
    'a1/1-0',
    '00:00:02.000 --> 00:00:06.000',
    '<v Valutatrice IRS>Buongiorno, partirei dal ruolo dei partner.</v>',
    '',
    'a1/2-0',
    '00:00:07.000 --> 00:00:12.000',
    '<v Anna Rossi>La cooperativa era già nel quartiere,</v>',
    '',
    'a1/3-0',
    '00:00:12.000 --> 00:00:15.500',
    '<v Anna Rossi>perché c’era il doposcuola 👍.</v>',
    '',
  ].join('\r\n'),
);

test('plan an interview against two DVs, import its Teams transcript, map the speakers, take live notes', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  const sessions = new SessionsPage(page);
  await start.createProjectAt(campo.url, 'Valutazione sul campo');

  await project.go('Domande di valutazione');
  await project.addQuestion('Il partenariato ha contribuito all’attuazione?', 'Partenariato');
  await project.addQuestion('Gli interventi sono coerenti con i bisogni?', 'Coerenza');

  await project.go('Partecipanti');
  await page.getByRole('button', { name: 'Nuovo partecipante' }).click();
  const editor = page.getByRole('region', { name: 'Partecipante INT-01' });
  await editor.getByLabel('Ruolo').fill('Coordinatrice del Laboratorio Sociale');
  await editor.getByLabel('Organizzazione').fill('Cooperativa Il Cortile');
  await editor.getByLabel('Territorio').fill('Comune di Bergamo');
  await editor.getByLabel('Territorio').blur();
  await expect(page.getByRole('row', { name: /INT-01/ })).toContainText('Cooperativa Il Cortile');

  await project.go('Interviste');
  await sessions.newInterview();
  await page.getByLabel('Titolo', { exact: true }).fill('Cooperativa – Laboratorio Sociale');
  await page.getByLabel('Data').fill('2021-03-18');
  await page.getByLabel('Modalità').selectOption({ label: 'Da remoto (audio-video)' });
  await page
    .getByLabel('Aggiungi un partecipante…')
    .selectOption({ label: 'INT-01 – Coordinatrice del Laboratorio Sociale' });
  await sessions.addGuideQuestion('Che ruolo hanno avuto i partner?', ['DV1']);
  await sessions.addGuideQuestion('Le attività rispondono ai bisogni del quartiere?', [
    'DV1',
    'DV2',
  ]);
  await expect(
    page
      .getByRole('group', { name: /collegate alla domanda 2/ })
      .getByRole('button', { pressed: true }),
  ).toHaveText(['DV1', 'DV2']);

  // Import the VTT: the interviewer stays unmapped; the one other voice is proposed as the
  // interview's participant, INT-01.
  await sessions.importTranscript({
    name: 'Riunione Teams.vtt',
    mimeType: 'text/vtt',
    buffer: teamsVtt,
  });
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('VTT · 2 turni');
  await expect(sessions.speakerSelect('Valutatrice IRS').locator('option:checked')).toHaveText(
    '— Valutatore / non partecipante —',
  );
  await expect(sessions.speakerSelect('Anna Rossi').locator('option:checked')).toHaveText(
    'INT-01 – Coordinatrice del Laboratorio Sociale',
  );
  await expect(page.getByRole('progressbar')).toHaveCount(0); // one file: no progress bar
  await page.screenshot({ path: join(SHOTS, 'fieldwork-import-voices.png') });
  await dialog.getByLabel('Titolo').fill('Intervista INT-01 (Teams)');
  await dialog.getByRole('button', { name: 'Importa', exact: true }).click();
  await expect(dialog).toContainText('importato, 2 turni');
  await dialog.getByRole('button', { name: 'Chiudi', exact: true }).last().click();
  await expect(page.getByLabel('Stato', { exact: true })).toHaveValue('transcribed');

  await sessions.source(/Intervista INT-01 \(Teams\)/).click();
  const turns = page.locator('.turn');
  // The interviewer, matched to nobody, is a numbered voice: the file's label is a real name.
  await expect(turns.nth(0)).toContainText('Voce 1');
  await expect(turns.nth(0)).not.toContainText('Valutatrice IRS');
  await expect(turns.nth(1)).toContainText('INT-01');
  await expect(turns.nth(1)).toContainText('00:00:07');
  await expect(turns.nth(1)).toContainText(
    'La cooperativa era già nel quartiere, perché c’era il doposcuola 👍.',
  );
  await page.getByRole('button', { name: '← Indietro' }).click();

  // Live notes: typed under guide question 1, marked DV2 with Alt+2, autosaved.
  await page.getByRole('button', { name: 'Appunti dal vivo' }).click();
  const composer = page.getByRole('textbox', { name: 'Nota per la domanda 1' });
  await composer.fill('La rete c’era già prima del progetto');
  await composer.press('Alt+2');
  await composer.press('Enter');
  await page
    .getByRole('textbox', { name: 'Nota per la domanda 2' })
    .fill('Servono ore di coordinamento non finanziate');
  await expect(page.getByTestId('save-indicator')).toHaveText(/^Salvato alle/, { timeout: 8000 });

  // Nothing was closed by hand: a reload comes back to the notes, the one still being typed
  // saved with them; closing them comes back to the interview.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Nota salvata' })).toHaveCount(2);
  await page.getByRole('button', { name: 'Salva e chiudi' }).click();
  await sessions.source(/Note dal vivo – INT-01/).click();
  await expect(page.locator('.turn')).toHaveCount(2);
  await expect(page.locator('.turn').first()).toContainText('La rete c’era già prima del progetto');
  await expect(page.locator('.turn').first()).toContainText('DV2');
  await expect(page.locator('.turn').first()).toContainText('Che ruolo hanno avuto i partner?');
  await expect(page.locator('.turn').nth(1)).toContainText(
    'Servono ore di coordinamento non finanziate',
  );
});

test('import a participant list from CSV: columns matched, problem rows explained and left out', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  await start.openDemoAt(campo.url);
  await project.go('Partecipanti');
  await page.getByRole('button', { name: 'Importa elenco…' }).click();
  const csv =
    'Pseudonimo;Ruolo;Ente;Comune;Tipo di partenariato;Anni FSE\nINT-07;Assessora;Comune di Lecco;Lecco;Pubblico;4\nINT-02;Doppione;X;;;\n;Operatore;Cooperativa Sole;Brescia;Privato;2\n';
  await page
    .getByRole('dialog')
    .locator('input[type=file]')
    .setInputFiles({
      name: 'elenco.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'latin1'),
    });
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('2 righe pronte; 1 con problemi.');
  await expect(dialog.getByRole('list', { name: /Righe con problemi/ })).toContainText(
    'Riga 3: lo pseudonimo INT-02 è già usato.',
  );
  await expect(dialog.getByLabel('Destinazione della colonna Anni FSE')).toHaveValue('attribute');
  // «Tipo di partenariato» names Campo's field, but its values are another typology: it comes in
  // as an attribute named apart from the field, and the dialog says why.
  await expect(dialog.getByLabel('Destinazione della colonna Tipo di partenariato')).toHaveValue(
    'attribute',
  );
  await expect(dialog.locator('.partnership-apart')).toHaveText(
    'La colonna «Tipo di partenariato» ha valori che non sono tipi di partenariato di Campo (Pubblico, Privato): entra come attributo libero «Tipo di partenariato (attributo)». I tipi di Campo sono istituzionale, economico-sociale e società civile.',
  );
  // The row without a pseudonym gets the next one, and the preview says Campo gave it.
  await expect(dialog.getByRole('rowheader', { name: /INT-08/ })).toContainText(
    '(nuovo, assegnato da Campo)',
  );
  await dialog.getByRole('button', { name: 'Importa 2 partecipanti' }).click();
  await expect(page.locator('.notifications')).toContainText(
    'Importati 2 partecipanti; 1 riga non importata (la riga 3 del file): correggile nel file e importale di nuovo, o aggiungi le persone a mano.',
  );
  await page.getByRole('searchbox').fill('comune di lecco');
  await expect(page.getByRole('rowheader')).toHaveText(['INT-07']);
  await page.getByRole('searchbox').fill('');
  await expect(page.getByRole('rowheader', { name: 'INT-08' })).toBeVisible();

  // In Recupero the imported column is listed among the free attributes, apart from the field.
  await project.go('Codifica');
  await page.getByRole('tab', { name: 'Recupero', exact: true }).click();
  const attribute = page.getByLabel('Attributo', { exact: true });
  await expect(attribute.locator('optgroup[label="Campi del partecipante"] option')).toContainText([
    'Partenariato',
  ]);
  await expect(attribute.locator('optgroup[label="Attributi liberi"] option')).toContainText([
    'Tipo di partenariato (attributo)',
  ]);
  await attribute.selectOption('Tipo di partenariato (attributo)');
  await page.getByLabel('Valore contiene').fill('pubblico');
  await expect(page.getByText('Nessun passaggio da 0 fonti.')).toBeVisible();
});

test('a focus group of the demo shows its Teams transcript by turns, and a 300,000-character transcript scrolls without rendering it all', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  const sessions = new SessionsPage(page);
  await start.openDemoAt(campo.url);
  await project.go('Focus group');
  await expect(page.getByRole('row', { name: /FG-01/ })).toContainText(
    'FG-01-P1, FG-01-P2, FG-01-P3, FG-01-P4',
  );
  await page.getByRole('button', { name: 'FG-01' }).click();
  await sessions.source(/Focus group FG-01/).click();
  // The facilitator is matched to no participant; a role is no personal data: shown as it is.
  await expect(page.locator('.turn').first()).toContainText('Facilitatrice');
  await expect(page.getByText('44 turni')).toBeVisible();

  // A 3-hour focus group: 3,000 turns, about 330,000 characters.
  const lines = Array.from({ length: 3000 }, (_, i) => {
    const s = 3 * i;
    const time = `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
    return `[${time}] FG-01-P${(i % 4) + 1}: Turno ${i + 1}: nel quartiere la rete di prossimità ha retto, perché le attività sono continuate anche a distanza con telefonate e messaggi.`;
  });
  await page.getByRole('button', { name: '← Indietro' }).click();
  await sessions.importTranscript({
    name: 'Focus lungo.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(lines.join('\n')),
  });
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('3.000 turni');
  await dialog.getByRole('button', { name: 'Importa', exact: true }).click();
  await dialog.getByRole('button', { name: 'Chiudi', exact: true }).last().click();
  await sessions.source(/Focus lungo/).click();
  await expect(page.getByText(/3\.000 turni/)).toBeVisible();
  const rendered = await page.locator('.turn').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);
  const scroller = page.getByTestId('turns-scroller');
  await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(page.locator('.turn').last()).toContainText('Turno 3000:');
  expect(await page.locator('.turn').count()).toBeLessThan(60);
});
