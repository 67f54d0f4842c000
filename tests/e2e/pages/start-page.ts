import type { Page } from '@playwright/test';

/** The start screen: new project, open, recent, demo. */
export class StartPage {
  constructor(readonly page: Page) {}

  async goto(url: string) {
    await this.page.goto(url);
    await this.page.getByRole('heading', { name: 'Campo', level: 1 }).waitFor();
  }

  async createProject(name: string, programme = '') {
    const form = this.page.getByRole('form', { name: 'Nuovo progetto' });
    await form.getByLabel('Nome del progetto').fill(name);
    if (programme) await form.getByLabel('Programma (facoltativo)').fill(programme);
    await form.getByRole('button', { name: 'Crea progetto' }).click();
  }

  /** The start screen at `url`, then a new project named `name`. */
  async createProjectAt(url: string, name: string, programme = '') {
    await this.goto(url);
    await this.createProject(name, programme);
  }

  openDemo() {
    return this.page.getByRole('button', { name: 'Apri il progetto dimostrativo' }).click();
  }

  /** The start screen at `url`, then the demo project. */
  async openDemoAt(url: string) {
    await this.goto(url);
    await this.openDemo();
  }

  recent(title: string) {
    return this.page.locator('.recent-list').getByRole('button', { name: new RegExp(title) });
  }
}
