import "fake-indexeddb/auto";
import { expect, it } from "vitest";
import { LocalDb } from "../../client/db/local-db";
import { rawOf } from "../../client/vault/profile-store";
import { afterPasswordSignIn, lockVault, setPin, unlockWithPin } from "../../client/vault/vault";
import { DEFAULT_DEVICE_RULES } from "../../shared/device/rules";

const secret = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
it("counts wrong PINs tried at once: each one counts, the fifth makes the rest wait", async () => {
  const db = new LocalDb(`race-${Date.now()}`);
  const user = {
    id: "u",
    username: "k",
    displayName: "K",
    role: "cadre" as const,
    kecamatanCode: null,
    kelurahanCode: null,
  };
  await afterPasswordSignIn(db, user, { unlockSecret: secret(), recoverySecret: secret() }, DEFAULT_DEVICE_RULES);
  await setPin(db, "582914");
  await lockVault(db);
  const now = new Date("2026-12-01T03:00:00Z");
  const results = await Promise.all(Array.from({ length: 12 }, () => unlockWithPin(db, "111112", now)));
  expect(results.filter((r) => !r.ok && r.reason === "wrong")).toHaveLength(5);
  expect(results.filter((r) => !r.ok && r.reason === "wait")).toHaveLength(7);
  expect((await rawOf(db).profiles.toArray())[0]?.failures).toBe(5);
}, 120_000);
