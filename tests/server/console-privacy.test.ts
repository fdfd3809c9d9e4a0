import { existsSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rawAll, rawGet, rawRun } from "../../server/db/raw";
import { storedFilePath } from "../../server/files/photo-store";
import { ApiError } from "../../shared/api/errors";
import { PrivacySettings, RetentionReport } from "../../shared/api/retention";
import { auditActionLabel, auditChanges, auditTargetTypeLabel } from "../../shared/audit/describe";
import { DEFAULT_DEVICE_RULES } from "../../shared/device/rules";
import { PullResponse } from "../../shared/sync/protocol";
import {
  call,
  closedComplaint,
  decideFile,
  LONG_AGO,
  photoHash,
  type RetentionWorld,
  retentionWorld,
  submitFile,
} from "./retention-fixtures";

/** /api/console/privacy: the admin's privacy settings and the retention, over HTTP. */

const NAME = "Sumarni Wulandari";
const NIK = "3171015203900417";
const GOOD: PrivacySettings = { lockMinutes: 3, pinAttempts: 6, phoneRetentionDays: 14, closedFileRetentionDays: 730 };

let w: RetentionWorld;
let file: { id: string; trackingNumber: string };

beforeEach(async () => {
  w = await retentionWorld();
  file = await submitFile(w, { name: NAME, nik: NIK, photos: ["a-1", "a-2", "a-3"] });
  await decideFile(w, file.id, "approved", LONG_AGO);
});
afterEach(() => w.env.cleanup());

async function refusal(response: Response, status: number): Promise<ApiError["error"]> {
  expect(response.status).toBe(status);
  return ApiError.parse(await response.json()).error;
}

function auditRows(action: string) {
  return rawAll<{ actor_id: string; target_id: string; before: string | null; after: string }>(
    w.env.db,
    sql`SELECT actor_id, target_type, target_id, kecamatan_code, before, after FROM audit_log WHERE action = ${action}`,
  );
}

describe("privacy settings", () => {
  it("reads the defaults: the phones' rules and no retention of closed files", async () => {
    const response = await call(w, "GET", "/api/console/privacy/settings", w.admin);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toContain("no-store");
    expect(PrivacySettings.parse(await response.json())).toEqual({
      ...DEFAULT_DEVICE_RULES,
      closedFileRetentionDays: null,
    });
  });

  it("stores the admin's settings, audits them, and the phones receive the new rules", async () => {
    const response = await call(w, "PUT", "/api/console/privacy/settings", w.admin, GOOD);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(GOOD);
    expect(await (await call(w, "GET", "/api/console/privacy/settings", w.admin)).json()).toEqual(GOOD);
    const [entry] = await auditRows("privacy.settings");
    expect(entry).toMatchObject({ actor_id: w.admin.id, target_id: "settings" });
    expect(JSON.parse(entry?.before ?? "null")).toMatchObject({ lockMinutes: 5, closedFileRetentionDays: null });
    expect(JSON.parse(entry?.after ?? "null")).toEqual(GOOD);
    const pull = PullResponse.parse(
      await (await w.app.request("/api/sync/pull", { headers: { Cookie: w.cadre.cookie } })).json(),
    );
    if (pull.deviceRules) expect(pull.deviceRules).toEqual({ lockMinutes: 3, pinAttempts: 6, phoneRetentionDays: 14 });
    // The audit log says it in words.
    expect(auditActionLabel("privacy.settings", null, "id")).toBe("Mengubah pengaturan privasi");
    expect(auditTargetTypeLabel("privacy", "en")).toBe("Privacy");
    expect(auditChanges(JSON.parse(entry?.before ?? "null"), GOOD, "id")).toContainEqual({
      field: "Masa simpan berkas tertutup di server",
      before: "Simpan",
      after: "730 hari",
    });
    // "Simpan": back to keeping closed files.
    const keep = await call(w, "PUT", "/api/console/privacy/settings", w.admin, {
      ...GOOD,
      closedFileRetentionDays: null,
    });
    const kept = await keep.json();
    expect(kept, JSON.stringify(kept)).toMatchObject({ closedFileRetentionDays: null });
  });

  it.each([
    ["lock below a minute", { ...GOOD, lockMinutes: 0 }, ["lockMinutes"]],
    ["too many PIN tries", { ...GOOD, pinAttempts: 21 }, ["pinAttempts"]],
    ["phone days a fraction", { ...GOOD, phoneRetentionDays: 1.5 }, ["phoneRetentionDays"]],
    ["server retention under a year", { ...GOOD, closedFileRetentionDays: 364 }, ["closedFileRetentionDays"]],
    ["server retention as text", { ...GOOD, closedFileRetentionDays: "730" }, ["closedFileRetentionDays"]],
    ["a field missing", { lockMinutes: 5, pinAttempts: 10, phoneRetentionDays: 30 }, ["closedFileRetentionDays"]],
    ["an unknown field", { ...GOOD, wipeNow: true }, []],
    ["not an object", [GOOD], []],
  ])("refuses %s with 400 invalid_body naming the field", async (_label, body, path) => {
    const error = await refusal(await call(w, "PUT", "/api/console/privacy/settings", w.admin, body), 400);
    expect(error.code).toBe("invalid_body");
    const issues = (error.details as { issues: { path: unknown[] }[] }).issues;
    expect(issues.map((issue) => issue.path)).toContainEqual(path);
    expect(await auditRows("privacy.settings")).toHaveLength(0);
  });

  it("refuses a body that is not JSON, or too large", async () => {
    expect((await refusal(await call(w, "PUT", "/api/console/privacy/settings", w.admin, "{"), 400)).code).toBe(
      "invalid_json",
    );
    const big = { ...GOOD, padding: "x".repeat(12_000) };
    expect((await refusal(await call(w, "PUT", "/api/console/privacy/settings", w.admin, big), 413)).code).toBe(
      "body_too_large",
    );
  });
});

