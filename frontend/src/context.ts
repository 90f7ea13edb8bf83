import type { Api } from './api';
import type { SessionStore } from './session';

/** What every view gets: the API, the session, and a way to speak to screen readers. */
export interface AppContext {
  api: Api;
  session: SessionStore;
  /** Reads a short message out through the page's polite live region. */
  announce: (text: string) => void;
}

/** A rendered page; dispose stops its timers and streams when the page is left. */
export interface View {
  element: HTMLElement;
  title: string;
  dispose?: () => void;
}
