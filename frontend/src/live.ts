import type { Availability } from './api';

/**
 * Live availability over Server-Sent Events (EventSource sends Accept: text/event-stream and
 * reconnects by itself). Changes name only the seats that changed, so after every (re)connection
 * the page reloads the full snapshot: nothing missed while disconnected stays wrong.
 */
export function watchAvailability(eventId: string, handlers: {
  onChange: (change: Availability) => void;
  onConnected: () => void;
  onDisconnected: () => void;
}): () => void {
  const source = new EventSource(`/api/events/${encodeURIComponent(eventId)}/availability/stream`);
  source.addEventListener('availability', (message) => handlers.onChange(JSON.parse((message as MessageEvent<string>).data) as Availability));
  source.addEventListener('open', () => handlers.onConnected());
  source.addEventListener('error', () => handlers.onDisconnected());
  return () => source.close();
}
