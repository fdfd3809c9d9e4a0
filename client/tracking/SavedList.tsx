import { useEffect, useState } from "preact/hooks";
import { COMPLAINT_CATEGORY_LABELS } from "../../shared/complaints/categories";
import { CITIZEN_STATUS } from "../../shared/service-time/words";
import { pick } from "../../shared/text";
import { trackingPath } from "../../shared/tracking/number";
import { locale } from "../i18n";
import { onLinkClick } from "../router";
import { complaintStatusWords } from "./ComplaintCards";
import { tt } from "./messages";
import { refreshStale } from "./refresh-stale";
import { type AnyStatus, isComplaintStatus, listSaved, removeSaved, type SavedLookup } from "./store";
import { UpdatedAt } from "./UpdatedAt";
import { useNow } from "./use-now";

/** "Nomor yang pernah dicek": the numbers kept on this phone, openable offline, each removable. */
export function SavedList() {
  const [rows, setRows] = useState<SavedLookup[] | undefined>(undefined);
  const [removed, setRemoved] = useState("");
  const now = useNow();

  useEffect(() => {
    let live = true;
    const reload = () =>
      listSaved()
        .catch(() => [])
        .then((list) => {
          if (live) setRows(list);
          return list;
        });
    const update = () =>
      void reload()
        .then((list) => refreshStale(list, new Date()))
        .then((changed) => (changed ? reload() : undefined))
        .catch(() => undefined);
    update();
    addEventListener("online", update);
    return () => {
      live = false;
      removeEventListener("online", update);
    };
  }, []);

  const remove = async (number: string) => {
    await removeSaved(number).catch(() => undefined);
    setRows((list) => list?.filter((row) => row.number !== number));
    setRemoved(tt("removed", { number }));
  };

  if (!rows || (rows.length === 0 && !removed)) return null;
  return (
    <section class="lacak-saved" aria-labelledby="lacak-saved-title">
      <h2 id="lacak-saved-title">{tt("savedTitle")}</h2>
      <p class="field-hint">{tt("savedHelp")}</p>
      <ul>
        {rows.map((row) => (
          <li key={row.number} class="card" data-testid="saved-number">
            <a class="tracking-number" translate={false} href={trackingPath(row.number)} onClick={onLinkClick}>
              {row.number}
            </a>
            <SavedSummary status={row.status} />
            <UpdatedAt at={row.fetchedAt} now={now} />
            <button
              type="button"
              class="button small ghost danger"
              aria-label={tt("removeLabel", { number: row.number })}
              onClick={() => void remove(row.number)}
            >
              {tt("remove")}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" class="muted small">
        {removed}
      </p>
    </section>
  );
}

/** What a saved number is (a service, or a complaint's category) and where it stands. */
function SavedSummary({ status }: { status: AnyStatus }) {
  const lang = locale.value;
  if (isComplaintStatus(status)) {
    return (
      <>
        <p class="lacak-saved-service">
          {tt("complaintTitle")}: {pick(COMPLAINT_CATEGORY_LABELS[status.category], lang)}
        </p>
        <p class="lacak-saved-status">{complaintStatusWords(status.status)}</p>
      </>
    );
  }
  return (
    <>
      <p class="lacak-saved-service">{pick(status.service.title, lang)}</p>
      <p class="lacak-saved-status">{CITIZEN_STATUS[status.status][lang]}</p>
    </>
  );
}
