import type { Context } from "hono";
import type { AppEnv, AuthUser } from "../http/env";

/**
 * What part of the data a console caller may see: an admin everything, an
 * operator one kecamatan. Every console query filters by it; an operator
 * without a kecamatan sees nothing rather than everything.
 */
export type Scope = { kind: "all" } | { kind: "kecamatan"; code: string } | { kind: "none" };

export function scopeOf(user: AuthUser): Scope {
  if (user.role === "admin") return { kind: "all" };
  if (user.role === "operator" && user.kecamatanCode) return { kind: "kecamatan", code: user.kecamatanCode };
  return { kind: "none" };
}

/** Whether a record of `kecamatanCode` is inside the scope. */
export function inScope(scope: Scope, kecamatanCode: string | null): boolean {
  if (scope.kind === "all") return true;
  return scope.kind === "kecamatan" && kecamatanCode === scope.code;
}

/** The signed-in console user; the console router's requireAuth has run before any handler. */
export function actorOf(c: Context<AppEnv>): AuthUser {
  const auth = c.get("auth");
  if (!auth) throw new Error("console route used without requireAuth");
  return auth.user;
}
