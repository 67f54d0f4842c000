import { randomUUID } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ProjectPage } from './pages/project-page';
import { StartPage } from './pages/start-page';

/** A new project with one question saved, then closed: the start screen is shown again. */
async function savedAndClosed(page: Page, url: string, name: string, question: string) {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  await start.createProjectAt(url, name);
  await project.go('Domande di valutazione');
  await project.addQuestion(question);
  await expect(project.saveIndicator).toHaveText(/Salvato alle/);
  await page.getByRole('button', { name: 'Chiudi progetto' }).click();
  // The start page shows once the close is done: only then is the folder Campo's no more.
  await expect(start.recent(name)).toBeVisible();
  return { start, project };
}

test('the page has no Node, a strict CSP, and makes no request outside the app', async ({
  page,
  campo,
}) => {
  const origin = new URL(campo.url).origin;
  const answered: string[] = [];
  const blocked: Array<{ url: string; reason: string }> = [];
  page.on('response', (response) => answered.push(response.url()));
  page.on('requestfailed', (request) =>
    blocked.push({ url: request.url(), reason: request.failure()?.errorText ?? '' }),
  );
  const start = new StartPage(page);
  await start.openDemoAt(campo.url);
  await new ProjectPage(page).go('Interviste');

  expect(
    await page.evaluate(() => [
      typeof (globalThis as { process?: unknown }).process,
      typeof (globalThis as { require?: unknown }).require,
    ]),
  ).toEqual(['undefined', 'undefined']);
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toMatch(/https?:/);

  // Code that tries to reach the network is stopped by the policy before any request is made.
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(event.blockedURI),
    );
    const fetched = await fetch('https://example.com/track').then(
      () => 'sent',
      () => 'blocked',
    );
    const image = new Image();
    image.src = 'http://example.com/pixel.png';
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { fetched, violations };
  });
  expect(outcome.fetched).toBe('blocked');
  expect(outcome.violations).toEqual(
    expect.arrayContaining(['https://example.com/track', 'http://example.com/pixel.png']),
  );
  // Only the app's own host ever answered; the attempts elsewhere died in the browser.
  expect(answered.filter((url) => !url.startsWith(origin))).toEqual([]);
  for (const attempt of blocked.filter((b) => !b.url.startsWith(origin))) {
    expect(attempt.reason, attempt.url).toMatch(/csp/i);
  }
});

test('a damaged project.json is kept, explained, and replaced by the newest backup on request', async ({
  page,
  campo,
}) => {
  const { start, project } = await savedAndClosed(
    page,
    campo.url,
    'Progetto fragile',
    'Domanda salvata prima del danno',
  );

  const dir = join(campo.projectsDir, 'Progetto fragile.campo');
  const damaged = '{"schemaVersion": 1, "app": "campo", "meta": {"tit';
  await writeFile(join(dir, 'project.json'), damaged);

  await start.recent('Progetto fragile').click();
  const dialog = page.getByRole('dialog', { name: 'Il progetto non si può aprire' });
  await expect(dialog).toContainText('è danneggiato');
  await expect(dialog).toContainText('Non verrà sovrascritto');
  await dialog
    .getByRole('button', { name: /Ripristina il backup del/ })
    .first()
    .click();

  await expect(page.locator('.notifications')).toContainText('Backup ripristinato');
  await project.go('Domande di valutazione');
  await expect(project.questionRow('DV1')).toContainText('Domanda salvata prima del danno');
  const kept = (await readdir(dir)).filter((name) => name.startsWith('project.corrupt-'));
  expect(kept).toHaveLength(1);
  expect(await readFile(join(dir, kept[0]!), 'utf8')).toBe(damaged);
});

test('a damaged project.json is replaced by the last version Campo saved, when it kept one', async ({
  page,
  campo,
}) => {
  const { start, project } = await savedAndClosed(
    page,
    campo.url,
    'Progetto ripreso',
    'Domanda scritta dopo la copia di sicurezza',
  );
  const dir = join(campo.projectsDir, 'Progetto ripreso.campo');
  const whole = await readFile(join(dir, 'project.json'), 'utf8');
  await writeFile(join(dir, 'project.json'), whole.slice(0, whole.length / 2));

  await start.recent('Progetto ripreso').click();
  const dialog = page.getByRole('dialog', { name: 'Il progetto non si può aprire' });
  await expect(dialog).toContainText('una copia dell’ultima versione salvata');
  await page.screenshot({ path: 'test-results/artefacts/recovery-last-saved.png' });
  await dialog.getByRole('button', { name: 'Ripristina l’ultima versione salvata' }).click();
  await expect(page.locator('.notifications')).toContainText(
    'Ripristinata l’ultima versione salvata',
  );
  await project.go('Domande di valutazione');
  await expect(project.questionRow('DV1')).toContainText('Domanda scritta dopo la copia');
  const kept = (await readdir(dir)).filter((name) => name.startsWith('project.corrupt-'));
  expect(kept).toHaveLength(1);
});

