import { describe, expect, it } from "vitest";
import { Role } from "../../shared/api/users";
import { choosesKecamatan } from "../../shared/users/permissions";
import { ROLE_LABELS, roleLabel } from "../../shared/users/roles";

describe("who chooses a new account's kecamatan", () => {
  const admin = { role: "admin" as const, kecamatanCode: null };
  const operator = { role: "operator" as const, kecamatanCode: "31.71.01" };

  it("lets an admin choose it for an operator or a cadre, never for another admin", () => {
    expect([choosesKecamatan(admin, "operator"), choosesKecamatan(admin, "cadre")]).toEqual([true, true]);
    expect(choosesKecamatan(admin, "admin")).toBe(false);
  });

  it("never asks an operator: their cadres land in the operator's own kecamatan", () => {
    expect(choosesKecamatan(operator, "cadre")).toBe(false);
  });
});

describe("role names", () => {
  it("names every role in both languages from the one table, and a newer server's role by its code", () => {
    for (const role of Role.options) {
      expect(roleLabel(role, "id")).toBe(ROLE_LABELS[role].id);
      expect(roleLabel(role, "en")).toBe(ROLE_LABELS[role].en);
    }
    expect(roleLabel("cadre", "id")).toBe("Kader");
    expect(roleLabel("auditor", "en")).toBe("auditor");
  });
});
