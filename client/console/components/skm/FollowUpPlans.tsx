import { useState } from "preact/hooks";
import type { SkmElementResult, SkmFollowUp } from "../../../../shared/api/skm";
import { jakartaDate } from "../../../../shared/jakarta-time";
import { locale } from "../../../i18n";
import { weakestFirst } from "../../../skm/skm-words";
import { tv } from "../../voice-messages";
import { ActionError } from "../ActionError";
import { Status } from "../Notice";
import { FollowUpForm } from "./FollowUpForm";
import { FollowUpItem } from "./FollowUpItem";
import { createFollowUp, deleteFollowUp, updateFollowUp } from "./skm-api";

/** A Jakarta date `days` calendar days after `date` (a month ahead is the default due date). */
function inDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The follow-up plans of the office and period: each with what, who, by when
 * and done; a new one for an element, the weakest offered first. A change
 * made against an old version is refused (409) and said in words.
 */
export function FollowUpPlans({
  period,
  kecamatanCode,
  elements,
  followUps,
  onChanged,
}: {
  period: string;
  kecamatanCode: string | null;
  elements: SkmElementResult[];
  followUps: SkmFollowUp[];
  onChanged: () => void;
}) {
  const lang = locale.value;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const ordered = weakestFirst(elements);
  const nameOf = (id: string) => {
    const element = elements.find((candidate) => candidate.elementId === id);
    return element ? `${id} ${element.name[lang]}` : id;
  };

  async function run(action: () => Promise<unknown>, message: string): Promise<boolean> {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      await action();
      setStatus(message);
      onChanged();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  }

  const today = jakartaDate(new Date());
  return (
    <section class="card" aria-labelledby="follow-ups-title" data-testid="follow-ups">
      <h2 id="follow-ups-title">{tv("followUpsTitle")}</h2>
      <p class="muted small">{tv("followUpsHelp")}</p>
      {error !== null && <ActionError error={error} conflict={tv("followUpConflict")} onReload={onChanged} />}
      <Status text={status} />
      {followUps.length === 0 ? (
        <p class="muted">{tv("followUpNone")}</p>
      ) : (
        <ul class="follow-up-list">
          {followUps.map((plan) => (
            <FollowUpItem
              key={`${plan.id}-${plan.version}`}
              plan={plan}
              elementName={nameOf(plan.elementId)}
              busy={busy}
              onUpdate={(change, message) =>
                run(() => updateFollowUp(plan.id, { version: plan.version, ...change }), message)
              }
              onDelete={() => void run(() => deleteFollowUp(plan.id), tv("followUpDeleted"))}
            />
          ))}
        </ul>
      )}
      <h3>{tv("followUpAdd")}</h3>
      <FollowUpForm
        idPrefix="follow-up-new"
        elements={ordered}
        initial={{ elementId: ordered[0]?.elementId ?? "U1", action: "", owner: "", dueDate: inDays(today, 30) }}
        busy={busy}
        submitLabel={tv("followUpAdd")}
        onSubmit={(values) =>
          run(
            () =>
              createFollowUp({
                period,
                ...(kecamatanCode ? { kecamatanCode } : {}),
                elementId: values.elementId,
                action: values.action.trim(),
                owner: values.owner.trim(),
                dueDate: values.dueDate,
              }),
            tv("followUpAdded"),
          )
        }
      />
    </section>
  );
}
