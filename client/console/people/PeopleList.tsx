import { useState } from "preact/hooks";
import type { ManagedUser, Role } from "../../../shared/api/users";
import { kecamatanName, villageName } from "../lookups";
import { type ConsoleMessageKey, tc } from "../messages";
import { tv } from "../voice-messages";
import { AccountDetail } from "./AccountDetail";

const GROUPS: { role: Role; title: ConsoleMessageKey }[] = [
  { role: "operator", title: "peopleGroupOperator" },
  { role: "cadre", title: "peopleGroupCadre" },
  { role: "admin", title: "peopleGroupAdmin" },
];

/** The accounts the signed-in person manages, by role; a row opens its actions. */
export function PeopleList({ people, onChanged }: { people: ManagedUser[]; onChanged: (message: string) => void }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div data-testid="account-list">
      {GROUPS.map(({ role, title }) => {
        const members = people.filter((person) => person.role === role);
        if (members.length === 0) return null;
        return (
          <section key={role} aria-labelledby={`people-${role}`}>
            <h2 id={`people-${role}`} class="section-title">
              {tc(title)} <span class="muted small">({members.length})</span>
            </h2>
            <ul class="console-list">
              {members.map((person) => (
                <AccountRow
                  key={person.id}
                  person={person}
                  open={open === person.id}
                  onToggle={() => setOpen(open === person.id ? null : person.id)}
                  onChanged={onChanged}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function AccountRow({
  person,
  open,
  onToggle,
  onChanged,
}: {
  person: ManagedUser;
  open: boolean;
  onToggle: () => void;
  onChanged: (message: string) => void;
}) {
  const place = [
    person.kecamatanCode ? kecamatanName(person.kecamatanCode) : "",
    person.kelurahanCode ? villageName(person.kelurahanCode) : "",
  ].filter(Boolean);
  return (
    <li class="console-row account-row" data-testid={`${person.role}-row`} data-username={person.username}>
      <button type="button" class="console-row-main link-button" aria-expanded={open} onClick={onToggle}>
        <strong>{person.displayName}</strong>
        <span class="small muted">{[person.username, ...place].join(" · ")}</span>
      </button>
      {person.handlesComplaints && <span class="status-tag tag-handler">{tv("handlerTag")}</span>}
      <span class={`status-tag ${person.disabledAt ? "status-rejected" : "status-approved"}`}>
        {tc(person.disabledAt ? "disabled" : "active")}
      </span>
      {open && <AccountDetail account={person} onChanged={onChanged} />}
    </li>
  );
}
