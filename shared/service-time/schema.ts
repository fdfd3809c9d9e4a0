import { z } from "zod";
import type { ClockRecord } from "./clock";

const JakartaDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A clock as it travels (pull, public lookup): the record itself, so a reader computes today's view offline. */
export const ClockRecordSchema = z.object({
  days: z.int().min(0).max(3650),
  unit: z.enum(["working", "calendar"]),
  state: z.enum(["running", "paused", "stopped"]),
  startedOn: JakartaDate,
  segmentStart: JakartaDate.nullable(),
  usedBefore: z.int().min(0),
  deadline: JakartaDate.nullable(),
  used: z.int().min(0).nullable(),
  onTime: z.boolean().nullable(),
}) satisfies z.ZodType<ClockRecord>;

/** The office's closed dates (weekends aside, the cuti bersama setting applied), for computing a clock's view. */
export const ClosedDates = z.array(JakartaDate).max(2000);
