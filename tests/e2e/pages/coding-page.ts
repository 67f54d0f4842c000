import type { Page } from '@playwright/test';

/** The coding workbench: codebook, text, side panel, and the retrieval/search/matrix tabs. */
export class CodingPage {
  constructor(readonly page: Page) {}

  get text() {
    return this.page.getByTestId('coding-text');
  }

  get side() {
    return this.page.getByRole('complementary', { name: 'Codifica della selezione' });
  }

  tab(name: 'Testi' | 'Recupero' | 'Ricerca' | 'Matrici') {
    return this.page.getByRole('tab', { name, exact: true });
  }

  /** The codebook row of a code, by the start of its name. */
  code(name: string) {
    return this.page.getByRole('treeitem').filter({ hasText: name });
  }

  /**
   * Selects `phrase` in the text as a drag would (a DOM range over it), then releases the
   * mouse so the workbench reads the selection.
   */
  async select(phrase: string) {
    await this.text.evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(wanted);
        if (at < 0) continue;
        // A user selects what they see: bring it on screen first (an off-screen selection
        // is not armed for quick keys).
        node.parentElement!.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        return;
      }
      throw new Error(`"${wanted}" is not on screen`);
    }, phrase);
    await this.text.dispatchEvent('mouseup');
  }

  /** Picks the option of a select whose text matches `option` (e.g. /^DV1 –/). */
  async choose(field: string, option: RegExp) {
    const select = this.page.getByLabel(field, { exact: true });
    const label = await select.locator('option').filter({ hasText: option }).first().textContent();
    await select.selectOption({ label: label! });
  }

  /** Moves focus out of any field, so Ctrl+Z goes to the coding history. */
  async leaveFields() {
    await this.page.getByRole('heading', { level: 1 }).click();
  }
}
