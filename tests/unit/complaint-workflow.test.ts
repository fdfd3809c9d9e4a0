import { describe, expect, it } from "vitest";
import type { ComplaintDetail } from "../../shared/api/complaints";
import {
  type ComplaintReader,
  isComplaintHandler,
  mayGrantComplaintHandling,
  mayHandleComplaint,
  mayOpenComplaints,
  mayReadComplaint,
  maySeeComplaintCounts,
} from "../../shared/complaints/access";
import { REFERRAL_CHANNELS } from "../../shared/complaints/categories";
import { earliestHappenedOn, happenedOnProblem } from "../../shared/complaints/dates";
import { complaintHandoverText } from "../../shared/complaints/handover";
import {
  COMPLAINT_STATUSES,
  type ComplaintStatus,
  canMoveComplaint,
  closingProblem,
  isComplaintClosed,
  nextComplaintStatuses,
} from "../../shared/complaints/workflow";

/** The complaint workflow, who reads and handles what, and the hand-over text (issue 14). */

describe("transitions", () => {
  // The whole table: from → the statuses it may move to.
  const ALLOWED: Record<ComplaintStatus, ComplaintStatus[]> = {
    received: ["in-progress", "done", "not-authority"],
    "in-progress": ["done", "not-authority"],
    done: [],
    "not-authority": [],
  };
  for (const from of COMPLAINT_STATUSES) {
    for (const to of COMPLAINT_STATUSES) {
      const allowed = ALLOWED[from].includes(to);
      it(`${from} → ${to}: ${allowed ? "allowed" : "refused"}`, () => {
        expect(canMoveComplaint(from, to)).toBe(allowed);
      });
    }
    it(`${from} lists exactly its next statuses and is closed when it has none`, () => {
      expect([...nextComplaintStatuses(from)]).toEqual(ALLOWED[from]);
      expect(isComplaintClosed(from)).toBe(ALLOWED[from].length === 0);
    });
  }

  it("closing needs an answer, and not-authority also where to go", () => {
    expect(closingProblem("in-progress", undefined, undefined)).toBeNull();
    expect(closingProblem("done", undefined, undefined)).toBe("answer");
    expect(closingProblem("done", "   ", undefined)).toBe("answer");
    expect(closingProblem("done", "Sudah ditindak.", null)).toBeNull();
    expect(closingProblem("not-authority", null, "LAPOR!")).toBe("answer");
    expect(closingProblem("not-authority", "Bukan wewenang kami.", " ")).toBe("referral");
    expect(closingProblem("not-authority", "Bukan wewenang kami.", "LAPOR!")).toBeNull();
  });
});

describe("who reads and handles complaints", () => {
  const here = { kecamatanCode: "31.75.07", confidential: false };
  const secret = { kecamatanCode: "31.75.07", confidential: true };
  const readers: [
    string,
    ComplaintReader,
    { read: boolean; secret: boolean; handle: boolean; counts: boolean; open: boolean },
  ][] = [
    [
      "cadre",
      { role: "cadre", kecamatanCode: "31.75.07" },
      { read: false, secret: false, handle: false, counts: false, open: false },
    ],
    [
      "cadre marked a handler",
      { role: "cadre", kecamatanCode: "31.75.07", handlesComplaints: true },
      { read: false, secret: false, handle: false, counts: false, open: false },
    ],
    [
      "operator",
      { role: "operator", kecamatanCode: "31.75.07" },
      { read: false, secret: false, handle: false, counts: true, open: false },
    ],
    [
      "handler of the kecamatan",
      { role: "operator", kecamatanCode: "31.75.07", handlesComplaints: true },
      { read: true, secret: true, handle: true, counts: true, open: true },
    ],
    [
      "handler of another kecamatan",
      { role: "operator", kecamatanCode: "31.71.01", handlesComplaints: true },
      { read: false, secret: false, handle: false, counts: true, open: true },
    ],
    [
      "admin",
      { role: "admin", kecamatanCode: null },
      { read: true, secret: false, handle: false, counts: true, open: true },
    ],
    [
      "admin handler",
      { role: "admin", kecamatanCode: null, handlesComplaints: true },
      { read: true, secret: true, handle: true, counts: true, open: true },
    ],
  ];
  for (const [name, reader, expected] of readers) {
    it(name, () => {
      expect(mayReadComplaint(reader, here)).toBe(expected.read);
      expect(mayReadComplaint(reader, secret)).toBe(expected.secret);
      expect(mayHandleComplaint(reader, here)).toBe(expected.handle);
      expect(mayHandleComplaint(reader, secret)).toBe(expected.handle);
      expect(maySeeComplaintCounts(reader)).toBe(expected.counts);
      // Opening the queue: handlers (within reach: another kecamatan's handler opens an empty one) and admins.
      expect(mayOpenComplaints(reader)).toBe(expected.open);
      expect(isComplaintHandler(reader)).toBe(expected.open && reader.handlesComplaints === true);
      // Whoever reads a complaint may open the queue it is in.
      if (expected.read) expect(mayOpenComplaints(reader)).toBe(true);
    });
  }

  it("only admins grant the role, and only to operators and admins", () => {
    for (const actor of ["cadre", "operator", "admin"]) {
      for (const target of ["cadre", "operator", "admin"]) {
        expect(mayGrantComplaintHandling({ role: actor }, { role: target })).toBe(
          actor === "admin" && target !== "cadre",
        );
      }
    }
  });
});

