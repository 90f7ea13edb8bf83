import type { Booking } from '../api';
import type { AppContext } from '../context';
import { field, h, input, setNotice } from '../dom';
import { money } from '../format';
import { describeError } from '../messages';

const SUCCEEDING_CARD = '4242424242424242';
const DECLINED_CARD = '4000000000000002';
/** How long one long-poll of the booking waits for the webhook's outcome. */
const OUTCOME_WAIT_MS = 10_000;

/**
 * Pays a held booking through the provider's checkout: the intent is recorded first, then the
 * card goes to the provider (the fake one in development), which reports to the platform's
 * webhook; the page waits (long-poll) until the booking is no longer PAYMENT_PENDING.
 */
export function checkoutForm(ctx: AppContext, booking: Booking, onOutcome: (booking: Booking) => void): HTMLElement {
  const status = h('div', { class: 'form-status' });
  const pay = h('button', { type: 'submit', class: 'primary' }, `Pay ${money(booking.totalCents, booking.currency)}`);
  const form = h('form', { class: 'checkout', 'aria-label': 'Payment' },
    field('Card number', input({ name: 'card', inputmode: 'numeric', autocomplete: 'cc-number', required: true }),
      `Test cards: ${SUCCEEDING_CARD} is paid, ${DECLINED_CARD} is declined`),
    pay, status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    pay.disabled = true;
    const card = String(new FormData(form).get('card')).replace(/\s+/g, '');
    try {
      setNotice(status, 'info', 'Starting the payment…');
      const intent = await ctx.api.pay(booking.bookingId);
      await ctx.api.checkout(intent.checkoutUrl, card);
      setNotice(status, 'info', 'Waiting for the payment provider…');
      const outcome = await awaitOutcome(ctx, booking.bookingId);
      setNotice(status, outcome.status === 'CONFIRMED' ? 'success' : 'error', outcomeText(outcome));
      onOutcome(outcome);
    } catch (error) {
      setNotice(status, 'error', describeError(error).text);
    } finally {
      pay.disabled = false;
    }
  });
  return form;
}

async function awaitOutcome(ctx: AppContext, bookingId: string): Promise<Booking> {
  let booking = await ctx.api.booking(bookingId);
  while (booking.status === 'PAYMENT_PENDING') {
    booking = await ctx.api.booking(bookingId, OUTCOME_WAIT_MS);
  }
  return booking;
}

export function outcomeText(booking: Booking): string {
  switch (booking.status) {
    case 'CONFIRMED':
      return `Paid: booking confirmed for ${booking.seats.join(', ')}.`;
    case 'HELD':
      return 'The card was declined. Your seats are still held: try another card before the hold expires.';
    case 'REFUNDED':
      return 'The payment arrived after the hold ended, so it was refunded.';
    default:
      return `The booking is now ${booking.status.toLowerCase().replace('_', ' ')}.`;
  }
}
