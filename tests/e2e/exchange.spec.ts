import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { interviewText, refiArchive } from '../helpers/refi-builder';
import { expect, holdCalls, test } from './fixtures';
import { ProjectPage } from './pages/project-page';
import { StartPage } from './pages/start-page';

const FIXTURES = join(process.cwd(), '..', 'shared', 'fixtures', 'refi-qda');
const SHOTS = join('test-results', 'artefacts');

test('import a QualCoder-style .qdpx from the start screen, then export the project and its codebook', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  await start.goto(campo.url);
  await page
    .getByLabel('Importa da NVivo, ATLAS.ti, MAXQDA… (.qdpx)')
    .setInputFiles(join(FIXTURES, 'qc-demo.qdpx'));
  // The review comes first: what the project will hold, nothing written yet.
  const review = page.getByRole('dialog', { name: 'Importa il progetto REFI-QDA' });
  await expect(review).toContainText('Creato con: qc 1.3.2');
  await expect(review.getByRole('note')).toHaveCount(0);
  await expect(review.getByRole('listitem').first()).toHaveText(
    /^262 codici, 2 documenti, \d+ codifiche importate; 0 non collocate$/,
  );
  await review.getByRole('button', { name: 'Importa', exact: true }).click();
  await expect(
    project.notification(
      /^Progetto REFI-QDA importato: \d+ codici, 2 documenti, \d+ codifiche importate; 0 non collocate\.$/,
    ),
  ).toBeVisible();
  await project.go('Codifica');
  await expect(page.getByRole('tree').getByRole('treeitem').first()).toBeVisible();

  await project.go('Rapporto');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Progetto REFI-QDA (.qdpx)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.qdpx$/);
  const zip = await JSZip.loadAsync(await readFile((await file.path())!));
  const qde = await zip.file('project.qde')!.async('string');
  expect(qde).toContain('urn:QDA-XML:project:1.0');
  const texts = Object.values(zip.files).filter((f) => f.name.startsWith('sources/') && !f.dir);
  expect(texts).toHaveLength(2);

  const codebook = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Codebook REFI-QDA (.qdc)' }).click();
  expect((await codebook).suggestedFilename()).toMatch(/\.qdc$/);
});

test('an NVivo archive whose position unit the text cannot settle: the review says so and the user chooses from sample passages', async ({
  page,
  campo,
}) => {
  const short = (n: number) => {
    const text = `Buongiorno 😀 a tutti, intervista ${n}. La rete dei servizi ha funzionato bene.`;
    const at = (passage: string) => ({
      start: text.indexOf(passage),
      end: text.indexOf(passage) + passage.length,
    });
    return { name: `Intervista ${n}`, text, spans: [at('La rete'), at('servizi ha funzionato')] };
  };
  const weak = await refiArchive({ origin: null, unit: 'utf16', sources: [short(1)] });
  const strong = await refiArchive({
    origin: 'NVivo for Windows 12.6',
    unit: 'utf16',
    sources: [{ name: 'Intervista lunga', ...interviewText(3, { passages: 40 }) }],
  });
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  await start.goto(campo.url);
  const picker = page.getByLabel('Importa da NVivo, ATLAS.ti, MAXQDA… (.qdpx)');

  // Strong evidence: said in words, nothing to choose.
  await picker.setInputFiles({
    name: 'nvivo.qdpx',
    mimeType: 'application/zip',
    buffer: Buffer.from(strong),
  });
  const review = page.getByRole('dialog', { name: 'Importa il progetto REFI-QDA' });
  await expect(review).toContainText('Creato con: NVivo for Windows 12.6');
  await expect(review).toContainText(
    /1 documento: posizioni in unità UTF-16 \(come scrive NVivo\)\. Lo dice il testo: (\d+) estremi di passaggi su \1 cadono tra due parole/,
  );
  await expect(
    review.getByRole('group', { name: 'Come leggere le posizioni dei passaggi' }),
  ).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'qdpx-review-strong.png') });
  await review.getByRole('button', { name: 'Annulla' }).click();
  await expect(review).toHaveCount(0);

  // Weak evidence: the user sees the same passages read in each unit and picks one.
  await picker.setInputFiles({
    name: 'breve.qdpx',
    mimeType: 'application/zip',
    buffer: Buffer.from(weak),
  });
  await expect(review).toContainText('Prova debole per 1 documento');
  const choice = review.getByRole('group', { name: 'Come leggere le posizioni dei passaggi' });
  await expect(
    choice
      .getByRole('list', { name: /Passaggi di «Intervista 1» letti in unità UTF-16/ })
      .locator('mark')
      .first(),
  ).toHaveText('La rete');
  await expect(
    choice
      .getByRole('list', { name: /letti in punti di codice/ })
      .locator('mark')
      .first(),
  ).toHaveText('a rete');
  await page.screenshot({ path: join(SHOTS, 'qdpx-review-weak.png') });
  await choice.getByRole('radio', { name: /punti di codice/ }).check();
  await expect(review).toContainText(
    'posizioni in punti di codice (lo standard REFI-QDA), come hai scelto.',
  );
  await choice.getByRole('radio', { name: /unità UTF-16/ }).check();
  await expect(review).toContainText(
    'posizioni in unità UTF-16 (come scrive NVivo), come hai scelto.',
  );
  await review.getByRole('button', { name: 'Importa', exact: true }).click();
  await expect(
    project.notification(
      /^Progetto REFI-QDA importato: 1 codice, 1 documento, 2 codifiche importate; 0 non collocate\.$/,
    ),
  ).toBeVisible();
  // The codings sit on the passages the coder selected (store v2: the text in sources/, the
  // codings by offsets in the importing coder's layer under codings/<source>/).
  const [folder] = await readdir(campo.projectsDir);
  const dir = join(campo.projectsDir, folder!);
  const [file] = await readdir(join(dir, 'sources'));
  const source = JSON.parse(await readFile(join(dir, 'sources', file!), 'utf8')) as {
    id: string;
    text: string;
  };
  const layers = await readdir(join(dir, 'codings', source.id));
  const codings = [];
  for (const layer of layers) {
    const read = JSON.parse(await readFile(join(dir, 'codings', source.id, layer), 'utf8')) as {
      codings: Array<{ start: number; end: number }>;
    };
    codings.push(...read.codings);
  }
  expect(codings.map((coding) => source.text.slice(coding.start, coding.end)).sort()).toEqual([
    'La rete',
    'servizi ha funzionato',
  ]);
});

