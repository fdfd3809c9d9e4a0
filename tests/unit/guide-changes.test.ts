import { describe, expect, it } from "vitest";
import { changeLine, noticeLines } from "../../client/drafts/change-text";
import { officeHasFile } from "../../client/drafts/office-file";
import { locale } from "../../client/i18n";
import { Guide } from "../../shared/guide";
import {
  guideChanges,
  infoChanges,
  mustMoveBeforeSubmit,
  requirementChanges,
  wireChanges,
} from "../../shared/guide-changes";
import { GuideChange } from "../../shared/sync/protocol";
import { sampleGuide } from "../helpers/sample-guide";

const adult = {
  id: "umur-minimal",
  date: "applicant.birthDate",
  minYears: 17,
  message: { id: "Pemohon minimal berumur 17 tahun.", en: "The applicant must be at least 17." },
} as const;
const notYetMarried = {
  id: "belum-menikah",
  when: { q: "diwakilkan", is: true },
  message: { id: "Tidak untuk yang sudah menikah.", en: "Not for those already married." },
} as const;

const v1 = Guide.parse(sampleGuide({ residency: "kelurahan", eligibility: [adult, notYetMarried] }));

describe("what changed between two guide versions", () => {
  it("names changed eligibility rules, residency and questions, after the requirements", () => {
    const v2 = Guide.parse(
      sampleGuide({
        version: 2,
        residency: "kecamatan",
        requirements: [(sampleGuide().requirements ?? [])[0] ?? { id: "x", kind: "document", label: v1.title }],
        eligibility: [
          { ...adult, minYears: 18, message: { id: "Pemohon minimal 18 tahun.", en: "At least 18." } },
          {
            id: "tanggal-acara",
            date: "applicant.birthDate",
            maxDaysAgo: -14,
            message: { id: "Ajukan 14 hari kerja sebelum acara.", en: "Apply 14 working days before the event." },
          },
        ],
        questions: [
          { id: "diwakilkan", kind: "yes-no", text: { id: "Diwakilkan orang lain?", en: "Represented?" } },
          { id: "punya-npwp", kind: "yes-no", text: { id: "Punya NPWP?", en: "Has a tax number?" } },
        ],
      }),
    );
    expect(wireChanges(v1, v2)).toEqual([
      { kind: "removed", requirementId: "surat-kuasa" },
      { kind: "changed", eligibilityId: "umur-minimal" },
      { kind: "added", eligibilityId: "tanggal-acara" },
      { kind: "removed", eligibilityId: "belum-menikah" },
      { kind: "changed", residency: { from: "kelurahan", to: "kecamatan" } },
      { kind: "changed", questionId: "diwakilkan" },
      { kind: "added", questionId: "punya-npwp" },
    ]);
    // The protocol carries every shape the shared code makes.
    for (const change of wireChanges(v1, v2)) expect(GuideChange.parse(change)).toEqual(change);
    // The requirement list alone is what it was.
    expect(requirementChanges(v1, v2).map((c) => [c.kind, c.requirement.id])).toEqual([["removed", "surat-kuasa"]]);
  });

  it("says a residency rule was set or lifted, and nothing for another fee", () => {
    const open = Guide.parse(sampleGuide({ version: 2, residency: undefined, eligibility: [adult, notYetMarried] }));
    expect(wireChanges(v1, open)).toEqual([{ kind: "changed", residency: { from: "kelurahan", to: null } }]);
    expect(wireChanges(open, v1)).toEqual([{ kind: "changed", residency: { from: null, to: "kelurahan" } }]);
    expect(wireChanges(v1, Guide.parse({ ...v1, version: 2, fee: { amount: 5000 } }))).toEqual([]);
  });

  it("is shown in Indonesian and in English", () => {
    const v2 = Guide.parse(
      sampleGuide({
        version: 2,
        residency: "kecamatan",
        eligibility: [adult],
        questions: [
          ...(sampleGuide().questions ?? []),
          { id: "punya-npwp", kind: "yes-no", text: { id: "Punya NPWP?", en: "Has a tax number?" } },
        ],
      }),
    );
    const lines = () => guideChanges(v1, v2).map(changeLine);
    try {
      locale.value = "id";
      expect(lines()).toEqual([
        "Aturan tidak berlaku lagi: Tidak untuk yang sudah menikah.",
        "Kini untuk warga yang tinggal di kecamatan kantor (sebelumnya kelurahan).",
        "Pertanyaan baru: Punya NPWP?",
      ]);
      locale.value = "en";
      expect(lines()).toEqual([
        "Rule no longer applies: Not for those already married.",
        "Now for residents of the office's kecamatan (before: kelurahan).",
        "New question: Has a tax number?",
      ]);
    } finally {
      locale.value = "id";
    }
  });
});

