import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { guideTitles } from "../../server/dashboard/queries";
import { ApiError } from "../../shared/api/errors";
import { addApplication, addAudit, addUser, type FixtureUser } from "../helpers/console-fixtures";
import { seededDatabase } from "../helpers/temp-db";

/**
 * The "CSV untuk Excel" downloads (?sep=semicolon): the same tables and the
 * same scope as the comma files, with ";" between fields and decimal commas,
 * so Excel under Indonesian regional settings opens them in columns.
 */

const KEC_A = "31.71.01"; // Gambir
const KEC_B = "31.71.02"; // Sawah Besar
const DOMISILI = "surat-keterangan-domisili";
const NIK = "3171014506900001";
const OLD_NIK = "3171015506900002";

let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let people: Record<"admin" | "opA" | "opB" | "cadreA" | "cadreB", FixtureUser>;
let domisili: string;

beforeEach(async () => {
  env = await seededDatabase();
  const db = env.db;
  app = createApp({ db, auth: { now: () => new Date("2026-03-20T02:00:00.000Z") } });
  domisili = (await guideTitles(db, "id")).get(DOMISILI) ?? DOMISILI;
  people = {
    admin: await addUser(db, "admin", "Admin Pusat", null),
    opA: await addUser(db, "operator", "Operator Gambir", KEC_A),
    opB: await addUser(db, "operator", "Operator Sawah Besar", KEC_B),
    cadreA: await addUser(db, "cadre", 'Ani; "Kader"\nGambir', KEC_A),
    cadreB: await addUser(db, "cadre", "Kader Sawah Besar", KEC_B),
  };
  const file = { guideId: DOMISILI, draftCreatedAt: "2026-03-01T00:00:00.000Z" };
  // Gambir: three files, two passed the first pre-check (66.7 %), one sent back.
  await addApplication(db, {
    ...file,
    cadreId: people.cadreA.id,
    kecamatanCode: KEC_A,
    status: "approved",
    firstSubmittedAt: "2026-03-01T02:00:00.000Z",
  });
  await addApplication(db, {
    ...file,
    cadreId: people.cadreA.id,
    kecamatanCode: KEC_A,
    status: "needs-fix",
    firstSubmittedAt: "2026-03-02T02:00:00.000Z",
    firstDecisionAt: "2026-03-02T05:00:00.000Z",
    precheckFailures: 1,
    sentBackCount: 1,
  });
  await addApplication(db, {
    ...file,
    cadreId: people.cadreA.id,
    kecamatanCode: KEC_A,
    status: "submitted",
    firstSubmittedAt: "2026-03-03T02:00:00.000Z",
  });
  // Sawah Besar: one rejected file that Gambir's operator must never count.
  await addApplication(db, {
    ...file,
    cadreId: people.cadreB.id,
    kecamatanCode: KEC_B,
    status: "rejected",
    firstSubmittedAt: "2026-03-02T02:00:00.000Z",
  });
  const opA = { id: people.opA.id, role: "operator" as const };
  await addAudit(db, opA, {
    at: "2026-03-04T01:00:00.000Z",
    action: "application.verdict",
    targetType: "application",
    targetId: "file-a",
    kecamatanCode: KEC_A,
    // The operator's notes may hold the applicant's details (here a NIK): the audit log never carries them.
    before: { status: "received", verdict: { decision: "needs-fix", reason: `NIK lama ${OLD_NIK}` } },
    after: {
      status: "needs-fix",
      verdict: {
        reasonCode: "blurry",
        reason: `ulangi; foto NIK ${NIK}`,
        requirements: { ktp: { status: "needs-fix", reasonCode: "blurry", reason: `KTP ${NIK} buram` } },
      },
    },
  });
  await addAudit(db, opA, {
    at: "2026-03-05T01:00:00.000Z",
    action: "guide.publish",
    targetType: "guide",
    targetId: DOMISILI,
    kecamatanCode: null,
    after: { version: 2, changeNote: "=SUM(A1;A2)" },
  });
  await addAudit(
    db,
    { id: people.opB.id, role: "operator" },
    {
      at: "2026-03-06T01:00:00.000Z",
      action: "application.receive",
      targetType: "application",
      targetId: "file-b",
      kecamatanCode: KEC_B,
    },
  );
});
afterEach(() => env.cleanup());

