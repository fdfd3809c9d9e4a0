/**
 * Who sees what of a complaint. Complaint handlers are a grant an admin gives
 * to an operator or admin (users.handles_complaints). A handler reads the
 * complaints of their own kecamatan (an admin handler: all). An admin who is
 * not a handler reads only complaints not marked confidential ("rahasia");
 * everyone else on the console sees counts, never contents.
 */

export interface ComplaintReader {
  role: "cadre" | "operator" | "admin";
  kecamatanCode: string | null;
  handlesComplaints?: boolean;
}

export interface ComplaintPlace {
  kecamatanCode: string;
  confidential: boolean;
}

/**
 * Whether the reader may open the complaint queue at all: handlers (their
 * reach), and admins without the grant (who then see only complaints not
 * marked confidential). Operators without the grant see counts only.
 */
export function mayOpenComplaints(reader: ComplaintReader): boolean {
  if (reader.role === "cadre") return false;
  return reader.handlesComplaints === true || reader.role === "admin";
}

/** Whether the reader is a complaint handler at all (assigning, answering, moving, noting, the handler list). */
export function isComplaintHandler(reader: ComplaintReader): boolean {
  return reader.role !== "cadre" && reader.handlesComplaints === true;
}

export function mayReadComplaint(reader: ComplaintReader, complaint: ComplaintPlace): boolean {
  if (!mayOpenComplaints(reader)) return false;
  if (reader.handlesComplaints) return reader.role === "admin" || reader.kecamatanCode === complaint.kecamatanCode;
  return reader.role === "admin" && !complaint.confidential;
}

/** Assigning, answering, moving and noting: handlers only, within their reach. */
export function mayHandleComplaint(reader: ComplaintReader, complaint: ComplaintPlace): boolean {
  return isComplaintHandler(reader) && mayReadComplaint(reader, complaint);
}

/** Counts per category, kelurahan and month: any operator (own kecamatan) or admin. */
export function maySeeComplaintCounts(reader: ComplaintReader): boolean {
  return reader.role === "operator" || reader.role === "admin";
}

/** Only admins grant or withdraw the handler role, and only to operators and admins. */
export function mayGrantComplaintHandling(actor: { role: string }, target: { role: string }): boolean {
  return actor.role === "admin" && (target.role === "operator" || target.role === "admin");
}
