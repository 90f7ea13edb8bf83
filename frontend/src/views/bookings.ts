import type { Booking } from '../api';
import type { AppContext, View } from '../context';
import { h, notice, setNotice } from '../dom';
import { clock, money, secondsLeft, statusLabel } from '../format';
import { describeError } from '../messages';
import { eventHref, loginHref } from '../routes';
import { checkoutForm } from './checkout';

/** My bookings with their status; held ones can be paid or released, confirmed ones cancelled. */
export function bookingsView(ctx: AppContext): View {
  const status = h('div', { 'data-testid': 'status' });
  const list = h('ul', { class: 'booking-list', 'aria-busy': 'true' });
  const element = h('div', {}, h('h1', {}, 'My bookings'), status, list);
  let timer: number | undefined;

  const load = async () => {
    if (!ctx.session.get()) {
      location.hash = loginHref('#/bookings');
      return;
    }
    try {
      const page = await ctx.api.myBookings();
      list.removeAttribute('aria-busy');
      list.replaceChildren(...page.items.map((booking) => item(booking)));
      if (page.items.length === 0) {
        setNotice(status, 'info', 'No bookings yet: pick an event to book seats.');
      }
    } catch (error) {
      setNotice(status, 'error', describeError(error).text);
    }
  };

  const item = (booking: Booking): HTMLElement => {
    const actions = h('div', { class: 'actions' });
    const countdown = booking.status === 'HELD' && booking.expiresAt
      ? h('span', { class: 'countdown', role: 'timer', 'data-expires': booking.expiresAt }, clock(secondsLeft(booking.expiresAt, Date.now())))
      : null;
    const card = h('li', { class: 'card', 'data-booking': booking.bookingId },
      h('p', {}, h('span', { class: `badge badge-${booking.status}`, 'data-testid': 'booking-status' }, statusLabel(booking.status)),
        countdown ? ' expires in ' : null, countdown),
      h('p', {}, `${booking.seats.join(', ')} · ${money(booking.totalCents, booking.currency)}`),
      h('p', {}, h('a', { href: eventHref(booking.eventId) }, 'Event page')),
      actions);
    // The booking as a command's reply left it: the list (a view of the log) may not show it yet.
    const show = (latest: Booking) => card.replaceWith(item(latest));
    if (booking.status === 'HELD') {
      const pay = h('button', { type: 'button', class: 'primary' }, 'Pay');
      pay.addEventListener('click', () => actions.replaceChildren(checkoutForm(ctx, booking, (outcome) => {
        if (outcome.status !== booking.status) {
          show(outcome); // a declined card leaves it HELD: the form stays, with its message
        }
      })));
      actions.append(pay);
    }
    if (booking.status === 'HELD' || booking.status === 'PAYMENT_PENDING' || booking.status === 'CONFIRMED') {
      actions.append(cancelButton(booking, show));
    }
    return card;
  };

  /** Two steps, so a stray tap does not cancel a paid booking. */
  const cancelButton = (booking: Booking, show: (latest: Booking) => void): HTMLElement => {
    const label = booking.status === 'CONFIRMED' ? 'Cancel booking' : 'Release seats';
    const button = h('button', { type: 'button', class: 'danger' }, label);
    let armed = false;
    button.addEventListener('click', async () => {
      if (!armed) {
        armed = true;
        button.textContent = booking.status === 'CONFIRMED' ? 'Confirm cancellation (refund)' : 'Confirm release';
        return;
      }
      button.disabled = true;
      try {
        const after = await ctx.api.cancel(booking.bookingId);
        status.replaceChildren(notice('success', `Booking ${statusLabel(after.status).toLowerCase()}: ${after.seats.join(', ')}.`));
        show(after);
      } catch (error) {
        setNotice(status, 'error', describeError(error).text);
        button.disabled = false;
      }
    });
    return button;
  };

  void load();
  timer = window.setInterval(() => {
    list.querySelectorAll<HTMLElement>('[data-expires]').forEach((el) => {
      el.textContent = clock(secondsLeft(el.dataset.expires!, Date.now()));
    });
  }, 1000);
  return { title: 'My bookings', element, dispose: () => window.clearInterval(timer) };
}
