import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { LocalDb, type RemoteRow } from "../../client/db/local-db";
import { handoverText } from "../../client/drafts/handover-text";
import { neighbourText, whatsappUrl } from "../../client/drafts/neighbour-text";
import { markStatusSeen, seenAfterPull, statusChanged } from "../../client/drafts/status-seen";
import { clockViewOf, parseClosedDates, statusLink } from "../../client/drafts/tracking";
import { remoteRowOf, storePullPage } from "../../client/sync/pull-store";
import { Draft } from "../../shared/draft";
import { Guide } from "../../shared/guide";
import { precheck } from "../../shared/precheck";
import { createRegionIndex } from "../../shared/regions";
import type { ClockRecord } from "../../shared/service-time/clock";
import type { ApplicationChange, ApplicationStatus, PullResponse } from "../../shared/sync/protocol";
import { newTrackingNumber } from "../../shared/tracking/number";
import { sampleGuide } from "../helpers/sample-guide";
import { sealAsAfterPin, unlockTestVault } from "../helpers/test-vault";

// People's records are sealed: these tests work as a cadre whose vault is open.
unlockTestVault();

const NUMBER = newTrackingNumber("DRN", (n) => new Uint8Array(n).map((_, i) => i * 7));
const LINK = `https://masdarin.example/lacak/${NUMBER}`;
const ID = "0190f5a4-7b1c-7cc3-9a2e-3f4b5c6d7e8f";
const opened: Dexie[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function database(): LocalDb {
  const db = new LocalDb(`tracking-phone-${Date.now()}-${Math.random()}`);
  opened.push(db);
  return db;
}

/** Received on Monday 30 Nov 2026, 3 working days: due Thursday 3 Dec. */
const running: ClockRecord = {
  days: 3,
  unit: "working",
  state: "running",
  startedOn: "2026-11-30",
  segmentStart: "2026-11-30",
  usedBefore: 0,
  deadline: "2026-12-03",
  used: null,
  onTime: null,
};

function change(status: ApplicationStatus, version: number, extra: Partial<ApplicationChange> = {}): ApplicationChange {
  return {
    id: ID,
    guideId: "surat-contoh",
    version,
    status,
    verdict: null,
    deleted: false,
    updatedAt: `2026-12-0${Math.min(version, 9)}T02:00:00.000Z`,
    trackingNumber: NUMBER,
    ...extra,
  };
}

function page(changes: ApplicationChange[], cursor: string, closedDates?: string[]): PullResponse {
  return { cursor, lastAppliedSeq: 0, changes, hasMore: false, ...(closedDates ? { closedDates } : {}) };
}

describe("the WhatsApp news for the neighbour", () => {
  it("says the number, the service, the status in plain words, the clock and the status link, in Indonesian first", () => {
    const clock = clockViewOf(running, [], new Date("2026-12-01T03:00:00Z"));
    const text = neighbourText(
      { number: NUMBER, serviceTitle: "Surat Keterangan Domisili", status: "received", clock, link: LINK },
      "id",
    );
    expect(text).toBe(
      [
        `Berkas Anda nomor ${NUMBER} (Surat Keterangan Domisili) sudah diterima kantor dan sedang diperiksa.`,
        "Waktu layanan: Sisa 2 hari kerja.",
        `Cek status kapan saja di ${LINK}`,
      ].join("\n"),
    );
    const english = neighbourText(
      { number: NUMBER, serviceTitle: "Domicile letter", status: "approved", clock: null, link: LINK },
      "en",
    );
    expect(english).toContain(`Your file number ${NUMBER} (Domicile letter) has been approved.`);
    expect(english).toContain(LINK);
  });

  it("leaves a paused clock out of a file sent back and says the cadre will be in touch", () => {
    const paused: ClockRecord = { ...running, state: "paused", segmentStart: null, deadline: null, used: 1 };
    const text = neighbourText(
      {
        number: NUMBER,
        serviceTitle: "Surat",
        status: "needs-fix",
        clock: clockViewOf(paused, [], new Date()),
        link: LINK,
      },
      "id",
    );
    expect(text).toContain(`Berkas Anda nomor ${NUMBER} (Surat) sudah diperiksa dan perlu diperbaiki.`);
    expect(text).not.toContain("dijeda");
    expect(text).toContain("Saya akan menghubungi Anda");
  });

  it("opens WhatsApp with the whole text encoded, and never carries a name or a NIK", () => {
    const text = neighbourText(
      { number: NUMBER, serviceTitle: "Surat & Izin", status: "submitted", clock: null, link: LINK },
      "id",
    );
    const url = whatsappUrl(text);
    expect(url.startsWith("https://wa.me/?text=")).toBe(true);
    expect(decodeURIComponent(url.slice("https://wa.me/?text=".length))).toBe(text);
    expect(url).not.toContain("&Izin");
    expect(text).toContain("sudah diajukan ke kantor");
  });
});

describe("the handover summary with a tracking number", () => {
  const guide = Guide.parse(sampleGuide());
  const draft = Draft.parse({
    id: ID,
    guideId: guide.id,
    guideVersion: 1,
    applicant: { fullName: "Siti Aminah" },
    answers: { diwakilkan: false },
    documents: {},
    createdAt: "2026-11-23T00:00:00.000Z",
    updatedAt: "2026-11-23T00:00:00.000Z",
  });
  const result = precheck(guide, draft, { today: "2026-11-23", regions: createRegionIndex() });

  it("carries the number and the status link once, right under the name", () => {
    const text = handoverText(guide, draft, result, "id", { number: NUMBER, link: LINK });
    const lines = text.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "*Surat Keterangan Contoh*",
      "Siti Aminah",
      `Nomor lacak: ${NUMBER}`,
      `Cek status: ${LINK}`,
    ]);
    expect(text.split(NUMBER)).toHaveLength(3); // the number line and the link: nowhere else
  });

  it("has neither before the file has a number", () => {
    expect(handoverText(guide, draft, result, "id")).not.toContain("Nomor lacak");
  });
});

