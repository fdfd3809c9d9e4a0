import { activeDialect } from "./dialect";
import * as pg from "./schema-pg";
import * as sqlite from "./schema-sqlite";

/*
 * The tables every repository imports. Two schemas sit side by side, one per
 * dialect (drizzle has no dialect-neutral one): schema-sqlite.ts, the
 * reference, and schema-pg.ts, held to it by tests/server/schema-parity.test.ts.
 * This module hands out the set of the dialect this process runs on
 * (server/db/dialect.ts: DATABASE_URL), decided once when it is first
 * imported. Both are typed as the SQLite tables, which is what the repository
 * code (and `Db`) is written against; their columns map to the same JS values.
 * Every table of schema-sqlite.ts must be listed here (the parity test checks).
 */
const active = (activeDialect() === "postgres" ? pg : sqlite) as unknown as typeof sqlite;

export const guides = active.guides;
export const guideVersions = active.guideVersions;
export const guideDrafts = active.guideDrafts;
export const users = active.users;
export const sessions = active.sessions;
export const knownDevices = active.knownDevices;
export const rateLimits = active.rateLimits;
export const syncClients = active.syncClients;
export const mutations = active.mutations;
export const changeCounters = active.changeCounters;
export const applications = active.applications;
export const applicationEvents = active.applicationEvents;
export const reviewFindings = active.reviewFindings;
export const auditLog = active.auditLog;
export const files = active.files;
export const fileHolders = active.fileHolders;
export const calendarDays = active.calendarDays;
export const officeSettings = active.officeSettings;
export const skmResponses = active.skmResponses;
export const skmFollowUps = active.skmFollowUps;
export const complaints = active.complaints;
export const complaintEvents = active.complaintEvents;
