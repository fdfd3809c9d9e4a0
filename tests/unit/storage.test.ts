import Dexie from "dexie";
import { describe, expect, it } from "vitest";
import { isQuotaError } from "../../client/storage";

describe("isQuotaError", () => {
  it("recognises a full disk however the browser reports it", () => {
    const quota = new DOMException("The quota has been exceeded.", "QuotaExceededError");
    expect(isQuotaError(quota)).toBe(true);
    // Chromium aborts the transaction; Dexie wraps the abort and keeps the cause as `inner`.
    expect(isQuotaError(new Dexie.AbortError("Transaction aborted", quota))).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError("full"))).toBe(true);
    expect(isQuotaError(new Error("wrapped", { cause: quota }))).toBe(true);
  });

  it("does not mistake other failures for a full disk", () => {
    expect(isQuotaError(new Dexie.AbortError("Transaction aborted"))).toBe(false);
    expect(isQuotaError(new DOMException("x", "InvalidStateError"))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
    expect(isQuotaError("QuotaExceededError")).toBe(false);
  });
});
