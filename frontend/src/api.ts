/** The platform's HTTP API (DESIGN §4): JSON in and out, errors as problem+json. */

export type SeatStatus = 'AVAILABLE' | 'HELD' | 'SOLD';
export type BookingStatus = 'HELD' | 'PAYMENT_PENDING' | 'CONFIRMED' | 'CANCELLED' | 'EXPIRED' | 'RELEASED' | 'REFUNDED';

export interface Section {
  name: string;
  priceCents: number;
  rows: number;
  seatsPerRow: number;
}

export interface EventInfo {
  eventId: string;
  title: string;
  venue: string;
  startsAt: string;
  currency: string;
  holdTtlSeconds: number;
  maxSeatsPerBooking: number;
  sections: Section[];
  capacity: number;
  cancelledAt?: string;
}

export interface SectionCounts {
  name: string;
  total: number;
  available: number;
  held: number;
  sold: number;
}

export interface Availability {
  eventId: string;
  sections: SectionCounts[];
  seats?: Record<string, SeatStatus>;
}

export interface Booking {
  bookingId: string;
  eventId: string;
  userId: string;
  status: BookingStatus;
  seats: string[];
  totalCents: number;
  currency: string;
  expiresAt: string | null;
  payment?: { paymentId: string };
}

export interface PaymentIntent {
  paymentId: string;
  status: 'PENDING';
  checkoutUrl: string;
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface NewEvent {
  title: string;
  venue: string;
  startsAt: string;
  currency: string;
  holdTtlSeconds?: number;
  maxSeatsPerBooking?: number;
  sections: Section[];
}

export type HoldRequest = { seats: string[] } | { section: string; quantity: number };

/** An RFC 9457 problem, with the extensions the API adds. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: Record<string, string>;
  unavailableSeats?: string[];
  reason?: string;
}

/** A refused or failed request; status 0 means the API could not be reached. */
export class ApiError extends Error {
  constructor(readonly problem: Problem, readonly retryAfterSeconds: number | null = null) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  /** The last path segment of the problem type, e.g. "seats-unavailable". */
  get slug(): string {
    return (this.problem.type ?? '').split('/').pop() ?? '';
  }
}

export interface ApiOptions {
  token: () => string | null;
  /** Called when the API says the token is no longer good (401). */
  onUnauthorized: () => void;
  fetch?: typeof fetch;
}

export class Api {
  private readonly fetcher: typeof fetch;

  constructor(private readonly options: ApiOptions) {
    this.fetcher = options.fetch ?? ((input, init) => fetch(input, init));
  }

  register(body: { email: string; password: string; name: string; role: 'customer' | 'organizer' }): Promise<{ userId: string }> {
    return this.send('POST', '/api/auth/register', body);
  }

  login(email: string, password: string): Promise<{ accessToken: string; expiresIn: number }> {
    return this.send('POST', '/api/auth/login', { email, password });
  }

  logout(): Promise<void> {
    return this.send('POST', '/api/auth/logout');
  }

  events(): Promise<Page<EventInfo>> {
    return this.send('GET', '/api/events?limit=100');
  }

  event(eventId: string): Promise<EventInfo> {
    return this.send('GET', `/api/events/${encodeURIComponent(eventId)}`);
  }

  availability(eventId: string): Promise<Availability> {
    return this.send('GET', `/api/events/${encodeURIComponent(eventId)}/availability?seats=true`);
  }

  createEvent(event: NewEvent): Promise<EventInfo> {
    return this.send('POST', '/api/events', event);
  }

  hold(eventId: string, request: HoldRequest, idempotencyKey: string): Promise<Booking> {
    return this.send('POST', `/api/events/${encodeURIComponent(eventId)}/holds`, request, { 'Idempotency-Key': idempotencyKey });
  }

  booking(bookingId: string, waitMs = 0): Promise<Booking> {
    const wait = waitMs > 0 ? `?waitMs=${waitMs}` : '';
    return this.send('GET', `/api/bookings/${encodeURIComponent(bookingId)}${wait}`);
  }

  myBookings(): Promise<Page<Booking>> {
    return this.send('GET', '/api/me/bookings');
  }

  pay(bookingId: string): Promise<PaymentIntent> {
    return this.send('POST', `/api/bookings/${encodeURIComponent(bookingId)}/payment`);
  }

  /** Gives a booking back: a hold is released, a confirmed booking cancelled (and refunded). */
  cancel(bookingId: string): Promise<Booking> {
    return this.send('DELETE', `/api/bookings/${encodeURIComponent(bookingId)}`);
  }

  /** The fake provider's checkout (development and tests): the card decides the outcome. */
  checkout(checkoutUrl: string, card: string): Promise<{ status: 'succeeded' | 'declined' }> {
    return this.send('POST', checkoutUrl, { card });
  }

  private async send<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const token = this.options.token();
    const init: RequestInit = {
      method,
      headers: {
        Accept: 'application/json, application/problem+json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    };
    let response: Response;
    try {
      response = await this.fetcher(url, init);
    } catch {
      throw new ApiError({ status: 0, title: 'Network error', detail: 'the booking service could not be reached' });
    }
    if (response.ok) {
      return (response.status === 204 ? undefined : await response.json()) as T;
    }
    const error = await toError(response);
    if (error.status === 401 && token) {
      this.options.onUnauthorized();
    }
    throw error;
  }
}

async function toError(response: Response): Promise<ApiError> {
  let problem: Problem = { status: response.status, title: response.statusText };
  try {
    const parsed = (await response.json()) as Partial<Problem> & { error?: string };
    problem = { ...parsed, status: response.status, detail: parsed.detail ?? parsed.error };
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  return new ApiError(problem, retryAfter(response.headers.get('Retry-After')));
}

/** Retry-After in seconds, from either form the header may take. */
export function retryAfter(header: string | null, now: number = Date.now()): number | null {
  if (!header) {
    return null;
  }
  const seconds = Number(header);
  if (Number.isFinite(seconds)) {
    return Math.max(0, Math.ceil(seconds));
  }
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}
