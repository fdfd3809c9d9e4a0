import { signal } from "@preact/signals";
import type { QualityWarning } from "./quality";

/**
 * Pages that looked blurry or dark when they were added, by blob id. Kept for
 * the session only: the warning is for the moment the photo is taken, when
 * the applicant and the paper are still at hand; a page retaken or removed
 * drops out because its blob id is no longer on the list.
 */
export const photoWarnings = signal<ReadonlyMap<string, QualityWarning>>(new Map());

export function warnAbout(blobId: string, warning: QualityWarning | undefined): void {
  if (!warning && !photoWarnings.peek().has(blobId)) return;
  const next = new Map(photoWarnings.peek());
  if (warning) next.set(blobId, warning);
  else next.delete(blobId);
  photoWarnings.value = next;
}
