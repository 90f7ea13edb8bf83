/** Money and time as people read them. */

export function money(cents: number, currency: string, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

export function dateTime(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** Whole seconds until the instant, never negative: 0 means it has passed. */
export function secondsLeft(expiresAt: string, nowMs: number): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - nowMs) / 1000));
}

/** A countdown clock: 9:05, 0:00. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const STATUS_LABELS: Record<string, string> = {
  HELD: 'Held',
  PAYMENT_PENDING: 'Payment pending',
  CONFIRMED: 'Confirmed',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Expired',
  RELEASED: 'Released',
  REFUNDED: 'Refunded',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}
