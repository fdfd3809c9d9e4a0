import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { applications } from "../../server/db/schema";
import { publishGuide } from "../../server/guides/repository";
import { AuditPage } from "../../shared/api/console";
import { ApiError } from "../../shared/api/errors";
import { addApplication, addAudit, addUser, type FixtureUser } from "../helpers/console-fixtures";
import { sampleGuide } from "../helpers/sample-guide";
import { tempDatabase } from "../helpers/temp-db";

const KEC_A = "31.75.07";
const KEC_B = "31.75.06";

let env: Awaited<ReturnType<typeof tempDatabase>>;
let app: ReturnType<typeof createApp>;
let people: Record<"admin" | "opA" | "opB" | "cadre", FixtureUser>;
/** Entry ids by name, in insertion order. */
let ids: Record<string, number>;

beforeEach(async () => {
  env = await tempDatabase();
  const db = env.db;
  app = createApp({ db, auth: { now: () => new Date("2026-03-20T18:00:00.000Z") } });
  people = {
    admin: await addUser(db, "admin", "Admin Pusat", null),
    opA: await addUser(db, "operator", 'Budi "Loket", Duren Sawit', KEC_A),
    opB: await addUser(db, "operator", "Operator Cakung", KEC_B),
    cadre: await addUser(db, "cadre", "Kader", KEC_A),
  };
  const admin = { id: people.admin.id, role: "admin" as const };
  const opA = { id: people.opA.id, role: "operator" as const };
  const opB = { id: people.opB.id, role: "operator" as const };
  ids = {
    adminCreatesCadreA: await addAudit(db, admin, {
      at: "2026-03-01T01:00:00.000Z",
      action: "user.create",
      targetType: "user",
      targetId: people.cadre.id,
      kecamatanCode: KEC_A,
      after: { username: "kader", displayName: "Kader", role: "cadre" },
    }),
    verdictA: await addAudit(db, opA, {
      at: "2026-03-02T01:00:00.000Z",
      action: "application.verdict",
      targetType: "application",
      targetId: "app-a",
      kecamatanCode: KEC_A,
      before: { status: "received", version: 3 },
      after: { status: "needs-fix", version: 4, verdict: { reasonCode: "blurry", note: 'Foto "KTP", buram\nulangi' } },
    }),
    verdictB: await addAudit(db, opB, {
      at: "2026-03-02T02:00:00.000Z",
      action: "application.verdict",
      targetType: "application",
      targetId: "app-b",
      kecamatanCode: KEC_B,
      after: { status: "rejected" },
    }),
    publish: await addAudit(db, admin, {
      at: "2026-03-03T01:00:00.000Z",
      action: "guide.publish",
      targetType: "guide",
      targetId: "akta-kelahiran",
      kecamatanCode: null,
      after: { version: 2, changeNote: "=SUM(A1)" },
    }),
    importAll: await addAudit(db, admin, {
      at: "2026-03-03T02:00:00.000Z",
      action: "catalogue.import",
      targetType: "catalogue",
      targetId: "catalogue",
      kecamatanCode: null,
    }),
    adminCreatesOperator: await addAudit(db, admin, {
      at: "2026-03-04T01:00:00.000Z",
      action: "user.create",
      targetType: "user",
      targetId: people.opB.id,
      kecamatanCode: null,
      after: { role: "operator" },
    }),
    receiveA: await addAudit(db, opA, {
      at: "2026-03-05T01:00:00.000Z",
      action: "application.receive",
      targetType: "application",
      targetId: "app-a",
      kecamatanCode: KEC_A,
    }),
  };
});
afterEach(() => env.cleanup());

function get(path: string, who: FixtureUser) {
  return app.request(path, { headers: { Cookie: who.cookie } });
}

async function page(query: string, who: FixtureUser): Promise<AuditPage> {
  const res = await get(`/api/console/audit${query}`, who);
  expect(res.status).toBe(200);
  return AuditPage.parse(await res.json());
}

/** Every id an operator or admin may page through, following nextCursor. */
async function allIds(who: FixtureUser, query = "", limit = 2): Promise<number[]> {
  const seen: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const result = await page(`?limit=${limit}${query}${suffix}`, who);
    expect(result.entries.length).toBeLessThanOrEqual(limit);
    seen.push(...result.entries.map((e) => e.id));
    cursor = result.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(20);
  } while (cursor);
  return seen;
}

async function csvText(res: Response): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
}

