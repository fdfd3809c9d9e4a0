import { and, eq } from "drizzle-orm";
import type { Db } from "../../server/db/open";
import { guideVersions } from "../../server/db/schema";

/** Sets the seeded domisili letter's service time in every stored version, through drizzle (both engines). */
export async function setServiceDays(db: Db, days: number): Promise<void> {
  const id = "surat-keterangan-domisili";
  for (const row of await db.select().from(guideVersions).where(eq(guideVersions.id, id))) {
    const data = row.data as { serviceTime: Record<string, unknown> };
    const changed = { ...data, serviceTime: { ...data.serviceTime, workingDays: days } };
    await db
      .update(guideVersions)
      .set({ data: changed as typeof row.data })
      .where(and(eq(guideVersions.id, id), eq(guideVersions.version, row.version)));
  }
}
