import { describe, expect, it } from 'vitest';
import { eventHref, loginHref, parseRoute } from './routes';

describe('routes', () => {
  it('parses every page and falls back to the event list', () => {
    expect(parseRoute('')).toEqual({ name: 'events' });
    expect(parseRoute(eventHref('evt 1'))).toEqual({ name: 'event', eventId: 'evt 1' });
    expect(parseRoute('#/bookings')).toEqual({ name: 'bookings' });
    expect(parseRoute('#/organiser')).toEqual({ name: 'organiser' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'events' });
  });

  it('returns to the page that asked for a login, but never off the app', () => {
    expect(parseRoute(loginHref('#/events/e1'))).toEqual({ name: 'login', then: '#/events/e1' });
    expect(parseRoute('#/login?then=https%3A%2F%2Fevil.example')).toEqual({ name: 'login' });
  });
});
