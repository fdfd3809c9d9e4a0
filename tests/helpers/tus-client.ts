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

/**
 * Uploads one page over tus through the real app, as the phone does:
 * creation with the declared SHA-256 and type, then the bytes in one PATCH.
 * Answers the final response (204 when stored; the error body otherwise).
 */
export async function tusUpload(app: App, user: TestUser, data: Uint8Array, mime: string): Promise<Response> {
  const headers = { "Tus-Resumable": "1.0.0", Cookie: user.cookie };
  const created = await app.request("/api/files/tus/", {
    method: "POST",
    headers: {
      ...headers,
      "Upload-Length": String(data.byteLength),
      "Upload-Metadata": metadata({ sha256: sha256Hex(data), mime }),
    },
  });
  if (created.status !== 201) return created;
  return app.request(created.headers.get("Location") ?? "", {
    method: "PATCH",
    headers: { ...headers, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
    body: new Uint8Array(data),
  });
}
