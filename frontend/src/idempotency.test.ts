import { describe, expect, it } from 'vitest';
import { IdempotencyKeys, outcomeUnknown } from './idempotency';

describe('IdempotencyKeys', () => {
  it('reuses the key for a retry of the same request until its outcome is known', () => {
    let n = 0;
    const keys = new IdempotencyKeys(() => `k${++n}`);

    expect(keys.keyFor({ seats: ['A-1-1'] })).toBe('k1');
    expect(keys.keyFor({ seats: ['A-1-1'] })).toBe('k1');
    expect(keys.keyFor({ seats: ['A-1-2'] })).toBe('k2');
    keys.settled();
    expect(keys.keyFor({ seats: ['A-1-2'] })).toBe('k3');
  });

  it('treats timeouts and unreachable servers as unknown outcomes, refusals as known', () => {
    expect(outcomeUnknown(504)).toBe(true);
    expect(outcomeUnknown(0)).toBe(true);
    expect(outcomeUnknown(409)).toBe(false);
    expect(outcomeUnknown(429)).toBe(false);
  });
});
