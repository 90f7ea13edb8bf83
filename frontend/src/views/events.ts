import type { AppContext, View } from '../context';
import { h, setNotice } from '../dom';
import { dateTime } from '../format';
import { describeError } from '../messages';
import { eventHref } from '../routes';

export function eventsView(ctx: AppContext): View {
  const list = h('ul', { class: 'event-list', 'aria-busy': 'true' });
  const status = h('div');
  const element = h('div', {}, h('h1', {}, 'Events'), status, list);
  ctx.api.events().then((page) => {
    list.removeAttribute('aria-busy');
    if (page.items.length === 0) {
      setNotice(status, 'info', 'No events yet.');
    }
    list.replaceChildren(...page.items.map((event) => h('li', { class: 'card' },
      h('h2', {}, h('a', { href: eventHref(event.eventId) }, event.title)),
      h('p', {}, `${event.venue} · ${dateTime(event.startsAt)}`),
      event.cancelledAt ? h('p', { class: 'badge badge-CANCELLED' }, 'Cancelled') : null)));
  }).catch((error) => setNotice(status, 'error', describeError(error).text));
  return { title: 'Events', element };
}
