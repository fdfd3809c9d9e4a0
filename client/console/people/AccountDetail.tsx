import { useState } from "preact/hooks";
import { type ManagedUser, MIN_PASSWORD_LENGTH } from "../../../shared/api/users";
import { mayHaveKelurahan } from "../../../shared/users/permissions";
import { api } from "../api";
import { ErrorNote } from "../components/Notice";
import { tc } from "../messages";
import { AccountSessions } from "./AccountSessions";
import { CadreActivityList } from "./CadreActivityList";
import { FieldError } from "./FieldError";
import { errorProps, fieldErrors } from "./field-errors";
import { HandlerGrant } from "./HandlerGrant";
import { KelurahanSelect } from "./KelurahanSelect";

/** An opened account row: its actions (edit, disable, new password), devices and, for a cadre, activity. */
export function AccountDetail({ account, onChanged }: { account: ManagedUser; onChanged: (message: string) => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>, message: string): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await action();
      onChanged(message);
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="account-detail">
      <AccountEdit account={account} busy={busy} error={error} run={run} />
      <HandlerGrant account={account} busy={busy} run={run} />
      <PasswordReset account={account} busy={busy} error={error} run={run} />
      {error !== null && Object.keys(fieldErrors(error)).length === 0 && <ErrorNote error={error} />}
      <AccountSessions userId={account.id} onError={setError} />
      {account.role === "cadre" && <CadreActivityList userId={account.id} />}
    </div>
  );
}

interface ActionProps {
  account: ManagedUser;
  busy: boolean;
  error: unknown;
  run: (action: () => Promise<unknown>, message: string) => Promise<boolean>;
}

function AccountEdit({ account, busy, error, run }: ActionProps) {
  const [name, setName] = useState(account.displayName);
  const [kelurahanCode, setKelurahanCode] = useState(account.kelurahanCode ?? "");
  const errors = fieldErrors(error);
  const base = `/api/users/${account.id}`;
  const nameId = `edit-name-${account.id}`;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const change = mayHaveKelurahan(account.role)
          ? { displayName: name.trim(), kelurahanCode: kelurahanCode === "" ? null : kelurahanCode }
          : { displayName: name.trim() };
        void run(() => api("PATCH", base, change), tc("saved"));
      }}
    >
      <div class={errors.displayName ? "field has-error" : "field"}>
        <label for={nameId}>{tc("displayName")}</label>
        <input
          id={nameId}
          value={name}
          required
          {...errorProps(nameId, errors.displayName)}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <FieldError id={nameId} message={errors.displayName} />
      </div>
      {mayHaveKelurahan(account.role) && (
        <KelurahanSelect
          id={`edit-kelurahan-${account.id}`}
          kecamatanCode={account.kecamatanCode}
          value={kelurahanCode}
          error={errors.kelurahanCode}
          onChange={setKelurahanCode}
        />
      )}
      <div class="actions">
        <button type="submit" class="button primary small" disabled={busy}>
          {tc("save")}
        </button>
        <button
          type="button"
          class={account.disabledAt ? "button small" : "button small danger"}
          disabled={busy}
          onClick={() =>
            void run(() => api("POST", `${base}/${account.disabledAt ? "enable" : "disable"}`), tc("saved"))
          }
        >
          {tc(account.disabledAt ? "enable" : "disable")}
        </button>
      </div>
    </form>
  );
}

function PasswordReset({ account, busy, error, run }: ActionProps) {
  const [password, setPassword] = useState("");
  const errors = fieldErrors(error);
  const id = `password-${account.id}`;
  return (
    <form
      class="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => api("POST", `/api/users/${account.id}/password`, { password }), tc("passwordReset")).then(
          (ok) => ok && setPassword(""),
        );
      }}
    >
      <div class={errors.password ? "field has-error" : "field"}>
        <label for={id}>{tc("newPassword")}</label>
        <input
          id={id}
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          required
          value={password}
          {...errorProps(id, errors.password)}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <FieldError id={id} message={errors.password} />
      </div>
      <button type="submit" class="button small" disabled={busy}>
        {tc("resetPassword")}
      </button>
    </form>
  );
}
