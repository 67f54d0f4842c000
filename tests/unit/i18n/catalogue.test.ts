import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, errorMessage, translator } from '../../../src/shared/i18n';
import { formatMessage } from '../../../src/shared/i18n/format';
import { en } from '../../../src/shared/i18n/en';
import { it as itCatalogue } from '../../../src/shared/i18n/it';
import { ERROR_CODES } from '../../../src/shared/ipc/errors';

/** Names of `{name}` placeholders and `{name, plural, …}` selectors (not plural branch texts). */
const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((match) => match[1]).sort();

describe('message catalogues', () => {
  it('have exactly the same keys in Italian and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(itCatalogue).sort());
  });

  it('use the same placeholders in both languages, and no message is empty', () => {
    for (const key of Object.keys(itCatalogue) as Array<keyof typeof itCatalogue>) {
      expect(placeholders(en[key]), key).toEqual(placeholders(itCatalogue[key]));
      expect(itCatalogue[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('have a message for every error code in every language', () => {
    for (const catalogue of Object.values(CATALOGUES)) {
      for (const code of ERROR_CODES) expect(catalogue, code).toHaveProperty(`errors.${code}`);
    }
  });

  it('cover every key used in the source code', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) files.push(path);
      }
    };
    walk(join(import.meta.dirname, '..', '..', '..', 'src'));
    const used = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z]+\.[\w.-]+)'/g)) used.add(match[1]!);
      for (const match of text.matchAll(/key: '([a-zA-Z]+\.[\w.-]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) expect(itCatalogue, key).toHaveProperty(key);
  });
});

describe('formatMessage', () => {
  it('fills placeholders and Italian plurals, with exact matches first', () => {
    const template =
      '{n, plural, =0 {Nessuna domanda} one {# domanda} other {# domande}} di valutazione';
    expect(formatMessage(template, { n: 0 }, 'it')).toBe('Nessuna domanda di valutazione');
    expect(formatMessage(template, { n: 1 }, 'it')).toBe('1 domanda di valutazione');
    expect(formatMessage(template, { n: 1234 }, 'it')).toBe('1.234 domande di valutazione');
    expect(formatMessage('Salvato alle {time}', { time: '10:42' }, 'it')).toBe(
      'Salvato alle 10:42',
    );
  });

  it('formats numbers the Italian way (1.234,5)', () => {
    expect(formatMessage('{x}', { x: 1234.5 }, 'it')).toBe('1.234,5');
    expect(formatMessage('{x}', { x: 1234.5 }, 'en')).toBe('1,234.5');
  });

  it('leaves an unknown placeholder visible rather than silently empty', () => {
    expect(formatMessage('Ciao {nome}', {}, 'it')).toBe('Ciao {nome}');
  });
});

describe('errorMessage', () => {
  it('translates an error from its code and details', () => {
    const error = {
      code: 'PROJECT_LOCKED' as const,
      message: 'locked',
      details: { user: 'mario', host: 'PC-UFFICIO', pid: 42 },
    };
    expect(errorMessage(error, 'it')).toBe(
      'Il progetto è già aperto da mario su PC-UFFICIO (processo 42). Chiudilo lì prima di aprirlo qui.',
    );
    expect(errorMessage(error, 'en')).toContain('already open by mario on PC-UFFICIO');
    expect(translator('en')('save.saved', { time: '10:42' })).toBe('Saved at 10:42');
  });
});
