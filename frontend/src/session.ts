/** The logged-in person, from the access token's claims; kept in localStorage across reloads. */

export type Role = 'customer' | 'organizer' | 'admin';

export interface Session {
  token: string;
  email: string;
  role: Role;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

const STORAGE_KEY = 'booking.session';

/** Reads the claims of a JWT (no verification: the API verifies; the page only needs role and expiry). */
export function sessionFromToken(token: string): Session | null {
  const payload = token.split('.')[1];
  if (!payload) {
    return null;
  }
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const claims = JSON.parse(json) as { email?: string; role?: Role; exp?: number };
    if (!claims.email || !claims.role || !claims.exp) {
      return null;
    }
    return { token, email: claims.email, role: claims.role, expiresAt: claims.exp * 1000 };
  } catch {
    return null;
  }
}

export class SessionStore {
  private current: Session | null;
  private readonly listeners: Array<(session: Session | null) => void> = [];

  constructor(private readonly storage: Storage, private readonly now: () => number = Date.now) {
    this.current = this.load();
  }

  get(): Session | null {
    if (this.current && this.current.expiresAt <= this.now()) {
      this.set(null);
    }
    return this.current;
  }

  set(session: Session | null): void {
    this.current = session;
    if (session) {
      this.storage.setItem(STORAGE_KEY, session.token);
    } else {
      this.storage.removeItem(STORAGE_KEY);
    }
    this.listeners.forEach((listener) => listener(session));
  }

  onChange(listener: (session: Session | null) => void): void {
    this.listeners.push(listener);
  }

  private load(): Session | null {
    const token = this.storage.getItem(STORAGE_KEY);
    const session = token ? sessionFromToken(token) : null;
    return session && session.expiresAt > this.now() ? session : null;
  }
}

export function canOrganise(session: Session | null): boolean {
  return session?.role === 'organizer' || session?.role === 'admin';
}
