import './style.css';
import { Api } from './api';
import type { AppContext, View } from './context';
import { h } from './dom';
import { parseRoute, type Route } from './routes';
import { canOrganise, SessionStore } from './session';
import { loginView, signupView } from './views/auth';
import { bookingsView } from './views/bookings';
import { eventView } from './views/event';
import { eventsView } from './views/events';
import { organiserView } from './views/organiser';

const session = new SessionStore(localStorage);
const announcer = document.getElementById('announcer')!;
const ctx: AppContext = {
  session,
  api: new Api({
    token: () => session.get()?.token ?? null,
    onUnauthorized: () => session.set(null),
  }),
  announce: (text) => {
    announcer.textContent = '';
    window.setTimeout(() => (announcer.textContent = text), 50);
  },
};

const main = document.getElementById('main')!;
const nav = document.getElementById('nav')!;
let current: View | null = null;

function viewFor(route: Route): View {
  switch (route.name) {
    case 'event':
      return eventView(ctx, route.eventId);
    case 'bookings':
      return bookingsView(ctx);
    case 'login':
      return loginView(ctx, route.then);
    case 'signup':
      return signupView(ctx);
    case 'organiser':
      return organiserView(ctx);
    case 'events':
      return eventsView(ctx);
  }
}

function render(): void {
  current?.dispose?.();
  current = viewFor(parseRoute(location.hash));
  main.replaceChildren(current.element);
  document.title = `${current.title} · Event Booking`;
  renderNav();
  main.focus();
}

function renderNav(): void {
  const user = session.get();
  const link = (href: string, text: string) => {
    const active = location.hash.startsWith(href) || (href === '#/events' && location.hash === '');
    return h('a', { href, 'aria-current': active ? 'page' : undefined }, text);
  };
  const logout = h('button', { type: 'button', class: 'link' }, 'Log out');
  logout.addEventListener('click', async () => {
    await ctx.api.logout().catch(() => undefined);
    session.set(null);
    location.hash = '#/events';
  });
  nav.replaceChildren(h('ul', {},
    h('li', {}, link('#/events', 'Events')),
    user ? h('li', {}, link('#/bookings', 'My bookings')) : null,
    canOrganise(user) ? h('li', {}, link('#/organiser', 'Create event')) : null,
    user ? h('li', { class: 'who' }, h('span', { 'data-testid': 'user' }, user.email), ' ', logout) : h('li', {}, link('#/login', 'Log in')),
    user ? null : h('li', {}, link('#/signup', 'Sign up'))));
}

session.onChange(renderNav);
window.addEventListener('hashchange', render);
render();
