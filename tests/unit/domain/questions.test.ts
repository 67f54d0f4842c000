import { describe, expect, it } from 'vitest';
import { isQuestionCodeTaken, nextQuestionCode } from '../../../src/shared/domain/questions';
import { patchSchema } from '../../../src/shared/model/patch';
import { EvaluationQuestionSchema } from '../../../src/shared/model/project';

describe('evaluation question codes', () => {
  it('continue after the highest DV number, ignoring other codes', () => {
    expect(nextQuestionCode([])).toBe('DV1');
    expect(
      nextQuestionCode([{ code: 'DV1' }, { code: 'DV7' }, { code: 'Q-extra' }, { code: 'dv3' }]),
    ).toBe('DV8');
  });

  it('compare codes without case or surrounding spaces, except the question itself', () => {
    const questions = [
      { id: 'a', code: 'DV1' },
      { id: 'b', code: 'DV2' },
    ];
    expect(isQuestionCodeTaken(questions, ' dv1 ')).toBe(true);
    expect(isQuestionCodeTaken(questions, 'DV1', 'a')).toBe(false);
    expect(isQuestionCodeTaken(questions, 'DV3')).toBe(false);
  });
});

describe('patch schemas', () => {
  it('leave out what the patch does not name (no defaults filled in) and refuse unknown keys', () => {
    const patch = patchSchema(EvaluationQuestionSchema.omit({ id: true }));
    expect(patch.parse({ text: 'Nuovo testo' })).toEqual({ text: 'Nuovo testo' });
    expect(patch.safeParse({ colour: 'red' }).success).toBe(false);
    expect(patch.safeParse({ text: '' }).success).toBe(false);
  });
});
