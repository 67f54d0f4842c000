import type { Page } from '@playwright/test';

/** The open project: navigation, top bar, save indicator, and the screens' main elements. */
export class ProjectPage {
  constructor(readonly page: Page) {}

  nav(name: string) {
    return this.page.getByRole('navigation').getByRole('button', { name, exact: true });
  }

  async go(name: string) {
    await this.nav(name).click();
    await this.page.getByRole('heading', { level: 1, name }).waitFor();
  }

  get saveIndicator() {
    return this.page.getByTestId('save-indicator');
  }

  count(screen: string) {
    return this.page.getByTestId(`count-${screen}`);
  }

  async addQuestion(text: string, criterion = '') {
    const form = this.page.getByRole('form', { name: 'Nuova domanda' });
    await form.getByLabel('Domanda').fill(text);
    if (criterion) await form.getByLabel('Criterio').fill(criterion);
    await form.getByRole('button', { name: 'Aggiungi' }).click();
  }

  questionRow(code: string) {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: code, exact: true }) });
  }

  async setMeta(label: string, value: string) {
    const field = this.page.getByLabel(label, { exact: true });
    await field.fill(value);
    await field.blur();
  }

  notification(text: string | RegExp) {
    return this.page.locator('.notifications').getByText(text);
  }
}
