import type { SkmElementResult, SkmFollowUp } from "../../shared/api/skm";
import { jakartaDate } from "../../shared/jakarta-time";
import { formatDay } from "../format";
import { locale } from "../i18n";
import { ts } from "./skm-words";

/** The follow-up plans, read-only, as the notice and the public page show them. */
export function FollowUpTable({ followUps, elements }: { followUps: SkmFollowUp[]; elements: SkmElementResult[] }) {
  const lang = locale.value;
  const nameOf = (id: string) => elements.find((element) => element.elementId === id)?.name[lang] ?? id;
  if (followUps.length === 0) return <p class="muted">{ts("followUpsNone")}</p>;
  return (
    <table class="skm-follow-ups" data-testid="skm-follow-up-table">
      <caption class="visually-hidden">{ts("followUpsTitle")}</caption>
      <thead>
        <tr>
          <th scope="col">{ts("element")}</th>
          <th scope="col">{ts("followUpAction")}</th>
          <th scope="col">{ts("followUpOwner")}</th>
          <th scope="col">{ts("followUpDue")}</th>
          <th scope="col">{ts("followUpDone")}</th>
        </tr>
      </thead>
      <tbody>
        {followUps.map((plan) => (
          <tr key={plan.id}>
            <th scope="row">{nameOf(plan.elementId)}</th>
            <td data-label={ts("followUpAction")}>{plan.action}</td>
            <td data-label={ts("followUpOwner")}>{plan.owner}</td>
            <td data-label={ts("followUpDue")}>{formatDay(plan.dueDate, lang)}</td>
            <td data-label={ts("followUpDone")}>
              {plan.doneAt ? ts("done", { date: formatDay(jakartaDate(new Date(plan.doneAt)), lang) }) : ts("notDone")}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
