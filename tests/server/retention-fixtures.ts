import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { sql } from "drizzle-orm";
import { v4 as uuidv4, v7 as uuidv7 } from "uuid";
import { createApp } from "../../server/app";
import type { Db } from "../../server/db/open";
import { rawGet, rawRun } from "../../server/db/raw";
import { complaints } from "../../server/db/schema";
import { storedFilePath } from "../../server/files/photo-store";
import { writeSetting } from "../../server/settings/office-settings";
import { recordVerdict } from "../../server/sync/applications";
import { Draft } from "../../shared/draft";
import type { Verdict } from "../../shared/sync/protocol";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { mutation, pushOne, readyDraft } from "../helpers/drafts";
import { seededDatabase } from "../helpers/temp-db";

/** Set-up shared by the retention tests (tests/server/retention.test.ts, console-privacy.test.ts). */

export const KEC = "31.75.07";
export const VILLAGE = "31.75.07.1001";
/** Two years ago: past any retention the admin may set below that. */
export const LONG_AGO = new Date(Date.now() - 2 * 365 * 86_400_000);

export interface RetentionWorld {
  env: Awaited<ReturnType<typeof seededDatabase>>;
  app: ReturnType<typeof createApp>;
  filesDir: string;
  cadre: TestUser;
  operator: TestUser;
  admin: TestUser;
  clientId: string;
  seq: number;
}

export async function retentionWorld(): Promise<RetentionWorld> {
  const env = await seededDatabase();
  const filesDir = join(env.dir, "files");
  const app = createApp({ db: env.db, filesDir });
  const cadre = await createTestUser(env.db, "cadre", { kecamatanCode: KEC });
  const operator = await createTestUser(env.db, "operator", { kecamatanCode: KEC });
  const admin = await createTestUser(env.db, "admin");
  return { env, app, filesDir, cadre, operator, admin, clientId: uuidv7(), seq: 0 };
}

/** Photo bytes that exist once: a page's hash is the hash of these bytes. */
function photoBytes(label: string): Buffer {
  return Buffer.from(`RIFF-photo-${label}-${"x".repeat(2000)}`);
}

/** The hash a label's photo has (without storing it). */
export function photoHash(label: string): string {
  return createHash("sha256").update(photoBytes(label)).digest("hex");
}

/** Writes a page's bytes where the upload would, and its rows (files, file_holders). */
export async function storePhoto(
  w: RetentionWorld,
  label: string,
  at = LONG_AGO,
): Promise<{ sha256: string; bytes: number }> {
  const bytes = photoBytes(label);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const path = storedFilePath(w.filesDir, sha256);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  await rawRun(
    w.env.db,
    sql`INSERT INTO files (sha256, bytes, mime, width, height, uploaded_by, created_at)
      VALUES (${sha256}, ${bytes.length}, 'image/webp', 1600, 1200, ${w.cadre.id}, ${at.toISOString()})
      ON CONFLICT DO NOTHING`,
  );
  await rawRun(
    w.env.db,
    sql`INSERT INTO file_holders (sha256, user_id, at) VALUES (${sha256}, ${w.cadre.id}, ${at.toISOString()})
      ON CONFLICT DO NOTHING`,
  );
  return { sha256, bytes: bytes.length };
}

export interface Person {
  name: string;
  nik: string;
  /** Labels of the photos of its three papers (the same label twice shares the photo). */
  photos: [string, string, string];
}

/** A file submitted through the real push, its three photos stored; answers its id and tracking number. */
export async function submitFile(w: RetentionWorld, person: Person): Promise<{ id: string; trackingNumber: string }> {
  const base = readyDraft({ village: VILLAGE });
  const stored: { sha256: string; bytes: number }[] = [];
  for (const label of person.photos) stored.push(await storePhoto(w, label));
  const documents = Object.fromEntries(
    Object.entries(base.documents).map(([key, document], index) => {
      const photo = stored[index] ?? stored[0];
      const page = { ...(document.pages[0] as Draft["documents"][string]["pages"][number]), ...photo };
      return [key, { ...document, pages: [page] }];
    }),
  );
  const draft = Draft.parse({
    ...base,
    applicant: { ...base.applicant, fullName: person.name, nik: person.nik, kk: `317101150320${person.nik.slice(12)}` },
    data: {},
    documents,
  });
  const result = await pushOne(w.app, w.cadre, w.clientId, mutation(++w.seq, "submitApplication", { draft }));
  if (result.status !== "applied") throw new Error(`submit ${JSON.stringify(result)}`);
  const row = await rawGet<{ trackingNumber: string }>(
    w.env.db,
    sql`SELECT tracking_number AS "trackingNumber" FROM applications WHERE id = ${draft.id}`,
  );
  if (!row) throw new Error(`submit: no file ${draft.id}`);
  return { id: draft.id, trackingNumber: row.trackingNumber };
}

/** The office's decision at `at` (the real decide, so decided_at, the clock and the findings are as in life). */
export async function decideFile(
  w: RetentionWorld,
  id: string,
  decision: "approved" | "rejected",
  at: Date,
): Promise<void> {
  const when = at.toISOString();
  const verdicts: Verdict[] =
    decision === "approved"
      ? [
          { decision: "verified", requirements: {}, decidedAt: when, reason: "Sudah dicek dengan Ibu Sari" },
          { decision, requirements: {}, decidedAt: when, reason: "Selamat untuk Ibu Sari", reasonPublic: true },
        ]
      : [{ decision, reasonCode: "not-eligible", reason: "Catatan: NIK ganda", requirements: {}, decidedAt: when }];
  for (const verdict of verdicts)
    if (!(await recordVerdict(w.env.db, id, verdict, at))) throw new Error("decide failed");
}

/** A closed complaint with its reporter and one evidence photo, closed at `closedAt`. */
export async function closedComplaint(
  w: RetentionWorld,
  reporter: string,
  photo: string,
  closedAt: Date,
): Promise<string> {
  const evidence = await storePhoto(w, photo);
  const id = uuidv4();
  const number = `ADU-${id.slice(0, 8).toUpperCase()}`;
  const at = closedAt.toISOString();
  // Through drizzle, so each engine gets its own booleans and JSON (PostgreSQL has no 0/1 booleans).
  await w.env.db.insert(complaints).values({
    id,
    number,
    kecamatanCode: KEC,
    placeKind: "office",
    category: "perilaku",
    description: "Petugas membentak warga.",
    happenedOn: at.slice(0, 10),
    evidence: [{ sha256: evidence.sha256, mime: "image/webp", bytes: evidence.bytes }],
    anonymous: false,
    confidential: false,
    reporterName: reporter,
    reporterContact: "081299990000",
    channel: "citizen-phone",
    status: "done",
    contentHash: "hash",
    receivedAt: at,
    updatedAt: at,
    closedAt: at,
    version: 3,
  });
  return number;
}

export async function setRetention(db: Db, days: number | null): Promise<void> {
  await writeSetting(db, "closedFileRetentionDays", days, null, new Date());
}

export function call(w: RetentionWorld, method: string, path: string, user: TestUser | null, body?: unknown) {
  const headers: Record<string, string> = {};
  if (user) headers.Cookie = user.cookie;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return w.app.request(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}
