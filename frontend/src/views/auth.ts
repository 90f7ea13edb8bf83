import type { AppContext, View } from '../context';
import { field, h, input, setNotice, showFieldErrors } from '../dom';
import { describeError } from '../messages';
import { sessionFromToken } from '../session';

export function loginView(ctx: AppContext, then = '#/events'): View {
  const status = h('div', { class: 'form-status' });
  const form = h('form', { novalidate: true, 'aria-labelledby': 'login-title' },
    field('Email', input({ name: 'email', type: 'email', autocomplete: 'email', required: true })),
    field('Password', input({ name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    h('p', { class: 'field-error', 'data-error-for': 'form' }),
    h('button', { type: 'submit', class: 'primary' }, 'Log in'),
    status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    setNotice(status, 'info', 'Logging in…');
    try {
      const { accessToken } = await ctx.api.login(String(data.get('email')), String(data.get('password')));
      ctx.session.set(sessionFromToken(accessToken));
      location.hash = then;
    } catch (error) {
      const message = describeError(error);
      setNotice(status, 'error', message.loginNeeded ? 'The email or password is wrong.' : message.text);
      showFieldErrors(form, message.fields);
    }
  });
  return {
    title: 'Log in',
    element: h('div', { class: 'narrow' }, h('h1', { id: 'login-title' }, 'Log in'), form,
      h('p', {}, 'No account yet? ', h('a', { href: '#/signup' }, 'Sign up'))),
  };
}

export function signupView(ctx: AppContext): View {
  const status = h('div', { class: 'form-status' });
  const role = h('select', { name: 'role' },
    h('option', { value: 'customer' }, 'Customer: I book seats'),
    h('option', { value: 'organizer' }, 'Organiser: I create events'));
  const form = h('form', { novalidate: true, 'aria-labelledby': 'signup-title' },
    field('Email', input({ name: 'email', type: 'email', autocomplete: 'email', required: true })),
    field('User name', input({ name: 'name', autocomplete: 'username', required: true, pattern: '[A-Za-z0-9_]{3,20}' }),
      '3 to 20 letters, digits or _'),
    field('Password', input({ name: 'password', type: 'password', autocomplete: 'new-password', required: true, minlength: 8 }),
      'At least 8 characters with an upper-case letter, a lower-case letter and a digit'),
    field('Account type', role),
    h('p', { class: 'field-error', 'data-error-for': 'form' }),
    h('button', { type: 'submit', class: 'primary' }, 'Sign up'),
    status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const email = String(data.get('email'));
    const password = String(data.get('password'));
    setNotice(status, 'info', 'Creating your account…');
    try {
      await ctx.api.register({ email, password, name: String(data.get('name')), role: data.get('role') === 'organizer' ? 'organizer' : 'customer' });
      const { accessToken } = await ctx.api.login(email, password);
      ctx.session.set(sessionFromToken(accessToken));
      ctx.announce('Account created; you are logged in.');
      location.hash = '#/events';
    } catch (error) {
      const message = describeError(error);
      setNotice(status, 'error', message.text);
      showFieldErrors(form, message.fields);
    }
  });
  return {
    title: 'Sign up',
    element: h('div', { class: 'narrow' }, h('h1', { id: 'signup-title' }, 'Sign up'), form,
      h('p', {}, 'Have an account? ', h('a', { href: '#/login' }, 'Log in'))),
  };
}
