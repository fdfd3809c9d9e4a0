import type { CatalogueSummary } from "../../shared/api/catalogue";
import { CATALOGUE_SUMMARY_ELEMENT_ID } from "../../shared/api/catalogue-summary-element";

/**
 * The home list's summary the server inlined into a first visit's HTML
 * (server/static.ts), or null: the service worker's shell has none, nor has
 * an old server. Not validated: the same server wrote it into this very page,
 * and it only feeds the list until the full catalogue, validated by the
 * catalogue worker, arrives.
 */
export function readInlineSummary(): CatalogueSummary | null {
  const text = document.getElementById(CATALOGUE_SUMMARY_ELEMENT_ID)?.textContent;
  if (!text) return null;
  try {
    const summary = JSON.parse(text) as Partial<CatalogueSummary> | null;
    return summary && Array.isArray(summary.guides) && typeof summary.cursor === "string"
      ? (summary as CatalogueSummary)
      : null;
  } catch {
    return null;
  }
}
