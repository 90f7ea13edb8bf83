import { ApiError } from './api';

/** What the person is told about a failed request, and what the page should do about it. */
export interface ErrorMessage {
  text: string;
  /** Field name → what is wrong with it (422 validation). */
  fields: Record<string, string>;
  /** Seats that went to somebody else (409 on a hold). */
  takenSeats: string[];
  /** Wait at least this long before trying again (429, 503). */
  retryAfterSeconds: number | null;
  /** The session is gone: the person must log in again. */
  loginNeeded: boolean;
}

/** Turns any failure into plain words; every status the API documents gets its own message. */
export function describeError(error: unknown): ErrorMessage {
  const message: ErrorMessage = { text: '', fields: {}, takenSeats: [], retryAfterSeconds: null, loginNeeded: false };
  if (!(error instanceof ApiError)) {
    return { ...message, text: 'Something went wrong in this page. Reload it and try again.' };
  }
  const detail = error.problem.detail ? ` (${error.problem.detail})` : '';
  switch (error.status) {
    case 0:
      return { ...message, text: 'The booking service cannot be reached. Check your connection and try again.' };
    case 400:
      return { ...message, text: `The request was not understood${detail}.` };
    case 401:
      return { ...message, loginNeeded: true, text: 'Please log in (again): your session has ended or the email and password do not match.' };
    case 403:
      return { ...message, text: 'Your account may not do this: customers book seats, organisers create events.' };
    case 404:
      return { ...message, text: 'Not found: it does not exist (any more), or it is not yours.' };
    case 406:
    case 413:
      return { ...message, text: `The service refused this request${detail}.` };
    case 409:
      return conflict(error, message);
    case 422:
      return invalid(error, message);
    case 429: {
      const wait = error.retryAfterSeconds ?? 60;
      return { ...message, retryAfterSeconds: wait, text: `Too many attempts in a short time. Wait ${seconds(wait)} and try again.` };
    }
    case 503: {
      const wait = error.retryAfterSeconds ?? 5;
      return { ...message, retryAfterSeconds: wait, text: `The service is busy for a moment. Try again in ${seconds(wait)}.` };
    }
    case 504:
      return { ...message, text: 'No answer in time. Your request may still have gone through: trying again is safe and will not book twice.' };
    default:
      return { ...message, text: 'The service failed to answer. Try again in a moment.' };
  }
}

function conflict(error: ApiError, message: ErrorMessage): ErrorMessage {
  const seats = error.problem.unavailableSeats ?? [];
  switch (error.slug) {
    case 'seats-unavailable':
      return {
        ...message,
        takenSeats: seats,
        text: seats.length > 0
          ? `Someone else got ${seats.length === 1 ? 'seat' : 'seats'} ${seats.join(', ')} first. The map now shows ${seats.length === 1 ? 'it' : 'them'} as taken: pick other seats.`
          : 'Not enough free seats together in that section. Try fewer seats or another section.',
      };
    case 'email-taken':
      return { ...message, fields: { email: 'already has an account' }, text: 'This email already has an account: log in instead.' };
    case 'hold-expired':
      return { ...message, text: 'Your hold has expired and the seats were released. Pick seats again.' };
    case 'cancellation-closed':
      return { ...message, text: 'This booking can no longer be cancelled: the event starts too soon.' };
    case 'event-cancelled':
      return { ...message, text: 'This event has been cancelled.' };
    case 'event-started':
      return { ...message, text: 'This event has already started.' };
    default:
      return { ...message, text: `This cannot be done now${error.problem.detail ? `: ${error.problem.detail}` : ''}. Reload to see the latest state.` };
  }
}

function invalid(error: ApiError, message: ErrorMessage): ErrorMessage {
  const fields = error.problem.errors ?? {};
  if (Object.keys(fields).length > 0) {
    return { ...message, fields, text: 'Please correct the fields marked below.' };
  }
  if (error.slug === 'idempotency-key-reused') {
    return { ...message, text: 'This request clashes with an earlier one. Reload the page and try again.' };
  }
  return { ...message, text: `That request is not valid${error.problem.detail ? `: ${error.problem.detail}` : ''}.` };
}

function seconds(n: number): string {
  return n === 1 ? '1 second' : `${n} seconds`;
}
