import type { ComplaintDetail } from "../../../../shared/api/complaints";
import { formatJakartaDate } from "../../../../shared/service-time/words";
import { trackingPath } from "../../../../shared/tracking/number";
import { guidesById } from "../../../catalogue/store";
import { formatRupiah } from "../../../format";
import { locale } from "../../../i18n";
import { kecamatanName, villageName } from "../../lookups";
import { tv } from "../../voice-messages";
import { categoryLabel, officialFeeText } from "./complaint-words";
import { EvidencePhotos } from "./EvidencePhotos";

function placeText(detail: ComplaintDetail): string {
  if (detail.place.kind === "office") return tv("complaintWhereOffice", { name: kecamatanName(detail.kecamatanCode) });
  return tv("complaintWhereKelurahan", {
    name: villageName(detail.place.kelurahanCode),
    kecamatan: kecamatanName(detail.kecamatanCode),
  });
}

function reporterText(detail: ComplaintDetail): string {
  if (detail.anonymous) return tv("complaintReporterAnonymous");
  const reporter = detail.reporter;
  const who = [reporter?.name, reporter?.contact].filter(Boolean).join(", ") || tv("complaintReporterNone");
  return reporter?.cadre ? `${who} (${tv("complaintReporterCadre", { name: reporter.cadre })})` : who;
}

/** What the reporter said: what, when, where, the service, the file, the amounts and the photos; and who reported. */
export function ComplaintReportCard({ detail }: { detail: ComplaintDetail }) {
  const lang = locale.value;
  const service = detail.guideId ? (guidesById.value.get(detail.guideId)?.title[lang] ?? detail.guideId) : null;
  return (
    <section class="card" aria-labelledby="complaint-report-title" data-testid="complaint-report">
      <h2 id="complaint-report-title">{tv("complaintReport")}</h2>
      <dl class="detail-list">
        <dt>{tv("complaintCategory")}</dt>
        <dd>{categoryLabel(detail.category)}</dd>
        <dt>{tv("complaintWhat")}</dt>
        <dd class="complaint-text" data-testid="complaint-description">
          {detail.description}
        </dd>
        <dt>{tv("complaintWhen")}</dt>
        <dd>{formatJakartaDate(detail.happenedOn, lang)}</dd>
        <dt>{tv("complaintWhere")}</dt>
        <dd>{placeText(detail)}</dd>
        {service && (
          <>
            <dt>{tv("complaintService")}</dt>
            <dd>{service}</dd>
          </>
        )}
        {detail.trackingNumber && (
          <>
            <dt>{tv("complaintFile")}</dt>
            <dd>
              <a class="tracking-number" href={trackingPath(detail.trackingNumber)} target="_blank" rel="noopener">
                {detail.trackingNumber}
              </a>
            </dd>
          </>
        )}
        {(detail.category === "biaya" || detail.amountAsked !== null) && (
          <>
            <dt>{tv("complaintAsked")}</dt>
            <dd data-testid="complaint-amount">
              {detail.amountAsked === null ? "—" : formatRupiah(detail.amountAsked)}
              {" · "}
              {tv("complaintOfficialFee")}: {officialFeeText(detail.officialFee)}
            </dd>
          </>
        )}
        <dt>{tv("complaintReporter")}</dt>
        <dd data-testid="complaint-reporter">{reporterText(detail)}</dd>
      </dl>
      <EvidencePhotos detail={detail} />
    </section>
  );
}
