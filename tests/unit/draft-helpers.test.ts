import { describe, expect, it } from "vitest";
import { handoverText } from "../../client/drafts/handover-text";
import { Draft } from "../../shared/draft";
import { Guide } from "../../shared/guide";
import { requirementChanges } from "../../shared/guide-changes";
import { precheck } from "../../shared/precheck";
import { createRegionIndex } from "../../shared/regions";
import { sampleGuide } from "../helpers/sample-guide";

const v1 = Guide.parse(sampleGuide());

describe("requirement changes between guide versions", () => {
  it("lists added, changed and removed requirements, and nothing when only other fields changed", () => {
    const v2 = Guide.parse(
      sampleGuide({
        version: 2,
        fee: { amount: 5000 },
        requirements: [
          { id: "ktp", kind: "document", label: { id: "KTP-el asli", en: "Original identity card" } },
          { id: "pengantar-rt", kind: "document", label: { id: "Surat pengantar RT", en: "RT letter" } },
        ],
      }),
    );
    expect(requirementChanges(v1, v2).map((c) => [c.kind, c.requirement.id])).toEqual([
      ["changed", "ktp"],
      ["added", "pengantar-rt"],
      ["removed", "surat-kuasa"],
    ]);
    expect(requirementChanges(v1, Guide.parse(sampleGuide({ version: 2, fee: { amount: 5000 } })))).toEqual([]);
  });
});

describe("handover summary", () => {
  it("says what is complete, what is missing and why, the fee and where to go", () => {
    const draft = Draft.parse({
      id: "0190f5a4-7b1c-7cc3-9a2e-3f4b5c6d7e8f",
      guideId: v1.id,
      guideVersion: 1,
      applicant: { fullName: "Siti Aminah" },
      answers: { diwakilkan: false },
      documents: {
        ktp: { pages: [{ blobId: "b1", mime: "image/jpeg", bytes: 10, addedAt: "2026-11-23T00:00:00.000Z" }] },
      },
      createdAt: "2026-11-23T00:00:00.000Z",
      updatedAt: "2026-11-23T00:00:00.000Z",
    });
    const result = precheck(v1, draft, { today: "2026-11-23", regions: createRegionIndex() });
    const text = handoverText(v1, draft, result, "id");
    expect(text).toContain("*Surat Keterangan Contoh*");
    expect(text).toContain("Siti Aminah");
    expect(text).toMatch(/Sudah lengkap:\n✔ KTP-el/);
    expect(text).toContain("Masih kurang:");
    expect(text).toContain("Biaya resmi: Gratis");
    expect(text).toContain("Tempat: Kantor Kelurahan — Loket PTSP kelurahan");
    expect(text).not.toContain("Surat kuasa");
  });
});
