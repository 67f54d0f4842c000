import type { Page } from '@playwright/test';

/** Interviews and focus groups: the list, a record, its guide, imports and live notes. */
export class SessionsPage {
  constructor(readonly page: Page) {}

  async newInterview() {
    await this.page.getByRole('button', { name: 'Nuova intervista' }).click();
    await this.page.getByRole('button', { name: 'Appunti dal vivo' }).waitFor();
  }

  async addGuideQuestion(text: string, questionCodes: string[]) {
    const guide = this.page.getByRole('region', { name: 'Traccia' });
    const before = await guide.locator('.guide-item').count();
    await guide.getByLabel('Nuova domanda della traccia').fill(text);
    await guide.getByRole('button', { name: 'Aggiungi' }).click();
    // Wait for the new item: reading the count at once can see the list before it grows.
    await guide.locator('.guide-item').nth(before).waitFor();
    const number = before + 1;
    const links = guide.getByRole('group', {
      name: `Domande di valutazione collegate alla domanda ${number}`,
    });
    for (const code of questionCodes)
      await links.getByRole('button', { name: code, exact: true }).click();
  }

  async importTranscript(
    files:
      | { name: string; mimeType: string; buffer: Buffer }
      | Array<{ name: string; mimeType: string; buffer: Buffer }>,
  ) {
    await this.page.getByRole('button', { name: 'Importa trascrizione…' }).click();
    await this.page.getByRole('dialog').locator('input[type=file]').setInputFiles(files);
    await this.previewTurns.waitFor();
  }

  /** The first turns of the file being previewed, as they will be saved. */
  get previewTurns() {
    return this.page.getByRole('list', { name: 'Anteprima dei primi turni' });
  }

  speakerSelect(label: string) {
    return this.page.getByLabel(`Chi è ${label}`);
  }

  /** The box that leaves line `n` of the file out of the import. */
  ignoreLine(n: number) {
    return this.page.getByRole('checkbox', { name: `Ignora la riga ${n}`, exact: true });
  }

  source(title: string | RegExp) {
    return this.page
      .getByRole('region', { name: 'Trascrizioni e note' })
      .getByRole('button', { name: title });
  }
}
