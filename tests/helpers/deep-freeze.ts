/**
 * Freezes a value and everything reachable from it, so a test proves a pure function does not
 * modify its input: any write throws in strict mode (ES modules are strict).
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value))
      deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
