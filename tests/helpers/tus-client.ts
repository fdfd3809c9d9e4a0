import { createHash } from "node:crypto";
import type { Hono } from "hono";
import type { AppEnv } from "../../server/http/env";
import type { TestUser } from "./accounts";

type App = Hono<AppEnv>;

function metadata(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString("base64")}`)
    .join(",");
}

export function sha256Hex(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** A tus creation declaring `sha256` and `mime` for `size` bytes (201 with the upload's Location when accepted). */
export async function tusCreate(
  app: App,
  user: TestUser,
  size: number,
  sha256: string,
  mime: string,
): Promise<Response> {
  return app.request("/api/files/tus/", {
    method: "POST",
    headers: {
      "Tus-Resumable": "1.0.0",
      Cookie: user.cookie,
      "Upload-Length": String(size),
      "Upload-Metadata": metadata({ sha256, mime }),
    },
  });
}

/** One PATCH of `body` at `offset` to an upload's URL. */
export async function tusPatch(
  app: App,
  user: TestUser,
  url: string,
  offset: number,
  body: Uint8Array,
): Promise<Response> {
  return app.request(url, {
    method: "PATCH",
    headers: {
      "Tus-Resumable": "1.0.0",
      Cookie: user.cookie,
      "Upload-Offset": String(offset),
      "Content-Type": "application/offset+octet-stream",
    },
    body: new Uint8Array(body),
  });
}

/**
 * Uploads one page over tus through the real app, as the phone does:
 * creation with the declared SHA-256 and type, then the bytes in one PATCH.
 * Answers the final response (204 when stored; the error body otherwise).
 */
export async function tusUpload(app: App, user: TestUser, data: Uint8Array, mime: string): Promise<Response> {
  const created = await tusCreate(app, user, data.byteLength, sha256Hex(data), mime);
  if (created.status !== 201) return created;
  return tusPatch(app, user, created.headers.get("Location") ?? "", 0, data);
}
