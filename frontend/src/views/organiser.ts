import type { NewEvent, Section } from '../api';
import type { AppContext, View } from '../context';
import { field, h, input, setNotice, showFieldErrors } from '../dom';
import { describeError } from '../messages';
import { eventHref } from '../routes';
import { canOrganise } from '../session';

/** Organisers create an event: details and one or more sections of rows × seats. */
export function organiserView(ctx: AppContext): View {
  if (!canOrganise(ctx.session.get())) {
    return {
      title: 'Create an event',
      element: h('div', { class: 'narrow' }, h('h1', {}, 'Create an event'),
        h('p', {}, 'Creating events needs an organiser account. ', h('a', { href: '#/signup' }, 'Sign up as an organiser'),
          ' or ', h('a', { href: '#/login?then=%23%2Forganiser' }, 'log in'), '.')),
    };
  }
  const status = h('div', { class: 'form-status' });
  const sections = h('div', { class: 'sections' });
  const addSection = h('button', { type: 'button' }, 'Add a section');
  addSection.addEventListener('click', () => sections.append(sectionFields(sections.children.length)));
  sections.append(sectionFields(0));
  const form = h('form', { novalidate: true, 'aria-labelledby': 'organise-title' },
    field('Title', input({ name: 'title', required: true, maxlength: 200 })),
    field('Venue', input({ name: 'venue', required: true, maxlength: 200 })),
    field('Starts at', input({ name: 'startsAt', type: 'datetime-local', required: true }), 'Your local time'),
    field('Currency', input({ name: 'currency', required: true, value: 'EUR', pattern: '[A-Z]{3}', maxlength: 3 }), 'ISO 4217 code, e.g. EUR'),
    field('Hold time (seconds)', input({ name: 'holdTtlSeconds', type: 'number', min: 1, max: 86400, value: 600 }),
      'How long seats stay held while a customer pays'),
    field('Seats per booking (at most)', input({ name: 'maxSeatsPerBooking', type: 'number', min: 1, max: 100, value: 10 })),
    h('fieldset', {}, h('legend', {}, 'Sections'), sections, addSection),
    h('p', { class: 'field-error', 'data-error-for': 'form' }),
    h('button', { type: 'submit', class: 'primary' }, 'Create event'),
    status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    setNotice(status, 'info', 'Creating the event…');
    try {
      const event = await ctx.api.createEvent(readEvent(form));
      status.replaceChildren(h('p', { class: 'notice notice-success', role: 'status' },
        'Event created. ', h('a', { href: eventHref(event.eventId) }, `Open ${event.title}`)));
    } catch (error) {
      const message = describeError(error);
      setNotice(status, 'error', message.text);
      showFieldErrors(form, message.fields);
    }
  });
  return { title: 'Create an event', element: h('div', { class: 'narrow' }, h('h1', { id: 'organise-title' }, 'Create an event'), form) };
}

function sectionFields(index: number): HTMLElement {
  const name = (field: string) => `sections[${index}].${field}`;
  return h('div', { class: 'section-fields', role: 'group', 'aria-label': `Section ${index + 1}` },
    field(`Section ${index + 1} name`, input({ name: name('name'), required: true, pattern: '[A-Za-z0-9_]{1,32}', value: index === 0 ? 'FLOOR' : '' })),
    field('Price', input({ name: name('price'), type: 'number', min: 0, step: '0.01', required: true, value: 50 })),
    field('Rows', input({ name: name('rows'), type: 'number', min: 1, max: 1000, required: true, value: 5 })),
    field('Seats per row', input({ name: name('seatsPerRow'), type: 'number', min: 1, max: 1000, required: true, value: 10 })));
}

/** The form as the API's request; the API validates and names any field that is wrong. */
export function readEvent(form: HTMLFormElement): NewEvent {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const number = (name: string) => (text(name) === '' ? undefined : Number(text(name)));
  const sections: Section[] = [];
  for (let i = 0; data.has(`sections[${i}].name`); i++) {
    sections.push({
      name: text(`sections[${i}].name`),
      priceCents: Math.round((number(`sections[${i}].price`) ?? 0) * 100),
      rows: number(`sections[${i}].rows`) ?? 0,
      seatsPerRow: number(`sections[${i}].seatsPerRow`) ?? 0,
    });
  }
  const startsAt = text('startsAt');
  return {
    title: text('title'),
    venue: text('venue'),
    startsAt: startsAt === '' ? '' : new Date(startsAt).toISOString(),
    currency: text('currency').toUpperCase(),
    holdTtlSeconds: number('holdTtlSeconds'),
    maxSeatsPerBooking: number('maxSeatsPerBooking'),
    sections,
  };
}
