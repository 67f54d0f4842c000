import { describe, expect, it } from 'vitest';
import { alphaBand, kappaBand } from '../../../src/shared/domain/agreement-interpretation';

describe('reading a coefficient', () => {
  it('puts κ in the Landis & Koch band, bounds inclusive, undefined as null', () => {
    expect([-0.1, 0, 0.2, 0.21, 0.4, 0.41, 0.6, 0.61, 0.8, 0.81, 1].map(kappaBand)).toEqual([
      'poor',
      'slight',
      'slight',
      'fair',
      'fair',
      'moderate',
      'moderate',
      'substantial',
      'substantial',
      'almostPerfect',
      'almostPerfect',
    ]);
    expect(kappaBand(null)).toBeNull();
    expect(kappaBand(Number.NaN)).toBeNull();
  });

  it('reads α against Krippendorff’s 0,667 and 0,800', () => {
    expect([0.5, 0.666, 0.667, 0.799, 0.8, 1].map(alphaBand)).toEqual([
      'unreliable',
      'unreliable',
      'tentative',
      'tentative',
      'reliable',
      'reliable',
    ]);
    expect(alphaBand(null)).toBeNull();
  });
});