describe("what changed, in words with the values before and after", () => {
  const pengantar = {
    id: "pengantar-rt-rw",
    kind: "document",
    label: { id: "Surat pengantar RT dan RW", en: "RT/RW covering letter" },
    acceptance: { form: "original", maxAgeDays: 30 },
    minPages: 1,
  } as const;
  const base = sampleGuide();
  const before = Guide.parse(sampleGuide({ requirements: [...(base.requirements ?? []), pengantar] }));
  const texts = (pinned: Guide, latest: Guide) => noticeLines(pinned, latest).map((line) => line.text);
  // Intl puts a no-break space between "Rp" and the amount.
  const rp = (text: string) => text.replace(/Rp /g, "Rp\u00a0");

  function withLocale<T>(lang: "id" | "en", run: () => T): T {
    locale.value = lang;
    try {
      return run();
    } finally {
      locale.value = "id";
    }
  }

  it("names a shorter validity with both numbers, and not as a mere 'changed'", () => {
    const after = Guide.parse({
      ...before,
      version: 2,
      requirements: before.requirements.map((r) =>
        r.id === "pengantar-rt-rw" ? { ...r, acceptance: { ...r.acceptance, maxAgeDays: 14 } } : r,
      ),
    });
    expect(requirementChanges(before, after)).toEqual([
      expect.objectContaining({ kind: "changed", details: [{ field: "maxAgeDays", from: 30, to: 14 }] }),
    ]);
    expect(withLocale("id", () => texts(before, after))).toEqual([
      "Masa berlaku Surat pengantar RT dan RW: 30 → 14 hari",
    ]);
    expect(withLocale("en", () => texts(before, after))).toEqual(["RT/RW covering letter valid for: 30 → 14 days"]);
    // A limit lifted is said in words, not as a blank.
    const unlimited = Guide.parse({
      ...after,
      requirements: after.requirements.map((r) =>
        r.id === "pengantar-rt-rw" ? { ...r, acceptance: { form: "original" as const } } : r,
      ),
    });
    expect(withLocale("id", () => texts(after, unlimited))).toEqual([
      "Masa berlaku Surat pengantar RT dan RW: 14 hari → tanpa batas",
    ]);
  });

  it("says the fee in Rupiah as Intl id-ID writes it, and the service time in working days", () => {
    const after = Guide.parse({ ...before, version: 2, fee: { amount: 10_000 }, serviceTime: { workingDays: 3 } });
    expect(infoChanges(before, after)).toEqual([{ fee: { from: 0, to: 10_000 } }, { workingDays: { from: 1, to: 3 } }]);
    // The fee decides no file: the server's list of changes stays empty.
    expect(wireChanges(before, after)).toEqual([]);
    expect(withLocale("id", () => texts(before, after))).toEqual([
      rp("Biaya: Rp 0 → Rp 10.000"),
      "Lama layanan: 1 → 3 hari kerja",
    ]);
    expect(withLocale("en", () => texts(before, after))).toEqual([
      rp("Fee: Rp 0 → Rp 10.000"),
      "Processing time: 1 → 3 working days",
    ]);
    const sameDay = Guide.parse({ ...before, version: 2, serviceTime: { workingDays: 0 } });
    expect(withLocale("id", () => texts(before, sameDay))).toEqual([
      "Lama layanan: 1 hari kerja → selesai hari itu juga",
    ]);
    expect(withLocale("en", () => texts(sameDay, before))).toEqual(["Processing time: same day → 1 working day"]);
  });

  it("names an added and a removed requirement, and a condition in the question's own words", () => {
    const withoutKuasa = Guide.parse({
      ...before,
      requirements: before.requirements.filter((r) => r.id !== "surat-kuasa"),
    });
    expect(withLocale("id", () => texts(withoutKuasa, before))).toEqual(["Syarat baru: Surat kuasa"]);
    expect(withLocale("id", () => texts(before, withoutKuasa))).toEqual(["Tidak diperlukan lagi: Surat kuasa"]);
    expect(withLocale("en", () => texts(withoutKuasa, before))).toEqual(["New requirement: Power of attorney"]);

    const always = Guide.parse({
      ...before,
      version: 2,
      requirements: before.requirements.map((r) => {
        if (r.id !== "surat-kuasa") return r;
        const { when: _when, ...rest } = r;
        return { ...rest, acceptance: {} };
      }),
    });
    expect(withLocale("id", () => texts(before, always))).toEqual([
      "Surat kuasa tidak perlu bermeterai lagi",
      "Surat kuasa kini selalu diperlukan",
    ]);
    expect(withLocale("id", () => texts(always, before))).toEqual([
      "Surat kuasa kini harus bermeterai",
      "Surat kuasa kini hanya diperlukan jika “Diwakilkan?” → Ya",
    ]);
  });

  it("falls back to 'Berubah' when only wording the cadre does not act on changed", () => {
    const reworded = Guide.parse({
      ...before,
      version: 2,
      requirements: before.requirements.map((r) =>
        r.id === "ktp" ? { ...r, obtainFrom: { id: "Dukcapil", en: "Civil registry" } } : r,
      ),
    });
    expect(withLocale("id", () => texts(before, reworded))).toEqual(["Berubah: KTP-el"]);
  });
});

describe("must a draft move to the current version before submit?", () => {
  const binding = { minSubmitVersion: 2 };

  it("only when a binding version outdated it and the office has never had the file", () => {
    expect(mustMoveBeforeSubmit(binding, 1, false)).toBe(true);
    // Sent back for a fix (or submitted): the office reviews it on the version it came with.
    expect(mustMoveBeforeSubmit(binding, 1, true)).toBe(false);
    expect(mustMoveBeforeSubmit(binding, 2, false)).toBe(false);
    expect(mustMoveBeforeSubmit({}, 1, false)).toBe(false);
  });

  it("reads 'the office has the file' on the phone from the pull, or a submit gone out unrefused", () => {
    const draft = { status: "draft" as const };
    const ready = { status: "ready" as const };
    expect(officeHasFile(draft, { remoteStatus: "needs-fix", waiting: false, refused: false })).toBe(true);
    expect(officeHasFile(draft, { remoteStatus: "draft", waiting: false, refused: false })).toBe(false);
    expect(officeHasFile(draft, { waiting: false, refused: false })).toBe(false);
    expect(officeHasFile(ready, { waiting: false, refused: false })).toBe(true);
    expect(officeHasFile(ready, { waiting: true, refused: false })).toBe(false);
    expect(officeHasFile(ready, { waiting: false, refused: true })).toBe(false);
  });
});
