import { useState } from "preact/hooks";
import type { ManagedUser, UserList } from "../../../shared/api/users";
import { api } from "../api";
import { ErrorNote, Status } from "../components/Notice";
import { kecamatanName, loadCadres } from "../lookups";
import { tc } from "../messages";
import { CreateAccountForm, type Created } from "../people/CreateAccountForm";
import { PeopleList } from "../people/PeopleList";
import { roleWord } from "../people/roles";
import { currentUser } from "../session";
import { useLoad } from "../use-load";

/** Everyone the server lets the caller manage: an admin sees all accounts, an operator their kecamatan's cadres. */
function loadPeople(): Promise<ManagedUser[]> {
  return api<UserList>("GET", "/api/users").then((list) => list.users);
}

/** "Akun": the accounts the signed-in person manages, and a form to add one. */
export function PeopleScreen() {
  const user = currentUser();
  const [generation, setGeneration] = useState(0);
  const list = useLoad(`people-${generation}`, loadPeople);
  const [status, setStatus] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const refresh = (message: string) => {
    setStatus(message);
    setGeneration(generation + 1);
    // The queue's and audit log's cadre filters read this list.
    void loadCadres(true).catch(() => undefined);
  };
  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">
        {user.kecamatanCode ? tc("peopleOf", { name: kecamatanName(user.kecamatanCode) }) : tc("peopleTitle")}
      </h1>
      <Status text={status} />
      {created?.generatedPassword && <InitialPassword created={created} onClose={() => setCreated(null)} />}
      <div class="console-columns">
        <div>
          {list.error !== null && <ErrorNote error={list.error} onRetry={list.reload} />}
          {list.loading && !list.data && <p class="muted">{tc("loading")}</p>}
          {list.data && list.data.length === 0 && <p class="card">{tc("noResults")}</p>}
          {list.data && <PeopleList people={list.data} onChanged={refresh} />}
        </div>
        <CreateAccountForm
          actor={user}
          onCreated={(result) => {
            setCreated(result);
            refresh(tc("accountCreated", { role: roleWord(result.user.role), name: result.user.displayName }));
          }}
        />
      </div>
    </section>
  );
}

/** A generated first password, shown this once so the admin can hand it over. */
function InitialPassword({ created, onClose }: { created: Created; onClose: () => void }) {
  return (
    <div class="card initial-password" data-testid="initial-password">
      <p>
        {tc("initialPassword", { username: created.user.username })} <code>{created.generatedPassword}</code>
      </p>
      <p class="small muted">{tc("initialPasswordNote")}</p>
      <button type="button" class="button small" onClick={onClose}>
        {tc("close")}
      </button>
    </div>
  );
}
