import { eq } from "drizzle-orm";
import type { Db } from "../../server/db/open";
import { applications } from "../../server/db/schema";
import type { AuthUser } from "../../server/http/env";
import { receive, recordVerdict } from "../../server/review/verdict";
import type { Verdict } from "../../shared/sync/protocol";

/** The office's side of a file, as the console does it, on the test's own database. */
export async function serverRow(db: Db, id: string) {
  return (await db.select().from(applications).where(eq(applications.id, id)))[0];
}

/** "Terima berkas": the clock starts. */
export async function officeReceives(db: Db, id: string, operator: AuthUser, now = new Date()): Promise<void> {
  const outcome = await receive(db, { id, actor: operator, now });
  if (!outcome.ok) throw new Error(`receive failed: ${outcome.code}`);
}

export async function officeDecides(db: Db, id: string, verdict: Verdict, now = new Date()): Promise<void> {
  if (!(await recordVerdict(db, id, verdict, now))) throw new Error("the verdict was refused");
}

export function operatorOf(user: { id: string; username: string }, kecamatanCode = "31.75.07"): AuthUser {
  return {
    id: user.id,
    username: user.username,
    displayName: "Petugas PTSP",
    role: "operator",
    kecamatanCode,
    kelurahanCode: null,
  };
}
