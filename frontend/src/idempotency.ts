/**
 * Idempotency keys for writes: a retry of the same request after an unclear outcome (504, network
 * error) reuses the key, so the API returns the first outcome instead of applying it twice; any
 * other request gets a fresh key.
 */
export class IdempotencyKeys {
  private pending: { body: string; key: string } | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  keyFor(request: unknown): string {
    const body = JSON.stringify(request);
    if (this.pending?.body !== body) {
      this.pending = { body, key: this.newKey() };
    }
    return this.pending.key;
  }

  /** The outcome is known (success or a definite refusal): the next request is a new one. */
  settled(): void {
    this.pending = null;
  }
}

/** Whether a failed write may have been applied anyway, so a retry must reuse its key. */
export function outcomeUnknown(status: number): boolean {
  return status === 0 || status === 504 || status >= 500;
}
