import { useEffect, useState } from "preact/hooks";
import { login } from "../account/session";
import { Field } from "../drafts/components/Field";
import { td } from "../drafts/messages";
import { KeptProfiles } from "../lock/KeptProfiles";
import { SignInNotice } from "../lock/SignInNotice";
import { currentPath, isPersonalRoute, matchRoute, navigate } from "../router";
import { FarewellNotice } from "../sync/FarewellNotice";
import { vault } from "../vault/view";

export function LoginScreen() {
  const view = vault.value;
  const asked = view.kind === "sign-in" ? view.username : "";
  const [username, setUsername] = useState(asked);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const forConsole = new URLSearchParams(location.search).get("ke") === "konsol";
  // The vault may say whose password it needs after this screen is drawn.
  useEffect(() => {
    if (asked) setUsername((typed) => typed || asked);
  }, [asked]);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await login(username.trim().toLowerCase(), password);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setPassword("");
    // Office staff work in the console; only cadres have files on the phone to sync.
    if (result.next === "console") {
      navigate("/konsol");
      return;
    }
    // A new profile (or one whose PIN was erased) chooses its PIN before anything opens.
    if (result.next === "set-pin") {
      navigate("/pin");
      return;
    }
    // Shown in place of a file's page (the vault asked for the password there): stay on it.
    if (!isPersonalRoute(matchRoute(currentPath.value))) navigate("/berkas");
    void import("../sync/runner").then(({ requestSync }) => requestSync());
  }

  return (
    <>
      {/* The office cut this phone off: everything was sent and the data erased (client/vault/revocation.ts). */}
      <FarewellNotice kind="erased" />
      {view.kind === "sign-in" && <SignInNotice view={view} />}
      <section class="card" aria-labelledby="login-title">
        {view.kind === "sign-in" ? (
          <h2 id="login-title">{td("signInTitle")}</h2>
        ) : (
          <h1 id="login-title">{td("signInTitle")}</h1>
        )}
        {/* One screen for cadres and office staff: it names the office only to those the console sent here. */}
        <p class="muted small">{td(forConsole ? "signInHelpOffice" : "signInHelp")}</p>
        {/* Above the form: a returning cadre sees at once that their unsent changes wait for this sign-in. */}
        {!forConsole && (
          <KeptProfiles
            nested={view.kind === "sign-in"}
            onChoose={(name) => {
              setUsername(name);
              document.getElementById("login-password")?.focus();
            }}
          />
        )}
        <form onSubmit={(event) => void submit(event)}>
          <Field id="login-username" label={td("username")}>
            <input
              id="login-username"
              autoComplete="username"
              autoCapitalize="none"
              required
              value={username}
              onInput={(event) => setUsername(event.currentTarget.value)}
            />
          </Field>
          <Field id="login-password" label={td("password")}>
            <input
              id="login-password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onInput={(event) => setPassword(event.currentTarget.value)}
            />
          </Field>
          {error && (
            <p class="field-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" class="button primary" disabled={busy}>
            {td("signIn")}
          </button>
        </form>
      </section>
    </>
  );
}
