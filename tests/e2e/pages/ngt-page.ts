import type { Page } from '@playwright/test';

/** An NGT session: its steps, the round robin, the ballots, the projector view. */
export class NgtPage {
  constructor(readonly page: Page) {}

  /** Types the nominal question and creates the session with Enter, as a facilitator would. */
  async create(question: string) {
    await this.page.getByLabel('Domanda nominale').fill(question);
    await this.page.getByLabel('Domanda nominale').press('Enter');
    await this.page.getByRole('navigation', { name: 'Passi della sessione' }).waitFor();
  }

  async step(name: string) {
    await this.page
      .getByRole('navigation', { name: 'Passi della sessione' })
      .getByRole('button', { name: new RegExp(`^\\d\\. ${name}$`) })
      .click();
    await this.page.getByRole('region', { name }).waitFor();
  }

  async record(text: string) {
    const count = await this.page.getByRole('list', { name: 'Idee' }).getByRole('listitem').count();
    await this.page.getByLabel('Idea', { exact: true }).fill(text);
    await this.page.getByRole('button', { name: 'Registra' }).click();
    await this.page.getByRole('list', { name: 'Idee' }).getByRole('listitem').nth(count).waitFor();
  }

  /** Types a ranking card: idea codes from first place down, then saves. */
  async card(codes: string[]) {
    const form = this.page.getByRole('form', { name: 'Scheda di voto' });
    const slots = form.getByRole('textbox');
    for (let i = 0; i < codes.length; i++) await slots.nth(i).fill(codes[i]!);
    await form.getByRole('button', { name: 'Salva la scheda' }).click();
  }
}
