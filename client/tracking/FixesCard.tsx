import type { PublicStatus } from "../../shared/api/tracking";
import { pick } from "../../shared/text";
import { locale } from "../i18n";
import { tt } from "./messages";

/** What the office asked to fix (or why it refused): the reasons, and its note only when it made it public. */
export function FixesCard({ status }: { status: PublicStatus }) {
  // Reasons belong to a send-back or a refusal; once the file moves on they are history, not a to-do.
  const fixes = status.status === "needs-fix" || status.status === "rejected" ? status.fixes : [];
  if (fixes.length === 0 && !status.officeNote) return null;
  const lang = locale.value;
  return (
    <section class="card notice lacak-fixes" aria-labelledby="lacak-fixes-title" data-testid="lacak-fixes">
      <h2 id="lacak-fixes-title">{tt(status.status === "rejected" ? "refusalTitle" : "fixesTitle")}</h2>
      {fixes.length > 0 && (
        <ul>
          {fixes.map((fix) => (
            <li key={`${fix.requirement?.id ?? ""}-${fix.reasonCode}`}>
              <strong>{fix.requirement ? pick(fix.requirement, lang) : tt("wholeFile")}:</strong>{" "}
              {pick(fix.reason, lang)}
            </li>
          ))}
        </ul>
      )}
      {status.officeNote && (
        <p class="lacak-note">
          <strong>{tt("officeNote")}:</strong> {status.officeNote}
        </p>
      )}
    </section>
  );
}