function get(path: string, who: FixtureUser, language?: string) {
  const headers: Record<string, string> = { Cookie: who.cookie };
  if (language) headers["Accept-Language"] = language;
  return app.request(path, { headers });
}

/** The body with its BOM kept (Response.text() drops it). */
async function csvText(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
}

describe("dashboard tables as CSV for Excel (?sep=semicolon)", () => {
  it("separates with semicolons, writes 66,7 for 66.7, starts with a BOM and downloads under the same name", async () => {
    const res = await get("/api/console/dashboard/by-service.csv?sep=semicolon", people.opA);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="masdarin-by-service-2026-03-20.csv"');
    const text = await csvText(res);
    expect(text).toBe(
      "\uFEFFLayanan;Kode layanan;Berkas diajukan;Lolos pra-periksa pertama;Lolos pra-periksa pertama (%);" +
        "Dikembalikan atau ditolak;Dikembalikan atau ditolak (%);Status: Diajukan;Status: Diterima kantor;" +
        "Status: Diverifikasi;Status: Disetujui;Status: Perlu diperbaiki;Status: Ditolak\r\n" +
        `${domisili};${DOMISILI};3;2;66,7;1;33,3;1;0;0;1;1;0\r\n`,
    );
  });

  it("leaves the comma file as it was: decimal points, commas, quotes only where a comma needs them", async () => {
    const text = await csvText(await get("/api/console/dashboard/by-service.csv", people.opA));
    expect(text.split("\r\n")[1]).toBe(
      `${domisili.includes(",") ? `"${domisili}"` : domisili},${DOMISILI},3,2,66.7,1,33.3,1,0,0,1,1,0`,
    );
    expect(await csvText(await get("/api/console/dashboard/by-service.csv?sep=comma", people.opA))).toBe(text);
  });

  it("quotes a name holding a semicolon, a quote or a line break", async () => {
    const text = await csvText(await get("/api/console/dashboard/by-cadre.csv?sep=semicolon", people.opA));
    expect(text.split("\r\n")[1]).toBe(`"Ani; ""Kader""\nGambir";${people.cadreA.id};3;2;66,7;1;33,3;1;0;0;1;1;0`);
  });

  it("keeps the operator's scope and filters, in either dialect", async () => {
    const status = await csvText(await get("/api/console/dashboard/by-status.csv?sep=semicolon", people.opA));
    expect(status).toContain("Ditolak;rejected;0\r\n");
    const admin = await csvText(await get("/api/console/dashboard/by-status.csv?sep=semicolon", people.admin));
    expect(admin).toContain("Ditolak;rejected;1\r\n");
    const dated = await csvText(
      await get("/api/console/dashboard/by-status.csv?sep=semicolon&from=2026-03-03&to=2026-03-03", people.opA),
    );
    expect(dated).toBe(
      "\uFEFFStatus;Kode status;Jumlah\r\nDiajukan;submitted;1\r\nDiterima kantor;received;0\r\n" +
        "Diverifikasi;verified;0\r\nDisetujui;approved;0\r\nPerlu diperbaiki;needs-fix;0\r\nDitolak;rejected;0\r\n",
    );
    const other = await get(`/api/console/dashboard/by-status.csv?sep=semicolon&kecamatanCode=${KEC_B}`, people.opA);
    expect(other.status).toBe(403);
  });

  it("answers 400 invalid_query naming `sep` for a separator it does not offer, and refuses it on the JSON dashboard", async () => {
    const tab = await get("/api/console/dashboard/by-status.csv?sep=tab", people.opA);
    expect(tab.status).toBe(400);
    expect(ApiError.parse(await tab.json()).error.details?.parameter).toBe("sep");
    expect((await get("/api/console/dashboard?sep=semicolon", people.opA)).status).toBe(400);
  });
});