describe("the clock on the phone", () => {
  it("counts today's days left from the pulled record, skipping the office's closed dates", () => {
    expect(clockViewOf(running, [], new Date("2026-12-01T03:00:00Z"))).toMatchObject({ left: 2, used: 1 });
    // Late on Friday 4 Dec (Jakarta), whatever the phone's own time zone.
    expect(clockViewOf(running, [], new Date("2026-12-03T17:30:00Z"))).toMatchObject({
      urgency: "overdue",
      left: -1,
    });
    // Wednesday 2 Dec closed (an office closure added since): the deadline moves a working day on.
    expect(clockViewOf(running, ["2026-12-02"], new Date("2026-12-01T03:00:00Z"))).toMatchObject({
      deadline: "2026-12-04",
      left: 2,
    });
    expect(clockViewOf(null, [], new Date())).toBeNull();
  });

  it("reads stored closed dates defensively and links to /lacak on the app's origin", () => {
    expect(parseClosedDates('["2026-12-25"]')).toEqual(["2026-12-25"]);
    expect(parseClosedDates("not json")).toEqual([]);
    expect(parseClosedDates(undefined)).toEqual([]);
    expect(statusLink(NUMBER, "https://masdarin.example")).toBe(LINK);
  });
});

describe("Status berubah: the office's status changed since the cadre last opened the file", () => {
  it("never flags the cadre's own acts, and flags an office status the cadre has not seen", () => {
    expect(seenAfterPull(undefined, "draft")).toBe("draft");
    expect(seenAfterPull({ seenStatus: "draft" }, "submitted")).toBe("submitted");
    expect(seenAfterPull(undefined, "received")).toBe("submitted");
    expect(seenAfterPull({ seenStatus: "received" }, "approved")).toBe("received");
    // Resubmitted after a fix: the cadre did that, and knows.
    expect(seenAfterPull({ seenStatus: "needs-fix" }, "submitted")).toBe("submitted");
    const row = (status: RemoteRow["status"], seenStatus?: RemoteRow["status"]) => ({
      status,
      deleted: false,
      ...(seenStatus ? { seenStatus } : {}),
    });
    expect(statusChanged(row("received", "submitted"))).toBe(true);
    expect(statusChanged(row("received", "received"))).toBe(false);
    expect(statusChanged(row("received"))).toBe(false);
    expect(statusChanged({ ...row("approved", "submitted"), deleted: true })).toBe(false);
    expect(statusChanged(undefined)).toBe(false);
  });

  it("keeps the number and the clock when an older server's change lacks them", () => {
    const first = remoteRowOf(change("received", 2, { clock: running }), undefined);
    const bare = change("verified", 3);
    delete bare.trackingNumber;
    delete bare.clock;
    expect(remoteRowOf(bare, first)).toMatchObject({ trackingNumber: NUMBER, clock: running, seenStatus: "submitted" });
  });

  it("stays right across pulls that bring several changes, opening the file, and a reload", async () => {
    const db = database();
    await storePullPage(db, page([change("draft", 1, { trackingNumber: null })], "c1"));
    await storePullPage(db, page([change("submitted", 2)], "c2", ["2026-12-25"]));
    expect(statusChanged(await db.remote.get(ID))).toBe(false);
    expect(parseClosedDates((await db.meta.get("closedDates"))?.value)).toEqual(["2026-12-25"]);

    // Received and decided between two pulls: one change arrives, the flag shows.
    await storePullPage(db, page([change("needs-fix", 4, { clock: { ...running, state: "paused" } })], "c3"));
    expect(await db.remote.get(ID)).toMatchObject({ status: "needs-fix", seenStatus: "submitted" });
    expect(statusChanged(await db.remote.get(ID))).toBe(true);
    // A page without closed dates keeps the stored ones.
    expect(parseClosedDates((await db.meta.get("closedDates"))?.value)).toEqual(["2026-12-25"]);

    // Opening the page marks what it shows; a stale mark (an older status) changes nothing.
    await markStatusSeen(db, ID, "received");
    expect(statusChanged(await db.remote.get(ID))).toBe(true);
    await markStatusSeen(db, ID, "needs-fix");
    expect(statusChanged(await db.remote.get(ID))).toBe(false);

    // Resubmitted (the cadre's act), then received and approved in two more pulls, unopened in between.
    await storePullPage(db, page([change("submitted", 5)], "c4"));
    expect(statusChanged(await db.remote.get(ID))).toBe(false);
    await storePullPage(db, page([change("received", 6, { clock: running })], "c5"));
    await storePullPage(db, page([change("approved", 7, { clock: { ...running, state: "stopped" } })], "c6"));
    expect(await db.remote.get(ID)).toMatchObject({ status: "approved", seenStatus: "submitted" });

    // The app is reloaded: the same database says the same thing.
    const name = db.name;
    db.close();
    const again = new LocalDb(name);
    opened.push(again);
    expect(statusChanged(await again.remote.get(ID))).toBe(true);
    await markStatusSeen(again, ID, "approved");
    expect(statusChanged(await again.remote.get(ID))).toBe(false);
    expect((await again.meta.get("pullCursor"))?.value).toBe("c6");
  });
});

