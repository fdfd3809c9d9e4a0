import { describe, expect, it } from "vitest";
import type { Draft } from "../../shared/draft";
import { changedParts, describeChanges, fingerprints, flagStands } from "../../shared/review/changes";
import { domisiliGuideFromSeed } from "./review-changes.fixture";

const guide = domisiliGuideFromSeed();

function withPage(draft: Draft, requirementId: string, sha: string): Draft {
  const page = {
    blobId: sha.slice(0, 8),
    sha256: sha,
    mime: "image/jpeg" as const,
    bytes: 10,
    addedAt: draft.createdAt,
  };
  return { ...draft, documents: { ...draft.documents, [requirementId]: { pages: [page], issuedOn: "" } } };
}

describe("what changed in a file since the office saw it", () => {
  const base: Draft = {
    id: "0190f5a4-7b1c-7cc3-9a2e-3f4b5c6d7e8f",
    guideId: guide.id,
    guideVersion: guide.version,
    applicant: {
      fullName: "Siti Aminah",
      nik: "3171015203900001",
      kk: "",
      birthDate: "",
      phone: "",
      address: { street: "", rt: "", rw: "", villageCode: "" },
    },
    answers: {},
    data: {},
    documents: {},
    officeAreaCode: "",
    status: "draft",
    createdAt: "2026-02-01T00:00:00.000Z",
    updatedAt: "2026-02-01T00:00:00.000Z",
    history: [],
  };
  const first = guide.requirements[0]?.id ?? "";
  const second = guide.requirements[1]?.id ?? "";

  it("names nothing when nothing changed", () => {
    const a = withPage(base, first, "a".repeat(64));
    expect(changedParts(fingerprints(guide, a), fingerprints(guide, structuredClone(a)))).toEqual([]);
  });

  it("names the requirement whose page was replaced, and only it", () => {
    const before = withPage(withPage(base, first, "a".repeat(64)), second, "b".repeat(64));
    const after = withPage(before, first, "c".repeat(64));
    expect(changedParts(fingerprints(guide, before), fingerprints(guide, after))).toEqual([`requirement:${first}`]);
    expect(flagStands(first, fingerprints(guide, before), fingerprints(guide, after))).toBe(false);
    expect(flagStands(second, fingerprints(guide, before), fingerprints(guide, after))).toBe(true);
  });

  it("names a changed answer, which decides the papers needed and who may apply", () => {
    const question = guide.questions[0]?.id ?? "";
    const after = { ...base, answers: { ...base.answers, [question]: true } };
    const changed = changedParts(fingerprints(guide, base), fingerprints(guide, after));
    expect(changed).toEqual([`answer:${question}`]);
    expect(describeChanges(changed)).toEqual([{ kind: "answer-changed", questionId: question }]);
  });

  it("names an edited applicant field without keeping its value", () => {
    const after = { ...base, applicant: { ...base.applicant, fullName: "Siti Aminah Lubis" } };
    const before = fingerprints(guide, base);
    expect(changedParts(before, fingerprints(guide, after))).toContain("applicant:fullName");
    expect(JSON.stringify(before)).not.toContain("3171015203900001");
    expect(JSON.stringify(before)).not.toContain("Siti");
  });
});