describe("audit export as CSV for Excel", () => {
  it("separates with semicolons, says the action in words with its code, names the target in full, in the operator's scope", async () => {
    const text = await csvText(await get("/api/console/audit/export.csv?sep=semicolon", people.opA));
    expect(text).toBe(
      "\uFEFFWaktu;Pelaku;Peran;Tindakan;Kode tindakan;Jenis sasaran;Sasaran;ID sasaran;Sebelum (JSON);Sesudah (JSON)\r\n" +
        `2026-03-05T01:00:00.000Z;Operator Gambir;Operator;Menerbitkan panduan;guide.publish;Panduan;${domisili};` +
        `${DOMISILI};;"{""version"":2,""changeNote"":""=SUM(A1;A2)""}"\r\n` +
        "2026-03-04T01:00:00.000Z;Operator Gambir;Operator;Mengirim balik berkas;application.verdict;Berkas;;file-a;" +
        `"{""status"":""received"",""verdict"":{""decision"":""needs-fix""}}";` +
        `"{""status"":""needs-fix"",""verdict"":{""reasonCode"":""blurry"",` +
        `""requirements"":{""ktp"":{""status"":""needs-fix"",""reasonCode"":""blurry""}}}}"\r\n`,
    );
    expect(text).not.toContain("file-b");
  });

  it("guards a cell that starts with a formula: an actor named =SUM(…) is written as text", async () => {
    const sly = await addUser(env.db, "operator", "=SUM(A1;A2)", KEC_A);
    await addAudit(
      env.db,
      { id: sly.id, role: "operator" },
      {
        at: "2026-03-07T01:00:00.000Z",
        action: "application.receive",
        targetType: "application",
        targetId: "file-c",
        kecamatanCode: KEC_A,
      },
    );
    const semicolon = await csvText(await get("/api/console/audit/export.csv?sep=semicolon", people.opA));
    expect(semicolon.split("\r\n")[1]).toBe(
      `2026-03-07T01:00:00.000Z;"'=SUM(A1;A2)";Operator;Menerima berkas;application.receive;Berkas;;file-c;;`,
    );
    const comma = await csvText(await get("/api/console/audit/export.csv", people.opA));
    expect(comma.split("\r\n")[1]).toBe(
      "2026-03-07T01:00:00.000Z,'=SUM(A1;A2),Operator,Menerima berkas,application.receive,Berkas,,file-c,,",
    );
  });

  it("never lets an operator's note out: not in the JSON list, not in either CSV", async () => {
    const list = await get("/api/console/audit", people.opA);
    expect(list.status).toBe(200);
    const json = await list.text();
    expect(json).toContain('"reasonCode":"blurry"');
    const comma = await csvText(await get("/api/console/audit/export.csv", people.opA));
    const semicolon = await csvText(await get("/api/console/audit/export.csv?sep=semicolon", people.opA));
    for (const body of [json, comma, semicolon]) {
      expect(body).toContain("file-a");
      expect(body).not.toContain(NIK);
      expect(body).not.toContain(OLD_NIK);
      expect(body).not.toContain("ulangi");
    }
  });

  it("keeps the action filter and the English headers, and refuses an unknown separator", async () => {
    const text = await csvText(
      await get("/api/console/audit/export.csv?sep=semicolon&action=application.receive", people.admin, "en"),
    );
    expect(text).toBe(
      "\uFEFFTime;Actor;Role;Action;Action code;Target type;Target;Target ID;Before (JSON);After (JSON)\r\n" +
        "2026-03-06T01:00:00.000Z;Operator Sawah Besar;Operator;Received a file;application.receive;File;;file-b;;\r\n",
    );
    expect((await get("/api/console/audit/export.csv?sep=pipe", people.admin)).status).toBe(400);
  });
});
