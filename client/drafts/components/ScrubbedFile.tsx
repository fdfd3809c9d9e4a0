import type { ClockView } from "../../../shared/service-time/clock";
import type { DraftRow, RemoteRow } from "../../db/local-db";
import { onLinkClick } from "../../router";
import { type DraftMessageKey, td } from "../messages";
import { ScrubbedNote } from "./ScrubbedNote";
import { TrackingCard } from "./TrackingCard";

/**
 * A file's page once the phone removed its applicant data (a set time after
 * the office's final decision): what remains is the service, the status and
 * the tracking number, with the news for the neighbour. No form: there is
 * nothing left to edit, and the office keeps its own copy.
 */
export function ScrubbedFile({
  draft,
  remote,
  serviceTitle,
  status,
  clock,
}: {
  draft: DraftRow;
  remote?: RemoteRow;
  serviceTitle: string;
  status: { key: DraftMessageKey; tone: string };
  clock: ClockView | null;
}) {
  const number = remote?.trackingNumber ?? null;
  return (
    <article class="draft">
      <a class="back-link no-print" href="/berkas" onClick={onLinkClick}>
        ← {td("allDrafts")}
      </a>
      <h1>{serviceTitle}</h1>
      <p class="muted small">
        <span class={`status-pill ${status.tone}`} data-testid="draft-status">
          {td(status.key)}
        </span>
      </p>
      <ScrubbedNote row={draft} remote={remote} as="p" />
      {number && remote && <TrackingCard number={number} remote={remote} clock={clock} serviceTitle={serviceTitle} />}
    </article>
  );
}
