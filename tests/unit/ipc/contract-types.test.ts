import { describe, expectTypeOf, it } from 'vitest';
import type {
  CampoApi,
  HandlerResult,
  Handlers,
  PreloadApi,
} from '../../../src/shared/ipc/contract';
import type { Envelope } from '../../../src/shared/ipc/errors';
import type { ProjectSnapshot } from '../../../src/shared/ipc/types';

// These checks run in `npm run typecheck`: a wrong contract type fails the build, not a test run.
describe('contract types', () => {
  it('derive the client, the preload and the implementation from one declaration', () => {
    expectTypeOf<HandlerResult<'projectOpen'>>().toEqualTypeOf<ProjectSnapshot>();
    expectTypeOf<CampoApi['projectOpen']>().parameters.toEqualTypeOf<[args: { path: string }]>();
    expectTypeOf<ReturnType<PreloadApi['projectOpen']>>().toEqualTypeOf<
      Promise<Envelope<ProjectSnapshot>>
    >();
    expectTypeOf<Handlers['questionAdd']>().returns.resolves.toHaveProperty('code');
  });

  it('let handlers without required arguments be called bare, and demand them otherwise', () => {
    const api = {} as CampoApi;
    const bare = () => api.appInfo();
    // @ts-expect-error projectOpen needs a path
    const missing = () => api.projectOpen();
    // @ts-expect-error arguments are checked by name and type
    const wrong = () => api.projectOpen({ path: 1 });
    expectTypeOf(bare).returns.resolves.toHaveProperty('version');
    void missing;
    void wrong;
  });
});
