import { z } from "zod";
import { DeviceRules } from "../device/rules";
import { VaultSecrets } from "./vault";

/**
 * Request and response shapes of /api/auth and /api/users. Request schemas
 * are strict: an unknown field (say, `role` in a PATCH) is an error rather
 * than silently ignored.
 */

export const MIN_PASSWORD_LENGTH = 10;
/** scrypt copes with long inputs, but nobody types more than this. */
export const MAX_PASSWORD_LENGTH = 256;

const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

export const Role = z.enum(["cadre", "operator", "admin"]);
export type Role = z.infer<typeof Role>;

/** 3–40 of a–z, 0–9, dot, underscore, hyphen; input is trimmed and lowercased first. */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(40)
  .regex(/^[a-z0-9._-]+$/, "Use only a-z, 0-9, dot, underscore and hyphen");

export const DisplayName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(NO_CONTROL_CHARACTERS, "Control characters are not allowed");

/** A kecamatan's dotted code, e.g. "31.75.07". */
export const KecamatanCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, 'Expected a kecamatan code like "31.75.07"');
/** A kelurahan's dotted code, e.g. "31.75.07.1001". */
export const KelurahanCode = z
  .string()
  .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'Expected a kelurahan code like "31.75.07.1001"');

export const Password = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);

export const DeviceLabel = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(NO_CONTROL_CHARACTERS, "Control characters are not allowed");

/** A session id or user id in a URL. */
export const EntityId = z.uuid();

// ---------------------------------------------------------------- requests

/** Deliberately lenient about the username's shape: a login must not reveal the rules. */
export const LoginRequest = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(100),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  deviceLabel: DeviceLabel,
});
export type LoginRequest = z.infer<typeof LoginRequest>;

function kelurahanInKecamatan(
  value: { kecamatanCode?: string | null | undefined; kelurahanCode?: string | null | undefined },
  ctx: z.RefinementCtx,
): void {
  if (value.kelurahanCode && value.kecamatanCode && !value.kelurahanCode.startsWith(`${value.kecamatanCode}.`)) {
    ctx.addIssue({
      code: "custom",
      path: ["kelurahanCode"],
      message: "The kelurahan is not in the kecamatan",
      params: { problem: "kelurahan_outside_kecamatan" },
    });
  }
}

/**
 * Admins create admins, operators (with a kecamatan) and cadres; operators
 * create cadres of their own kecamatan (which they may leave out).
 */
export const CreateUserRequest = z
  .strictObject({
    username: Username,
    displayName: DisplayName,
    role: Role,
    password: Password,
    kecamatanCode: KecamatanCode.nullish(),
    kelurahanCode: KelurahanCode.nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.role === "admin" && (value.kecamatanCode || value.kelurahanCode)) {
      ctx.addIssue({
        code: "custom",
        path: ["kecamatanCode"],
        message: "An admin has no kecamatan or kelurahan",
        params: { problem: "kecamatan_not_for_admin" },
      });
    }
    if (value.role === "operator" && value.kelurahanCode) {
      ctx.addIssue({
        code: "custom",
        path: ["kelurahanCode"],
        message: "An operator has no kelurahan",
        params: { problem: "kelurahan_not_for_role" },
      });
    }
    kelurahanInKecamatan(value, ctx);
  });
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

/**
 * Operators may change displayName and kelurahanCode; admins also kecamatanCode
 * and the complaint-handler grant (operators and admins only). `null` clears.
 */
export const UpdateUserRequest = z
  .strictObject({
    displayName: DisplayName.optional(),
    kecamatanCode: KecamatanCode.nullable().optional(),
    kelurahanCode: KelurahanCode.nullable().optional(),
    handlesComplaints: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: "Nothing to change" });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const SetPasswordRequest = z.strictObject({ password: Password });
export type SetPasswordRequest = z.infer<typeof SetPasswordRequest>;

export const ListUsersQuery = z.strictObject({
  role: Role.optional(),
  kecamatanCode: KecamatanCode.optional(),
});
export type ListUsersQuery = z.infer<typeof ListUsersQuery>;

// --------------------------------------------------------------- responses

/** Who is signed in: what /api/auth/login and /api/auth/me return. */
export const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  kecamatanCode: z.string().nullable(),
  kelurahanCode: z.string().nullable(),
  /** Granted by an admin: reads and handles the office's complaints (shared/complaints/access.ts). */
  handlesComplaints: z.boolean().optional(),
});
export type SessionUser = z.infer<typeof SessionUser>;

/**
 * A password sign-in: who, the session, the two vault secrets (shared/api/vault.ts)
 * for cadres' phones, and the office's rules for phones.
 */
export const LoginResponse = z.object({
  user: SessionUser,
  sessionId: z.string(),
  vault: VaultSecrets,
  deviceRules: DeviceRules,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const MeResponse = z.object({ user: SessionUser, sessionId: z.string(), deviceRules: DeviceRules });
export type MeResponse = z.infer<typeof MeResponse>;

export const SessionInfo = z.object({
  id: z.string(),
  deviceLabel: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  /** True for the session that made the request. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SessionList = z.object({ sessions: z.array(SessionInfo) });
export type SessionList = z.infer<typeof SessionList>;

/** A user as account managers see them. Never carries a password hash. */
export const ManagedUser = SessionUser.extend({
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ManagedUser = z.infer<typeof ManagedUser>;

export const UserResponse = z.object({ user: ManagedUser });
export type UserResponse = z.infer<typeof UserResponse>;

export const UserList = z.object({ users: z.array(ManagedUser) });
export type UserList = z.infer<typeof UserList>;
