import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rejectionText } from "../../client/drafts/messages";
import { locale } from "../../client/i18n";
import { syncOnce, type UploadRequest } from "../../client/sync/engine";
import { UploadError } from "../../client/uploads/errors";
import { explainRefusedPages, forgetRefusedUploads, recordRefusedUpload } from "../../client/uploads/refusals";
import type { RefusalReason } from "../../shared/sync/protocol";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { deps, domisiliGuide, fillReady, makeDevice, serverNetwork, verifiedUpload } from "../helpers/sync-harness";
import { seededDatabase } from "../helpers/temp-db";

/**
 * A page whose upload the server refused for good (too small to read,
 * damaged...) never reaches it: the submit comes back `file-missing` naming
 * that page, and the phone says why and what to do — retake it — instead of
 * "sync again", which would never help.
 */

let env: Awaited<ReturnType<typeof seededDatabase>>;
let cadre: TestUser;
const names: string[] = [];

beforeEach(async () => {
  env = await seededDatabase();
  cadre = await createTestUser(env.db, "cadre");
  forgetRefusedUploads();
  locale.value = "id";
});
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
  await env.cleanup();
});

async function readyPhone() {
  const name = `phone-${Date.now()}-${Math.random()}`;
  names.push(name);
  const device = await makeDevice(cadre, name);
  const id = await device.repo.create(await domisiliGuide(env));
  await fillReady(device.repo, id, "Siti Aminah");
  await device.repo.update(id, "marked-ready", (d) => {
    d.status = "ready";
  });
  const draft = await device.db.drafts.get(id);
  const ktp = draft?.documents["ktp-el"]?.pages[0]?.sha256;
  if (!ktp) throw new Error("no KTP page");
  return { ...device, id, ktp };
}

describe("a page the server refused at upload", () => {
  it("comes back file-missing naming the page, and the phone says why and to retake it", async () => {
    const { db, id, ktp } = await readyPhone();
    const store = verifiedUpload(env, cadre);
    const upload = async (page: UploadRequest) => {
      if (page.sha256 === ktp)
        throw new UploadError("image_too_small", "The server refused the page (image_too_small).", 422);
      await store(page);
    };

    const outcome = await syncOnce(deps(db, serverNetwork(env, cadre).fetch, upload));
    expect(outcome).toMatchObject({ status: "ok", rejected: 1 });
    const [row] = await db.attention.toArray();
    expect(row).toMatchObject({
      draftId: id,
      code: "file-missing",
      reasons: [{ code: "file-missing", requirementId: "ktp-el", field: "documents.ktp-el.pages.0" }],
    });
    const reason = row?.reasons[0] as RefusalReason;
    expect(reason.message?.id).toMatch(/Foto ulang halaman 1 dari KTP-el pemohon.*terlalu kecil untuk dibaca petugas/);
    expect(reason.message?.en).toMatch(/Retake page 1 of .*too small for the office to read/);

    // The list and the draft screen open with the refusal's words: retake, never "sync again".
    expect(rejectionText("file-missing")).toMatch(/foto ulang halaman yang disebut/);
    expect(rejectionText("file-missing")).not.toMatch(/Sinkronkan lagi/);
    locale.value = "en";
    expect(rejectionText("file-missing")).toMatch(/retake the pages it names/);
    expect(rejectionText("page-mismatch")).toMatch(/retake the pages it names/);
  });

  it("keeps the server's words for a page it did not see refused (gone from the phone)", async () => {
    const { db, id } = await readyPhone();
    const draft = await db.drafts.get(id);
    const kk = draft?.documents["kartu-keluarga"]?.pages[0];
    if (!kk) throw new Error("no KK page");
    // The page's bytes are gone from this phone: nothing to upload, the server never gets them.
    await db.blobs.delete(kk.blobId);

    await syncOnce(deps(db, serverNetwork(env, cadre).fetch, verifiedUpload(env, cadre)));
    const [row] = await db.attention.toArray();
    expect(row).toMatchObject({
      code: "file-missing",
      reasons: [{ requirementId: "kartu-keluarga", field: "documents.kartu-keluarga.pages.0" }],
    });
    const reason = row?.reasons[0] as RefusalReason;
    expect(reason.message?.id).toMatch(
      /^Halaman 1 dari Kartu Keluarga \(KK\) pemohon tidak ada di server\. Foto ulang/,
    );
    expect(reason.message?.id).not.toMatch(/menolaknya/);
  });

  it("leaves other reasons, and reasons naming no page, as the server gave them", () => {
    const args = { draft: { documents: { "ktp-el": { pages: [{ sha256: "a".repeat(64) }] } } } };
    const given: RefusalReason[] = [
      { code: "document-missing", requirementId: "ktp-el", field: "documents.ktp-el.pages" },
      { code: "file-missing", requirementId: "ktp-el", field: "documents.ktp-el.pages.3" },
      { code: "file-missing", requirementId: "__proto__", field: "documents.__proto__.pages.0" },
    ];
    recordRefusedUpload("a".repeat(64), "image_unreadable");
    // Not a refusal code: nothing is remembered.
    recordRefusedUpload("b".repeat(64), "offline");
    expect(explainRefusedPages(args, given)).toEqual(given);
    expect(explainRefusedPages(null, given)).toEqual(given);

    const named = { code: "file-missing", requirementId: "ktp-el", field: "documents.ktp-el.pages.0" };
    const [explained] = explainRefusedPages(args, [named]);
    expect(explained).toMatchObject({ ...named, message: { id: expect.stringMatching(/rusak atau terpotong/) } });
    const other = { draft: { documents: { "ktp-el": { pages: [{ sha256: "b".repeat(64) }] } } } };
    expect(explainRefusedPages(other, [named])).toEqual([named]);
  });
});