describe("GET /api/console/audit", () => {
  it("gives an admin every entry, newest first, with the actor's name and before/after without the operator's notes", async () => {
    const result = await page("", people.admin);
    expect(result.nextCursor).toBeNull();
    expect(result.entries.map((e) => e.id)).toEqual(Object.values(ids).reverse());
    const verdict = result.entries.find((e) => e.id === ids.verdictA);
    expect(verdict).toEqual({
      id: ids.verdictA,
      at: "2026-03-02T01:00:00.000Z",
      actorId: people.opA.id,
      actorName: 'Budi "Loket", Duren Sawit',
      actorRole: "operator",
      action: "application.verdict",
      targetType: "application",
      targetId: "app-a",
      // The file is not in this database: no name to give.
      targetName: null,
      targetDetail: null,
      before: { status: "received", version: 3 },
      // The free-text note may name the applicant: it stays on the file, the code is enough here.
      after: { status: "needs-fix", version: 4, verdict: { reasonCode: "blurry" } },
    });
    expect(result.entries.find((e) => e.id === ids.importAll)?.before).toBeNull();
  });

  it("shows an operator their kecamatan plus guide and catalogue changes, never B's or admin-only user actions", async () => {
    const expected = [ids.receiveA, ids.importAll, ids.publish, ids.verdictA, ids.adminCreatesCadreA];
    expect(await allIds(people.opA)).toEqual(expected);
    expect(await allIds(people.opA, "", 1)).toEqual(expected);
    expect(await allIds(people.opB)).toEqual([ids.importAll, ids.publish, ids.verdictB]);
  });

  it("pages by id without gaps or repeats, even when entries are added between pages", async () => {
    const first = await page("?limit=3", people.admin);
    expect(first.entries.map((e) => e.id)).toEqual([ids.receiveA, ids.adminCreatesOperator, ids.importAll]);
    await addAudit(
      env.db,
      { id: people.admin.id, role: "admin" },
      {
        at: "2026-03-06T00:00:00.000Z",
        action: "guide.withdraw",
        targetType: "guide",
        targetId: "x",
        kecamatanCode: null,
      },
    );
    const second = await page(`?limit=3&cursor=${first.nextCursor}`, people.admin);
    expect(second.entries.map((e) => e.id)).toEqual([ids.publish, ids.verdictB, ids.verdictA]);
    const third = await page(`?limit=3&cursor=${second.nextCursor}`, people.admin);
    expect(third.entries.map((e) => e.id)).toEqual([ids.adminCreatesCadreA]);
    expect(third.nextCursor).toBeNull();
  });

  it("names each target in full: an account by name and username, a guide by title, a file by initials and service", async () => {
    await publishGuide(
      env.db,
      sampleGuide({ id: "akta-kelahiran", title: { id: "Akta Kelahiran", en: "Birth certificate" } }),
    );
    const fileId = await addApplication(env.db, {
      cadreId: people.cadre.id,
      guideId: "akta-kelahiran",
      kecamatanCode: KEC_A,
      status: "needs-fix",
    });
    await env.db
      .update(applications)
      .set({ content: { id: fileId, applicant: { fullName: "Siti Aminah", nik: "3171015203900001" } } })
      .where(eq(applications.id, fileId));
    const verdict = await addAudit(
      env.db,
      { id: people.opA.id, role: "operator" },
      {
        at: "2026-03-06T01:00:00.000Z",
        action: "application.verdict",
        targetType: "application",
        targetId: fileId,
        kecamatanCode: KEC_A,
        after: { status: "needs-fix" },
      },
    );
    const res = await get("/api/console/audit", people.opA);
    const text = await res.text();
    // The applicant's name and NIK stay in the file: the log names it by initials.
    expect(text).not.toContain("Siti Aminah");
    expect(text).not.toContain("3171015203900001");
    const entries = AuditPage.parse(JSON.parse(text)).entries;
    const named = (id: number | undefined) => {
      const entry = entries.find((e) => e.id === id);
      return [entry?.targetName, entry?.targetDetail];
    };
    expect(named(verdict)).toEqual(["S.A.", "Akta Kelahiran"]);
    expect(named(ids.adminCreatesCadreA)).toEqual(["Kader", `cadre-${people.cadre.id.slice(-8)}`]);
    expect(named(ids.publish)).toEqual(["Akta Kelahiran", null]);
    expect(named(ids.importAll)).toEqual(["Katalog layanan", null]);
    const english = AuditPage.parse(
      await (
        await app.request("/api/console/audit", { headers: { Cookie: people.opA.cookie, "Accept-Language": "en" } })
      ).json(),
    );
    expect(english.entries.find((e) => e.id === verdict)?.targetDetail).toBe("Birth certificate");
  });

  it("filters by actor and by action", async () => {
    expect(await allIds(people.admin, `&actorId=${people.opA.id}`)).toEqual([ids.receiveA, ids.verdictA]);
    expect(await allIds(people.admin, "&action=application.verdict")).toEqual([ids.verdictB, ids.verdictA]);
    expect(await allIds(people.opA, "&action=application.verdict")).toEqual([ids.verdictA]);
    expect(await allIds(people.opA, `&actorId=${people.opB.id}`)).toEqual([]);
  });

  it.each([
    ["a foreign cursor", "?cursor=abc", "invalid_cursor_value"],
    ["a cursor of zero", "?cursor=a1.0", "invalid_cursor_value"],
    ["a limit above 200", "?limit=201", "invalid_query"],
    ["an actor that is not a uuid", "?actorId=42", "invalid_query"],
  ])("answers 400 for %s", async (_name, query, code) => {
    const res = await get(`/api/console/audit${query}`, people.admin);
    expect(res.status).toBe(400);
    expect(ApiError.parse(await res.json()).error.code).toBe(code);
  });

  it("refuses cadres", async () => {
    expect((await get("/api/console/audit", people.cadre)).status).toBe(403);
    expect((await get("/api/console/audit/export.csv", people.cadre)).status).toBe(403);
  });
});

