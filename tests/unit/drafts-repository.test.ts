import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { LocalDb } from "../../client/db/local-db";
import { adoptBindingVersions } from "../../client/drafts/binding";
import { DraftNotFoundError, DraftRepository, GuideOutdatedError } from "../../client/drafts/repository";
import { markAttempted } from "../../client/sync/outbox";
import { Guide } from "../../shared/guide";
import { sampleGuide } from "../helpers/sample-guide";
import { sealAsAfterPin, unlockTestVault } from "../helpers/test-vault";

// People's records are sealed: these tests work as a cadre whose vault is open.
unlockTestVault();

const guide = Guide.parse(sampleGuide());
const opened: Dexie[] = [];
let counter = 0;

function freshDb(): LocalDb {
  const db = new LocalDb(`test-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

describe("DraftRepository", () => {
  it("creates a draft pinned to the guide version, with a time-ordered UUIDv7", async () => {
    const repo = new DraftRepository(freshDb());
    const first = await repo.create(guide);
    const second = await repo.create(guide);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(first < second).toBe(true);
    const draft = await repo.get(first);
    expect(draft).toMatchObject({ guideId: guide.id, guideVersion: 1, status: "draft" });
    expect(await repo.pinnedGuide({ guideId: guide.id, guideVersion: 1 })).toEqual(guide);
  });

  it("saves every edit with a history entry naming the field, never its value", async () => {
    const repo = new DraftRepository(freshDb());
    const id = await repo.create(guide);
    await repo.update(id, "applicant.nik", (d) => {
      d.applicant.nik = "3171011203900001";
    });
    const draft = await repo.get(id);
    expect(draft?.applicant.nik).toBe("3171011203900001");
    expect(draft?.searchKey).toContain("3171011203900001");
    expect(JSON.stringify(draft?.history)).not.toContain("3171011203900001");
    expect(draft?.history.map((h) => h.action)).toEqual(["created", "applicant.nik"]);
  });

  it("refuses an edit that would store an invalid draft, leaving the stored one as it was", async () => {
    const repo = new DraftRepository(freshDb());
    const id = await repo.create(guide);
    await expect(
      repo.update(id, "applicant.fullName", (d) => {
        d.applicant.fullName = "x".repeat(500);
      }),
    ).rejects.toThrow();
    expect((await repo.get(id))?.applicant.fullName).toBe("");
  });

  it("adds, orders and removes pages in one transaction with their bytes", async () => {
    const db = freshDb();
    const repo = new DraftRepository(db);
    const id = await repo.create(guide);
    const bytes = (n: number) => new Uint8Array(n).fill(7).buffer;
    await repo.addPage(id, "ktp", {
      data: bytes(10),
      mime: "image/jpeg",
      thumbnail: { data: bytes(2), mime: "image/jpeg" },
    });
    const draft = await repo.addPage(id, "ktp", { data: bytes(20), mime: "application/pdf" });
    const pages = draft.documents.ktp?.pages ?? [];
    expect(pages.map((p) => p.bytes)).toEqual([10, 20]);
    expect(await db.blobs.count()).toBe(3);
    const [a, b] = pages;
    if (!a || !b) throw new Error("pages missing");
    const moved = await repo.movePage(id, "ktp", b.blobId, -1);
    expect(moved.documents.ktp?.pages.map((p) => p.blobId)).toEqual([b.blobId, a.blobId]);
    const retaken = await repo.addPage(id, "ktp", { data: bytes(30), mime: "image/webp" }, a.blobId);
    const afterRetake = retaken.documents.ktp?.pages ?? [];
    expect(afterRetake.map((p) => p.bytes)).toEqual([20, 30]);
    expect(await repo.pageData(a.blobId)).toBeUndefined();
    const c = afterRetake[1];
    if (!c) throw new Error("retake missing");
    await repo.removePage(id, "ktp", c.blobId);
    expect(await db.blobs.count()).toBe(1);
    expect((await repo.pageData(b.blobId))?.data.byteLength).toBe(20);
  });

  it("leaves the draft exactly as it was when a page write fails (e.g. a full disk)", async () => {
    const db = freshDb();
    const repo = new DraftRepository(db);
    const id = await repo.create(guide);
    const before = await repo.get(id);
    // Make the blob write fail inside the transaction, as QuotaExceededError would.
    db.blobs.hook("creating", () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    await expect(repo.addPage(id, "ktp", { data: new ArrayBuffer(8), mime: "image/jpeg" })).rejects.toThrow();
    expect(await repo.get(id)).toEqual(before);
    expect(await db.blobs.count()).toBe(0);
  });

  it("deletes with undo, and purges only after the undo window", async () => {
    let now = new Date("2026-11-23T10:00:00Z");
    const db = freshDb();
    const repo = new DraftRepository(db, () => now);
    const id = await repo.create(guide);
    await repo.addPage(id, "ktp", { data: new ArrayBuffer(4), mime: "image/jpeg" });
    await repo.softDelete(id);
    expect(await repo.get(id)).toBeUndefined();
    expect(await repo.list()).toEqual([]);
    await repo.undoDelete(id);
    expect((await repo.get(id))?.id).toBe(id);
    await repo.softDelete(id);
    expect(await repo.purgeDeleted()).toBe(0);
    now = new Date("2026-11-23T10:05:00Z");
    expect(await repo.purgeDeleted()).toBe(1);
    expect(await db.blobs.count()).toBe(0);
    await expect(repo.update(id, "x", () => {})).rejects.toBeInstanceOf(DraftNotFoundError);
  });

  it("lists newest first and finds drafts by name or NIK", async () => {
    let tick = 0;
    const repo = new DraftRepository(freshDb(), () => new Date(Date.UTC(2026, 10, 23, 10, 0, tick++)));
    for (const [name, nik] of [
      ["Siti Aminah", "3171015203900001"],
      ["Budi Santoso", "3172011203850002"],
      ["Ahmad Ridwan", "3173010101800003"],
    ] as const) {
      const id = await repo.create(guide);
      await repo.update(id, "applicant", (d) => {
        d.applicant.fullName = name;
        d.applicant.nik = nik;
      });
    }
    expect((await repo.list()).map((d) => d.applicant.fullName)).toEqual([
      "Ahmad Ridwan",
      "Budi Santoso",
      "Siti Aminah",
    ]);
    expect((await repo.list("budi")).map((d) => d.applicant.fullName)).toEqual(["Budi Santoso"]);
    expect((await repo.list("AMINAH")).map((d) => d.applicant.fullName)).toEqual(["Siti Aminah"]);
    expect((await repo.list("3172011")).map((d) => d.applicant.fullName)).toEqual(["Budi Santoso"]);
    expect(await repo.list("tidak ada")).toEqual([]);
  });

  it("copies an applicant into a new draft for another service", async () => {
    const repo = new DraftRepository(freshDb());
    const id = await repo.create(guide);
    const source = await repo.update(id, "applicant.fullName", (d) => {
      d.applicant.fullName = "Siti Aminah";
    });
    const other = Guide.parse(sampleGuide({ id: "layanan-lain" }));
    const copy = await repo.get(await repo.create(other, source.applicant));
    expect(copy).toMatchObject({ guideId: "layanan-lain", applicant: { fullName: "Siti Aminah" }, documents: {} });
  });
});

describe("the outbox", () => {
  it("records every change in the same transaction, coalescing unsent saves of one draft", async () => {
    const db = freshDb();
    const repo = new DraftRepository(db);
    const id = await repo.create(guide);
    for (const name of ["S", "Si", "Sit", "Siti"]) {
      await repo.update(id, "applicant.fullName", (d) => {
        d.applicant.fullName = name;
      });
    }
    const entries = await db.outbox.toArray();
    expect(entries.map((e) => [e.seq, e.name])).toEqual([[1, "putDraft"]]);
    const first = entries[0]?.args as { draft: { applicant: { fullName: string } } };
    expect(first.draft.applicant.fullName).toBe("Siti");

    // Once a push has included an entry, it is never changed again: the next save is a new entry.
    await db.transaction("rw", db.outbox, () => markAttempted(db, [{ seq: 1 }]));
    await repo.update(id, "applicant.nik", (d) => {
      d.applicant.nik = "3171015203900001";
    });
    await repo.update(id, "marked-ready", (d) => {
      d.status = "ready";
    });
    const after = await db.outbox.toArray();
    expect(after.map((e) => [e.seq, e.name])).toEqual([
      [1, "putDraft"],
      [2, "putDraft"],
      [3, "submitApplication"],
    ]);
    const sent = after[0]?.args as { draft: { applicant: { nik: string } } };
    expect(sent.draft.applicant.nik).toBe("");
    expect(new Set(after.map((e) => e.mutationId)).size).toBe(3);
  });

  it("stores each page's SHA-256 and never writes an outbox entry for a failed change", async () => {
    const db = freshDb();
    const repo = new DraftRepository(db);
    const id = await repo.create(guide);
    const draft = await repo.addPage(id, "ktp", { data: new TextEncoder().encode("abc").buffer, mime: "image/jpeg" });
    expect(draft.documents.ktp?.pages[0]?.sha256).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    const before = await db.outbox.toArray();
    await expect(
      repo.update(id, "applicant.fullName", (d) => {
        d.applicant.fullName = "x".repeat(500);
      }),
    ).rejects.toThrow();
    expect(await db.outbox.toArray()).toEqual(before);
  });
});

describe("guide versions the office makes binding", () => {
  // Version 2 adds a requirement and binds drafts not yet submitted.
  const v2 = Guide.parse(
    sampleGuide({
      version: 2,
      minSubmitVersion: 2,
      requirements: [
        ...(sampleGuide().requirements ?? []),
        { id: "pengantar-rt", kind: "document", label: { id: "Surat pengantar RT", en: "RT letter" } },
      ],
    }),
  );

  async function readyOnV1(repo: DraftRepository): Promise<string> {
    const id = await repo.create(guide);
    await repo.update(id, "marked-ready", (d) => {
      d.status = "ready";
    });
    return id;
  }

  it("moves drafts not yet with the office, checks them again, and leaves a submitted file alone", async () => {
    const db = freshDb();
    const repo = new DraftRepository(db);
    const working = await repo.create(guide);
    const waiting = await readyOnV1(repo); // its submit is still in the outbox
    const submitted = await readyOnV1(repo);
    await db.remote.put({
      id: submitted,
      version: 1,
      status: "submitted",
      verdict: null,
      deleted: false,
      updatedAt: new Date().toISOString(),
    });
    await db.outbox.where("draftId").equals(submitted).delete();
    // The catalogue brings the binding version.
    await db.guides.put(v2);

    expect((await adoptBindingVersions(db)).sort()).toEqual([working, waiting].sort());
    for (const id of [working, waiting]) {
      // The new requirement has no photo: the pre-check no longer passes, so it is a draft again.
      expect(await repo.get(id)).toMatchObject({ guideVersion: 2, status: "draft", officeChange: { from: 1, to: 2 } });
    }
    expect(await repo.pinnedGuide({ guideId: guide.id, guideVersion: 2 })).toEqual(v2);
    expect(await repo.get(submitted)).toMatchObject({ guideVersion: 1, status: "ready" });
    expect((await repo.get(submitted))?.officeChange).toBeUndefined();
    // The move is saved on the server like any edit.
    const last = (await db.outbox.where("draftId").equals(waiting).toArray()).at(-1);
    expect(last?.name).toBe("putDraft");
    expect((last?.args as { draft: { guideVersion: number } } | undefined)?.draft.guideVersion).toBe(2);
    // Nothing left to move.
    expect(await adoptBindingVersions(db)).toEqual([]);
  });

  it("keeps a ready draft ready and submits it again when it still passes on the new version", async () => {
    const db = freshDb();
    const repo = new DraftRepository(db);
    const id = await readyOnV1(repo);
    const moved = await repo.adoptOfficeVersion(id, v2, () => true);
    expect(moved).toMatchObject({ guideVersion: 2, status: "ready", officeChange: { from: 1, to: 2 } });
    const names = (await db.outbox.where("draftId").equals(id).toArray()).map((entry) => entry.name);
    expect(names.slice(-2)).toEqual(["putDraft", "submitApplication"]);
  });

  it("refuses 'siap diajukan' on a version the office no longer takes, and keeps the notice until it is seen", async () => {
    const db = freshDb();
    const repo = new DraftRepository(db);
    const id = await repo.create(guide);
    await db.guides.put(v2);
    await expect(
      repo.update(id, "marked-ready", (d) => {
        d.status = "ready";
      }),
    ).rejects.toBeInstanceOf(GuideOutdatedError);
    expect((await repo.get(id))?.status).toBe("draft");

    await repo.moveToGuideVersion(id, v2);
    await repo.update(id, "applicant.fullName", (d) => {
      d.applicant.fullName = "Siti Aminah";
    });
    expect((await repo.get(id))?.officeChange).toMatchObject({ from: 1, to: 2 });
    await repo.acknowledgeOfficeChange(id);
    expect((await repo.get(id))?.officeChange).toBeUndefined();
    await repo.update(id, "marked-ready", (d) => {
      d.status = "ready";
    });
    expect((await repo.get(id))?.status).toBe("ready");
  });
  it("lets a file the office sent back be marked ready again on the version it was reviewed on", async () => {
    const db = freshDb();
    const repo = new DraftRepository(db);
    const id = await readyOnV1(repo);
    // Submitted, then sent back for a fix: the server accepts the resubmit on version 1.
    await db.outbox.where("draftId").equals(id).delete();
    await db.remote.put({
      id,
      version: 2,
      status: "needs-fix",
      verdict: null,
      deleted: false,
      updatedAt: new Date().toISOString(),
    });
    await db.drafts.update(id, { status: "draft" });
    await db.guides.put(v2);
    expect(await adoptBindingVersions(db)).toEqual([]);

    await repo.update(id, "marked-ready", (d) => {
      d.status = "ready";
    });
    expect(await repo.get(id)).toMatchObject({ guideVersion: 1, status: "ready" });
    expect((await db.outbox.where("draftId").equals(id).toArray()).at(-1)?.name).toBe("submitApplication");
    // The cadre may still move it by hand; that move is theirs, not the office's, so no notice.
    await repo.update(id, "marked-draft", (d) => {
      d.status = "draft";
    });
    expect((await repo.moveToGuideVersion(id, v2)).officeChange).toBeUndefined();
  });
});

describe("local database upgrades", () => {
  it("opens a version-2 database with drafts, backfills the search key and seals it all at the first PIN without losing anything", async () => {
    const name = `upgrade-${Date.now()}`;
    // The schema exactly as version 2 shipped it.
    const old = new Dexie(name);
    old.version(1).stores({ guides: "id, category", meta: "key", selfChecks: "guideId" });
    old
      .version(2)
      .stores({ drafts: "id, guideId, updatedAt", blobs: "id, draftId", guideVersions: "[id+version], id" });
    const draft = {
      id: "0190f5a4-7b1c-7cc3-9a2e-3f4b5c6d7e8f",
      guideId: guide.id,
      guideVersion: 1,
      applicant: {
        fullName: "Siti Aminah",
        nik: "3171015203900001",
        kk: "",
        birthDate: "",
        phone: "",
        address: { street: "", rt: "", rw: "", villageCode: "" },
      },
      answers: { diwakilkan: true },
      data: {},
      documents: {
        ktp: {
          pages: [{ blobId: "b1", mime: "image/jpeg", bytes: 3, addedAt: "2026-11-01T00:00:00.000Z" }],
          issuedOn: "",
        },
      },
      officeAreaCode: "",
      status: "draft",
      createdAt: "2026-11-01T00:00:00.000Z",
      updatedAt: "2026-11-01T00:00:00.000Z",
      history: [],
    };
    await old.table("drafts").add(draft);
    await old
      .table("blobs")
      .add({ id: "b1", draftId: draft.id, kind: "page", mime: "image/jpeg", data: new Uint8Array([1, 2, 3]).buffer });
    await old.table("guides").add(guide);
    old.close();

    const db = new LocalDb(name);
    opened.push(db);
    await db.open();
    // Until the cadre's first PIN the rows are still the old plaintext, which the vault refuses to read.
    await expect(db.drafts.get(draft.id)).rejects.toThrow(/integrity/);
    expect(await sealAsAfterPin(db)).toBe(2);
    const upgraded = await db.drafts.get(draft.id);
    expect(upgraded).toEqual({ ...draft, searchKey: "siti aminah 3171015203900001" });
    expect(new Uint8Array((await db.blobs.get("b1"))?.data ?? new ArrayBuffer(0))).toEqual(new Uint8Array([1, 2, 3]));
    expect(await db.guides.count()).toBe(1);
    expect(db.verno).toBe(6);
  });
});
