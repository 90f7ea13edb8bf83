import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, loggedIn, openEvent, screenshot, seat, Setup, unique } from './support';

const gatewayUrl = inject('gatewayUrl');
const setup = new Setup(gatewayUrl);
const LIVE_TIMEOUT = { timeout: 15_000, interval: 100 };
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('the web app in Chromium against the platform', () => {
  it('an organiser signs up and creates an event that opens with its seat map', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } }); // a phone
    const page = await context.newPage();
    await page.goto(`${gatewayUrl}/#/signup`);
    const name = unique('org');
    await page.getByLabel('Email').fill(`${name}@example.com`);
    await page.getByLabel('User name').fill(name);
    await page.getByLabel('Password').fill('Secret123');
    await page.getByLabel('Account type').selectOption('organizer');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('link', { name: 'Create event' }).click();

    await page.getByLabel('Title').fill('Phone Gala');
    await page.getByLabel('Venue').fill('Small Hall');
    await page.getByLabel('Starts at').fill('2031-05-01T20:00');
    await page.getByLabel('Section 1 name').fill('STALLS');
    await page.getByLabel('Rows').fill('2');
    await page.getByLabel('Seats per row').fill('6');
    await page.getByRole('button', { name: 'Create event' }).click();
    await page.getByRole('link', { name: 'Open Phone Gala' }).click();

    await page.getByText('Live: the map updates as seats are taken.').waitFor();
    expect(await page.locator('[data-seat]').count()).toBe(12);
    expect(await seat(page, 'STALLS-2-6').getAttribute('aria-label')).toBe('STALLS row 2 seat 6, available');
    await screenshot(page, 'organiser-new-event-phone');
    await context.close();
  });

  it('two customers pick the same seat: one wins, the other map turns it taken without a reload', async () => {
    const organizer = await setup.user('organizer');
    const eventId = await setup.event(organizer.token);
    const [ann, bob] = await Promise.all([setup.user('customer'), setup.user('customer')]);
    const [annPage, bobPage] = await Promise.all([
      loggedIn(browser, ann.token).then((c) => openEvent(c, gatewayUrl, eventId)),
      loggedIn(browser, bob.token).then((c) => openEvent(c, gatewayUrl, eventId)),
    ]);

    await seat(annPage, 'FLOOR-1-4').click();
    await seat(bobPage, 'FLOOR-1-4').click();
    await Promise.all([
      annPage.getByRole('button', { name: 'Hold selected seat' }).click(),
      bobPage.getByRole('button', { name: 'Hold selected seat' }).click(),
    ]);

    const outcome = async (page: typeof annPage) => {
      await page.locator('[data-testid="countdown"], [role="alert"]').first().waitFor();
      return (await page.getByTestId('countdown').count()) > 0 ? 'won' : 'lost';
    };
    const outcomes = await Promise.all([outcome(annPage), outcome(bobPage)]);
    expect([...outcomes].sort()).toEqual(['lost', 'won']); // a copy: sort() works in place, and the order says who won
    const [winner, loser] = outcomes[0] === 'won' ? [annPage, bobPage] : [bobPage, annPage];
    expect(await loser.getByRole('alert').textContent()).toContain('Someone else got seat FLOOR-1-4 first');
    expect(await seat(winner, 'FLOOR-1-4').getAttribute('data-status')).toBe('mine');
    await expect.poll(() => seat(loser, 'FLOOR-1-4').getAttribute('data-status'), LIVE_TIMEOUT).toBe('held');

    // The live stream alone: the winner takes two more seats, the loser does nothing and sees them go.
    await seat(winner, 'FLOOR-3-1').click();
    await seat(winner, 'FLOOR-3-2').click();
    await winner.getByRole('button', { name: 'Release seats' }).click();
    await winner.getByText('Seats released.').waitFor();
    await winner.getByRole('button', { name: 'Hold 2 selected seats' }).click();
    await expect.poll(() => seat(loser, 'FLOOR-3-2').getAttribute('data-status'), LIVE_TIMEOUT).toBe('held');
    await expect.poll(() => seat(loser, 'FLOOR-1-4').getAttribute('data-status'), LIVE_TIMEOUT).toBe('available');
    await screenshot(winner, 'race-winner');
    await screenshot(loser, 'race-loser');
    await Promise.all([annPage.context().close(), bobPage.context().close()]);
  });

  it('a customer logs in, holds the best two seats, pays, sees the booking CONFIRMED and cancels it', async () => {
    const organizer = await setup.user('organizer');
    const eventId = await setup.event(organizer.token);
    const customer = await setup.user('customer');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${gatewayUrl}/#/login?then=${encodeURIComponent(`#/events/${eventId}`)}`);
    await page.getByLabel('Email').fill(customer.email);
    await page.getByLabel('Password').fill(customer.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('Live: the map updates as seats are taken.').waitFor();

    await page.getByLabel('Number of seats').fill('2');
    await page.getByRole('button', { name: 'Hold best available' }).click();
    await page.getByTestId('countdown').waitFor();
    expect(await page.locator('[data-status="mine"]').count()).toBe(2);
    await screenshot(page, 'purchase-held');

    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.getByText(/Booking confirmed/).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-status="sold"]').count(), LIVE_TIMEOUT).toBe(2);
    await screenshot(page, 'purchase-confirmed');

    await page.getByRole('link', { name: 'See my bookings' }).click();
    await expect.poll(() => page.getByTestId('booking-status').first().textContent(), LIVE_TIMEOUT).toBe('Confirmed');
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await page.getByRole('button', { name: 'Confirm cancellation (refund)' }).click();
    await expect.poll(() => page.getByTestId('booking-status').first().textContent(), LIVE_TIMEOUT).toBe('Cancelled');
    await context.close();
  });

  it('a hold counts down to zero and its seats free up on every map', async () => {
    const organizer = await setup.user('organizer');
    const eventId = await setup.event(organizer.token, { holdTtlSeconds: 4 });
    const [holder, watcher] = await Promise.all([setup.user('customer'), setup.user('customer')]);
    const [holderPage, watcherPage] = await Promise.all([
      loggedIn(browser, holder.token).then((c) => openEvent(c, gatewayUrl, eventId)),
      loggedIn(browser, watcher.token).then((c) => openEvent(c, gatewayUrl, eventId)),
    ]);

    await seat(holderPage, 'FLOOR-2-2').click();
    await seat(holderPage, 'FLOOR-2-3').click();
    await holderPage.getByRole('button', { name: 'Hold 2 selected seats' }).click();
    const countdown = holderPage.getByTestId('countdown');
    await countdown.waitFor();
    expect(await countdown.textContent()).toMatch(/^0:0[1-4]$/);
    await expect.poll(() => watcherPage.locator('[data-status="held"]').count(), LIVE_TIMEOUT).toBe(2);
    await screenshot(watcherPage, 'expiry-held');

    await holderPage.getByText('Your hold has expired and the seats were released.').waitFor({ timeout: 10_000 });
    await expect.poll(() => holderPage.locator('[data-status="available"]').count(), LIVE_TIMEOUT).toBe(24);
    await expect.poll(() => watcherPage.locator('[data-status="available"]').count(), LIVE_TIMEOUT).toBe(24);
    await screenshot(watcherPage, 'expiry-released');
    await Promise.all([holderPage.context().close(), watcherPage.context().close()]);
  });
});
