import type { PublicStatus } from "../../shared/api/tracking";
import { CITIZEN_STATUS } from "../../shared/service-time/words";
import { pick } from "../../shared/text";
import { locale } from "../i18n";
import { guidePath, onLinkClick } from "../router";
import { tt } from "./messages";
import { UpdatedAt } from "./UpdatedAt";

interface Props {
  status: PublicStatus;
  fetchedAt: string;
  now: Date;
  busy: boolean;
  onRefresh: () => void;
}

/** The status in plain words, what the file is and where, and when this phone last heard. */
export function StatusCard({ status, fetchedAt, now, busy, onRefresh }: Props) {
  const lang = locale.value;
  return (
    <section class={`card lacak-status status-${status.status}`} aria-labelledby="lacak-status-title">
      <h2 id="lacak-status-title" class="visually-hidden">
        {tt("statusLabel")}
      </h2>
      <p class="lacak-state" data-testid="lacak-status" data-status={status.status}>
        {CITIZEN_STATUS[status.status][lang]}
      </p>
      <dl class="lacak-facts">
        <div>
          <dt>{tt("serviceLabel")}</dt>
          <dd data-testid="lacak-service">
            {pick(status.service.title, lang)}{" "}
            <a class="standalone-link" href={guidePath(status.service.id)} onClick={onLinkClick}>
              {tt("guideLink")}
            </a>
          </dd>
        </div>
        <div>
          <dt>{tt("officeLabel")}</dt>
          <dd data-testid="lacak-office">
            {pick(status.office.name, lang)}
            {status.office.area && `, ${status.office.area}`}
          </dd>
        </div>
        <div>
          <dt>{tt("applicantLabel")}</dt>
          <dd data-testid="lacak-initials">{status.applicantInitials}</dd>
        </div>
      </dl>
      <div class="lacak-refresh">
        <UpdatedAt at={fetchedAt} now={now} />
        <button
          type="button"
          class="button small"
          onClick={busy ? undefined : onRefresh}
          aria-disabled={busy ? "true" : undefined}
        >
          {busy ? tt("refreshing") : tt("refresh")}
        </button>
      </div>
    </section>
  );
}
