import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { startBrowserHost } from '../helpers/browser-host';
import { expect, test } from './fixtures';
import { CodingPage } from './pages/coding-page';
import { ProjectPage } from './pages/project-page';
import { StartPage } from './pages/start-page';
import { TeamPage } from './pages/team-page';

const SHOTS = join(process.cwd(), 'test-results', 'artefacts');

/** A colleague's own laptop: another browser-mode host with its own settings (evaluator id). */
async function colleagueHost(root: string, name: string) {
  const host = await startBrowserHost(join(root, `${name}-config`), join(root, `${name}-projects`));
  return host;
}

/** First use on a laptop: the start screen asks who you are. */
async function introduce(page: Page, name: string) {
  const welcome = page.getByRole('region', { name: 'Benvenuto: come ti chiami?' });
  await welcome.getByLabel('Nome', { exact: true }).fill(name);
  await welcome.getByRole('button', { name: 'Salva' }).click();
  await expect(page.locator('.notifications').getByText(`Ora lavori come ${name}.`)).toBeVisible();
}

test('two blind packages of one interview, two colleagues code it, one renames a code and edits a participant; the lead merges both, decides the rename conflict, sees both layers, all kept after reload', async ({
  page,
  campo,
}) => {
  test.setTimeout(240_000);
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  const coding = new CodingPage(page);
  const team = new TeamPage(page);
  await start.goto(campo.url);

  // First use: the start screen asks who you are.
  await expect(page.getByRole('heading', { name: 'Benvenuto: come ti chiami?' })).toBeVisible();
  await introduce(page, 'Laura Neri');
  await page.screenshot({ path: join(SHOTS, 'team-start.png') });

  // The lead: two blind packages of INT-02.
  await start.openDemo();
  await project.go('Gruppo di lavoro');
  await expect(page.getByRole('cell', { name: /Laura Neri/ })).toBeVisible();
  // Her own project came from no package: there is nobody to return it to.
  await expect(
    page.getByRole('button', { name: 'Prepara un pacchetto per un collega…' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Restituisci al coordinatore' })).toHaveCount(0);
  // Marco is not in the team yet: the dialog says a new colleague joins by opening the package.
  await page.getByRole('button', { name: 'Prepara un pacchetto per un collega…' }).click();
  const packageDialog = page.getByRole('dialog', { name: 'Pacchetto di lavoro per un collega' });
  const forWhom = packageDialog.getByLabel('Per chi (facoltativo)');
  await expect(forWhom).toHaveAccessibleDescription(/entra nel gruppo quando apre il pacchetto/);
  await expect(forWhom.locator('option:checked')).toHaveText('Chiunque, anche un collega nuovo');
  await packageDialog.getByRole('button', { name: 'Annulla' }).click();
  const pkgA = join(campo.root, 'anna.campopkg');
  const pkgM = join(campo.root, 'marco.campopkg');
  await team.makeBlindPackage(/INT-02/, pkgA);
  await team.makeBlindPackage(/INT-02/, pkgM);

  // Anna, on her laptop, opens her package, codes a passage, renames a code and edits a participant.
  const anna = await colleagueHost(campo.root, 'anna');
  const marco = await colleagueHost(campo.root, 'marco');
  test.info().annotations.push({ type: 'hosts', description: 'anna, marco' });
  await start.goto(anna.url);
  await introduce(page, 'Anna Bianchi');
  await page.getByLabel('Apri un pacchetto di lavoro…').setInputFiles(pkgA);
  await expect(project.notification(/Pacchetto aperto come progetto/)).toBeVisible();
  await project.go('Codifica');
  await expect(coding.text.locator('.hl')).toHaveCount(0); // blind: no one else's codings
  await coding.select('il laboratorio è nato dentro il progetto integrato');
  await page.keyboard.press('1');
  await expect(coding.text.locator('.hl').first()).toBeVisible();
  await coding.code('Nuovi target').first().click();
  await page.getByRole('button', { name: 'Modifica', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Modifica il codice' });
  await edit.getByLabel('Nome', { exact: true }).fill('Nuovi destinatari');
  await edit.getByRole('button', { name: 'Salva' }).click();
  await expect(coding.code('Nuovi destinatari')).toBeVisible();
  await project.go('Partecipanti');
  await page.getByRole('button', { name: 'INT-03', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Partecipante INT-03' });
  await editor.getByLabel('Ruolo').fill('Coordinatrice del Laboratorio Sociale di Mantova');
  await editor.getByLabel('Ruolo').blur();
  await expect(project.saveIndicator).toContainText('Salvato');
  await project.go('Gruppo di lavoro');
  await expect(page.getByText(/Progetto aperto dal pacchetto di Laura Neri del/)).toBeVisible();
  const backA = join(campo.root, 'anna-ritorno.campopkg');
  await team.download(
    () => page.getByRole('button', { name: 'Restituisci al coordinatore' }).click(),
    backA,
  );

  // Marco, on his, codes another passage.
  await start.goto(marco.url);
  await introduce(page, 'Marco Rossi');
  await page.getByLabel('Apri un pacchetto di lavoro…').setInputFiles(pkgM);
  await expect(project.notification(/Pacchetto aperto come progetto/)).toBeVisible();
  await project.go('Codifica');
  await coding.select('Lo sportello è stato fondamentale');
  await page.keyboard.press('2');
  await expect(coding.text.locator('.hl').first()).toBeVisible();
  await project.go('Gruppo di lavoro');
  const backM = join(campo.root, 'marco-ritorno.campopkg');
  await team.download(
    () => page.getByRole('button', { name: 'Restituisci al coordinatore' }).click(),
    backM,
  );
  anna.child.kill('SIGTERM');
  marco.child.kill('SIGTERM');

  // The lead, meanwhile, renamed the same code differently (her project is still open).
  await page.goto(campo.url);
  await project.go('Codifica');
  await coding.code('Nuovi target').first().click();
  await page.getByRole('button', { name: 'Modifica', exact: true }).click();
  await edit.getByLabel('Nome', { exact: true }).fill('Target emergenti');
  await edit.getByRole('button', { name: 'Salva' }).click();
  await expect(coding.code('Target emergenti')).toBeVisible();

  // Merge Anna's work: the rename is a conflict shown side by side.
  await project.go('Gruppo di lavoro');
  await team.pickReturn(backA);
  const dialog = team.mergeDialog;
  await expect(dialog.getByRole('heading', { name: /1 conflitto da decidere/ })).toBeVisible();
  // The preview says which record changes and how (walk-through 9: only «1 modificato»).
  const changes = dialog.locator('.merge-updates');
  await expect(changes).toContainText('Partecipanti: «INT-03»');
  await expect(changes).toContainText('ora «Coordinatrice del Laboratorio Sociale di Mantova»');
  await page.screenshot({ path: join(SHOTS, 'team-merge-changes.png') });
  // Named as the lead knows the code.
  const conflict = dialog.getByRole('radiogroup', { name: 'Target emergenti' });
  await expect(conflict).toContainText('Target emergenti');
  await expect(conflict).toContainText('Nuovi destinatari');
  await expect(dialog.getByRole('button', { name: 'Decidi il conflitto' })).toBeDisabled();
  await page.screenshot({ path: join(SHOTS, 'team-merge-conflict.png') });
  await conflict.getByLabel(/Prendi la versione del collega/).check();
  await dialog.getByRole('button', { name: 'Unisci', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Rapporto dell’unione' })).toBeVisible();
  await expect(project.notification('Lavoro di Anna Bianchi unito.')).toBeVisible();
  await expect(dialog).toContainText('Anna Bianchi');
  await expect(dialog).toContainText(
    'tenuto: «Nuovi destinatari»; messo da parte, conservato nel rapporto: «Target emergenti»',
  );
  await page.screenshot({ path: join(SHOTS, 'team-merge-report.png') });
  await dialog.getByRole('button', { name: 'Chiudi', exact: true }).last().click();

  // Marco's: nothing to decide.
  await team.pickReturn(backM);
  await expect(dialog.getByRole('button', { name: 'Unisci', exact: true })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Unisci', exact: true }).click();
  await expect(dialog).toContainText('Marco Rossi');
  await dialog.getByRole('button', { name: 'Chiudi', exact: true }).last().click();
  // The merges made name the colleague whose work came in.
  const merges = page.getByRole('listitem').filter({ hasText: /unito il/ });
  await expect(merges).toHaveCount(2);
  await expect(merges.filter({ hasText: /^Anna Bianchi, unito il/ })).toHaveCount(1);
  await expect(merges.filter({ hasText: /^Marco Rossi, unito il/ })).toHaveCount(1);

  const check = async () => {
    await project.go('Codifica');
    await expect(coding.code('Nuovi destinatari')).toBeVisible();
    const layers = page.getByRole('group', { name: 'Livelli dei codificatori' });
    await expect(layers).toContainText('Anna Bianchi (1 codifica)');
    await expect(layers).toContainText('Marco Rossi (1 codifica)');
    await expect(
      coding.text.locator('.hl').filter({ hasText: 'il laboratorio è nato dentro' }).first(),
    ).toBeVisible();
    // Hiding Marco's layer hides his passage.
    await expect(
      coding.text.locator('.hl').filter({ hasText: 'Lo sportello è stato fondamentale' }),
    ).toHaveCount(1);
    await layers.getByRole('checkbox', { name: /Marco Rossi/ }).uncheck();
    await expect(
      coding.text.locator('.hl').filter({ hasText: 'Lo sportello è stato fondamentale' }),
    ).toHaveCount(0);
    await layers.getByRole('checkbox', { name: /Marco Rossi/ }).check();
    await project.go('Partecipanti');
    await expect(page.getByRole('row', { name: /INT-03/ }).first()).toContainText(
      'Coordinatrice del Laboratorio Sociale di Mantova',
    );
  };
  await check();
  await page.reload();
  await expect(page.getByRole('navigation')).toBeVisible();
  await check();
  await project.go('Codifica');
  await page.screenshot({ path: join(SHOTS, 'team-layers.png') });

  // Undoing the last merge asks first; kept, nothing changes; confirmed, Marco's work leaves.
  await project.go('Gruppo di lavoro');
  await page.getByRole('button', { name: 'Annulla l’unione' }).click();
  const ask = page.getByRole('dialog', { name: 'Annullare l’unione?' });
  await expect(ask).toContainText('servirà ancora il file del pacchetto');
  await ask.getByRole('button', { name: 'Annulla', exact: true }).click();
  await expect(ask).toHaveCount(0);
  await expect(merges).toHaveCount(2);
  await page.getByRole('button', { name: 'Annulla l’unione' }).click();
  await ask.getByRole('button', { name: 'Annulla l’unione' }).click();
  await expect(merges).toHaveCount(1);
  await project.go('Codifica');
  await expect(
    coding.text.locator('.hl').filter({ hasText: 'Lo sportello è stato fondamentale' }),
  ).toHaveCount(0);
  // Anna's merge came before and work followed it: it is not offered for undo, which would
  // throw that work away (walk-through 9); the screen says where the copy before it is.
  await project.go('Gruppo di lavoro');
  await expect(merges).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Annulla l’unione' })).toHaveCount(0);
  await expect(page.getByText('Questa unione non si annulla più da qui')).toBeVisible();
});

test("a colleague corrects a transcript in her package; the lead, who did not touch it, merges: the correction comes in, her coding on it, the lead's codings moved with their words", async ({
  page,
  campo,
}) => {
  test.setTimeout(180_000);
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  const coding = new CodingPage(page);
  const team = new TeamPage(page);
  await start.goto(campo.url);
  await introduce(page, 'Laura Neri');
  await start.openDemo();
  // The lead's own coding of INT-02, before the package leaves.
  await project.go('Codifica');
  await coding.choose('Fonte', /INT-02/);
  await coding.select('il laboratorio è nato dentro il progetto integrato');
  await page.keyboard.press('2');
  await expect(coding.text.locator('.hl').first()).toBeVisible();
  await project.go('Gruppo di lavoro');
  const pkg = join(campo.root, 'anna.campopkg');
  await team.makeBlindPackage(/INT-02/, pkg);

  const anna = await colleagueHost(campo.root, 'anna');
  await start.goto(anna.url);
  await introduce(page, 'Anna Bianchi');
  await page.getByLabel('Apri un pacchetto di lavoro…').setInputFiles(pkg);
  await expect(project.notification(/Pacchetto aperto come progetto/)).toBeVisible();
  await project.go('Codifica');
  await page.getByRole('button', { name: 'Correggi il testo' }).click();
  const correct = page.getByRole('dialog', { name: /^Correggi il testo/ });
  await expect(correct.getByRole('textbox')).toBeFocused();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Trascrizione rivista. ');
  await correct.getByRole('button', { name: 'Salva' }).click();
  await expect(correct).toHaveCount(0);
  await expect(coding.text).toContainText('Trascrizione rivista.');
  await coding.select('Trascrizione rivista.');
  await page.keyboard.press('1');
  await expect(coding.text.locator('.hl').first()).toBeVisible();
  await project.go('Gruppo di lavoro');
  const back = join(campo.root, 'anna-ritorno.campopkg');
  await team.download(
    () => page.getByRole('button', { name: 'Restituisci al coordinatore' }).click(),
    back,
  );
  anna.child.kill('SIGTERM');

  await page.goto(campo.url);
  await project.go('Gruppo di lavoro');
  await team.pickReturn(back);
  const dialog = team.mergeDialog;
  await expect(dialog).toContainText('la correzione del testo fatta dal collega sarà applicata');
  await dialog.getByRole('button', { name: 'Unisci', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Rapporto dell’unione' })).toBeVisible();
  await expect(dialog).toContainText('la correzione del testo fatta dal collega è stata applicata');
  await expect(dialog).not.toContainText('non è stata applicata');
  await page.screenshot({ path: join(SHOTS, 'team-text-taken.png') });
  await dialog.getByRole('button', { name: 'Chiudi', exact: true }).last().click();

  await project.go('Codifica');
  await coding.choose('Fonte', /INT-02/);
  await expect(coding.text).toContainText('Trascrizione rivista.');
  const layers = page.getByRole('group', { name: 'Livelli dei codificatori' });
  await expect(layers).toContainText('Anna Bianchi (1 codifica)');
  await expect(layers).toContainText('Laura Neri (1 codifica)');
  await expect(
    coding.text.locator('.hl').filter({ hasText: 'Trascrizione rivista.' }).first(),
  ).toBeVisible();
  // The lead's own coding of INT-02 still covers its words on the corrected text.
  await expect(
    coding.text.locator('.hl').filter({ hasText: 'il laboratorio è nato dentro' }).first(),
  ).toBeVisible();
});

test('merging a package from a project started apart: a participant with the same pseudonym is not matched unless the lead ticks it', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  const team = new TeamPage(page);
  await start.goto(campo.url);
  await introduce(page, 'Laura Neri');

  // The demo's work, packaged whole.
  await start.openDemo();
  await project.go('Gruppo di lavoro');
  await page.getByRole('button', { name: 'Prepara un pacchetto per un collega…' }).click();
  const pkg = join(campo.root, 'demo.campopkg');
  await team.download(
    () =>
      page
        .getByRole('dialog', { name: 'Pacchetto di lavoro per un collega' })
        .getByRole('button', { name: 'Salva il pacchetto' })
        .click(),
    pkg,
  );

  // Another evaluation, whose INT-01 is someone else.
  await page.getByRole('button', { name: 'Chiudi progetto' }).click();
  await start.createProject('Valutazione Piemonte');
  await project.go('Partecipanti');
  await page.getByRole('button', { name: 'Nuovo partecipante' }).click();
  const editor = page.getByRole('region', { name: 'Partecipante INT-01' });
  await editor.getByLabel('Ruolo').fill('Sindaco');
  await editor.getByLabel('Ruolo').blur();
  await expect(project.saveIndicator).toHaveText(/^Salvato alle/);

  await project.go('Gruppo di lavoro');
  await team.pickReturn(pkg);
  const match = team.mergeDialog.getByRole('checkbox', { name: 'Partecipanti: INT-01' });
  await expect(match).not.toBeChecked();
  await expect(team.mergeDialog).toContainText(
    "Qui: Sindaco. Nel pacchetto: Funzionaria dell'Autorità di Gestione",
  );
  await page.screenshot({ path: join(SHOTS, 'team-match-participant.png') });
});
