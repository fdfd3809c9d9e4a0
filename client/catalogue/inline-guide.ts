import { CATALOGUE_GUIDE_ELEMENT_ID } from "../../shared/api/catalogue-summary-element";
import type { Guide } from "../../shared/guide";

/**
 * The guide the server inlined whole into a first visit's HTML when that
 * visit opened its page (server/static.ts), or null. Like the summary, not
 * validated and never stored: the same server wrote it into this very page,
 * it only feeds the guide's screen until the catalogue worker has validated
 * and stored the full catalogue, which then replaces it.
 */
export function readInlineGuide(): Guide | null {
  const text = document.getElementById(CATALOGUE_GUIDE_ELEMENT_ID)?.textContent;
  if (!text) return null;
  try {
    const guide = JSON.parse(text) as Partial<Guide> | null;
    // The fields the guide's screen reads without a guard: a malformed element shows the screen as before.
    return guide &&
      typeof guide.id === "string" &&
      typeof guide.title === "object" &&
      typeof guide.summary === "object" &&
      Array.isArray(guide.steps) &&
      Array.isArray(guide.requirements) &&
      Array.isArray(guide.legalBasis) &&
      typeof guide.submission === "object" &&
      typeof guide.source === "object"
      ? (guide as Guide)
      : null;
  } catch {
    return null;
  }
}
