import { describe, expect, it, vi } from 'vitest';
import { Api, ApiError, retryAfter } from './api';

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  return vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers }));
}

describe('Api', () => {
  it('sends the bearer token and the idempotency key of a hold', async () => {
    const fetch = respond(201, { bookingId: 'b1' });
    const api = new Api({ token: () => 'tok', onUnauthorized: () => {}, fetch });

    await api.hold('e1', { seats: ['FLOOR-1-1'] }, 'key-1');

    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/events/e1/holds');
    expect(init.headers).toMatchObject({ Authorization: 'Bearer tok', 'Idempotency-Key': 'key-1', 'Content-Type': 'application/json' });
    expect(JSON.parse(String(init.body))).toEqual({ seats: ['FLOOR-1-1'] });
  });

  it('turns a problem+json answer into an ApiError with Retry-After', async () => {
    const api = new Api({ token: () => null, onUnauthorized: () => {},
      fetch: respond(429, { type: '/problems/too-many-holds', title: 'Too many', status: 429, detail: 'wait' }, { 'Retry-After': '3' }) });

    const error = await api.events().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).slug).toBe('too-many-holds');
    expect((error as ApiError).retryAfterSeconds).toBe(3);
  });

  it('ends the session when the API refuses the token', async () => {
    const onUnauthorized = vi.fn();
    const api = new Api({ token: () => 'old', onUnauthorized, fetch: respond(401, { status: 401, title: 'Unauthorized' }) });

    await expect(api.myBookings()).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalled();
  });

  it('reports an unreachable API as status 0', async () => {
    const api = new Api({ token: () => null, onUnauthorized: () => {}, fetch: vi.fn(async () => { throw new TypeError('failed'); }) });

    await expect(api.events()).rejects.toMatchObject({ status: 0 });
  });

  it('survives an error page that is not JSON', async () => {
    const api = new Api({ token: () => null, onUnauthorized: () => {}, fetch: vi.fn(async () => new Response('<html>bad gateway</html>', { status: 502 })) });

    await expect(api.events()).rejects.toMatchObject({ status: 502 });
  });

  it('answers nothing for 204', async () => {
    const api = new Api({ token: () => 't', onUnauthorized: () => {}, fetch: respond(204, undefined) });

    await expect(api.logout()).resolves.toBeUndefined();
  });
});

describe('retryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfter('5')).toBe(5);
    expect(retryAfter(null)).toBeNull();
    expect(retryAfter('Thu, 01 Jan 2030 00:00:10 GMT', Date.parse('2030-01-01T00:00:00Z'))).toBe(10);
  });
});
