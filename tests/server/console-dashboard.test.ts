import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { median } from "../../server/dashboard/scan";
import { publishGuide } from "../../server/guides/repository";
import { Dashboard, type GroupFigures } from "../../shared/api/console";
import { ApiError } from "../../shared/api/errors";
import { addApplication, addFinding, addUser, type FixtureUser } from "../helpers/console-fixtures";
import { sampleGuide } from "../helpers/sample-guide";
import { tempDatabase } from "../helpers/temp-db";

const KEC_A = "31.75.07"; // Duren Sawit
const KEC_B = "31.75.06"; // Cakung
const KEL_A1 = "31.75.07.1001"; // Duren Sawit
const KEL_A3 = "31.75.07.1003"; // Klender
const KEL_B = "31.75.06.1007"; // Cakung Barat
const AKTA = "akta-kelahiran";
const PINDAH = "surat-pindah";

let env: Awaited<ReturnType<typeof tempDatabase>>;
let app: ReturnType<typeof createApp>;
let people: Record<"admin" | "opA" | "opB" | "cadre" | "a1" | "a2" | "a3" | "a4" | "b1", FixtureUser>;

beforeEach(async () => {
  env = await tempDatabase();
  const db = env.db;
  app = createApp({ db, auth: { now: () => new Date("2026-03-20T02:00:00.000Z") } });
  await publishGuide(
    db,
    sampleGuide({ id: AKTA, title: { id: "Akta Kelahiran, baru", en: "Birth certificate, new" } }),
  );
  await publishGuide(db, sampleGuide({ id: PINDAH, title: { id: "Surat Pindah", en: "Moving letter" } }));
  people = {
    admin: await addUser(db, "admin", "Admin Pusat", null),
    opA: await addUser(db, "operator", "Operator Duren Sawit", KEC_A),
    opB: await addUser(db, "operator", "Operator Cakung", KEC_B),
    cadre: await addUser(db, "cadre", "Kader Biasa", KEC_A, KEL_A1),
    a1: await addUser(db, "cadre", 'Siti "Ani", S.Pd', KEC_A, KEL_A1),
    a2: await addUser(db, "cadre", "Ñoño Müller", KEC_A, KEL_A3),
    a3: await addUser(db, "cadre", "Dewi\nLestari", KEC_A, KEL_A3),
    a4: await addUser(db, "cadre", '=HYPERLINK("http://x","klik")', KEC_A, null),
    b1: await addUser(db, "cadre", "Kader Cakung", KEC_B, KEL_B),
  };
  const { a1, a2, a3, a4, b1 } = people;
  // Kecamatan A: five submitted files, one draft and one deleted file that must not count.
  await addApplication(db, {
    cadreId: a1.id,
    guideId: AKTA,
    kecamatanCode: KEC_A,
    villageCode: KEL_A1,
    status: "approved",
    draftCreatedAt: "2026-03-01T01:00:00.000Z",
    firstSubmittedAt: "2026-03-01T03:00:00.000Z", // 2 h; Jakarta 1 March
    firstDecisionAt: "2026-03-02T03:00:00.000Z", // 24 h
    sentBackCount: 1,
  });
  const fileA2 = await addApplication(db, {
    cadreId: a1.id,
    guideId: AKTA,
    kecamatanCode: KEC_A,
    villageCode: KEL_A1,
    status: "needs-fix",
    draftCreatedAt: "2026-03-02T00:00:00.000Z",
    firstSubmittedAt: "2026-03-02T04:00:00.000Z", // 4 h
    firstDecisionAt: "2026-03-02T16:00:00.000Z", // 12 h
    precheckFailures: 1,
    sentBackCount: 1,
  });
  await addFinding(db, fileA2, { decision: "needs-fix", reasonCode: "blurry", requirementId: "ktp" });
  await addFinding(db, fileA2, { decision: "needs-fix", reasonCode: "expired", requirementId: "kk" });
  const fileA3 = await addApplication(db, {
    cadreId: a2.id,
    guideId: PINDAH,
    kecamatanCode: KEC_A,
    villageCode: KEL_A3,
    status: "rejected",
    draftCreatedAt: "2026-03-03T00:00:00.000Z",
    firstSubmittedAt: "2026-03-03T10:00:00.000Z", // 10 h
    firstDecisionAt: "2026-03-05T10:00:00.000Z", // 48 h
  });
  await addFinding(db, fileA3, { decision: "rejected", reasonCode: "not-eligible" });
  await addApplication(db, {
    cadreId: a3.id,
    guideId: AKTA,
    kecamatanCode: KEC_A,
    villageCode: KEL_A3,
    status: "submitted",
    firstSubmittedAt: "2026-03-04T20:00:00.000Z", // Jakarta 5 March, 03:00
  });
  const fileA5 = await addApplication(db, {
    cadreId: a4.id,
    guideId: AKTA,
    kecamatanCode: KEC_A,
    status: "verified",
    draftCreatedAt: "2026-03-10T00:00:00.000Z",
    firstSubmittedAt: "2026-03-10T06:00:00.000Z", // 6 h
    firstDecisionAt: "2026-03-10T12:00:00.000Z", // 6 h
    precheckFailures: 2,
    sentBackCount: 2,
  });
  await addFinding(db, fileA5, { decision: "needs-fix", reasonCode: "blurry", requirementId: "ktp" });
  await addFinding(db, fileA5, { decision: "needs-fix", reasonCode: "blurry", requirementId: "ktp" });
  await addApplication(db, { cadreId: a1.id, guideId: AKTA, kecamatanCode: KEC_A, status: "draft" });
  await addApplication(db, {
    cadreId: a2.id,
    guideId: AKTA,
    kecamatanCode: KEC_A,
    status: "submitted",
    firstSubmittedAt: "2026-03-06T00:00:00.000Z",
    deletedAt: "2026-03-06T01:00:00.000Z",
  });
  // Kecamatan B: two files that operator A must never see.
  const fileB1 = await addApplication(db, {
    cadreId: b1.id,
    guideId: AKTA,
    kecamatanCode: KEC_B,
    villageCode: KEL_B,
    status: "rejected",
    draftCreatedAt: "2026-03-02T00:00:00.000Z",
    firstSubmittedAt: "2026-03-02T01:00:00.000Z",
    firstDecisionAt: "2026-03-02T02:00:00.000Z",
  });
  await addFinding(db, fileB1, { decision: "rejected", reasonCode: "duplicate" });
  await addApplication(db, {
    cadreId: b1.id,
    guideId: PINDAH,
    kecamatanCode: KEC_B,
    villageCode: KEL_B,
    status: "needs-fix",
    draftCreatedAt: "2026-03-02T00:00:00.000Z",
    firstSubmittedAt: "2026-03-02T03:00:00.000Z",
    firstDecisionAt: "2026-03-02T05:00:00.000Z",
    precheckFailures: 1,
    sentBackCount: 1,
  });
});
afterEach(() => env.cleanup());

