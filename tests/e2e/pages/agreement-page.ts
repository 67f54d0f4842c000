import type { Page } from '@playwright/test';

/** The Accordo tab of the coding workbench: figures and the disagreement browser. */
export class AgreementPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('tab', { name: 'Accordo', exact: true }).click();
  }

  view(name: 'Indici' | 'Disaccordi' | 'Valutazioni') {
    return this.page.getByRole('tab', { name, exact: true });
  }

  /** The figures of one pair of coders ("Anna Rossi e Bruno Verdi"). */
  pair(name: string) {
    return this.page.getByRole('region', { name });
  }

  /** A row of a pair's per-code table. */
  codeRow(pair: string, code: string) {
    return this.pair(pair)
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: code, exact: true }) });
  }

  get list() {
    return this.page.getByRole('listbox', { name: 'Disaccordi' });
  }

  get selected() {
    return this.list.getByRole('option', { selected: true });
  }

  version(name: string) {
    return this.page.locator('.disagreement-detail').getByRole('region', { name });
  }
}
