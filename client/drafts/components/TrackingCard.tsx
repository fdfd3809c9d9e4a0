import { useState } from "preact/hooks";
import type { ClockView } from "../../../shared/service-time/clock";
import { clockText } from "../../../shared/service-time/words";
import type { RemoteRow } from "../../db/local-db";
import { locale } from "../../i18n";
import { shareText } from "../../share";
import { td } from "../messages";
import { neighbourText, whatsappUrl } from "../neighbour-text";
import { statusLink } from "../tracking";
import { DecidedVoice } from "./DecidedVoice";

/**
 * The file's tracking number (copyable), today's service-time clock, and the
 * ready-made news for the neighbour (WhatsApp link, or the phone's share sheet).
 */
export function TrackingCard({
  number,
  remote,
  clock,
  serviceTitle,
}: {
  number: string;
  remote: RemoteRow;
  clock: ClockView | null;
  serviceTitle: string;
}) {
  const lang = locale.value;
  const [note, setNote] = useState<string | null>(null);
  const news = neighbourText(
    { number, serviceTitle, status: remote.status, clock, link: statusLink(number, location.origin) },
    lang,
  );
  async function copy() {
    try {
      await navigator.clipboard.writeText(number);
      setNote(td("trackingCopied"));
    } catch {
      setNote(td("trackingCopyFailed"));
    }
  }
  async function share() {
    if ((await shareText(serviceTitle, news)) === "copied") setNote(td("newsCopied"));
  }
  return (
    <section class="card tracking-card no-print" aria-labelledby="tracking-title">
      <h2 id="tracking-title">{td("trackingTitle")}</h2>
      <p class="tracking-line">
        <span class="tracking-number" data-testid="tracking-number" translate={false}>
          {number}
        </span>
        <button type="button" class="button ghost small" onClick={() => void copy()}>
          {td("trackingCopy")}
        </button>
      </p>
      <p class={`clock-line ${clock?.urgency ?? clock?.state ?? "waiting"}`} data-testid="clock">
        <strong>{td("clockLabel")}:</strong> {clock ? clockText(clock, lang) : td("clockNotStarted")}
      </p>
      <div class="actions">
        <a
          class="button primary"
          data-testid="whatsapp-news"
          href={whatsappUrl(news)}
          target="_blank"
          rel="noopener noreferrer"
        >
          {td("whatsappSend")}
        </a>
        <button type="button" class="button" onClick={() => void share()}>
          {td("shareNews")}
        </button>
      </div>
      {note && (
        <p role="status" class="muted small">
          {note}
        </p>
      )}
      <DecidedVoice number={number} status={remote.status} />
    </section>
  );
}