function get(path: string, who: FixtureUser, language?: string) {
  const headers: Record<string, string> = { Cookie: who.cookie };
  if (language) headers["Accept-Language"] = language;
  return app.request(path, { headers });
}

/** The body as text with its BOM kept (Response.text() drops it). */
async function csvText(res: Response): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
}

async function dashboard(query: string, who: FixtureUser): Promise<Dashboard> {
  const res = await get(`/api/console/dashboard${query}`, who);
  expect(res.status).toBe(200);
  return Dashboard.parse(await res.json());
}

const NO_FILES: GroupFigures["byStatus"] = {
  submitted: 0,
  received: 0,
  verified: 0,
  approved: 0,
  "needs-fix": 0,
  rejected: 0,
};

/** A group's figures from its counts: each rate is its count over `submitted`. */
function group(
  key: string,
  label: string,
  submitted: number,
  firstPass: number,
  sentBackOrRejected: number,
  statuses: Partial<GroupFigures["byStatus"]>,
): GroupFigures {
  return {
    key,
    label,
    submitted,
    firstPass,
    firstPassRate: firstPass / submitted,
    sentBackOrRejected,
    sentBackOrRejectedRate: sentBackOrRejected / submitted,
    byStatus: { ...NO_FILES, ...statuses },
  };
}