describe("when a complaint's event may have happened", () => {
  it("takes today back to two years before, and tomorrow for a clock ahead", () => {
    expect(happenedOnProblem("2026-12-07", "2026-12-07")).toBeNull();
    expect(happenedOnProblem("2026-12-08", "2026-12-07")).toBeNull();
    expect(happenedOnProblem("2026-12-09", "2026-12-07")).toBe("future");
    expect(happenedOnProblem("2024-12-07", "2026-12-07")).toBeNull();
    expect(happenedOnProblem("2024-12-06", "2026-12-07")).toBe("too-old");
    expect(happenedOnProblem("0001-01-01", "2026-12-07")).toBe("too-old");
  });

  it("counts back from 29 February to 28 February", () => {
    expect(earliestHappenedOn("2028-02-29")).toBe("2026-02-28");
    expect(earliestHappenedOn("2027-01-01")).toBe("2025-01-01");
  });
});

describe("the hand-over text", () => {
  const base: ComplaintDetail = {
    id: "0b9a7c3e-8a4f-4b0e-9d57-3f1c2a7b9e10",
    number: "ADU-7KQ4-M2XP-9",
    category: "biaya",
    status: "in-progress",
    kecamatanCode: "31.75.07",
    kelurahanCode: "31.75.07.1001",
    guideId: "surat-keterangan-domisili",
    anonymous: false,
    confidential: false,
    amountAsked: 150_000,
    officialFee: 0,
    assignee: null,
    clockNow: null,
    receivedAt: "2026-12-07T03:00:00.000Z",
    version: 3,
    description: "Petugas meminta uang Rp 150.000 agar surat cepat selesai.",
    happenedOn: "2026-12-01",
    place: { kind: "kelurahan", kelurahanCode: "31.75.07.1001" },
    trackingNumber: "DRN-4HJK-7PQR-2",
    evidence: [{ sha256: "a".repeat(64), mime: "image/jpeg", bytes: 1000 }],
    reporter: { name: "Budi Santoso", contact: "081299990000", cadre: "Kader Sari" },
    answer: null,
    referral: null,
    events: [],
    clock: null,
  };

  for (const channel of REFERRAL_CHANNELS.map((item) => item.id)) {
    it(`carries the number, category, amounts, date and place for ${channel}`, () => {
      const text = complaintHandoverText(base, channel);
      expect(text).toContain("ADU-7KQ4-M2XP-9");
      expect(text).toContain("Biaya/pungutan di luar tarif resmi");
      expect(text).toContain("Rp 150.000");
      expect(text).toContain("Rp 0 (gratis)");
      expect(text).toContain("1 Desember 2026");
      expect(text).toContain("Kecamatan ");
      expect(text).toContain("Kelurahan ");
      expect(text).toContain(REFERRAL_CHANNELS.find((item) => item.id === channel)?.name);
      expect(text).toContain(base.description);
    });
  }

  it("names the reporter of a complaint that is neither anonymous nor confidential", () => {
    const text = complaintHandoverText(base, "lapor");
    expect(text).toContain("Budi Santoso");
    expect(text).toContain("081299990000");
  });

  for (const change of [{ anonymous: true }, { confidential: true }, { anonymous: true, confidential: true }]) {
    it(`never names the reporter, the cadre or the file when ${Object.keys(change).join(" and ")}`, () => {
      // Even a detail that (wrongly) still held a reporter must not pass it on.
      const text = complaintHandoverText({ ...base, ...change }, "jaklapor");
      for (const secret of ["Budi", "0812", "Kader Sari", "DRN-4HJK-7PQR-2"]) expect(text).not.toContain(secret);
      expect(text).toContain("ADU-7KQ4-M2XP-9");
      expect(text).toContain("Rp 150.000");
    });
  }

  it("leaves the amounts out of other categories and uses a service title when given", () => {
    const text = complaintHandoverText(
      { ...base, category: "perilaku", amountAsked: null, officialFee: 0 },
      "ombudsman",
      { serviceTitle: "Surat Keterangan Domisili" },
    );
    expect(text).not.toContain("Tarif resmi");
    expect(text).toContain("Layanan: Surat Keterangan Domisili");
    expect(text).toContain("Perilaku petugas");
  });
});
