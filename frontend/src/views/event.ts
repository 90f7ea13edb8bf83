import type { Booking, EventInfo, HoldRequest } from '../api';
import { ApiError } from '../api';
import type { AppContext, View } from '../context';
import { field, h, input, notice, setNotice } from '../dom';
import { clock, dateTime, money, secondsLeft } from '../format';
import { IdempotencyKeys, outcomeUnknown } from '../idempotency';
import { watchAvailability as live } from '../live';
import { describeError } from '../messages';
import { eventHref, loginHref } from '../routes';
import { SeatMap } from '../seatmap';
import { checkoutForm } from './checkout';
import { SeatMapView } from './seatmap-view';

/** The event page: the live seat map, picking or best-available holds, the hold's countdown and payment. */
export function eventView(ctx: AppContext, eventId: string): View {
  const element = h('div', { 'aria-busy': 'true' }, h('h1', {}, 'Loading the event…'));
  const view: View = { title: 'Event', element };
  Promise.all([ctx.api.event(eventId), ctx.api.availability(eventId)]).then(([event, availability]) => {
    const page = new EventPage(ctx, event);
    page.map.applySnapshot(availability.seats ?? {});
    page.mapView.refresh();
    page.mapView.showCounts(availability.sections);
    element.removeAttribute('aria-busy');
    element.replaceChildren(page.element);
    document.title = `${event.title} · Event Booking`;
    view.dispose = () => page.dispose();
  }).catch((error) => element.replaceChildren(h('h1', {}, 'Event'), notice('error', describeError(error).text)));
  return view;
}

class EventPage {
  readonly map: SeatMap;
  readonly mapView: SeatMapView;
  readonly element: HTMLElement;
  private readonly status = h('div', { class: 'page-status', 'data-testid': 'status' });
  private readonly liveState = h('p', { class: 'live-state', role: 'status' }, 'Connecting to live updates…');
  private readonly selectionText = h('p', { 'data-testid': 'selection' });
  private readonly holdButton = h('button', { type: 'button', class: 'primary' }, 'Hold selected seats');
  private readonly bestForm: HTMLFormElement;
  private readonly holdPanel = h('section', { class: 'hold-panel', 'aria-label': 'Your hold', hidden: true });
  private readonly keys = new IdempotencyKeys();
  private readonly stopLive: () => void;
  private countdown: number | undefined;
  private connectedBefore = false;

  constructor(private readonly ctx: AppContext, private readonly event: EventInfo) {
    this.map = new SeatMap(event);
    this.mapView = new SeatMapView(this.map, (id) => this.toggle(id));
    this.holdButton.addEventListener('click', () => this.hold({ seats: this.map.selection() }));
    this.bestForm = this.bestAvailableForm();
    this.element = h('div', { class: 'event-page' },
      h('h1', {}, event.title),
      h('p', { class: 'event-meta' }, `${event.venue} · ${dateTime(event.startsAt)} · holds last ${holdLength(event.holdTtlSeconds)} · at most ${event.maxSeatsPerBooking} seats per booking`),
      event.cancelledAt ? notice('error', 'This event has been cancelled.') : null,
      this.status,
      this.holdPanel,
      h('div', { class: 'booking-layout' },
        h('section', { 'aria-labelledby': 'map-title', class: 'map-column' },
          h('h2', { id: 'map-title' }, 'Seats'), this.liveState, this.mapView.element),
        h('aside', { class: 'pick-column' },
          h('section', { 'aria-labelledby': 'pick-title' }, h('h2', { id: 'pick-title' }, 'Your pick'), this.selectionText, this.holdButton),
          h('section', { 'aria-labelledby': 'best-title' }, h('h2', { id: 'best-title' }, 'Best available'), this.bestForm))));
    this.showSelection();
    this.stopLive = live(event.eventId, {
      onChange: (change) => {
        this.mapView.refresh(this.map.applyChanges(change.seats ?? {}));
        this.mapView.showCounts(change.sections);
        this.showSelection();
      },
      onConnected: () => {
        this.liveState.textContent = 'Live: the map updates as seats are taken.';
        if (this.connectedBefore) {
          void this.resync();
        }
        this.connectedBefore = true;
      },
      onDisconnected: () => (this.liveState.textContent = 'Reconnecting to live updates…'),
    });
  }

  dispose(): void {
    this.stopLive();
    window.clearInterval(this.countdown);
  }

  private async resync(): Promise<void> {
    const availability = await this.ctx.api.availability(this.event.eventId);
    this.mapView.refresh(this.map.applySnapshot(availability.seats ?? {}));
    this.mapView.showCounts(availability.sections);
    this.showSelection();
  }

  private toggle(id: string): void {
    const result = this.map.toggle(id);
    if (result === 'limit') {
      setNotice(this.status, 'error', `At most ${this.event.maxSeatsPerBooking} seats per booking.`);
    } else if (result === 'taken') {
      setNotice(this.status, 'error', `Seat ${id} is taken: pick a free one.`);
    } else {
      this.status.replaceChildren();
    }
    this.mapView.refresh([id]);
    this.showSelection();
  }