/** Groups are ordered by submitted (descending), then key: ties of uuid keys sorted the same way. */
function ordered(groups: GroupFigures[]): GroupFigures[] {
  return [...groups].sort((x, y) => y.submitted - x.submitted || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

describe("GET /api/console/dashboard", () => {
  it("gives every figure of an operator's kecamatan exactly", async () => {
    const { a1, a2, a3, a4 } = people;
    expect(await dashboard("", people.opA)).toEqual({
      byStatus: { approved: 1, "needs-fix": 1, rejected: 1, submitted: 1, verified: 1 },
      submitted: 5,
      firstPass: 3,
      firstPassRate: 3 / 5,
      sentBackOrRejected: 4,
      sentBackOrRejectedRate: 4 / 5,
      medianDraftToSubmitHours: 5, // 2, 4, 6, 10
      medianSubmitToVerdictHours: 18, // 6, 12, 24, 48
      topReasons: [
        {
          guideId: AKTA,
          guideTitle: "Akta Kelahiran, baru",
          decision: "needs-fix",
          reasonCode: "blurry",
          requirementId: "ktp",
          count: 3,
        },
        {
          guideId: AKTA,
          guideTitle: "Akta Kelahiran, baru",
          decision: "needs-fix",
          reasonCode: "expired",
          requirementId: "kk",
          count: 1,
        },
        {
          guideId: PINDAH,
          guideTitle: "Surat Pindah",
          decision: "rejected",
          reasonCode: "not-eligible",
          requirementId: null,
          count: 1,
        },
      ],
      byService: [
        group(AKTA, "Akta Kelahiran, baru", 4, 2, 3, { submitted: 1, verified: 1, approved: 1, "needs-fix": 1 }),
        group(PINDAH, "Surat Pindah", 1, 1, 1, { rejected: 1 }),
      ],
      byKelurahan: [
        group(KEL_A1, "Duren Sawit", 2, 1, 2, { approved: 1, "needs-fix": 1 }),
        group(KEL_A3, "Klender", 2, 2, 1, { submitted: 1, rejected: 1 }),
        group("", "(kelurahan tidak diisi)", 1, 0, 1, { verified: 1 }),
      ],
      byCadre: ordered([
        group(a1.id, a1.displayName, 2, 1, 2, { approved: 1, "needs-fix": 1 }),
        group(a2.id, a2.displayName, 1, 1, 1, { rejected: 1 }),
        group(a3.id, a3.displayName, 1, 1, 0, { submitted: 1 }),
        group(a4.id, a4.displayName, 1, 0, 1, { verified: 1 }),
      ]),
      // Fixture files carry no clock: none counts as decided within or past the service time.
      onTime: { decided: 0, onTime: 0, onTimeRate: null, rows: [] },
    });
  });

  it("labels in English when the browser asks for it", async () => {
    const res = await get("/api/console/dashboard", people.opA, "en-GB,en;q=0.9");
    const body = Dashboard.parse(await res.json());
    expect(body.byService.map((g) => g.label)).toEqual(["Birth certificate, new", "Moving letter"]);
    expect(body.byKelurahan.at(-1)?.label).toBe("(no kelurahan given)");
  });

  it("never shows kecamatan B's files to operator A, and B's to B only", async () => {
    const a = await dashboard("", people.opA);
    const b = await dashboard("", people.opB);
    expect(a.byCadre.map((g) => g.key)).not.toContain(people.b1.id);
    expect(a.topReasons.map((r) => r.reasonCode)).not.toContain("duplicate");
    expect(b.submitted).toBe(2);
    expect(b.byStatus).toEqual({ "needs-fix": 1, rejected: 1 });
    expect(b.byCadre.map((g) => g.key)).toEqual([people.b1.id]);
    expect(b.byKelurahan.map((g) => [g.key, g.label])).toEqual([[KEL_B, "Cakung Barat"]]);
    expect(b.topReasons.map((r) => r.reasonCode)).toEqual(["duplicate"]);
    expect(b.medianDraftToSubmitHours).toBe(2); // 1 and 3
    expect(b.medianSubmitToVerdictHours).toBe(1.5); // 1 and 2
  });

  it("lets an admin see every kecamatan, or one", async () => {
    const all = await dashboard("", people.admin);
    expect(all.submitted).toBe(7);
    expect(all.byStatus).toEqual({ approved: 1, "needs-fix": 2, rejected: 2, submitted: 1, verified: 1 });
    expect(all.byCadre).toHaveLength(5);
    const onlyB = await dashboard(`?kecamatanCode=${KEC_B}`, people.admin);
    expect(onlyB).toEqual(await dashboard("", people.opB));
  });

  it("refuses an operator another kecamatan (403) but accepts their own", async () => {
    const other = await get(`/api/console/dashboard?kecamatanCode=${KEC_B}`, people.opA);
    expect(other.status).toBe(403);
    expect(ApiError.parse(await other.json()).error.code).toBe("forbidden");
    const csv = await get(`/api/console/dashboard/by-cadre.csv?kecamatanCode=${KEC_B}`, people.opA);
    expect(csv.status).toBe(403);
    expect((await dashboard(`?kecamatanCode=${KEC_A}`, people.opA)).submitted).toBe(5);
  });

  it("refuses cadres", async () => {
    expect((await get("/api/console/dashboard", people.cadre)).status).toBe(403);
  });

  it("filters on the Jakarta date of the first submission, both ends inclusive", async () => {
    // 20:00 UTC on 4 March is 03:00 on 5 March in Jakarta.
    const range = await dashboard("?from=2026-03-02&to=2026-03-05", people.opA);
    expect(range.submitted).toBe(3);
    expect(range.byStatus).toEqual({ "needs-fix": 1, rejected: 1, submitted: 1 });
    expect(range.medianDraftToSubmitHours).toBe(7); // 4 and 10
    expect(range.medianSubmitToVerdictHours).toBe(30); // 12 and 48
    const untilFourth = await dashboard("?from=2026-03-02&to=2026-03-04", people.opA);
    expect(untilFourth.submitted).toBe(2);
    // Odd count: the middle value itself.
    const odd = await dashboard("?from=2026-03-01&to=2026-03-04", people.opA);
    expect(odd.submitted).toBe(3);
    expect(odd.medianDraftToSubmitHours).toBe(4); // 2, 4, 10
    expect(odd.medianSubmitToVerdictHours).toBe(24); // 12, 24, 48
    expect(odd.topReasons.map((r) => [r.reasonCode, r.count])).toEqual([
      ["blurry", 1],
      ["expired", 1],
      ["not-eligible", 1],
    ]);
    const oneDay = await dashboard("?from=2026-03-10&to=2026-03-10", people.opA);
    expect(oneDay.submitted).toBe(1);
    const none = await dashboard("?from=2027-01-01", people.opA);
    expect(none).toEqual({
      byStatus: {},
      submitted: 0,
      firstPass: 0,
      firstPassRate: null,
      sentBackOrRejected: 0,
      sentBackOrRejectedRate: null,
      medianDraftToSubmitHours: null,
      medianSubmitToVerdictHours: null,
      topReasons: [],
      byService: [],
      byKelurahan: [],
      byCadre: [],
      onTime: { decided: 0, onTime: 0, onTimeRate: null, rows: [] },
    });
  });

  it("filters on one service", async () => {
    const pindah = await dashboard(`?guideId=${PINDAH}`, people.opA);
    expect(pindah.submitted).toBe(1);
    expect(pindah.byService.map((g) => g.key)).toEqual([PINDAH]);
    expect(pindah.topReasons.map((r) => r.reasonCode)).toEqual(["not-eligible"]);
  });

  it.each([
    ["from after to", "?from=2026-03-05&to=2026-03-04", "from"],
    ["an impossible date", "?from=2026-13-01", "from"],
    ["an unknown parameter", "?status=approved", ""],
    ["a repeated parameter", "?guideId=a&guideId=b", "guideId"],
    ["a malformed kecamatan", "?kecamatanCode=317507", "kecamatanCode"],
    // No text can hold U+0000 on PostgreSQL: refused at the edge on both engines, before any query.
    ["a NUL character", "?guideId=akta%00kelahiran", "guideId"],
  ])("answers 400 invalid_query for %s", async (_name, query, parameter) => {
    const res = await get(`/api/console/dashboard${query}`, people.admin);
    expect(res.status).toBe(400);
    const body = ApiError.parse(await res.json());
    expect(body.error.code).toBe("invalid_query");
    expect(body.error.details?.parameter).toBe(parameter);
  });
});

describe("GET /api/console/dashboard/:table.csv", () => {
  it("writes names with commas, quotes, new lines, accents and formulas byte for byte", async () => {
    const res = await get("/api/console/dashboard/by-cadre.csv", people.opA);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="masdarin-by-cadre-2026-03-20.csv"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { a1, a2, a3, a4 } = people;
    const lines: Record<string, string> = {
      [a1.id]: `"Siti ""Ani"", S.Pd",${a1.id},2,1,50,2,100,0,0,0,1,1,0\r\n`,
      [a2.id]: `Ñoño Müller,${a2.id},1,1,100,1,100,0,0,0,0,0,1\r\n`,
      [a3.id]: `"Dewi\nLestari",${a3.id},1,1,100,0,0,1,0,0,0,0,0\r\n`,
      [a4.id]: `"'=HYPERLINK(""http://x"",""klik"")",${a4.id},1,0,0,1,100,0,0,1,0,0,0\r\n`,
    };
    const order = [a1.id, ...[a2.id, a3.id, a4.id].sort()];
    const expected =
      "\uFEFFKader,ID kader,Berkas diajukan,Lolos pra-periksa pertama,Lolos pra-periksa pertama (%),Dikembalikan atau ditolak,Dikembalikan atau ditolak (%),Status: Diajukan,Status: Diterima kantor,Status: Diverifikasi,Status: Disetujui,Status: Perlu diperbaiki,Status: Ditolak\r\n" +
      order.map((id) => lines[id]).join("");
    expect(bytes.equals(Buffer.from(expected, "utf8"))).toBe(true);
  });

  it("exports every table with the same filters, in the request's language", async () => {
    const status = await csvText(await get("/api/console/dashboard/by-status.csv?to=2026-03-04", people.opA));
    expect(status).toBe(
      "\uFEFFStatus,Kode status,Jumlah\r\n" +
        "Diajukan,submitted,0\r\nDiterima kantor,received,0\r\nDiverifikasi,verified,0\r\n" +
        "Disetujui,approved,1\r\nPerlu diperbaiki,needs-fix,1\r\nDitolak,rejected,1\r\n",
    );
    const service = await csvText(await get("/api/console/dashboard/by-service.csv", people.opA, "en"));
    expect(service).toBe(
      "\uFEFFService,Service code,Files submitted,Passed first pre-check,Passed first pre-check (%)," +
        "Sent back or rejected,Sent back or rejected (%),Status: Submitted,Status: Received by the office," +
        "Status: Verified,Status: Approved,Status: Needs fixing,Status: Rejected\r\n" +
        `"Birth certificate, new",${AKTA},4,2,50,3,75,1,0,1,1,1,0\r\nMoving letter,${PINDAH},1,1,100,1,100,0,0,0,0,0,1\r\n`,
    );
    const kelurahan = await csvText(await get("/api/console/dashboard/by-kelurahan.csv", people.opB));
    expect(kelurahan).toBe(
      "\uFEFFKelurahan,Kode kelurahan,Berkas diajukan,Lolos pra-periksa pertama,Lolos pra-periksa pertama (%),Dikembalikan atau ditolak,Dikembalikan atau ditolak (%),Status: Diajukan,Status: Diterima kantor,Status: Diverifikasi,Status: Disetujui,Status: Perlu diperbaiki,Status: Ditolak\r\n" +
        `Cakung Barat,${KEL_B},2,1,50,2,100,0,0,0,0,1,1\r\n`,
    );
    const reasons = await csvText(await get("/api/console/dashboard/reasons.csv", people.opA));
    expect(reasons).toBe(
      "\uFEFFLayanan,Kode layanan,Keputusan,Alasan,Kode alasan,Persyaratan,Jumlah\r\n" +
        `"Akta Kelahiran, baru",${AKTA},Perlu diperbaiki,Foto buram atau gelap,blurry,ktp,3\r\n` +
        `"Akta Kelahiran, baru",${AKTA},Perlu diperbaiki,Dokumen sudah tidak berlaku,expired,kk,1\r\n` +
        `Surat Pindah,${PINDAH},Ditolak,Pemohon tidak memenuhi syarat layanan,not-eligible,,1\r\n`,
    );
  });

  it("answers 404 for a table that does not exist and 400 for bad filters", async () => {
    expect((await get("/api/console/dashboard/by-nik.csv", people.admin)).status).toBe(404);
    expect((await get("/api/console/dashboard/by-cadre.json", people.admin)).status).toBe(404);
    expect((await get("/api/console/dashboard/by-cadre.csv?from=2026-03-05&to=2026-03-01", people.admin)).status).toBe(
      400,
    );
  });
});

describe("median (quickselect)", () => {
  it("equals the sorted middle (or mean of the middle two) on random data with ties", () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(next() * 60);
      const values = Array.from({ length: n }, () => Math.round(next() * 20) / 4 - 1);
      const sorted = [...values].sort((a, b) => a - b);
      const middle =
        n % 2 ? (sorted[(n - 1) / 2] as number) : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
      expect(median(Float64Array.from(values), n)).toBe(Math.round(middle * 100) / 100);
    }
    expect(median(new Float64Array(4), 0)).toBeNull();
  });
});
