import { describe, expect, it } from "vitest";
import { deleteRefusalOf, statusOf } from "../../client/drafts/status";

describe("whether the cadre may delete a file from the phone", () => {
  it("allows a draft the office has never seen, or holds only as a draft", () => {
    expect(deleteRefusalOf({ status: "draft" }, undefined)).toBeNull();
    expect(deleteRefusalOf({ status: "draft" }, { status: "draft" } as never)).toBeNull();
  });

  it("refuses a file marked ready before any pull confirmed it: its submit may already be on the server", () => {
    expect(deleteRefusalOf({ status: "ready" }, undefined)).toBe("submitted");
    expect(deleteRefusalOf({ status: "ready" }, { status: "draft" } as never)).toBe("submitted");
  });

  it("refuses what the office has, by the shared rule", () => {
    expect(deleteRefusalOf({ status: "draft" }, { status: "received" } as never)).toBe("received");
    expect(deleteRefusalOf({ status: "ready" }, { status: "verified" } as never)).toBe("received");
  });
});

describe("a file's status on the list", () => {
  it("says it is being sent only while a round is sending, never just because it waits", () => {
    expect(statusOf({ status: "ready" }, undefined, true, true).key).toBe("sending");
    expect(statusOf({ status: "ready" }, undefined, true, false).key).toBe("waitingToSend");
  });
});
