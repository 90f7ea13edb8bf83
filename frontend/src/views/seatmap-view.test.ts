import { describe, expect, it } from 'vitest';
import type { EventInfo } from '../api';
import { SeatMap } from '../seatmap';
import { SeatMapView } from './seatmap-view';

const event: EventInfo = {
  eventId: 'e1', title: 'Show', venue: 'Hall', startsAt: '2030-01-01T19:00:00Z', currency: 'EUR',
  holdTtlSeconds: 600, maxSeatsPerBooking: 4, capacity: 6,
  sections: [{ name: 'FLOOR', priceCents: 5000, rows: 2, seatsPerRow: 3 }],
};

function render() {
  const map = new SeatMap(event);
  const toggled: string[] = [];
  const view = new SeatMapView(map, (id) => {
    toggled.push(id);
    map.toggle(id);
    view.refresh([id]);
  });
  document.body.replaceChildren(view.element);
  const seat = (id: string) => view.element.querySelector<HTMLButtonElement>(`[data-seat="${id}"]`)!;
  return { map, view, toggled, seat };
}

describe('SeatMapView', () => {
  it('draws every seat as a labelled button coloured by status', () => {
    const { map, view, seat } = render();
    view.refresh(map.applyChanges({ 'FLOOR-1-2': 'SOLD' }));

    expect(view.element.querySelectorAll('button[data-seat]')).toHaveLength(6);
    expect(seat('FLOOR-1-2').getAttribute('aria-label')).toBe('FLOOR row 1 seat 2, sold');
    expect(seat('FLOOR-1-2').className).toBe('seat seat-sold');
  });

  it('picks a seat on click and marks it pressed', () => {
    const { toggled, seat } = render();

    seat('FLOOR-2-3').click();

    expect(toggled).toEqual(['FLOOR-2-3']);
    expect(seat('FLOOR-2-3').getAttribute('aria-pressed')).toBe('true');
    expect(seat('FLOOR-2-3').dataset.status).toBe('selected');
  });

  it('has one tab stop per section and moves between seats with the arrow keys', () => {
    const { seat } = render();
    expect(seat('FLOOR-1-1').tabIndex).toBe(0);
    expect(seat('FLOOR-1-2').tabIndex).toBe(-1);

    seat('FLOOR-1-1').focus();
    seat('FLOOR-1-1').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    seat('FLOOR-1-2').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));

    expect(document.activeElement).toBe(seat('FLOOR-2-2'));
    expect(seat('FLOOR-2-2').tabIndex).toBe(0);
    expect(seat('FLOOR-1-1').tabIndex).toBe(-1);
  });

  it('shows the section counts', () => {
    const { view } = render();

    view.showCounts([{ name: 'FLOOR', total: 6, available: 5, held: 1, sold: 0 }]);

    expect(view.element.querySelector('.section-count')!.textContent).toBe('5 of 6 free');
  });
});
