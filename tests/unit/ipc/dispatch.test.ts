import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../src/main/core/dispatch';
import { createLogger } from '../../../src/main/core/logger';
import { errorMessage } from '../../../src/shared/i18n';
import { HANDLER_NAMES, contract } from '../../../src/shared/ipc/contract';
import { testCore } from '../../helpers/core';

const logger = createLogger(null);

describe('contract dispatch', () => {
  afterEach(() => vi.restoreAllMocks());

  it('has an implementation for every handler of the contract, and nothing else', async () => {
    const { core } = await testCore();
    expect(Object.keys(core.handlers).sort()).toEqual([...HANDLER_NAMES].sort());
    expect(Object.keys(contract).length).toBe(HANDLER_NAMES.length);
  });

  it('refuses unknown handlers and invalid arguments before any handler runs', async () => {
    const { core } = await testCore();
    expect(await dispatch(core.handlers, 'rmRf', {}, logger)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await dispatch(core.handlers, 'projectOpen', { path: 42 }, logger)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { reason: expect.stringContaining('path') } },
    });
    expect(
      await dispatch(core.handlers, 'projectOpen', { path: '/x', extra: true }, logger),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await dispatch(core.handlers, 'questionAdd', { text: '' }, logger)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('says what is wrong with a refused value in the user’s language, never with a schema path', async () => {
    const { core } = await testCore();
    const refused = await dispatch(
      core.handlers,
      'ngtUpdate',
      { sessionId: 's1', patch: { date: '15/06/2021' } },
      logger,
    );
    if (refused.ok) throw new Error('a day-first date reached the handler');
    expect(errorMessage(refused.error, 'it')).toBe(
      'Valore non valido: scrivi una data come 15/06/2021 (data)',
    );
    expect(errorMessage(refused.error, 'en')).toBe(
      'Invalid value: write a date as 15/06/2021 (date)',
    );
    const empty = await dispatch(core.handlers, 'questionAdd', { text: '' }, logger);
    if (empty.ok) throw new Error('an empty question was added');
    expect(errorMessage(empty.error, 'it')).toBe(
      'Valore non valido: non può restare vuoto (testo)',
    );
    for (const error of [refused.error, empty.error])
      expect(errorMessage(error, 'it')).not.toMatch(/patch\.|Invalid|expected/);
  });

  it('answers user errors with their code and bugs as INTERNAL, logged with the stack', async () => {
    const { core } = await testCore();
    expect(
      await dispatch(core.handlers, 'questionAdd', { text: 'Domanda?' }, logger),
    ).toMatchObject({
      ok: false,
      error: { code: 'NO_PROJECT_OPEN' },
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = { ...core.handlers, appInfo: async () => Promise.reject(new TypeError('boom')) };
    expect(await dispatch(broken, 'appInfo', {}, logger)).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'boom' },
    });
    expect(String(logged.mock.calls[0]?.[1])).toContain('TypeError: boom');
  });

  it('creates a project, adds a question and finds it after closing and reopening', async () => {
    const { core, events, projectsDir } = await testCore();
    const created = await dispatch(
      core.handlers,
      'projectCreate',
      { name: 'Valutazione', parentDir: projectsDir },
      logger,
    );
    expect(created.ok).toBe(true);
    const path = (created as { value: { path: string } }).value.path;
    const added = await dispatch(
      core.handlers,
      'questionAdd',
      { text: 'I bisogni sono cambiati?', criterion: 'Contesto e SWOT' },
      logger,
    );
    expect(added).toMatchObject({
      ok: true,
      value: { code: 'DV1', text: 'I bisogni sono cambiati?' },
    });
    expect(events.map((e) => e.event)).toContain('saveState');
    expect(
      await dispatch(core.handlers, 'questionAdd', { code: 'dv1', text: 'Doppia' }, logger),
    ).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE', details: { value: 'dv1' } },
    });
    await dispatch(core.handlers, 'projectClose', {}, logger);
    const reopened = await dispatch(core.handlers, 'projectOpen', { path }, logger);
    expect(reopened).toMatchObject({
      ok: true,
      value: { project: { questions: [{ code: 'DV1' }] } },
    });
    const recent = await dispatch(core.handlers, 'recentList', {}, logger);
    expect(recent).toMatchObject({
      ok: true,
      value: [{ path, title: 'Valutazione', exists: true }],
    });
    await core.shutdown();
  });

  it('keeps the current project open when opening another one fails', async () => {
    const { core, projectsDir } = await testCore();
    await dispatch(
      core.handlers,
      'projectCreate',
      { name: 'Aperto', parentDir: projectsDir },
      logger,
    );
    const failed = await dispatch(
      core.handlers,
      'projectOpen',
      { path: `${projectsDir}/inesistente.campo` },
      logger,
    );
    expect(failed).toMatchObject({ ok: false, error: { code: 'PATH_NOT_FOUND' } });
    expect(await dispatch(core.handlers, 'projectCurrent', {}, logger)).toMatchObject({
      ok: true,
      value: { project: { meta: { title: 'Aperto' } } },
    });
    await core.shutdown();
  });
});
