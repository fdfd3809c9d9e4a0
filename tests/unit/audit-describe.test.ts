import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { initials } from "../../server/audit/targets";
import { AUDIT_ACTIONS, auditActionLabel, auditChanges } from "../../shared/audit/describe";

const SERVER = resolve(import.meta.dirname, "../../server");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every `action: "x.y"` (and `"x.y"` given to userAudit or a ternary) the server writes into the audit log. */
function actionCodesInServer(): Set<string> {
  const codes = new Set<string>();
  for (const file of sourceFiles(SERVER)) {
    const text = readFileSync(file, "utf8");
    if (!text.includes("recordAudit")) continue;
    for (const match of text.matchAll(
      /"((?:application|guide|catalogue|user|session|complaint|skm)\.[a-z-]+(?:\.[a-z-]+)?)"/g,
    )) {
      codes.add(match[1] as string);
    }
  }
  return codes;
}

describe("audit actions in words", () => {
  it("has a label, in both languages, for every action code the server writes", () => {
    const codes = actionCodesInServer();
    expect(codes.size).toBeGreaterThan(10);
    const missing = [...codes].filter((code) => !(code in AUDIT_ACTIONS));
    expect(missing).toEqual([]);
    for (const label of Object.values(AUDIT_ACTIONS)) {
      expect(label.id).not.toBe(label.en);
    }
  });

  it("names a verdict by what it decided", () => {
    expect(auditActionLabel("application.verdict", { status: "needs-fix" }, "id")).toBe("Mengirim balik berkas");
    expect(auditActionLabel("application.verdict", { status: "approved" }, "en")).toBe("Approved a file");
    expect(auditActionLabel("guide.publish", null, "id")).toBe("Menerbitkan panduan");
    expect(auditActionLabel("user.disable", {}, "id")).toBe("Menonaktifkan akun");
    expect(auditActionLabel("something.new", null, "id")).toBe("something.new");
  });
});

describe("auditChanges", () => {
  it("lists a verdict's status and reasons in words, and never the operator's free-text note", () => {
    const changes = auditChanges(
      { status: "submitted", verdict: null },
      {
        status: "needs-fix",
        verdict: {
          decision: "needs-fix",
          reason: "NIK 3171015203900001 salah",
          requirements: { "ktp-el": { status: "needs-fix", reasonCode: "blurry", note: "buram" } },
        },
      },
      "id",
    );
    expect(changes).toEqual([
      { field: "Status", before: "Diajukan", after: "Perlu diperbaiki" },
      { field: "Persyaratan yang perlu diperbaiki", before: null, after: "ktp-el (Foto buram atau gelap)" },
    ]);
    expect(JSON.stringify(changes)).not.toContain("3171015203900001");
    expect(JSON.stringify(changes)).not.toContain('buram"');
  });

  it("shows only what changed on an account, with places and roles by name", () => {
    const before = {
      username: "kader01",
      displayName: "Kader Satu",
      role: "cadre",
      kecamatanCode: "31.71.01",
      kelurahanCode: "31.71.01.1001",
      disabledAt: null,
    };
    expect(auditChanges(before, { ...before, disabledAt: "2026-03-01T00:00:00Z", sessionsRevoked: 2 }, "id")).toEqual([
      { field: "Akun", before: "Aktif", after: "Nonaktif" },
      { field: "Perangkat dikeluarkan", before: null, after: "2" },
    ]);
    expect(auditChanges(null, before, "en")).toEqual([
      { field: "Name", before: null, after: "Kader Satu" },
      { field: "Username", before: null, after: "kader01" },
      { field: "Role", before: null, after: "Cadre" },
      { field: "Kecamatan", before: null, after: "Gambir" },
      { field: "Kelurahan", before: null, after: "Gambir" },
      { field: "Account", before: null, after: "Active" },
    ]);
  });

  it("describes a publish by its version and note, leaving the guide's content out", () => {
    expect(
      auditChanges(
        { version: 1, withdrawn: false, data: { title: { id: "Akta" } } },
        { version: 2, withdrawn: false, changeNote: "Masa berlaku 14 hari", binding: true, data: {} },
        "id",
      ),
    ).toEqual([
      { field: "Versi", before: "1", after: "2" },
      { field: "Draf lama wajib pindah versi", before: null, after: "Ya" },
      { field: "Catatan perubahan", before: null, after: "Masa berlaku 14 hari" },
    ]);
  });
});

describe("initials", () => {
  it.each([
    ["Siti Aminah", "S.A."],
    ["  ñoño  müller ", "Ñ.M."],
    ["Muhammad bin Abdullah bin Umar Said", "M.B.A.B."],
    ["'Ali", "A."],
    ["", null],
    [null, null],
  ])("gives %j as %j", (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
