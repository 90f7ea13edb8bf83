import type { EventInfo, SeatStatus } from './api';

/** What the map shows for a seat: the API's status, plus the viewer's own choice and hold. */
export type SeatView = 'available' | 'selected' | 'mine' | 'held' | 'sold';

export type ToggleResult = 'selected' | 'deselected' | 'taken' | 'limit';

export function seatId(section: string, row: number, seat: number): string {
  return `${section}-${row}-${seat}`;
}

/**
 * The seat map's state, without the DOM: statuses from the API (a snapshot, then live changes),
 * the seats the viewer has picked, and the seats of the viewer's own hold.
 */
export class SeatMap {
  private readonly statuses = new Map<string, SeatStatus>();
  private readonly picked = new Set<string>();
  private readonly held = new Set<string>();

  constructor(readonly event: EventInfo) {}

  has(id: string): boolean {
    const [section, row, seat] = splitSeatId(id);
    const layout = this.event.sections.find((s) => s.name === section);
    return layout !== undefined && row >= 1 && row <= layout.rows && seat >= 1 && seat <= layout.seatsPerRow;
  }

  status(id: string): SeatStatus {
    return this.statuses.get(id) ?? 'AVAILABLE';
  }

  view(id: string): SeatView {
    if (this.held.has(id) && this.status(id) === 'HELD') {
      return 'mine';
    }
    if (this.picked.has(id)) {
      return 'selected';
    }
    switch (this.status(id)) {
      case 'HELD':
        return 'held';
      case 'SOLD':
        return 'sold';
      default:
        return 'available';
    }
  }

  /**
   * Replaces every status with a full snapshot (the API lists only seats that are not available).
   * Returns the seats whose view changed, and drops picks that are no longer free.
   */
  applySnapshot(seats: Record<string, SeatStatus>): Set<string> {
    const changed = new Set<string>([...this.statuses.keys(), ...Object.keys(seats)]);
    const before = this.views(changed);
    this.statuses.clear();
    for (const [id, status] of Object.entries(seats)) {
      if (status !== 'AVAILABLE') {
        this.statuses.set(id, status);
      }
    }
    this.dropTakenPicks();
    return this.changedSince(before);
  }

  /** Applies a live change (only the seats that changed); returns the seats whose view changed. */
  applyChanges(seats: Record<string, SeatStatus>): Set<string> {
    const before = this.views(new Set([...Object.keys(seats), ...this.picked]));
    for (const [id, status] of Object.entries(seats)) {
      if (status === 'AVAILABLE') {
        this.statuses.delete(id);
      } else {
        this.statuses.set(id, status);
      }
    }
    this.dropTakenPicks();
    return this.changedSince(before);
  }

  toggle(id: string): ToggleResult {
    if (this.picked.delete(id)) {
      return 'deselected';
    }
    if (this.status(id) !== 'AVAILABLE') {
      return 'taken';
    }
    if (this.picked.size >= this.event.maxSeatsPerBooking) {
      return 'limit';
    }
    this.picked.add(id);
    return 'selected';
  }

  selection(): string[] {
    return [...this.picked];
  }

  clearSelection(): string[] {
    const cleared = [...this.picked];
    this.picked.clear();
    return cleared;
  }

  /** The viewer's hold now holds these seats (they show as the viewer's); they are held right away. */
  markMine(seats: string[]): void {
    for (const id of seats) {
      this.picked.delete(id);
      this.held.add(id);
      if (this.status(id) === 'AVAILABLE') {
        this.statuses.set(id, 'HELD');
      }
    }
  }

  /** The viewer's hold ended; returns the seats it had. */
  forgetMine(): string[] {
    const seats = [...this.held];
    this.held.clear();
    return seats;
  }

  priceOf(id: string): number {
    const [section] = splitSeatId(id);
    return this.event.sections.find((s) => s.name === section)?.priceCents ?? 0;
  }

  selectionTotalCents(): number {
    return this.selection().reduce((sum, id) => sum + this.priceOf(id), 0);
  }

  private dropTakenPicks(): void {
    for (const id of this.picked) {
      if (this.status(id) !== 'AVAILABLE') {
        this.picked.delete(id);
      }
    }
  }

  private views(ids: Set<string>): Map<string, SeatView> {
    return new Map([...ids].map((id) => [id, this.view(id)]));
  }

  private changedSince(before: Map<string, SeatView>): Set<string> {
    return new Set([...before].filter(([id, view]) => this.view(id) !== view).map(([id]) => id));
  }
}

/** "FLOOR-3-12" → ["FLOOR", 3, 12]; section names have no dashes. */
export function splitSeatId(id: string): [string, number, number] {
  const parts = id.split('-');
  return [parts[0] ?? '', Number(parts[1]), Number(parts[2])];
}

/** How the map describes a seat to assistive technology. */
export function seatLabel(id: string, view: SeatView): string {
  const [section, row, seat] = splitSeatId(id);
  const state: Record<SeatView, string> = {
    available: 'available',
    selected: 'selected',
    mine: 'held by you',
    held: 'taken (held)',
    sold: 'sold',
  };
  return `${section} row ${row} seat ${seat}, ${state[view]}`;
}
