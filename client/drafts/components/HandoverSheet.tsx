import type { ClockView } from "../../../shared/service-time/clock";
import { CITIZEN_STATUS, clockText } from "../../../shared/service-time/words";
import type { RemoteRow } from "../../db/local-db";
import { formatDateTime } from "../../format";
import { locale } from "../../i18n";
import { td } from "../messages";
import { statusLink } from "../tracking";
import { QrCode } from "./QrCode";

export interface SheetTracking {
  number: string;
  remote: RemoteRow;
  clock: ClockView | null;
  /** When the phone last heard from the office: the status printed is as of then. */
  asOf: Date | null;
}

/**
 * What "Cetak ringkasan" puts on paper: once the file has a number, the
 * number, a QR code of its status link and the last known status and clock
 * ("per …"), then the same summary as the shared text. Everything is on the
 * phone already, so printing needs no network.
 */
export function HandoverSheet({ summary, tracking }: { summary: string; tracking: SheetTracking | null }) {
  const lang = locale.value;
  const status = tracking && tracking.remote.status !== "draft" ? tracking.remote.status : "submitted";
  return (
    <section class="print-only handover-sheet" data-testid="handover-sheet">
      {tracking && (
        <div class="tracking-print">
          <p class="tracking-print-number">
            {td("trackingNumberLabel")}: <strong class="tracking-number">{tracking.number}</strong>
          </p>
          <div class="tracking-print-qr">
            <QrCode
              text={statusLink(tracking.number, location.origin)}
              label={td("qrLabel", { number: tracking.number })}
            />
            <p>
              {td("printScan")}
              <br />
              <span class="tracking-link">{statusLink(tracking.number, location.origin)}</span>
            </p>
          </div>
          <p data-testid="print-status">
            <strong>
              {td("printStatusAsOf", {
                when: formatDateTime(tracking.asOf ?? new Date(tracking.remote.updatedAt), lang),
              })}
              :
            </strong>{" "}
            {CITIZEN_STATUS[status][lang]}.{tracking.clock && ` ${clockText(tracking.clock, lang)}`}
          </p>
        </div>
      )}
      <pre class="handover-print">{summary}</pre>
    </section>
  );
}
