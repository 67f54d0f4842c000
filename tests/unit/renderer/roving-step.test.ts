import { describe, expect, it } from 'vitest';
import { rovingStep } from '../../../src/renderer/components/roving-step';

describe('rovingStep', () => {
  const tabs = { previous: 'ArrowLeft', next: 'ArrowRight', wrap: true };
  const tree = { previous: 'ArrowUp', next: 'ArrowDown', wrap: false };

  it('steps by one, goes to the ends with Home and End, and ignores other keys', () => {
    expect(rovingStep('ArrowRight', 1, 5, tabs)).toBe(2);
    expect(rovingStep('ArrowLeft', 1, 5, tabs)).toBe(0);
    expect(rovingStep('ArrowDown', 1, 5, tree)).toBe(2);
    expect(rovingStep('Home', 3, 5, tree)).toBe(0);
    expect(rovingStep('End', 0, 5, tabs)).toBe(4);
    expect(rovingStep('ArrowDown', 1, 5, tabs)).toBeNull();
    expect(rovingStep('Enter', 1, 5, tree)).toBeNull();
  });

  it('leads round from one end to the other for tabs, and stops there for a tree', () => {
    expect(rovingStep('ArrowRight', 4, 5, tabs)).toBe(0);
    expect(rovingStep('ArrowLeft', 0, 5, tabs)).toBe(4);
    expect(rovingStep('ArrowDown', 4, 5, tree)).toBe(4);
    expect(rovingStep('ArrowUp', 0, 5, tree)).toBe(0);
  });
});
