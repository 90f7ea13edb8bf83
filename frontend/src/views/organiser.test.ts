import { describe, expect, it } from 'vitest';
import { h, input } from '../dom';
import { readEvent } from './organiser';

describe('readEvent', () => {
  it('turns the form into the API request, prices in cents and the start as an instant', () => {
    const form = h('form', {},
      input({ name: 'title', value: ' Gala ' }), input({ name: 'venue', value: 'Hall' }),
      input({ name: 'startsAt', value: '2030-06-01T19:30' }), input({ name: 'currency', value: 'eur' }),
      input({ name: 'holdTtlSeconds', value: '5' }), input({ name: 'maxSeatsPerBooking', value: '' }),
      input({ name: 'sections[0].name', value: 'FLOOR' }), input({ name: 'sections[0].price', value: '49.99' }),
      input({ name: 'sections[0].rows', value: '2' }), input({ name: 'sections[0].seatsPerRow', value: '3' }),
      input({ name: 'sections[1].name', value: 'BALCONY' }), input({ name: 'sections[1].price', value: '0' }),
      input({ name: 'sections[1].rows', value: '1' }), input({ name: 'sections[1].seatsPerRow', value: '1' }));

    expect(readEvent(form)).toEqual({
      title: 'Gala', venue: 'Hall', startsAt: new Date('2030-06-01T19:30').toISOString(), currency: 'EUR',
      holdTtlSeconds: 5, maxSeatsPerBooking: undefined,
      sections: [{ name: 'FLOOR', priceCents: 4999, rows: 2, seatsPerRow: 3 }, { name: 'BALCONY', priceCents: 0, rows: 1, seatsPerRow: 1 }],
    });
  });
});
