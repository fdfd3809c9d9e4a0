import type { Page } from "playwright-core";

/** How far the page itself scrolls sideways (0 when nothing pans the page). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return Math.max(0, root.scrollWidth - window.innerWidth);
  });
}

/** The texts of every level-one heading in the page. */
export function h1Texts(page: Page): Promise<string[]> {
  return page.locator("h1").allTextContents();
}

/**
 * Controls a finger can hit that are smaller than `min` CSS px either way:
 * buttons, links, form controls, summaries. A control's target is its own box
 * or its label's, whichever is larger (a checkbox is tapped through its label).
 * Inline links inside running text are exempt (WCAG 2.5.8's inline exception),
 * as are controls hidden from view (0-size, visually hidden, off screen).
 */
export function smallTapTargets(page: Page, min = 44): Promise<string[]> {
  return page.evaluate((min) => {
    const describe = (element: Element) => {
      const text = (element.getAttribute("aria-label") ?? element.textContent ?? "").trim().replace(/\s+/g, " ");
      const id = element.id ? `#${element.id}` : "";
      return `${element.tagName.toLowerCase()}${id} “${text.slice(0, 40)}”`;
    };
    const isInlineTextLink = (element: Element) => {
      if (element.tagName !== "A") return false;
      if (getComputedStyle(element).display !== "inline") return false;
      const block = element.parentElement?.closest("p, li, dd, td, span");
      if (!block) return false;
      // Running text: the paragraph holds words besides the link itself.
      return (block.textContent ?? "").trim().length > (element.textContent ?? "").trim().length;
    };
    const offenders: string[] = [];
    const controls = document.querySelectorAll(
      "button, a[href], input:not([type=hidden]), select, textarea, summary, [role=button]",
    );
    for (const element of controls) {
      if (element.closest("[hidden], [aria-hidden=true], .visually-hidden")) continue;
      if (element.closest("details:not([open])") && element.tagName !== "SUMMARY") continue;
      const style = getComputedStyle(element);
      if (style.display === "none" || style.visibility === "hidden") continue;
      const own = element.getBoundingClientRect();
      if (own.width <= 1 || own.height <= 1) {
        // A hidden file input inside its styled label: the label is the target.
        const label = element.closest("label");
        if (!label || element.tagName !== "INPUT") continue;
      }
      if (isInlineTextLink(element)) continue;
      let width = own.width;
      let height = own.height;
      const labels =
        element instanceof HTMLInputElement || element instanceof HTMLSelectElement ? [...(element.labels ?? [])] : [];
      const wrapping = element.closest("label");
      if (wrapping) labels.push(wrapping);
      for (const label of labels) {
        const box = label.getBoundingClientRect();
        width = Math.max(width, box.width);
        height = Math.max(height, box.height);
      }
      // Half a pixel of rounding is not a finger.
      if (width + 0.5 < min || height + 0.5 < min) {
        offenders.push(`${describe(element)} ${Math.round(width)}×${Math.round(height)}`);
      }
    }
    return offenders;
  }, min);
}
