import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { expect, test } from './fixtures';
import { ProjectPage } from './pages/project-page';
import { StartPage } from './pages/start-page';

const FIXTURES = join(process.cwd(), '..', 'shared', 'fixtures', 'refi-qda');

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
