import { chromium } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startBrowserHost } from './helpers/browser-host';
const root = await mkdtemp('/tmp/walk5/r-');
const lead = await startBrowserHost(join(root, 'lc'), join(root, 'lp'));
const anna = await startBrowserHost(join(root, 'ac'), join(root, 'ap'));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 820 }, acceptDownloads: true });
const shot = (n: string) => page.screenshot({ path: `/tmp/walk5/${n}.png` });
const introduce = async (name: string) => {
  const w = page.getByRole('region', { name: 'Benvenuto: come ti chiami?' });
  await w.getByLabel('Nome', { exact: true }).fill(name);
  await w.getByRole('button', { name: 'Salva' }).click();
};
await page.goto(lead.url);
await introduce('Laura Neri');
await page.getByRole('button', { name: /Apri il progetto dimostrativo/ }).click();
await page.getByRole('link', { name: 'Gruppo di lavoro' }).or(page.getByRole('button', { name: 'Gruppo di lavoro' })).first().click();
await page.waitForTimeout(800);
await shot('01-team-own');
// package
await page.getByRole('button', { name: 'Prepara un pacchetto per un collega…' }).click();
const dialog = page.getByRole('dialog', { name: 'Pacchetto di lavoro per un collega' });
const dl = page.waitForEvent('download');
await dialog.getByRole('button', { name: 'Salva il pacchetto' }).click();
const pkg = join(root, 'pkg.campopkg');
await (await dl).saveAs(pkg);
// report export with progress
await page.getByRole('link', { name: 'Rapporto' }).or(page.getByRole('button', { name: 'Rapporto' })).first().click();
await page.waitForTimeout(800);
await shot('02-report');
const d2 = page.waitForEvent('download');
await page.getByRole('button', { name: /Esporta.*Word|Esporta il rapporto|DOCX/ }).first().click();
await page.waitForTimeout(150);
await shot('03-report-exporting');
await (await d2).saveAs(join(root, 'r.docx'));
await page.waitForTimeout(500);
await shot('04-report-done');
// Anna opens package
await page.goto(anna.url);
await introduce('Anna Bianchi');
await page.getByLabel('Apri un pacchetto di lavoro…').setInputFiles(pkg);
await page.waitForTimeout(1500);
await page.getByRole('link', { name: 'Gruppo di lavoro' }).or(page.getByRole('button', { name: 'Gruppo di lavoro' })).first().click();
await page.waitForTimeout(800);
await shot('05-team-received');
// keyboard: tab to the return button
await browser.close();
lead.child.kill(); anna.child.kill();
console.log('done', root);
