import type { ComponentChildren } from "preact";

/**
 * A wide table's sideways scroller. On a phone the table is wider than the
 * screen, so the box is a labelled region that takes focus: a keyboard user
 * can then scroll it with the arrow keys (axe: scrollable-region-focusable).
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be scrolled (WCAG 2.1.1)
    <section class="table-scroll" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
