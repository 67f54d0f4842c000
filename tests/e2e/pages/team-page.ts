import type { Download, Page } from '@playwright/test';

/** Teamwork: identity, the Gruppo di lavoro screen, packages and the merge dialog. */
export class TeamPage {
  constructor(readonly page: Page) {}

  /** Sets who the user is, from Impostazioni. */
  async setIdentity(name: string, initials: string) {
    await this.page.getByRole('button', { name: 'Impostazioni' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'Impostazioni' });
    await dialog.getByLabel('Nome', { exact: true }).fill(name);
    await dialog.getByLabel('Iniziali', { exact: true }).fill(initials);
    await dialog.getByRole('button', { name: 'Salva' }).click();
    await this.page.locator('.notifications').getByText(`Ora lavori come ${name}.`).waitFor();
    await dialog.getByRole('button', { name: 'Chiudi' }).click();
  }

  /** The file a click downloads, saved under `path`. */
  async download(click: () => Promise<void>, path: string): Promise<Download> {
    const waiting = this.page.waitForEvent('download');
    await click();
    const file = await waiting;
    await file.saveAs(path);
    return file;
  }

  /** A blind package of the sources whose label matches `source`. */
  async makeBlindPackage(source: RegExp, path: string) {
    await this.page.getByRole('button', { name: 'Prepara un pacchetto per un collega…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Pacchetto di lavoro per un collega' });
    await dialog.getByLabel('Solo le interviste e fonti scelte').check();
    await dialog.getByRole('checkbox', { name: source }).check();
    await dialog.getByLabel(/^Cieco/).check();
    return this.download(
      () => dialog.getByRole('button', { name: 'Salva il pacchetto' }).click(),
      path,
    );
  }

  get mergeDialog() {
    return this.page.getByRole('dialog', { name: 'Unisci il lavoro di un collega' });
  }

  async pickReturn(path: string) {
    await this.page.getByRole('button', { name: 'Unisci il lavoro di un collega…' }).click();
    await this.mergeDialog.getByLabel('Scegli il pacchetto…').setInputFiles(path);
  }
}
