import type { ComplaintDetail } from "../../../../shared/api/complaints";

/** Runs one complaint action on the version shown; answers whether it was saved. */
export type RunAction = (
  action: "assign" | "move" | "notes",
  body: Record<string, unknown>,
  done: string,
) => Promise<boolean>;

export interface ActionProps {
  detail: ComplaintDetail;
  busy: boolean;
  run: RunAction;
}
