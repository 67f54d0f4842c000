import type { Page } from '@playwright/test';

/** The rating-matrix screen: the keyboard grid, the cell panel, the summaries. */
export class MatrixPage {
  constructor(readonly page: Page) {}

  get grid() {
    return this.page.getByRole('grid');
  }

  cell(row: string, column: string) {
    return this.grid.getByRole('gridcell', { name: new RegExp(`^${row}.* × ${column}:`) });
  }

  get panel() {
    return this.page.getByRole('complementary', { name: 'Cella selezionata' });
  }

  summary(dimension: string) {
    return this.page.getByRole('table', { name: `Sintesi – ${dimension}` });
  }
}
