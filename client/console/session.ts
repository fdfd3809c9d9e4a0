import { signal } from "@preact/signals";
import type { SessionUser } from "../../shared/api/users";
import { ApiFailure, api } from "./api";

export type ConsoleSession =
  | { state: "loading" }
  | { state: "anonymous" }
  | { state: "error"; error: unknown }
  | { state: "signed-in"; user: SessionUser };

/** Who the server says is signed in; asked once per visit to the console (the cookie is HttpOnly). */
export const consoleSession = signal<ConsoleSession>({ state: "loading" });

export async function loadConsoleSession(): Promise<void> {
  try {
    const me = await api<{ user: SessionUser }>("GET", "/api/auth/me");
    consoleSession.value = { state: "signed-in", user: me.user };
  } catch (error) {
    consoleSession.value =
      error instanceof ApiFailure && (error.status === 401 || error.status === 403)
        ? { state: "anonymous" }
        : { state: "error", error };
  }
}

export function currentUser(): SessionUser {
  const session = consoleSession.value;
  if (session.state !== "signed-in") throw new Error("console screen rendered without a signed-in user");
  return session.user;
}
