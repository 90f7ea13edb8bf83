import { describe, expect, it } from 'vitest';
import { canOrganise, sessionFromToken, SessionStore } from './session';

function token(claims: object): string {
  const encode = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode({ alg: 'HS256' })}.${encode(claims)}.signature`;
}

describe('session', () => {
  it('reads email, role and expiry from the token', () => {
    const session = sessionFromToken(token({ email: 'ann@example.com', role: 'organizer', exp: 2_000_000_000 }));

    expect(session).toMatchObject({ email: 'ann@example.com', role: 'organizer', expiresAt: 2_000_000_000_000 });
    expect(canOrganise(session)).toBe(true);
    expect(sessionFromToken('garbage')).toBeNull();
  });

  it('is kept across reloads and forgotten once expired', () => {
    let now = 1_000_000_000_000;
    const storage = window.localStorage;
    storage.clear();
    const first = new SessionStore(storage, () => now);
    first.set(sessionFromToken(token({ email: 'bob@example.com', role: 'customer', exp: now / 1000 + 60 })));

    const reloaded = new SessionStore(storage, () => now);
    expect(reloaded.get()?.email).toBe('bob@example.com');
    expect(canOrganise(reloaded.get())).toBe(false);

    now += 61_000;
    expect(reloaded.get()).toBeNull();
    expect(storage.length).toBe(0);
  });
});