describe("local database version 5", () => {
  it("opens a version-4 database with server statuses, loses nothing, and flags none of the old files", async () => {
    const name = `upgrade-v4-${Date.now()}`;
    // The schema exactly as version 4 shipped it.
    const old = new Dexie(name);
    old.version(1).stores({ guides: "id, category", meta: "key", selfChecks: "guideId" });
    old
      .version(2)
      .stores({ drafts: "id, guideId, updatedAt", blobs: "id, draftId", guideVersions: "[id+version], id" });
    old.version(3).stores({ drafts: "id, guideId, updatedAt, searchKey" });
    old.version(4).stores({ outbox: "seq, draftId", remote: "id", attention: "mutationId, draftId" });
    const remote = {
      id: ID,
      version: 4,
      status: "approved",
      verdict: { decision: "approved", requirements: {}, decidedAt: "2026-11-20T02:00:00.000Z" },
      deleted: false,
      updatedAt: "2026-11-20T02:00:00.000Z",
    };
    await old.table("remote").add(remote);
    await old.table("meta").add({ key: "pullCursor", value: "42" });
    await old.table("outbox").add({ seq: 7, draftId: ID, name: "putDraft", mutationId: "m", args: {} });
    old.close();

    const db = new LocalDb(name);
    await db.open();
    await sealAsAfterPin(db);
    opened.push(db);
    expect(await db.remote.get(ID)).toEqual({ ...remote, seenStatus: "approved" });
    expect(statusChanged(await db.remote.get(ID))).toBe(false);
    expect((await db.meta.get("pullCursor"))?.value).toBe("42");
    expect(await db.outbox.count()).toBe(1);
    expect(db.verno).toBe(6);
  });
});
