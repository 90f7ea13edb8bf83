import { describe, expect, it } from 'vitest';
import type { EventInfo } from './api';
import { SeatMap, seatLabel, splitSeatId } from './seatmap';

const event: EventInfo = {
  eventId: 'e1', title: 'Show', venue: 'Hall', startsAt: '2030-01-01T19:00:00Z', currency: 'EUR',
  holdTtlSeconds: 600, maxSeatsPerBooking: 2, capacity: 12,
  sections: [{ name: 'FLOOR', priceCents: 5000, rows: 2, seatsPerRow: 3 }, { name: 'BALCONY', priceCents: 2500, rows: 2, seatsPerRow: 3 }],
};

describe('SeatMap', () => {
  it('treats seats missing from the snapshot as available', () => {
    const map = new SeatMap(event);
    map.applySnapshot({ 'FLOOR-1-1': 'HELD', 'FLOOR-1-2': 'SOLD' });

    expect(map.view('FLOOR-1-1')).toBe('held');
    expect(map.view('FLOOR-1-2')).toBe('sold');
    expect(map.view('FLOOR-1-3')).toBe('available');
  });

  it('picks free seats up to the per-booking limit and refuses taken ones', () => {
    const map = new SeatMap(event);
    map.applySnapshot({ 'FLOOR-2-1': 'SOLD' });

    expect(map.toggle('FLOOR-1-1')).toBe('selected');
    expect(map.toggle('BALCONY-1-1')).toBe('selected');
    expect(map.toggle('FLOOR-1-2')).toBe('limit');
    expect(map.toggle('FLOOR-1-1')).toBe('deselected');
    expect(map.toggle('FLOOR-2-1')).toBe('taken');
    expect(map.selection()).toEqual(['BALCONY-1-1']);
    expect(map.selectionTotalCents()).toBe(2500);
  });

  it('drops a pick that somebody else takes live and reports the seats whose look changed', () => {
    const map = new SeatMap(event);
    map.toggle('FLOOR-1-1');

    const changed = map.applyChanges({ 'FLOOR-1-1': 'HELD', 'FLOOR-1-3': 'AVAILABLE' });

    expect(map.selection()).toEqual([]);
    expect(map.view('FLOOR-1-1')).toBe('held');
    expect([...changed]).toEqual(['FLOOR-1-1']);
  });

  it('shows the viewer their own hold until it is released or expires', () => {
    const map = new SeatMap(event);
    map.toggle('FLOOR-1-1');
    map.markMine(['FLOOR-1-1']);

    expect(map.view('FLOOR-1-1')).toBe('mine');
    expect(map.selection()).toEqual([]);

    map.applyChanges({ 'FLOOR-1-1': 'AVAILABLE' });
    expect(map.view('FLOOR-1-1')).toBe('available');
    expect(map.forgetMine()).toEqual(['FLOOR-1-1']);
  });

  it('a later snapshot replaces every status', () => {
    const map = new SeatMap(event);
    map.applySnapshot({ 'FLOOR-1-1': 'HELD' });

    const changed = map.applySnapshot({ 'FLOOR-1-2': 'SOLD' });

    expect(map.view('FLOOR-1-1')).toBe('available');
    expect([...changed].sort()).toEqual(['FLOOR-1-1', 'FLOOR-1-2']);
  });

  it('knows which seat ids exist in the venue', () => {
    const map = new SeatMap(event);

    expect(map.has('FLOOR-2-3')).toBe(true);
    expect(map.has('FLOOR-3-1')).toBe(false);
    expect(map.has('STAGE-1-1')).toBe(false);
  });
});

describe('seat ids and labels', () => {
  it('splits an id and describes the seat for screen readers', () => {
    expect(splitSeatId('FLOOR-3-12')).toEqual(['FLOOR', 3, 12]);
    expect(seatLabel('FLOOR-3-12', 'mine')).toBe('FLOOR row 3 seat 12, held by you');
  });
});
