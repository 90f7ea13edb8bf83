import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { describeError } from './messages';

const problem = (status: number, slug = '', extra: object = {}) =>
  new ApiError({ status, type: slug ? `/problems/${slug}` : undefined, detail: 'from the API', ...extra });

describe('describeError', () => {
  it('names the seats somebody else won', () => {
    const message = describeError(problem(409, 'seats-unavailable', { unavailableSeats: ['FLOOR-1-1', 'FLOOR-1-2'] }));

    expect(message.takenSeats).toEqual(['FLOOR-1-1', 'FLOOR-1-2']);
    expect(message.text).toContain('Someone else got seats FLOOR-1-1, FLOOR-1-2 first');
  });

  it('says a best-available hold found too few seats when none are named', () => {
    expect(describeError(problem(409, 'seats-unavailable')).text).toContain('Not enough free seats');
  });

  it('tells the person how long to wait on 429 and 503', () => {
    const limited = describeError(new ApiError({ status: 429, type: '/problems/too-many-holds' }, 7));
    expect(limited.retryAfterSeconds).toBe(7);
    expect(limited.text).toContain('Wait 7 seconds');

    expect(describeError(new ApiError({ status: 503 }, 1)).text).toContain('Try again in 1 second');
  });

  it('passes field errors of a 422 on to the form', () => {
    const message = describeError(problem(422, 'invalid-request', { errors: { password: 'at least 8 characters' } }));

    expect(message.fields).toEqual({ password: 'at least 8 characters' });
    expect(message.text).toContain('correct the fields');
  });

  it('asks to log in again on 401 and marks a taken email on sign-up', () => {
    expect(describeError(problem(401)).loginNeeded).toBe(true);
    expect(describeError(problem(409, 'email-taken')).fields).toHaveProperty('email');
  });

  it('says a retry after a timeout is safe', () => {
    expect(describeError(problem(504, 'reply-timeout')).text).toContain('trying again is safe');
  });

  it('has a message for every status the API returns, never an empty one', () => {
    for (const status of [0, 400, 401, 403, 404, 406, 409, 413, 422, 429, 500, 503, 504]) {
      expect(describeError(problem(status)).text, `status ${status}`).not.toBe('');
    }
    expect(describeError(new Error('bug')).text).toContain('Reload');
  });
});
