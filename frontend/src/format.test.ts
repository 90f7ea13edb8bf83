import { describe, expect, it } from 'vitest';
import { clock, money, secondsLeft, statusLabel } from './format';

describe('format', () => {
  it('counts down whole seconds and stops at zero', () => {
    const expiresAt = '2030-01-01T00:10:00Z';
    const at = (iso: string) => Date.parse(iso);

    expect(secondsLeft(expiresAt, at('2030-01-01T00:00:00Z'))).toBe(600);
    expect(secondsLeft(expiresAt, at('2030-01-01T00:09:59.200Z'))).toBe(1);
    expect(secondsLeft(expiresAt, at('2030-01-01T00:10:05Z'))).toBe(0);
  });

  it('shows a clock', () => {
    expect(clock(600)).toBe('10:00');
    expect(clock(65)).toBe('1:05');
    expect(clock(0)).toBe('0:00');
    expect(clock(-3)).toBe('0:00');
  });

  it('formats money from cents', () => {
    expect(money(12345, 'EUR', 'en-GB')).toBe('€123.45');
  });

  it('labels booking statuses', () => {
    expect(statusLabel('PAYMENT_PENDING')).toBe('Payment pending');
  });
});
