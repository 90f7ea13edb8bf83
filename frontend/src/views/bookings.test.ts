import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api, Booking } from '../api';
import type { AppContext } from '../context';
import type { SessionStore } from '../session';
import { bookingsView } from './bookings';

const confirmed: Booking = {
  bookingId: 'e1.b1', eventId: 'e1', userId: 'u1', status: 'CONFIRMED', seats: ['FLOOR-1-1'], totalCents: 4500, currency: 'EUR', expiresAt: null,
};

function context(api: Partial<Api>): AppContext {
  const session = { get: () => ({ token: 't', email: 'ann@example.com', role: 'customer', expiresAt: Date.now() + 60_000 }) };
  return { api: api as Api, session: session as unknown as SessionStore, announce: () => undefined };
}

const buttonNamed = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;

describe('bookingsView', () => {
  afterEach(() => document.body.replaceChildren());

  it('shows a cancelled booking as the reply says, though the list (a view of the log) still says confirmed', async () => {
    const cancel = vi.fn(async () => ({ ...confirmed, status: 'CANCELLED' as const }));
    const view = bookingsView(context({ myBookings: async () => ({ items: [confirmed], next: null }), cancel }));
    document.body.append(view.element);
    const status = () => view.element.querySelector('[data-testid="booking-status"]')?.textContent;
    await vi.waitFor(() => expect(status()).toBe('Confirmed'));

    buttonNamed(view.element, 'Cancel booking').click();
    buttonNamed(view.element, 'Confirm cancellation (refund)').click();

    await vi.waitFor(() => expect(status()).toBe('Cancelled'));
    expect(cancel).toHaveBeenCalledWith('e1.b1');
    expect(buttonNamed(view.element, 'Cancel booking')).toBeUndefined();
    view.dispose?.();
  });
});
