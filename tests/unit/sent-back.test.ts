import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { LocalDb } from "../../client/db/local-db";
import { reasonTargets, targetHref } from "../../client/drafts/reason-target";
import { DraftRepository } from "../../client/drafts/repository";
import { sentBackView } from "../../client/drafts/sent-back";
import { Guide } from "../../shared/guide";
import { fieldsOf } from "../../shared/precheck/fields";
import type { Verdict } from "../../shared/sync/protocol";
import { sampleGuide } from "../helpers/sample-guide";
import { unlockTestVault } from "../helpers/test-vault";

// People's records are sealed: these tests work as a cadre whose vault is open.
unlockTestVault();

const guide = Guide.parse(sampleGuide());
const opened: Dexie[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function sentBack(decidedAt: string, requirements: Verdict["requirements"] = {}): Verdict {
  return { decision: "needs-fix", requirements, decidedAt, reasonCode: "other", reason: "Lihat catatan" };
}

const page = (sha: string) => ({
  data: new TextEncoder().encode(sha).buffer as ArrayBuffer,
  mime: "image/jpeg" as const,
});

async function sentBackDraft() {
  const db = new LocalDb(`sent-back-${Date.now()}-${Math.random()}`);
  opened.push(db);
  const repo = new DraftRepository(db);
  const id = await repo.create(guide);
  await repo.addPage(id, "ktp", page("blurred"));
  const verdict = sentBack("2026-03-01T08:00:00.000Z", { ktp: { status: "needs-fix", reasonCode: "blurry" } });
  await db.remote.put({ id, version: 3, status: "needs-fix", verdict, deleted: false, updatedAt: verdict.decidedAt });
  return { db, repo, id, remote: () => db.remote.get(id) };
}

describe("a file the office sent back", () => {
  it("keeps a flag standing until something on that requirement changes, then marks it answered", async () => {
    const { repo, id, remote } = await sentBackDraft();
    let draft = await repo.get(id);
    if (!draft) throw new Error("no draft");
    expect(sentBackView(guide, draft, await remote())).toMatchObject({
      flags: [{ requirementId: "ktp", reasonCode: "blurry", answered: false }],
      unchanged: true,
    });

    // An edit elsewhere records what the office saw, and the flag still stands.
    await repo.update(id, "applicant.fullName", (d) => {
      d.applicant.fullName = "Siti";
    });
    draft = await repo.get(id);
    expect(draft?.sentBack?.decidedAt).toBe("2026-03-01T08:00:00.000Z");
    if (!draft) throw new Error("no draft");
    expect(sentBackView(guide, draft, await remote())?.flags[0]?.answered).toBe(false);

    // A retaken page answers it.
    const blobId = draft.documents.ktp?.pages[0]?.blobId;
    await repo.addPage(id, "ktp", page("sharp"), blobId);
    draft = await repo.get(id);
    if (!draft) throw new Error("no draft");
    expect(sentBackView(guide, draft, await remote())).toMatchObject({
      flags: [{ requirementId: "ktp", answered: true }],
      unchanged: false,
    });
  });

  it("takes new fingerprints for a second send-back, so an old fix does not answer a new flag", async () => {
    const { db, repo, id } = await sentBackDraft();
    await repo.addPage(id, "ktp", page("second"));
    const again = sentBack("2026-03-05T08:00:00.000Z", { ktp: { status: "needs-fix", reasonCode: "cut-off" } });
    await db.remote.put({
      id,
      version: 5,
      status: "needs-fix",
      verdict: again,
      deleted: false,
      updatedAt: again.decidedAt,
    });
    const draft = await repo.get(id);
    if (!draft) throw new Error("no draft");
    expect(sentBackView(guide, draft, await db.remote.get(id))?.flags[0]?.answered).toBe(false);
  });

  it("asks before a resubmit when only a file-level reason was given and nothing changed", () => {
    const draft = {
      applicant: {
        fullName: "",
        nik: "",
        kk: "",
        birthDate: "",
        phone: "",
        address: { street: "", rt: "", rw: "", villageCode: "" },
      },
      documents: {},
      data: {},
    };
    const remote = { status: "needs-fix" as const, verdict: sentBack("2026-03-01T08:00:00.000Z") };
    expect(sentBackView(guide, draft, remote)).toMatchObject({ flags: [], unchanged: true, reasonCode: "other" });
    expect(sentBackView(guide, draft, { status: "received", verdict: null })).toBeUndefined();
  });
});

describe("where a reason takes the cadre", () => {
  it("names the field, then its card, for every kind of reason", () => {
    expect(reasonTargets({ field: "applicant.nik" })).toEqual([{ id: "applicant-nik" }, { id: "applicant-title" }]);
    expect(reasonTargets({ field: "applicant.sex" })[0]).toEqual({ id: "applicant-sex-male" });
    expect(reasonTargets({ field: "applicant.address.villageCode" }).slice(0, 3)).toEqual([
      { id: "applicant-village" },
      { id: "applicant-district" },
      { id: "applicant-regency" },
    ]);
    expect(reasonTargets({ field: "documents.ktp.issuedOn", requirementId: "ktp" })).toEqual([
      { id: "issued-ktp" },
      { id: "req-ktp" },
    ]);
    expect(reasonTargets({ field: "documents.ktp.pages.0", requirementId: "ktp" })[0]).toEqual({ id: "req-ktp" });
    expect(reasonTargets({ field: "answers.diwakilkan" })).toEqual([
      { name: "q-diwakilkan" },
      { id: "self-check-title" },
    ]);
    expect(targetHref(reasonTargets({ field: "answers.diwakilkan" }))).toBe("#self-check-title");
    expect(reasonTargets({ field: "officeAreaCode" })).toEqual([{ id: "office-district" }]);
  });

  it("shows a NIK that contradicts the sex or birth date at both fields", () => {
    expect(fieldsOf({ code: "nik-sex-mismatch", field: "applicant.nik" })).toEqual(["applicant.nik", "applicant.sex"]);
    expect(fieldsOf({ code: "nik-birth-date-mismatch", field: "applicant.nik" })).toEqual([
      "applicant.nik",
      "applicant.birthDate",
    ]);
    expect(fieldsOf({ code: "constructor", field: "applicant.nik" })).toEqual(["applicant.nik"]);
  });
});
