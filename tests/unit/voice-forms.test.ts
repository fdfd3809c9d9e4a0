import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { locale } from "../../client/i18n";
import { listSaved, TrackingDb } from "../../client/tracking/store";
import {
  amountOf,
  buildComplaint,
  buildSurvey,
  type ComplaintDraft,
  complaintProblems,
  emptySurvey,
  missingElements,
  surveyProblems,
} from "../../client/voice/validate";
import {
  ComplaintSubmission,
  MAX_REPORTER_CONTACT,
  MAX_REPORTER_NAME,
  MAX_TRACKING_INPUT,
  type PublicComplaintStatus,
} from "../../shared/api/complaints";
import { SurveySubmission } from "../../shared/api/skm";
import { SKM_ELEMENT_IDS } from "../../shared/skm/questionnaire";
import { newTrackingNumber } from "../../shared/tracking/number";

afterEach(() => {
  locale.value = "id";
});

const uuid = "00000000-0000-4000-8000-000000000001";
const allAnswered = Object.fromEntries(SKM_ELEMENT_IDS.map((id, i) => [id, (i % 4) + 1]));

describe("survey validation", () => {
  it("names the unanswered questions by number and element, in Indonesian and English", () => {
    const draft = { ...emptySurvey(), answers: { ...allAnswered } };
    delete draft.answers.U2;
    delete draft.answers.U9;
    expect(missingElements(draft.answers)).toEqual(["U2", "U9"]);
    const problems = surveyProblems(draft, false);
    expect(problems.missing).toEqual(["U2", "U9"]);
    expect(problems.summary).toBe(
      "Belum dijawab: 2. Sistem, mekanisme, dan prosedur, 9. Sarana dan prasarana. Pilih satu jawaban untuk setiap pertanyaan.",
    );
    locale.value = "en";
    expect(surveyProblems(draft, false).summary).toContain("Not answered yet: 2. System, mechanism and procedure");
  });

  it("asks for the office only without a file, and builds a submission the server's schema accepts", () => {
    const draft = { ...emptySurvey(), answers: allAnswered, suggestion: "  Antrean lebih rapi  " };
    expect(surveyProblems(draft, true).office).toBe("Pilih kantor yang melayani Anda.");
    expect(surveyProblems(draft, false).summary).toBeUndefined();
    const withFile = buildSurvey(
      { ...draft, kecamatanCode: "31.75.07", profile: { sex: "P" } },
      { id: uuid, trackingNumber: "DRN-7K4MX-2QP9A", channel: "cadre-phone", now: new Date() },
    );
    expect(SurveySubmission.parse(withFile)).toEqual(withFile);
    // The file names the office: it is not sent twice.
    expect(withFile.kecamatanCode).toBeUndefined();
    expect(withFile.suggestion).toBe("Antrean lebih rapi");
    const atOffice = buildSurvey(
      { ...draft, kecamatanCode: "31.75.07", guideId: "surat-keterangan-domisili", suggestion: "" },
      { id: uuid, trackingNumber: null, channel: "office", now: new Date() },
    );
    expect(SurveySubmission.parse(atOffice)).toMatchObject({
      kecamatanCode: "31.75.07",
      guideId: "surat-keterangan-domisili",
    });
    expect(atOffice).not.toHaveProperty("suggestion");
  });
});

function complaintDraft(overrides: Partial<ComplaintDraft> = {}): ComplaintDraft {
  return {
    description: "Petugas meminta uang Rp 50.000.",
    happenedOn: "2026-12-01",
    placeKind: "office",
    kecamatanCode: "31.75.07",
    kelurahanCode: "",
    guideId: "",
    trackingNumber: "",
    category: "biaya",
    amount: "Rp 50.000",
    anonymous: false,
    confidential: false,
    name: "",
    contact: "",
    evidence: [],
    ...overrides,
  };
}

