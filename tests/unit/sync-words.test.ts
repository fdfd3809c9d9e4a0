import { describe, expect, it } from "vitest";
import { formatBytes } from "../../client/bytes";
import { td } from "../../client/drafts/messages";
import { locale } from "../../client/i18n";
import type { SyncView } from "../../client/sync/state";
import { describeSync, pendingWords, type SyncContext, type Words } from "../../client/sync/words";

const idle: SyncView = {
  running: false,
  phase: null,
  status: "ok",
  pending: 0,
  attention: 0,
  lastSyncAt: null,
  upload: null,
};
const online: SyncContext = { online: true, signedIn: true };
const say = (words: Words | null) => (words ? td(words.key, words.params) : "");
const text = (view: Partial<SyncView>, context: SyncContext = online) =>
  say(describeSync({ ...idle, ...view }, context).message);

describe("the sync bar's words", () => {
  it("says 'Tanpa sinyal' only without network, and never that it is sending then", () => {
    const sending = { running: true, phase: "upload", upload: { page: 1, pages: 3, sent: 10, total: 20 } } as const;
    const offline = describeSync({ ...idle, ...sending }, { online: false, signedIn: true });
    expect(say(offline.message)).toMatch(/^Tanpa sinyal/);
    expect(offline.action).toBeNull();
    expect(offline.progress).toBeNull();
    // A server that does not answer while the phone has network is not "no signal".
    expect(text({ status: "unreachable", code: "network" })).not.toMatch(/Tanpa sinyal/);
  });

  it("names the photo being sent and its bytes, in Indonesian digits", () => {
    const words = describeSync(
      { ...idle, running: true, phase: "upload", upload: { page: 2, pages: 7, sent: 147_456, total: 286_720 } },
      online,
    );
    expect(say(words.message)).toBe("Mengirim foto 2 dari 7, 144 KB dari 280 KB");
    expect(words.progress).toEqual({ value: 147_456, max: 286_720 });
    expect(formatBytes(1_258_291)).toBe("1,2 MB");
    const retrying = describeSync(
      { ...idle, running: true, phase: "upload", upload: { page: 1, pages: 3, sent: 0, total: 9, retrying: 1 } },
      online,
    );
    expect(say(retrying.message)).toBe("Server tidak menjawab — foto 1 dari 3 dikirim ulang otomatis…");
    expect(text({ running: true, phase: "push" })).toBe("Mengirim isi berkas ke kantor…");
    expect(text({ running: true, phase: "pull" })).toBe("Mengambil kabar terbaru dari kantor…");
  });

  it("tells an unreachable server, a slow one, a failing one and a refusal apart, each with a retry", () => {
    for (const [code, words] of [
      ["network", /^Server tidak dapat dihubungi — dicoba lagi otomatis/],
      ["timeout", /^Server terlalu lama menjawab/],
      ["http-503", /^Server sedang bermasalah \(kode 503\)/],
    ] as const) {
      const result = describeSync({ ...idle, status: "unreachable", code }, online);
      expect(say(result.message)).toMatch(words);
      expect(result.action).toBe("retry");
    }
    const refused = describeSync({ ...idle, status: "refused", code: "client_not_owned" }, online);
    expect(say(refused.message)).toMatch(/^Server menolak kiriman dari HP ini \(kode: client_not_owned\)/);
    expect(refused.action).toBe("retry");
  });

  it("asks to sign in again when the session has ended, and keeps the files safe", () => {
    const ended = describeSync({ ...idle, status: "session-expired", pending: 2 }, online);
    expect(say(ended.message)).toBe("Sesi berakhir — masuk lagi untuk mengirim. Berkas di HP tetap aman.");
    expect(ended.action).toBe("sign-in");
    expect(describeSync(idle, { online: true, signedIn: false }).action).toBe("sign-in");
  });

  it("counts files waiting, in both languages with the right plural", () => {
    expect(say(pendingWords(0))).toBe("Semua sudah terkirim");
    expect(say(pendingWords(1))).toBe("1 berkas menunggu dikirim");
    expect(say(pendingWords(2))).toBe("2 berkas menunggu dikirim");
    locale.value = "en";
    try {
      expect(say(pendingWords(1))).toBe("1 file waiting to be sent");
      expect(say(pendingWords(2))).toBe("2 files waiting to be sent");
      expect(text({}, { online: false, signedIn: true })).toMatch(/^No signal/);
      expect(text({ status: "unreachable" })).toMatch(/^The server cannot be reached/);
    } finally {
      locale.value = "id";
    }
  });

  it("stays quiet after a good round, offering to sync now", () => {
    const quiet = describeSync(idle, online);
    expect(quiet).toMatchObject({ tone: "quiet", message: null, action: "sync" });
    // A round cut by losing the network says nothing once it is back: the next round is on its way.
    expect(describeSync({ ...idle, status: "offline" }, online).message).toBeNull();
  });
});
