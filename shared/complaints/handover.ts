import type { ComplaintDetail } from "../api/complaints";
import { jakartaDate } from "../jakarta-time";
import { JAKARTA_DISTRICTS, JAKARTA_VILLAGES } from "../regions/data/jakarta";
import { formatJakartaDate } from "../service-time/words";
import { COMPLAINT_CATEGORY_LABELS, REFERRAL_CHANNELS } from "./categories";

/**
 * The hand-over text of a complaint for the channel that should handle it
 * (SP4N-LAPOR!, JakLapor, the Ombudsman, the Inspektorat), in Indonesian,
 * plain text to copy into their form. It carries what happened, when, where,
 * the service, the amounts of an unofficial fee and the complaint number;
 * the reporter only when the complaint is neither anonymous nor confidential
 * (an anonymous one has none stored; a confidential one must not leave the
 * office's handlers with a name). The file's tracking number is left out of
 * those too: it leads to the applicant, often the reporter.
 */

export type ReferralChannelId = (typeof REFERRAL_CHANNELS)[number]["id"];

export interface HandoverOptions {
  /** The service's title, when the console knows it (the detail carries only its id). */
  serviceTitle?: string;
}

const names = (rows: readonly (readonly [string, string])[]) => new Map(rows);
let districts: Map<string, string> | undefined;
let villages: Map<string, string> | undefined;

function placeText(detail: ComplaintDetail): string {
  districts ??= names(JAKARTA_DISTRICTS);
  const kecamatan = districts.get(detail.kecamatanCode);
  const office = kecamatan ? `Kecamatan ${kecamatan}` : `kecamatan ${detail.kecamatanCode}`;
  if (detail.place.kind === "office") return `Kantor pelayanan ${office}`;
  villages ??= names(JAKARTA_VILLAGES);
  const kelurahan = villages.get(detail.place.kelurahanCode);
  return `${kelurahan ? `Kelurahan ${kelurahan}` : `kelurahan ${detail.place.kelurahanCode}`}, ${office}`;
}

const rupiah = (amount: number) => `Rp ${new Intl.NumberFormat("id-ID").format(amount)}`;

export function complaintHandoverText(
  detail: ComplaintDetail,
  channel: ReferralChannelId,
  options: HandoverOptions = {},
): string {
  const target = REFERRAL_CHANNELS.find((item) => item.id === channel) ?? REFERRAL_CHANNELS[0];
  const identified = !detail.anonymous && !detail.confidential;
  const lines: string[] = [
    `Kepada: ${target.name} (${target.address})`,
    `Perihal: Penerusan pengaduan ${detail.number}`,
    "",
    `Nomor pengaduan: ${detail.number}`,
    `Kategori: ${COMPLAINT_CATEGORY_LABELS[detail.category].id}`,
    `Tanggal kejadian: ${formatJakartaDate(detail.happenedOn, "id")}`,
    `Tempat: ${placeText(detail)}`,
  ];
  if (detail.guideId !== null) lines.push(`Layanan: ${options.serviceTitle ?? detail.guideId}`);
  if (identified && detail.trackingNumber) lines.push(`Nomor berkas: ${detail.trackingNumber}`);
  if (detail.category === "biaya" || detail.amountAsked !== null) {
    const official =
      detail.officialFee === null
        ? "tidak diketahui"
        : detail.officialFee === 0
          ? "Rp 0 (gratis)"
          : rupiah(detail.officialFee);
    lines.push(`Tarif resmi: ${official}`);
    lines.push(
      `Jumlah yang diminta di luar tarif resmi: ${detail.amountAsked === null ? "tidak disebutkan" : rupiah(detail.amountAsked)}`,
    );
  }
  lines.push("", "Uraian kejadian:", detail.description);
  if (detail.evidence.length > 0) {
    lines.push("", `Bukti: ${detail.evidence.length} foto, tersimpan di kantor dan dapat diminta.`);
  }
  lines.push("");
  if (detail.anonymous) {
    lines.push("Pelapor: anonim (identitas pelapor tidak dicatat).");
  } else if (detail.confidential) {
    lines.push("Pelapor: dirahasiakan atas permintaan pelapor.");
  } else if (detail.reporter && (detail.reporter.name || detail.reporter.contact)) {
    lines.push(`Pelapor: ${[detail.reporter.name, detail.reporter.contact].filter(Boolean).join(", ")}`);
  } else {
    lines.push("Pelapor: tidak meninggalkan nama atau kontak.");
  }
  lines.push(
    "",
    `Pengaduan ini diterima kantor pada ${formatJakartaDate(jakartaDate(new Date(detail.receivedAt)), "id")} dan diteruskan karena bukan wewenang kantor. Perkembangannya dapat diikuti dengan nomor ${detail.number}.`,
  );
  return lines.join("\n");
}
