/** Hash routes: the page works from any static server without server-side fallbacks. */

export type Route =
  | { name: 'events' }
  | { name: 'event'; eventId: string }
  | { name: 'bookings' }
  | { name: 'login'; then?: string }
  | { name: 'signup' }
  | { name: 'organiser' };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter((p) => p.length > 0).map(decodeURIComponent);
  switch (parts[0]) {
    case 'events':
      return parts[1] ? { name: 'event', eventId: parts[1] } : { name: 'events' };
    case 'bookings':
      return { name: 'bookings' };
    case 'login': {
      const then = new URLSearchParams(query).get('then');
      return then && then.startsWith('#/') ? { name: 'login', then } : { name: 'login' };
    }
    case 'signup':
      return { name: 'signup' };
    case 'organiser':
      return { name: 'organiser' };
    default:
      return { name: 'events' };
  }
}

export function eventHref(eventId: string): string {
  return `#/events/${encodeURIComponent(eventId)}`;
}

export function loginHref(then: string): string {
  return `#/login?then=${encodeURIComponent(then)}`;
}
