/** The survey's refusals are the shared ones (server/http/refusal.ts). */
export {
  contentHash,
  invalidField,
  type Refusal as SkmRefusal,
  refuse,
  uniqueViolation,
} from "../http/refusal";
