import { sql } from "drizzle-orm";
import { isDate } from "../../shared/service-time/calendar";
import { formatJakartaDate } from "../../shared/service-time/words";
import type { Locale, LocalizedText } from "../../shared/text";
import type { Db } from "../db/open";
import { rawAll } from "../db/raw";
import { inList, jsonArrayTextRows, jsonText, jsonTextAtKey } from "../db/sql-fns";

/**
 * Names for the targets of a page of audit entries, so the log says "Kader
 * Gambir (kader01)" or "Berkas S.A." rather than a bare id. One query per
 * kind of target for the whole page (the ids go as one
 * parameter). A file is named by its applicant's initials only: the audit log
 * is read by every operator of the kecamatan, and the full name is personal
 * data that the file itself, behind its own checks, already shows.
 */

export interface TargetName {
  name: string | null;
  detail: string | null;
}

const CATALOGUE: LocalizedText = { id: "Katalog layanan", en: "Service catalogue" };
/** A calendar setting's audit target: the setting changed, or both at once. */
const SETTING_NAMES: Record<string, LocalizedText> = {
  jointLeaveIsWorkingDay: { id: "Aturan cuti bersama", en: "Joint-leave rule" },
  complaintResponseDays: { id: "Standar pengaduan", en: "Complaint standard" },
};
const CALENDAR_SETTINGS: LocalizedText = { id: "Pengaturan kalender kerja", en: "Work-calendar settings" };
/** Privacy targets (server/retention/settings.ts): the settings, or a retention run. */
const PRIVACY_NAMES: Record<string, LocalizedText> = {
  settings: { id: "Pengaturan privasi", en: "Privacy settings" },
  retention: { id: "Masa simpan berkas tertutup", en: "Retention of closed files" },
};

/** "Siti Aminah binti Umar" → "S.A.B.U."; at most four letters, nothing for a name without letters. */
export function initials(fullName: string | null | undefined): string | null {
  if (!fullName) return null;
  const letters = fullName
    .split(/\s+/)
    .map((word) => Array.from(word.replace(/[^\p{L}]/gu, ""))[0])
    .filter((letter): letter is string => letter !== undefined)
    .slice(0, 4);
  return letters.length === 0 ? null : `${letters.join(".").toLocaleUpperCase("id-ID")}.`;
}

function idsOf(rows: readonly { targetType: string; targetId: string }[], type: string): string[] {
  return [...new Set(rows.filter((row) => row.targetType === type).map((row) => row.targetId))];
}

async function guideTitlesOf(db: Db, ids: string[], locale: Locale): Promise<Map<string, string>> {
  // A guide that was never published has its title in its draft only.
  const rows = await rawAll<{ id: string; title: string | null }>(
    db,
    sql`SELECT ids.value AS id,
            COALESCE(${jsonTextAtKey(sql`g.data`, ["title"], locale)}, ${jsonTextAtKey(sql`d.data`, ["title"], locale)}) AS title
     FROM ${jsonArrayTextRows(JSON.stringify(ids), "ids")}
     LEFT JOIN guides g ON g.id = ids.value
     LEFT JOIN guide_drafts d ON d.id = ids.value`,
  );
  return new Map(rows.filter((row) => typeof row.title === "string").map((row) => [row.id, row.title as string]));
}

/** Names keyed by `${targetType}:${targetId}`; targets that no longer exist are left out. */
export async function auditTargetNames(
  db: Db,
  rows: readonly { targetType: string; targetId: string }[],
  locale: Locale,
): Promise<Map<string, TargetName>> {
  const names = new Map<string, TargetName>();
  if (rows.length === 0) return names;

  const accounts = await rawAll<{ id: string; name: string; username: string }>(
    db,
    sql`SELECT id, display_name AS name, username FROM users WHERE ${inList(sql`id`, idsOf(rows, "user"))}`,
  );
  for (const row of accounts) names.set(`user:${row.id}`, { name: row.name, detail: row.username });

  const devices = await rawAll<{ id: string; device: string; owner: string; username: string }>(
    db,
    sql`SELECT s.id AS id, s.device_label AS device, u.display_name AS owner, u.username AS username
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE ${inList(sql`s.id`, idsOf(rows, "session"))}`,
  );
  for (const row of devices) {
    names.set(`session:${row.id}`, { name: row.device, detail: `${row.owner} (${row.username})` });
  }

  for (const [id, title] of await guideTitlesOf(db, idsOf(rows, "guide"), locale)) {
    names.set(`guide:${id}`, { name: title, detail: null });
  }

  const files = await rawAll<{ id: string; guideId: string; fullName: unknown }>(
    db,
    sql`SELECT id, guide_id AS "guideId", ${jsonText(sql`content`, ["applicant", "fullName"])} AS "fullName"
     FROM applications WHERE ${inList(sql`id`, idsOf(rows, "application"))}`,
  );
  const services = await guideTitlesOf(db, [...new Set(files.map((file) => file.guideId))], locale);
  for (const file of files) {
    names.set(`application:${file.id}`, {
      name: initials(typeof file.fullName === "string" ? file.fullName : null),
      detail: services.get(file.guideId) ?? file.guideId,
    });
  }

  // A complaint by a short reference of its internal id, never its public ADU number: any operator reads
  // their kecamatan's audit log, and the number opens the complaint's public status (its answer, its
  // referral) to whoever holds it, while the complaint itself is for handlers only.
  for (const row of rows) {
    if (row.targetType !== "complaint") continue;
    names.set(`complaint:${row.targetId}`, { name: `#${row.targetId.slice(-8).toUpperCase()}`, detail: null });
  }

  if (rows.some((row) => row.targetType === "catalogue")) {
    names.set("catalogue:catalogue", { name: CATALOGUE[locale], detail: null });
  }
  // A calendar entry's target is the date it changed, or the cuti bersama setting.
  for (const row of rows) {
    if (row.targetType !== "calendar") continue;
    const name = isDate(row.targetId)
      ? formatJakartaDate(row.targetId, locale)
      : (SETTING_NAMES[row.targetId] ?? CALENDAR_SETTINGS)[locale];
    names.set(`calendar:${row.targetId}`, { name, detail: null });
  }
  for (const row of rows) {
    const privacy = row.targetType === "privacy" ? PRIVACY_NAMES[row.targetId] : undefined;
    if (privacy) names.set(`privacy:${row.targetId}`, { name: privacy[locale], detail: null });
  }
  return names;
}
