import type { SectionCounts } from '../api';
import { h } from '../dom';
import { money } from '../format';
import { SeatMap, seatId, seatLabel, splitSeatId } from '../seatmap';

const GLYPHS = { available: '', selected: '✓', mine: '★', held: '•', sold: '×' } as const;

/**
 * Draws a SeatMap: one grid per section, one button per seat. Arrow keys move between seats of a
 * section (one tab stop per section), Enter/Space picks. Only changed seats are redrawn.
 */
export class SeatMapView {
  readonly element: HTMLElement;
  private readonly buttons = new Map<string, HTMLButtonElement>();
  private readonly counts = new Map<string, HTMLElement>();

  constructor(private readonly map: SeatMap, onToggle: (id: string) => void) {
    this.element = h('div', { class: 'seat-map', 'data-testid': 'seat-map' },
      legend(),
      ...map.event.sections.map((section) => this.section(section.name, section.rows, section.seatsPerRow, section.priceCents)));
    this.element.addEventListener('click', (e) => {
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-seat]');
      if (button) {
        onToggle(button.dataset.seat!);
      }
    });
    this.element.addEventListener('keydown', (e) => this.move(e));
  }

  /** Redraws these seats (or all). */
  refresh(ids: Iterable<string> = this.buttons.keys()): void {
    for (const id of ids) {
      const button = this.buttons.get(id);
      if (!button) {
        continue;
      }
      const view = this.map.view(id);
      button.className = `seat seat-${view}`;
      button.dataset.status = view;
      button.textContent = GLYPHS[view];
      button.setAttribute('aria-label', seatLabel(id, view));
      button.setAttribute('aria-pressed', String(view === 'selected'));
      button.title = seatLabel(id, view);
    }
  }

  showCounts(sections: SectionCounts[]): void {
    for (const section of sections) {
      const slot = this.counts.get(section.name);
      if (slot) {
        slot.textContent = `${section.available} of ${section.total} free`;
      }
    }
  }

  private section(name: string, rows: number, seatsPerRow: number, priceCents: number): HTMLElement {
    const count = h('span', { class: 'section-count' });
    this.counts.set(name, count);
    const grid = h('div', { class: 'seat-grid', role: 'group', 'aria-label': `Section ${name} seats`, style: `--seats-per-row:${seatsPerRow}` });
    for (let row = 1; row <= rows; row++) {
      grid.append(h('span', { class: 'row-label', 'aria-hidden': 'true' }, String(row)));
      for (let seat = 1; seat <= seatsPerRow; seat++) {
        const id = seatId(name, row, seat);
        const button = h('button', { type: 'button', 'data-seat': id, tabindex: row === 1 && seat === 1 ? 0 : -1 });
        this.buttons.set(id, button);
        grid.append(button);
      }
    }
    const heading = h('h3', {}, `${name} `, h('span', { class: 'price' }, money(priceCents, this.map.event.currency)), ' ', count);
    this.refresh([...this.buttons.keys()].filter((id) => id.startsWith(`${name}-`)));
    return h('section', { class: 'seat-section', 'data-section': name }, heading, h('div', { class: 'seat-scroll' }, grid));
  }

  private move(e: KeyboardEvent): void {
    const current = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-seat]');
    const step: Record<string, [number, number]> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    if (!current || !step[e.key]) {
      return;
    }
    const [section, row, seat] = splitSeatId(current.dataset.seat!);
    const [dRow, dSeat] = step[e.key]!;
    const next = this.buttons.get(seatId(section, row + dRow, seat + dSeat));
    if (next) {
      e.preventDefault();
      current.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    }
  }
}

function legend(): HTMLElement {
  const item = (view: keyof typeof GLYPHS, text: string) =>
    h('li', {}, h('span', { class: `seat seat-${view}`, 'aria-hidden': 'true' }, GLYPHS[view]), ` ${text}`);
  return h('ul', { class: 'legend', 'aria-label': 'Legend' },
    item('available', 'Free'), item('selected', 'Your pick'), item('mine', 'Held by you'), item('held', 'Held by someone'), item('sold', 'Sold'));
}
