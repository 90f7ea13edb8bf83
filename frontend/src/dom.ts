/** A few DOM helpers; the views build plain elements with them. */

type Attributes = Record<string, string | number | boolean | EventListener | undefined>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) {
      continue;
    }
    if (typeof value === 'function') {
      element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    } else if (name === 'class') {
      element.className = String(value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  element.append(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
  return element;
}

/** A labelled form field; its error text is tied to the input with aria-describedby. */
export function field(label: string, input: HTMLInputElement | HTMLSelectElement, hint?: string): HTMLElement {
  const id = input.id || `field-${input.name}`;
  input.id = id;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  input.setAttribute('aria-describedby', hint ? `${hintId} ${errorId}` : errorId);
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    input,
    h('p', { class: 'field-error', id: errorId, 'data-error-for': input.name }));
}

/** Shows each field's error next to it (names like sections[0].rows are shown on the form). */
export function showFieldErrors(form: HTMLFormElement, errors: Record<string, string>): void {
  form.querySelectorAll<HTMLElement>('[data-error-for]').forEach((p) => (p.textContent = ''));
  form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
  let first: HTMLElement | null = null;
  for (const [name, message] of Object.entries(errors)) {
    const target = form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(name)}"]`)
      ?? form.querySelector<HTMLElement>('[data-error-for="form"]');
    if (target) {
      target.textContent = target.dataset.errorFor === name ? message : `${target.textContent ?? ''} ${name}: ${message}`.trim();
    }
    const input = form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
    input?.setAttribute('aria-invalid', 'true');
    first ??= input;
  }
  first?.focus();
}

/** A status line: role=alert for errors (read out at once), role=status for progress. */
export function notice(kind: 'error' | 'info' | 'success', text: string): HTMLElement {
  return h('p', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

export function setNotice(slot: HTMLElement, kind: 'error' | 'info' | 'success', text: string): void {
  slot.replaceChildren(notice(kind, text));
}

export function input(attributes: Attributes): HTMLInputElement {
  return h('input', attributes);
}
