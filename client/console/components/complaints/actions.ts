import type { ComplaintDetail } from "../../../../shared/api/complaints";

/** The console's complaint actions (POST /api/console/complaints/:id/<action>). */
export type ComplaintActionName = "assign" | "move" | "notes" | "answer";

/** Runs one complaint action on the version shown; answers whether it was saved. */
export type RunAction = (action: ComplaintActionName, body: Record<string, unknown>, done: string) => Promise<boolean>;

export interface ActionProps {
  detail: ComplaintDetail;
  busy: boolean;
  run: RunAction;
}
