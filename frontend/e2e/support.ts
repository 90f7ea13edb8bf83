import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium; no browser is downloaded. BOOKING_CHROMIUM points elsewhere. */
const CHROMIUM = process.env.BOOKING_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve(import.meta.dirname, '..', 'target', 'e2e-screenshots');

export function launchChromium(): Promise<Browser> {
  // Playwright gives every launch a fresh temporary profile (--user-data-dir) of its own.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.locator('[data-testid="seat-map"]').screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

export function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** Direct API calls for the set-up a test is not about. */
export class Setup {
  constructor(readonly gatewayUrl: string) {}

  async user(role: 'customer' | 'organizer'): Promise<{ email: string; password: string; token: string }> {
    const name = unique(role.slice(0, 4));
    const email = `${name}@example.com`;
    const password = 'Secret123';
    await this.post('/api/auth/register', { email, password, name, role }, null, 201);
    const { accessToken } = await this.post('/api/auth/login', { email, password }, null, 200) as { accessToken: string };
    return { email, password, token: accessToken };
  }

  async event(organizerToken: string, options: { holdTtlSeconds?: number; rows?: number; seatsPerRow?: number } = {}): Promise<string> {
    const event = await this.post('/api/events', {
      title: unique('Concert '), venue: 'Test Hall', currency: 'EUR',
      startsAt: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
      holdTtlSeconds: options.holdTtlSeconds ?? 600,
      sections: [{ name: 'FLOOR', priceCents: 4500, rows: options.rows ?? 3, seatsPerRow: options.seatsPerRow ?? 8 }],
    }, organizerToken, 201) as { eventId: string };
    return event.eventId;
  }

  private async post(path: string, body: unknown, token: string | null, expected: number): Promise<unknown> {
    const response = await fetch(this.gatewayUrl + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (response.status !== expected) {
      throw new Error(`${path}: ${response.status} ${await response.text()}`);
    }
    return response.json();
  }
}

/** A browser context already logged in with this token (as after a login). */
export async function loggedIn(browser: Browser, token: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  await context.addInitScript((t) => window.localStorage.setItem('booking.session', t), token);
  return context;
}

/** Opens an event page and waits until its live stream is connected. */
export async function openEvent(context: BrowserContext, gatewayUrl: string, eventId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${gatewayUrl}/#/events/${encodeURIComponent(eventId)}`);
  await page.getByText('Live: the map updates as seats are taken.').waitFor();
  return page;
}

export function seat(page: Page, id: string) {
  return page.locator(`[data-seat="${id}"]`);
}