describe("complaint validation", () => {
  it("names each problem in the user's language", () => {
    const problems = complaintProblems(
      complaintDraft({
        description: "  ",
        happenedOn: "2026-12-09",
        placeKind: "kelurahan",
        trackingNumber: "DRN-7K4MX",
        amount: "",
      }),
      "2026-12-02",
    );
    expect(problems).toEqual({
      description: "Ceritakan apa yang terjadi.",
      happenedOn: "Tanggalnya belum lewat. Pilih hari ini atau sebelumnya.",
      place: "Pilih tempat kejadian.",
      trackingNumber: expect.stringContaining("13 huruf dan angka"),
      amount: "Tulis jumlah yang diminta, dalam Rupiah.",
    });
    locale.value = "en";
    expect(complaintProblems(complaintDraft({ category: "" }), "2026-12-02")).toEqual({
      category: "Choose the kind of complaint.",
    });
    expect(complaintProblems(complaintDraft(), "2026-12-01")).toEqual({});
  });

  it("refuses a date more than two years back, with the server's rule", () => {
    expect(complaintProblems(complaintDraft({ happenedOn: "2024-12-02" }), "2026-12-02")).toEqual({});
    expect(complaintProblems(complaintDraft({ happenedOn: "2024-12-01" }), "2026-12-02")).toEqual({
      happenedOn: "Tanggalnya lebih dari 2 tahun yang lalu. Periksa tahunnya, atau sampaikan langsung ke kantor.",
    });
  });

  it("sends no photo evidence with an anonymous complaint", () => {
    const photo = { sha256: "a".repeat(64), mime: "image/webp" as const, data: new ArrayBuffer(10) };
    const named = buildComplaint(complaintDraft({ evidence: [photo] }), {
      id: uuid,
      channel: "cadre-phone",
      now: new Date(),
    });
    expect(named.evidence).toEqual([{ sha256: photo.sha256, mime: "image/webp", bytes: 10 }]);
    const anonymous = buildComplaint(complaintDraft({ evidence: [photo], anonymous: true }), {
      id: uuid,
      channel: "cadre-phone",
      now: new Date(),
    });
    expect(anonymous.evidence).toEqual([]);
  });

  it("takes a reporter and a typed number up to the shared lengths, and no longer", () => {
    const base = buildComplaint(complaintDraft(), { id: uuid, channel: "citizen-phone", now: new Date() });
    const fits = (reporter: { name?: string; contact?: string }, trackingNumber?: string) =>
      ComplaintSubmission.safeParse({ ...base, reporter, ...(trackingNumber ? { trackingNumber } : {}) }).success;
    expect(fits({ name: "a".repeat(MAX_REPORTER_NAME) })).toBe(true);
    expect(fits({ name: "a".repeat(MAX_REPORTER_NAME + 1) })).toBe(false);
    expect(fits({ contact: "1".repeat(MAX_REPORTER_CONTACT) })).toBe(true);
    expect(fits({ contact: "1".repeat(MAX_REPORTER_CONTACT + 1) })).toBe(false);
    expect(fits({}, "A".repeat(MAX_TRACKING_INPUT))).toBe(true);
    expect(fits({}, "A".repeat(MAX_TRACKING_INPUT + 1))).toBe(false);
  });

  it("reads Indonesian amounts and refuses none", () => {
    expect(amountOf("Rp 50.000")).toBe(50000);
    expect(amountOf("1.250.000")).toBe(1250000);
    expect(amountOf("0")).toBeNull();
    expect(amountOf("lima puluh")).toBeNull();
  });

  it("sends nothing about an anonymous reporter, and the schema accepts what it builds", () => {
    const number = newTrackingNumber("DRN", (n) => new Uint8Array(n).map((_, k) => (k * 5 + 3) % 31));
    const anonymous = buildComplaint(
      complaintDraft({ anonymous: true, name: "Siti", contact: "0812", trackingNumber: number.toLowerCase() }),
      { id: uuid, channel: "citizen-phone", now: new Date() },
    );
    expect(anonymous).not.toHaveProperty("reporter");
    expect(anonymous.trackingNumber).toBe(number);
    expect(anonymous.amountAsked).toBe(50000);
    expect(ComplaintSubmission.parse(anonymous)).toEqual(anonymous);
    const named = buildComplaint(
      complaintDraft({ category: "perilaku", name: " Siti ", placeKind: "kelurahan", kelurahanCode: "31.75.07.1001" }),
      { id: uuid, channel: "cadre-phone", now: new Date() },
    );
    expect(named.reporter).toEqual({ name: "Siti" });
    expect(named).not.toHaveProperty("amountAsked");
    expect(named.place).toEqual({ kind: "kelurahan", kelurahanCode: "31.75.07.1001" });
    expect(ComplaintSubmission.safeParse(named).success).toBe(true);
  });
});

describe("/lacak store v2", () => {
  it("keeps the rows a version-1 database held, and saves complaint statuses beside them", async () => {
    const name = "lacak-upgrade-test";
    const old = new Dexie(name);
    old.version(1).stores({ lookups: "number, openedAt" });
    const file = {
      number: "DRN-7K4MX-2QP9A",
      service: { id: "surat-keterangan-domisili", title: { id: "Domisili", en: "Domicile" } },
      office: { name: { id: "Kantor", en: "Office" }, area: null },
      status: "approved",
      applicantInitials: "S. A.",
      steps: [],
      fixes: [],
      officeNote: null,
      clock: null,
      closedDates: [],
      asOf: "2026-12-01T03:00:00.000Z",
    };
    const at = "2026-12-01T03:00:00.000Z";
    await old.table("lookups").put({ number: file.number, status: file, fetchedAt: at, openedAt: at });
    old.close();
    const db = new TrackingDb(name);
    const complaint: PublicComplaintStatus = {
      kind: "complaint",
      number: "ADU-7K4MX-2QP9A",
      category: "biaya",
      office: { name: { id: "PTSP Kecamatan", en: "District office" }, area: null },
      status: "done",
      statusText: { id: "Selesai", en: "Done" },
      steps: [{ status: "received", at }],
      answer: "Petugas sudah ditegur.",
      referral: null,
      clock: null,
      clockNow: null,
      closedDates: [],
      asOf: at,
    };
    const { saveLookup } = await import("../../client/tracking/store");
    await saveLookup(complaint, new Date("2026-12-02T03:00:00.000Z"), { db });
    const rows = await listSaved(db);
    expect(rows.map((row) => [row.number, row.kind])).toEqual([
      ["ADU-7K4MX-2QP9A", "complaint"],
      ["DRN-7K4MX-2QP9A", "file"],
    ]);
    await db.delete();
  });
});
