/** The complaints' refusals are the shared ones (server/http/refusal.ts); Tx is the sync's. */
export {
  contentHash,
  invalidField,
  type Refusal as ComplaintRefusal,
  refuse,
  uniqueViolation,
} from "../http/refusal";
export type { Tx } from "../sync/rows";