describe("who may", () => {
  const routes: [string, string, unknown?][] = [
    ["GET", "/api/console/privacy/settings"],
    ["PUT", "/api/console/privacy/settings", GOOD],
    ["GET", "/api/console/privacy/retention"],
    ["POST", "/api/console/privacy/retention/run", {}],
  ];

  it.each(routes)("%s %s: operators and cadres 403, anonymous 401", async (method, path, body) => {
    expect((await refusal(await call(w, method, path, w.operator, body), 403)).code).toBe("forbidden");
    expect((await refusal(await call(w, method, path, w.cadre, body), 403)).code).toBe("forbidden");
    expect((await refusal(await call(w, method, path, null, body), 401)).code).toBe("session_required");
  });

  it("changes nothing for a refused caller", async () => {
    await rawRun(
      w.env.db,
      sql`INSERT INTO office_settings (key, value, updated_at) VALUES ('closedFileRetentionDays', '365', ${new Date().toISOString()})`,
    );
    await call(w, "POST", "/api/console/privacy/retention/run", w.operator, {});
    await call(w, "PUT", "/api/console/privacy/settings", w.operator, GOOD);
    const row = await rawGet<{ scrubbed_at: string | null }>(
      w.env.db,
      sql`SELECT scrubbed_at FROM applications WHERE id = ${file.id}`,
    );
    expect(row?.scrubbed_at).toBeNull();
    expect(existsSync(storedFilePath(w.filesDir, photoHash("a-1")))).toBe(true);
  });
});

describe("retention over HTTP", () => {
  it("answers an empty dry run while closed files are kept", async () => {
    const response = await call(w, "GET", "/api/console/privacy/retention", w.admin);
    expect(RetentionReport.parse(await response.json())).toMatchObject({ cutoff: null, files: [], done: false });
  });

  it("lists, then carries out, the retention; audits counts only", async () => {
    const complaint = await closedComplaint(w, "Hendrawan Saputra", "evidence", LONG_AGO);
    await call(w, "PUT", "/api/console/privacy/settings", w.admin, { ...GOOD, closedFileRetentionDays: 365 });
    const dry = RetentionReport.parse(await (await call(w, "GET", "/api/console/privacy/retention", w.admin)).json());
    expect(dry.files.map((item) => item.trackingNumber)).toEqual([file.trackingNumber]);
    expect(dry.complaints.map((item) => item.number)).toEqual([complaint]);
    expect(dry.totals).toMatchObject({ files: 1, complaints: 1, photos: 4 });

    const response = await call(w, "POST", "/api/console/privacy/retention/run", w.admin, {});
    expect(response.status).toBe(200);
    const done = RetentionReport.parse(await response.json());
    expect(done).toMatchObject({ done: true, totals: { files: 1, complaints: 1, photos: 4 } });
    expect(existsSync(storedFilePath(w.filesDir, photoHash("a-1")))).toBe(false);

    const [entry] = await auditRows("privacy.retention-run");
    expect(JSON.parse(entry?.after ?? "null")).toEqual({
      retentionDays: 365,
      filesScrubbed: 1,
      complaintsScrubbed: 1,
      photosDeleted: 4,
      bytesDeleted: done.totals.bytes,
    });
    expect(entry?.after).not.toContain(file.trackingNumber);
    expect(entry?.after).not.toContain(complaint);

    const again = RetentionReport.parse(await (await call(w, "GET", "/api/console/privacy/retention", w.admin)).json());
    expect(again.totals).toEqual({ files: 0, complaints: 0, photos: 0, bytes: 0 });
    const detail = await call(w, "GET", `/api/console/applications/${file.id}`, w.admin);
    expect(detail.status).toBe(200);
    expect(JSON.stringify(await detail.json())).not.toContain(NIK);
  });

  it("names the service in the caller's language", async () => {
    await call(w, "PUT", "/api/console/privacy/settings", w.admin, { ...GOOD, closedFileRetentionDays: 365 });
    const en = await w.app.request("/api/console/privacy/retention", {
      headers: { Cookie: w.admin.cookie, "Accept-Language": "en" },
    });
    const report = RetentionReport.parse(await en.json());
    expect(report.files[0]?.serviceTitle).toMatch(/Domicile|Domisili/);
  });

  it("refuses a run with a body other than {}", async () => {
    for (const body of [{ force: true }, [], "null"]) {
      const error = await refusal(await call(w, "POST", "/api/console/privacy/retention/run", w.admin, body), 400);
      expect(error.code).toBe("invalid_body");
    }
    expect(await auditRows("privacy.retention-run")).toHaveLength(0);
  });
});
