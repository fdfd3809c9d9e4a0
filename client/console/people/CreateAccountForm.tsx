import { useState } from "preact/hooks";
import type { Role, SessionUser, UserResponse } from "../../../shared/api/users";
import { choosesKecamatan, creatableRoles, mayHaveKelurahan, needsKecamatan } from "../../../shared/users/permissions";
import { api } from "../api";
import { ErrorNote } from "../components/Notice";
import { kecamatanName } from "../lookups";
import { type ConsoleMessageKey, tc } from "../messages";
import { FieldError } from "./FieldError";
import { errorProps, fieldErrors, useFocusFirstError } from "./field-errors";
import { KecamatanPicker } from "./KecamatanPicker";
import { KelurahanSelect } from "./KelurahanSelect";
import { PasswordField } from "./PasswordField";
import { RoleChoice } from "./RoleChoice";

/** What the screen shows once an account exists: who, and the initial password when it was generated. */
export interface Created {
  user: UserResponse["user"];
  generatedPassword: string | null;
}

const FIELD_ORDER = ["role", "username", "displayName", "password", "kecamatanCode", "kelurahanCode"];
const idOf = (field: string) => (field === "role" ? "new-account-role-first" : `new-account-${field}`);
const EMPTY = { username: "", displayName: "", password: "", kecamatanCode: "", kelurahanCode: "" };

/**
 * A new account, offering only what shared/users/permissions.ts lets the
 * signed-in person create: an admin picks the role and the kecamatan; an
 * operator adds cadres to their own kecamatan. A refusal is shown at its field.
 */
export function CreateAccountForm({ actor, onCreated }: { actor: SessionUser; onCreated: (c: Created) => void }) {
  const roles = creatableRoles(actor);
  const [role, setRole] = useState<Role>(roles[0] ?? "cadre");
  const [form, setForm] = useState(EMPTY);
  const [generated, setGenerated] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Bumped after each creation: the picker keeps its own typed text, so it starts over empty.
  const [round, setRound] = useState(0);
  const errors = fieldErrors(error);
  useFocusFirstError(error, errors, FIELD_ORDER, idOf);
  const pickKecamatan = choosesKecamatan(actor, role);
  const kecamatanCode = pickKecamatan ? form.kecamatanCode : actor.kecamatanCode;
  const set = (key: keyof typeof EMPTY, value: string) => setForm({ ...form, [key]: value });

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api<UserResponse>("POST", "/api/users", {
        username: form.username.trim().toLowerCase(),
        displayName: form.displayName.trim(),
        role,
        password: form.password,
        ...(needsKecamatan(role) ? { kecamatanCode: kecamatanCode || null } : {}),
        ...(mayHaveKelurahan(role) && form.kelurahanCode ? { kelurahanCode: form.kelurahanCode } : {}),
      });
      onCreated({ user: created.user, generatedPassword: form.password === generated ? generated : null });
      setForm(EMPTY);
      setGenerated(null);
      setRound(round + 1);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const text = (key: "username" | "displayName", label: ConsoleMessageKey) => (
    <div class={errors[key] ? "field has-error" : "field"}>
      <label for={idOf(key)}>{tc(label)}</label>
      <input
        id={idOf(key)}
        value={form[key]}
        autoComplete="off"
        autoCapitalize={key === "username" ? "none" : "words"}
        {...errorProps(idOf(key), errors[key])}
        onInput={(event) => set(key, event.currentTarget.value)}
      />
      <FieldError id={idOf(key)} message={errors[key]} />
    </div>
  );

  return (
    <form class="card" onSubmit={(event) => void submit(event)} aria-labelledby="new-account-title" noValidate>
      <h2 id="new-account-title">{roles.length === 1 && roles[0] === "cadre" ? tc("newCadre") : tc("newAccount")}</h2>
      {roles.length > 1 && <RoleChoice roles={roles} value={role} error={errors.role} onChange={setRole} />}
      {text("username", "username")}
      {text("displayName", "displayName")}
      <PasswordField
        id={idOf("password")}
        value={form.password}
        shown={generated !== null && form.password === generated}
        error={errors.password}
        onInput={(password) => set("password", password)}
        onGenerate={(password) => {
          setGenerated(password);
          set("password", password);
        }}
      />
      {pickKecamatan && (
        <KecamatanPicker
          key={round}
          id={idOf("kecamatanCode")}
          value={form.kecamatanCode}
          error={errors.kecamatanCode}
          onChange={(code) => setForm({ ...form, kecamatanCode: code, kelurahanCode: "" })}
        />
      )}
      {!pickKecamatan && kecamatanCode && (
        <p class="field-hint form-note">{tc("kecamatanFixed", { name: kecamatanName(kecamatanCode) })}</p>
      )}
      {!pickKecamatan && errors.kecamatanCode && (
        <FieldError id={idOf("kecamatanCode")} message={errors.kecamatanCode} />
      )}
      {mayHaveKelurahan(role) && (
        <KelurahanSelect
          id={idOf("kelurahanCode")}
          kecamatanCode={kecamatanCode || null}
          value={form.kelurahanCode}
          error={errors.kelurahanCode}
          onChange={(code) => set("kelurahanCode", code)}
        />
      )}
      <button type="submit" class="button primary" disabled={busy} data-testid="create-account">
        {tc("createAccount")}
      </button>
      {error !== null && Object.keys(errors).length === 0 && <ErrorNote error={error} />}
    </form>
  );
}