describe("GET /api/console/audit/export.csv", () => {
  it("streams every entry in scope as CSV, actions in words beside their codes, JSON quoted without the notes", async () => {
    const res = await get(`/api/console/audit/export.csv?actorId=${people.opA.id}`, people.opA);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="masdarin-audit-2026-03-21.csv"');
    const actor = '"Budi ""Loket"", Duren Sawit"';
    expect(await csvText(res)).toBe(
      "\uFEFFWaktu,Pelaku,Peran,Tindakan,Kode tindakan,Jenis sasaran,Sasaran,ID sasaran,Sebelum (JSON),Sesudah (JSON)\r\n" +
        `2026-03-05T01:00:00.000Z,${actor},Operator,Menerima berkas,application.receive,Berkas,,app-a,,\r\n` +
        `2026-03-02T01:00:00.000Z,${actor},Operator,Mengirim balik berkas,application.verdict,Berkas,,app-a,` +
        `"{""status"":""received"",""version"":3}",` +
        // The operator's note ("Foto \"KTP\", buram…") stays on the file: the export keeps the reason code only.
        `"{""status"":""needs-fix"",""version"":4,""verdict"":{""reasonCode"":""blurry""}}"\r\n`,
    );
  });

  it("keeps the operator's scope and exports past one batch", async () => {
    for (let i = 0; i < 2100; i++) {
      await addAudit(
        env.db,
        { id: people.opB.id, role: "operator" },
        {
          at: "2026-03-07T00:00:00.000Z",
          action: "application.receive",
          targetType: "application",
          targetId: `b-${i}`,
          kecamatanCode: i % 2 === 0 ? KEC_B : KEC_A,
        },
      );
    }
    const lines = (await csvText(await get("/api/console/audit/export.csv", people.opA))).split("\r\n");
    // Header, A's 5 entries, the 1,050 entries marked A, and the empty string after the last CRLF.
    expect(lines).toHaveLength(1 + 5 + 1050 + 1);
    expect(lines.filter((line) => line.includes("Operator Cakung"))).toHaveLength(1050);
    const admin = (await csvText(await get("/api/console/audit/export.csv", people.admin))).split("\r\n");
    expect(admin).toHaveLength(1 + 7 + 2100 + 1);
    expect(admin[admin.length - 2]).toContain("2026-03-01T01:00:00.000Z");
    const guarded = (await csvText(await get("/api/console/audit/export.csv?action=guide.publish", people.opB))).split(
      "\r\n",
    );
    expect(guarded[1]).toBe(
      "2026-03-03T01:00:00.000Z,Admin Pusat,Admin,Menerbitkan panduan,guide.publish,Panduan,,akta-kelahiran,," +
        `"{""version"":2,""changeNote"":""=SUM(A1)""}"`,
    );
  });

  it("answers in English when asked", async () => {
    const res = await app.request("/api/console/audit/export.csv?action=catalogue.import", {
      headers: { Cookie: people.admin.cookie, "Accept-Language": "en" },
    });
    expect(await csvText(res)).toBe(
      "\uFEFFTime,Actor,Role,Action,Action code,Target type,Target,Target ID,Before (JSON),After (JSON)\r\n" +
        "2026-03-03T02:00:00.000Z,Admin Pusat,Admin,Imported the service catalogue,catalogue.import,Catalogue," +
        "Service catalogue,catalogue,,\r\n",
    );
  });
});