  private showSelection(): void {
    const seats = this.map.selection();
    this.selectionText.textContent = seats.length === 0
      ? 'Pick seats on the map, or let us find the best ones.'
      : `${seats.join(', ')}: ${money(this.map.selectionTotalCents(), this.event.currency)}`;
    this.holdButton.disabled = seats.length === 0;
    this.holdButton.textContent = seats.length <= 1 ? 'Hold selected seat' : `Hold ${seats.length} selected seats`;
  }

  private bestAvailableForm(): HTMLFormElement {
    const section = h('select', { name: 'section' },
      ...this.event.sections.map((s) => h('option', { value: s.name }, `${s.name} (${money(s.priceCents, this.event.currency)})`)));
    const quantity = input({ name: 'quantity', type: 'number', min: 1, max: this.event.maxSeatsPerBooking, value: 2, required: true });
    const form = h('form', { 'aria-labelledby': 'best-title' },
      field('Section', section), field('Number of seats', quantity), h('button', { type: 'submit' }, 'Hold best available'));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.hold({ section: section.value, quantity: Number(quantity.value) });
    });
    return form;
  }

  private async hold(request: HoldRequest): Promise<void> {
    if (!this.ctx.session.get()) {
      location.hash = loginHref(eventHref(this.event.eventId));
      return;
    }
    setNotice(this.status, 'info', 'Holding seats…');
    try {
      const booking = await this.ctx.api.hold(this.event.eventId, request, this.keys.keyFor(request));
      this.keys.settled();
      this.showHold(booking);
    } catch (error) {
      if (!(error instanceof ApiError) || !outcomeUnknown(error.status)) {
        this.keys.settled();
      }
      this.holdRefused(error);
    }
  }

  private holdRefused(error: unknown): void {
    const message = describeError(error);
    if (message.takenSeats.length > 0) {
      // Somebody else won these seats: show them taken now, before the live update arrives.
      const taken = Object.fromEntries(message.takenSeats.filter((id) => this.map.status(id) === 'AVAILABLE').map((id) => [id, 'HELD' as const]));
      this.mapView.refresh(this.map.applyChanges(taken));
      this.showSelection();
    }
    if (message.retryAfterSeconds) {
      this.pauseHolds(message.retryAfterSeconds);
    }
    setNotice(this.status, 'error', message.text);
  }

  private pauseHolds(seconds: number): void {
    const buttons = [this.holdButton, ...this.bestForm.querySelectorAll('button')];
    buttons.forEach((b) => (b.disabled = true));
    window.setTimeout(() => {
      buttons.forEach((b) => (b.disabled = false));
      this.showSelection();
    }, seconds * 1000);
  }

  private showHold(booking: Booking): void {
    this.map.markMine(booking.seats);
    this.mapView.refresh(booking.seats);
    this.showSelection();
    this.status.replaceChildren(notice('success', `Held ${booking.seats.join(', ')}. Pay before the time runs out.`));
    this.ctx.announce(`Seats held: ${booking.seats.join(', ')}`);
    const timer = h('strong', { class: 'countdown', role: 'timer', 'data-testid': 'countdown' });
    const release = h('button', { type: 'button' }, 'Release seats');
    release.addEventListener('click', () => void this.release(booking));
    this.holdPanel.hidden = false;
    this.holdPanel.replaceChildren(
      h('h2', {}, 'Your hold'),
      h('p', {}, `${booking.seats.join(', ')} · ${money(booking.totalCents, booking.currency)}`),
      h('p', {}, 'Time left to pay: ', timer),
      checkoutForm(this.ctx, booking, (outcome) => this.paid(outcome)),
      release);
    this.startCountdown(booking, timer);
  }

  private startCountdown(booking: Booking, timer: HTMLElement): void {
    window.clearInterval(this.countdown);
    const tick = () => {
      const left = booking.expiresAt ? secondsLeft(booking.expiresAt, Date.now()) : 0;
      timer.textContent = clock(left);
      if (left === 60) {
        this.ctx.announce('One minute left to pay.');
      }
      if (left === 0) {
        this.endHold(notice('error', 'Your hold has expired and the seats were released. Pick seats again.'));
      }
    };
    tick();
    this.countdown = window.setInterval(tick, 250);
  }

  private paid(booking: Booking): void {
    if (booking.status === 'CONFIRMED') {
      // Sold to the viewer: shown now, before the live update arrives.
      this.mapView.refresh(this.map.applyChanges(Object.fromEntries(booking.seats.map((id) => [id, 'SOLD' as const]))));
    }
    if (booking.status === 'CONFIRMED' || booking.status === 'REFUNDED') {
      this.endHold(notice(booking.status === 'CONFIRMED' ? 'success' : 'error',
        booking.status === 'CONFIRMED' ? `Booking confirmed: ${booking.seats.join(', ')}.` : 'The payment came too late and was refunded.'),
        h('a', { href: '#/bookings' }, 'See my bookings'));
    }
  }

  private async release(booking: Booking): Promise<void> {
    try {
      await this.ctx.api.cancel(booking.bookingId);
      this.endHold(notice('info', 'Seats released.'));
    } catch (error) {
      setNotice(this.status, 'error', describeError(error).text);
    }
  }

  private endHold(...message: HTMLElement[]): void {
    window.clearInterval(this.countdown);
    this.mapView.refresh(this.map.forgetMine());
    this.holdPanel.hidden = true;
    this.holdPanel.replaceChildren();
    this.status.replaceChildren(...message);
  }
}

function holdLength(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}
