import type { ClockView } from "../../shared/service-time/clock";
import { clockShortText, STATUS_AFTER_SUDAH } from "../../shared/service-time/words";
import type { ApplicationStatus } from "../../shared/sync/protocol";
import type { Locale } from "../../shared/text";

export interface NeighbourNews {
  number: string;
  serviceTitle: string;
  status: ApplicationStatus;
  /** Today's clock, when the office has received the file. */
  clock: ClockView | null;
  /** The public status page (client/drafts/tracking.ts statusLink). */
  link: string;
}

/**
 * The ready-made message the cadre sends the neighbour: "Berkas Anda nomor …
 * (…) sudah …", the clock when it runs or has stopped, and the status link.
 * No name, no NIK: a WhatsApp message may be forwarded.
 */
export function neighbourText(news: NeighbourNews, locale: Locale): string {
  const id = locale === "id";
  // A number exists only from the first submit: a "draft" here is a stale row.
  const status = news.status === "draft" ? "submitted" : news.status;
  const after = STATUS_AFTER_SUDAH[status][locale];
  const lines = [
    id
      ? `Berkas Anda nomor ${news.number} (${news.serviceTitle}) ${after}.`
      : `Your file number ${news.number} (${news.serviceTitle}) ${after}.`,
  ];
  if (news.clock && news.clock.state !== "paused") {
    lines.push(`${id ? "Waktu layanan" : "Service time"}: ${clockShortText(news.clock, locale)}.`);
  }
  if (status === "needs-fix") {
    lines.push(id ? "Saya akan menghubungi Anda untuk perbaikannya." : "I will contact you about what to fix.");
  }
  lines.push(id ? `Cek status kapan saja di ${news.link}` : `Check the status any time at ${news.link}`);
  return lines.join("\n");
}

/** WhatsApp's own share link: the cadre picks the neighbour's chat there. */
export function whatsappUrl(text: string): string {
  return `https://wa.me/?text=${encodeURIComponent(text)}`;
}
