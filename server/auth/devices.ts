import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { Db } from "../db/open";
import { knownDevices } from "../db/schema";
import { isHttps } from "./middleware";
import { hashToken } from "./sessions";

/**
 * The device cookie: a random id (32 bytes, base64url) that a browser keeps
 * for a year after signing in, so that it is recognised as the owner's device
 * even when signed out, and may sign in while strangers' guesses hold the
 * account back. HttpOnly and SameSite=Strict like the session cookie; the
 * database keeps only the id's SHA-256, beside the user id.
 */
export const DEVICE_COOKIE = "masdarin_device";
export const DEVICE_COOKIE_LIFETIME_S = 365 * 24 * 60 * 60;

const DEVICE_ID_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The device id from the cookie, when it has the right shape. */
export function readDeviceId(c: Context): string | undefined {
  const id = getCookie(c, DEVICE_COOKIE);
  return id !== undefined && DEVICE_ID_SHAPE.test(id) ? id : undefined;
}

/** Whether this device signed in to `userId` before. */
export async function isKnownDevice(db: Db, deviceId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: knownDevices.userId })
    .from(knownDevices)
    .where(and(eq(knownDevices.deviceHash, hashToken(deviceId)), eq(knownDevices.userId, userId)))
    .limit(1);
  return row !== undefined;
}

/**
 * Remembers the device after a successful sign-in (a new id when it has none)
 * and sends the cookie again, so its year starts afresh.
 */
export async function rememberDevice(c: Context, db: Db, userId: string, now: Date): Promise<void> {
  const deviceId = readDeviceId(c) ?? randomBytes(32).toString("base64url");
  const at = now.toISOString();
  await db
    .insert(knownDevices)
    .values({ deviceHash: hashToken(deviceId), userId, createdAt: at, lastSeenAt: at })
    .onConflictDoUpdate({ target: [knownDevices.deviceHash, knownDevices.userId], set: { lastSeenAt: at } });
  setCookie(c, DEVICE_COOKIE, deviceId, {
    httpOnly: true,
    sameSite: "Strict",
    path: "/api/auth",
    secure: isHttps(c),
    maxAge: DEVICE_COOKIE_LIFETIME_S,
  });
}