test('a project open elsewhere is refused with who holds it', async ({ page, campo }) => {
  const start = new StartPage(page);
  await start.createProjectAt(campo.url, 'Progetto condiviso');
  await page.getByRole('button', { name: 'Chiudi progetto' }).click();
  // Wait until the app has released its own lock before another holder appears.
  await expect(start.recent('Progetto condiviso')).toBeVisible();
  const now = new Date().toISOString();
  const lock = {
    app: 'campo',
    sessionId: randomUUID(),
    pid: process.pid,
    host: hostname(),
    user: 'mario',
    createdAt: now,
    heartbeatAt: now,
  };
  await writeFile(
    join(campo.projectsDir, 'Progetto condiviso.campo', '.lock'),
    JSON.stringify(lock),
  );

  await start.recent('Progetto condiviso').click();
  await expect(page.getByRole('alert')).toContainText(
    `Il progetto è già aperto da mario su ${hostname()}`,
  );
  await expect(
    page
      .getByRole('heading', { name: 'Benvenuto in Campo' })
      .or(page.getByRole('heading', { name: 'Campo', level: 1 })),
  ).toBeVisible();
});

test('a backup is restored from the project, after a confirmation, and the state it replaced is kept', async ({
  page,
  campo,
}) => {
  const { start, project } = await savedAndClosed(
    page,
    campo.url,
    'Progetto con copie',
    'Domanda di prima',
  );
  // Opening takes a snapshot: the project with its first question only.
  await start.recent('Progetto con copie').click();
  await project.go('Domande di valutazione');
  await project.addQuestion('Domanda di dopo');
  await expect(project.questionRow('DV2')).toContainText('Domanda di dopo');

  await page.getByRole('button', { name: 'Copie di sicurezza' }).click();
  const dialog = page.getByRole('dialog', { name: 'Copie di sicurezza' });
  await expect(dialog.getByRole('row').nth(1)).toContainText('automatica');
  await dialog
    .getByRole('button', { name: /^Ripristina la copia del/ })
    .first()
    .click();
  await expect(dialog).toContainText('Ciò che è stato fatto dopo resta nella copia');
  await page.screenshot({ path: 'test-results/artefacts/backups-confirm.png' });
  await dialog.getByRole('button', { name: 'Ripristina questa copia' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.notifications')).toContainText('Copia di sicurezza ripristinata');
  await project.go('Domande di valutazione');
  await expect(project.questionRow('DV1')).toContainText('Domanda di prima');
  await expect(project.questionRow('DV2')).toHaveCount(0);
  // What the restore replaced is a backup of its own.
  await page.getByRole('button', { name: 'Copie di sicurezza' }).click();
  await expect(dialog.getByRole('row').nth(1)).toContainText('prima di un ripristino');
  await page.screenshot({ path: 'test-results/artefacts/backups-list.png' });
});

test('the open dialog opens a project whose path is typed, and does not offer its backups as projects', async ({
  page,
  campo,
}) => {
  const start = new StartPage(page);
  const project = new ProjectPage(page);
  await start.createProjectAt(campo.url, 'Progetto da aprire');
  await expect(project.saveIndicator).toBeVisible();
  await page.getByRole('button', { name: 'Chiudi progetto' }).click();
  // Opened again: opening takes a snapshot.
  await start.recent('Progetto da aprire').click();
  await expect(project.saveIndicator).toBeVisible();
  await page.getByRole('button', { name: 'Chiudi progetto' }).click();
  const dir = join(campo.projectsDir, 'Progetto da aprire.campo');
  const backup = (await readdir(join(dir, 'backups')))[0]!;

  await page.getByRole('button', { name: 'Apri progetto…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Apri un progetto Campo' });
  await dialog.getByLabel('Percorso').fill(join(dir, 'backups'));
  await dialog.getByRole('button', { name: 'Vai' }).click();
  // A backup is listed as a folder, not as a project: it is not opened to work in.
  await expect(dialog.getByRole('button', { name: new RegExp(backup) })).toBeVisible();
  await expect(dialog.locator('.folder-project')).toHaveCount(0);
  await dialog.getByLabel('Percorso').fill(dir);
  await dialog.getByRole('button', { name: 'Vai' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();
  await expect(page.locator('.topbar-title')).toContainText('Progetto da aprire');
});
