import type { Page } from '@playwright/test';

/** The report composer: sections, cover details, outline preview, exports. */
export class ReportPage {
  constructor(readonly page: Page) {}

  get sections() {
    return this.page.getByRole('list', { name: 'Sezioni' });
  }

  section(name: string) {
    return this.sections.getByRole('checkbox', { name, exact: true });
  }

  /** The headings the report will have, as the preview lists them. */
  get outline() {
    return this.page.getByRole('list', { name: 'Indice del rapporto' }).getByRole('listitem');
  }

  /** Leaves only the named sections ticked. */
  async keepOnly(names: string[]) {
    const labels = await this.sections
      .getByRole('checkbox')
      .evaluateAll((boxes) =>
        boxes.map(
          (box) => box.closest('label')?.querySelector('.section-label')?.textContent ?? '',
        ),
      );
    for (const label of labels) {
      if (names.includes(label)) await this.section(label).check();
      else await this.section(label).uncheck();
    }
  }
}
