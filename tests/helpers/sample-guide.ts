import type { GuideInput } from "../../shared/guide";

/** A small valid guide for tests that must not depend on the seeded catalogue's content. */
export function sampleGuide(overrides: Partial<GuideInput> = {}): GuideInput {
  return {
    id: "surat-contoh",
    version: 1,
    title: { id: "Surat Keterangan Contoh", en: "Sample Certificate" },
    summary: { id: "Surat untuk pengujian.", en: "A certificate for tests." },
    category: "kependudukan",
    office: { name: { id: "Kantor Kelurahan", en: "Kelurahan office" }, level: "kelurahan" },
    legalBasis: ["UU 25/2009 tentang Pelayanan Publik"],
    fee: { amount: 0 },
    serviceTime: { workingDays: 1 },
    product: { id: "Surat keterangan", en: "A certificate" },
    steps: [{ id: "Datang ke kelurahan.", en: "Go to the kelurahan office." }],
    submission: { channels: ["in-person"], where: { id: "Loket PTSP kelurahan", en: "PTSP counter" } },
    complaint: { id: "SP4N-LAPOR!", en: "SP4N-LAPOR!" },
    questions: [{ id: "diwakilkan", kind: "yes-no", text: { id: "Diwakilkan?", en: "Represented?" } }],
    requirements: [
      { id: "ktp", kind: "document", label: { id: "KTP-el", en: "Identity card" } },
      {
        id: "surat-kuasa",
        kind: "statement",
        label: { id: "Surat kuasa", en: "Power of attorney" },
        acceptance: { stamped: true },
        when: { q: "diwakilkan", is: true },
      },
    ],
    source: { note: "Contoh untuk pengujian otomatis.", needsOfficeConfirmation: true },
    ...overrides,
  };
}
