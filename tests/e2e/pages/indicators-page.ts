import { expect, type Page } from '@playwright/test';

/** The indicators screen: the new-indicator form, its editor dialog, the table and verdicts. */
export class IndicatorsPage {
  constructor(readonly page: Page) {}

  /** Adds an indicator and types its amounts in the editor (as an Italian writes them). */
  async add(axis: string, name: string, amounts: Record<string, string>) {
    const form = this.page.getByRole('form', { name: 'Nuovo indicatore' });
    await form.getByLabel('Asse', { exact: true }).fill(axis);
    await form.getByLabel('Indicatore', { exact: true }).fill(name);
    await form.getByRole('button', { name: 'Nuovo indicatore' }).click();
    const dialog = this.page.getByRole('dialog');
    for (const [label, value] of Object.entries(amounts)) {
      await dialog.getByLabel(label, { exact: true }).fill(value);
      await dialog.getByLabel(label, { exact: true }).blur();
    }
    await expect(this.page.getByTestId('save-indicator')).toHaveText(/^Salvato alle/);
    await dialog.getByRole('button', { name: 'Chiudi', exact: true }).last().click();
    await expect(dialog).toBeHidden();
  }

  get table() {
    return this.page.locator('.indicators-table');
  }

  get verdicts() {
    return this.page.getByRole('table', { name: /Quadro di efficacia: esito per asse/ });
  }
}