test('an ATLAS.ti codebook with code groups merges into Codifica and says where the groups went; a truncated one is refused in one language', async ({
  page,
  campo,
}) => {
  const qdc = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti Win 23.4.0">
  <Codes>
    <Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Barriere" color="#C42F2F" isCodable="true">
      <Code guid="2FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Orari degli sportelli" isCodable="true"/>
    </Code>
  </Codes>
  <Sets>
    <Set guid="5FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Accesso ai servizi">
      <MemberCode targetGUID="2FF58B12-6F6F-4B0C-8BE5-BBDC91F55294"/>
    </Set>
  </Sets>
</CodeBook>
`;
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  await start.createProjectAt(campo.url, 'Codebook ATLAS');
  await project.go('Codifica');
  const picker = page.getByLabel('Importa codebook (.qdc)');
  await picker.setInputFiles({
    name: 'atlas.qdc',
    mimeType: 'application/xml',
    buffer: Buffer.from(qdc),
  });
  // First what the file would bring; nothing is in the codebook until the import is confirmed.
  const preview = page.getByRole('dialog', { name: 'Importa il codebook di «atlas.qdc»' });
  await expect(preview).toContainText(
    '2 codici nuovi entrano nel codebook; nessuno è già presente (stesso nome nello stesso punto).',
  );
  await expect(preview.getByRole('listitem')).toHaveText(['Barriere: 2 codici']);
  await expect(page.getByRole('treeitem', { name: /Orari degli sportelli/ })).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'qdc-import-preview.png') });
  await preview.getByRole('button', { name: 'Importa 2 codici' }).click();
  await expect(preview).toHaveCount(0);
  await expect(
    project.notification('Codebook importato: 2 codici nuovi, 0 già presenti.'),
  ).toBeVisible();
  await expect(
    project.notification(
      '1 gruppo di codici annotato nella descrizione dei codici (Accesso ai servizi): Campo non ha gruppi di codici.',
    ),
  ).toBeVisible();
  await expect(page.getByRole('treeitem', { name: /Orari degli sportelli/ })).toBeVisible();

  const cut = qdc.slice(0, qdc.indexOf('<Sets>'));
  await picker.setInputFiles({
    name: 'troncato.qdc',
    mimeType: 'application/xml',
    buffer: Buffer.from(cut),
  });
  await expect(
    project.notification(
      `Il file troncato.qdc è danneggiato o illeggibile (il file si interrompe alla riga ${cut.split('\n').length} prima di chiudere l’elemento «CodeBook»: probabilmente è troncato). Non è stato cambiato nulla.`,
    ),
  ).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'qdc-import-notices.png') });
});

test('a .qdpx exported by Campo: the review says a work package carries what REFI-QDA does not', async ({
  page,
  campo,
}) => {
  // Found by a newcomer walk-through: read back, Campo's own export had lost the questions,
  // interviews and speaker turns, with nothing saying so.
  const archive = await refiArchive({
    origin: 'Campo 0.1.0',
    unit: 'codepoint',
    sources: [{ name: 'Intervista INT-01', ...interviewText(1, { passages: 5 }) }],
  });
  await new StartPage(page).goto(campo.url);
  await page.getByLabel('Importa da NVivo, ATLAS.ti, MAXQDA… (.qdpx)').setInputFiles({
    name: 'campo.qdpx',
    mimeType: 'application/zip',
    buffer: Buffer.from(archive),
  });
  const review = page.getByRole('dialog', { name: 'Importa il progetto REFI-QDA' });
  await expect(review.getByRole('note')).toContainText(
    'per passare un progetto tra colleghi usate un pacchetto di lavoro',
  );
});

test('a .qdpx being read shows that it is read, and can be left without waiting for it', async ({
  page,
  campo,
}) => {
  // Found by a newcomer walk-through: 13 s on the start screen with no sign of progress and
  // nothing to do but wait.
  const start = new StartPage(page);
  await start.goto(campo.url);
  const slowRead = await holdCalls(page, 'qdpxInspect');
  const picker = page.getByLabel('Importa da NVivo, ATLAS.ti, MAXQDA… (.qdpx)');
  await picker.setInputFiles(join(FIXTURES, 'qc-demo.qdpx'));
  await expect(
    page.getByRole('status').filter({ hasText: 'Lettura dell’archivio…' }),
  ).toBeVisible();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await page.getByRole('button', { name: 'Smetti di attendere' }).click();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(picker).toBeEnabled();
  await slowRead.release();
  // The late answer opens no review.
  await page.waitForTimeout(500);
  const review = page.getByRole('dialog', { name: 'Importa il progetto REFI-QDA' });
  await expect(review).toHaveCount(0);
  await picker.setInputFiles(join(FIXTURES, 'qc-demo.qdpx'));
  await expect(review).toContainText('Creato con: qc 1.3.2');
});
