import { gzipSync } from "node:zlib";
import { count } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { applications } from "../../server/db/schema";
import { ApiError } from "../../shared/api/errors";
import { MAX_PUSH_BYTES, PushResponse } from "../../shared/sync/protocol";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { mutation, readyDraft } from "../helpers/drafts";
import { seededDatabase } from "../helpers/temp-db";

let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let cadre: TestUser;

beforeEach(async () => {
  env = await seededDatabase();
  app = createApp({ db: env.db });
  cadre = await createTestUser(env.db, "cadre");
});
afterEach(() => env.cleanup());

function push(body: BodyInit, encoding?: string) {
  return app.request("/api/sync/push", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Cookie: cadre.cookie,
      ...(encoding === undefined ? {} : { "Content-Encoding": encoding }),
    },
    body,
    // A stream body must say it is sent as it is read.
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

async function errorOf(response: Response) {
  return ApiError.parse(await response.json()).error;
}

const bytes = (buffer: Buffer) => new Uint8Array(buffer);

describe("a gzip push body", () => {
  it("applies, as the same push sent plain would", async () => {
    const drafts = Array.from({ length: 10 }, () => readyDraft());
    const body = JSON.stringify({
      clientId: uuidv7(),
      mutations: drafts.map((draft, i) => mutation(i + 1, "putDraft", { draft })),
    });
    const zipped = gzipSync(body);
    expect(zipped.byteLength).toBeLessThan(body.length / 3);

    const response = await push(bytes(zipped), "gzip");
    expect(response.status).toBe(200);
    const result = PushResponse.parse(await response.json());
    expect(result.lastAppliedSeq).toBe(10);
    expect(result.results.every((one) => one.status === "applied")).toBe(true);
    expect((await env.db.select({ n: count() }).from(applications))[0]?.n).toBe(10);
  });

  it("is refused as too large once it inflates past the limit, reading only the start of a zip bomb", async () => {
    // 1 MB of spaces in about 1 KB; gzip members follow one another, so 500 of them inflate to 500 MB.
    const member = gzipSync(Buffer.alloc(1_000_000, " "), { level: 9 });
    const MEMBERS = 500;
    let pulled = 0;
    const bomb = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === MEMBERS) return controller.close();
        pulled++;
        controller.enqueue(bytes(member));
      },
    });
    const response = await push(bomb, "gzip");
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toMatchObject({ code: "body_too_large", details: { maxBytes: MAX_PUSH_BYTES } });
    // Past the limit by one member or a few read ahead: never the other hundreds of megabytes.
    expect(pulled).toBeLessThan(MEMBERS / 10);
  });

  it("is refused as too large when more compressed bytes arrive than the limit, even if they inflate to nothing", async () => {
    // Empty gzip members: endless input that never grows the inflated body.
    const empty = gzipSync(Buffer.alloc(0));
    const members = Math.ceil(MAX_PUSH_BYTES / empty.byteLength) + 10;
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(bytes(Buffer.concat(Array.from({ length: 1000 }, () => empty))));
      },
    });
    const response = await push(endless, "gzip");
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe("body_too_large");
    expect(pulled * 1000).toBeLessThan(members * 2);
  });

  it("is refused as invalid_gzip when corrupt or cut short", async () => {
    const body = gzipSync(
      JSON.stringify({ clientId: uuidv7(), mutations: [mutation(1, "putDraft", { draft: readyDraft() })] }),
    );
    const corrupt = Buffer.from(body);
    corrupt.fill(0x55, 20, 60);
    const cut = body.subarray(0, body.byteLength - 12);
    for (const broken of [corrupt, cut, Buffer.from('{"clientId": "not gzip at all"}')]) {
      const response = await push(bytes(broken), "gzip");
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe("invalid_gzip");
    }
    expect((await env.db.select({ n: count() }).from(applications))[0]?.n).toBe(0);
  });

  it("is refused with 415 unsupported_content_encoding in a coding the server does not read", async () => {
    const body = JSON.stringify({ clientId: uuidv7(), mutations: [mutation(1, "putDraft", { draft: readyDraft() })] });
    for (const encoding of ["br", "deflate", "gzip, br", "compress"]) {
      const response = await push(body, encoding);
      expect(response.status).toBe(415);
      const error = await errorOf(response);
      expect(error.code).toBe("unsupported_content_encoding");
      expect(error.message).toMatch(/pemadatan/);
    }
    // identity is the plain body, named.
    expect((await push(body, "identity")).status).toBe(200);
  });
});
