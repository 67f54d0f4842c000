import { describe, expect, it } from 'vitest';
import { projectCore } from '../../helpers/core';

describe('interview codes and participant pseudonyms never name two different things', () => {
  it('number new interviews and participants around each other’s codes', async () => {
    const { call, refusal, core } = await projectCore();
    const first = await call('sessionAdd', { kind: 'interview' });
    const interview = await call('sessionAdd', { kind: 'interview' });
    expect([first.code, interview.code]).toEqual(['INT-01', 'INT-02']);
    // A participant on their own skips the interview codes: INT-03, not INT-01.
    const standalone = await call('participantAdd', {});
    expect(standalone.code).toBe('INT-03');
    // An interviewee added from an interview takes its code; a second one INT-02-P2.
    const interviewee = await call('participantAdd', { sessionId: interview.id });
    expect(interviewee.code).toBe('INT-02');
    const second = await call('participantAdd', { sessionId: interview.id });
    expect(second.code).toBe('INT-02-P2');
    // A code typed for a new interview may not be someone else's pseudonym.
    expect(await refusal('sessionAdd', { kind: 'interview', code: 'INT-03' })).toMatchObject({
      code: 'DUPLICATE',
    });

    // Renaming into a clash is refused; renaming to the code of one's own interview is not.
    expect(
      await refusal('sessionUpdate', { id: interview.id, patch: { code: 'INT-03' } }),
    ).toMatchObject({ code: 'DUPLICATE', details: { value: 'INT-03' } });
    expect(
      await refusal('participantUpdate', { id: standalone.id, patch: { code: 'INT-02' } }),
    ).toMatchObject({ code: 'DUPLICATE' });
    await call('participantUpdate', { id: second.id, patch: { code: 'INT-02-B' } });
    await call('sessionUpdate', { id: interview.id, patch: { title: 'Comune' } });
    await core.shutdown();
  });
});
